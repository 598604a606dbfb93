-- The Funnel Stats API's /v1/funnel rows (README, "Funnel Stats API v1"), from funnel_leads
-- (funnel-leads.sql). Bind the request's parameters; never splice them into this text:
--   $1 platform    'google_ads' | 'meta_ads' | 'linkedin_ads'
--   $2 level       'campaign' | 'ad_group' | 'ad'
--   $3 account_id  digits, or NULL for every account
--   $4 from, $5 to ISO dates of lead creation, inclusive
-- Each result row is one contract row: a NULL column is a field to leave out of the JSON.
-- It aggregates exactly as the CSV import does (utils/import/aggregate.ts); the unit test
-- test/unit/sql/funnel-sql.test.ts checks that on the fixtures and on generated leads.
WITH cohort AS (
  SELECT
    CASE $2::text WHEN 'campaign' THEN campaign WHEN 'ad_group' THEN ad_group WHEN 'ad' THEN ad END AS grp,
    reached, lost, amount, created_on, closed_on
  FROM funnel_leads
  WHERE platform = $1::text
    AND created_on BETWEEN $4::date AND $5::date
    AND ($3::text IS NULL OR account_id IS NULL OR account_id = $3::text)
)
SELECT
  -- A platform's own object IDs are 5–20 digits; anything else is a name.
  CASE WHEN grp ~ '^[0-9]{5,20}$' THEN grp END AS id,
  CASE WHEN grp !~ '^[0-9]{5,20}$' THEN grp END AS name,
  -- Cumulative counts: "reached at least this stage". Integers, so drivers give numbers, not strings.
  count(*)::integer AS leads,
  (count(*) FILTER (WHERE reached >= 1))::integer AS mql,
  (count(*) FILTER (WHERE reached >= 2))::integer AS sql,
  (count(*) FILTER (WHERE reached >= 3))::integer AS meetings,
  (count(*) FILTER (WHERE reached >= 4))::integer AS won,
  -- Won is the furthest stage: a won lead is never counted lost.
  (count(*) FILTER (WHERE reached < 4 AND lost))::integer AS lost,
  -- Summed exactly in numeric, then a JSON number.
  coalesce(sum(amount) FILTER (WHERE reached >= 4), 0)::double precision AS revenue,
  coalesce(sum(amount) FILTER (WHERE reached < 4 AND NOT lost), 0)::double precision AS pipeline,
  -- Days from creation to close of won leads, a close before creation left out; NULL when none.
  percentile_cont(0.5) WITHIN GROUP (ORDER BY closed_on - created_on)
    FILTER (WHERE reached >= 4 AND closed_on >= created_on) AS median_days_to_won
FROM cohort
WHERE grp IS NOT NULL
GROUP BY grp
-- The contract needs no order. "C" is code point order, whatever the database's collation, as the
-- import sorts (it compares UTF-16 units: the two differ only for characters above U+FFFF against
-- U+E000–U+FFFF).
ORDER BY grp COLLATE "C";

-- The lead-level table the Funnel Stats API is computed from: one row per CRM lead (contact,
-- lead or deal). Its columns are the fields of the CSV import's lead record,
-- utils/import/lead-record.ts (documented there, in snake_case here), plus account_id, which only
-- a warehouse can know. test/unit/sql/funnel-sql.test.ts fails when the two drift apart.
--
-- Create it as a table your ELT fills, or as a VIEW over your CRM copy with these same columns
-- and types (the CHECKs are then what your view must guarantee).
CREATE TABLE funnel_leads (
  -- Unique per lead: the CSV import writes 'id:<lead_id>', or '<import_id>:<line>' without an ID.
  key         text PRIMARY KEY,
  -- Which CSV import wrote the row, and its line in that file (1 = header). A warehouse may leave both NULL.
  import_id   text,
  line        integer,
  -- Lead creation day (no time zone shift): the API's from/to select on it.
  created_on  date NOT NULL,
  platform    text NOT NULL CHECK (platform IN ('google_ads', 'meta_ads', 'linkedin_ads')),
  -- utm_campaign, or the platform's numeric campaign ID (5–20 digits: answered as the row's id).
  campaign    text NOT NULL CHECK (campaign <> ''),
  -- Ad set / ad group (utm_content) and ad (utm_term), when known.
  ad_group    text,
  ad          text,
  -- Furthest stage reached: 0 lead, 1 MQL, 2 SQL, 3 meeting, 4 won.
  reached     smallint NOT NULL CHECK (reached BETWEEN 0 AND 4),
  -- Closed-lost; a won lead is never lost.
  lost        boolean NOT NULL DEFAULT false CHECK (NOT (lost AND reached = 4)),
  -- Deal amount in the API's currency, to the cent: revenue when won, pipeline when open.
  amount      numeric(15, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  closed_on   date,
  -- The CRM's own ID, when known.
  lead_id     text,
  -- Not in the CSV import: the ad account (digits, as the API's account_id), NULL when unknown.
  -- A lead with no account answers for every account, as an import does.
  account_id  text CHECK (account_id ~ '^[0-9]{1,20}$')
);

-- The query filters by platform and creation day.
CREATE INDEX funnel_leads_platform_created_on ON funnel_leads (platform, created_on);

/**
 * The lead-level record an import produces: one CRM lead (a contact, lead or deal row of the
 * export), already mapped to the extension's vocabulary. It is the one shape stored in IndexedDB
 * (import-db.ts) and aggregated into the API contract's funnel rows (aggregate.ts).
 *
 * The shape is flat and typed on purpose, so it reads as a table: sql/postgres/funnel-leads.sql is
 * this record as a warehouse table (the same fields in snake_case, plus the ad account), and
 * sql/postgres/funnel-rows.sql aggregates it exactly as aggregate.ts does. Change a field here and
 * test/unit/sql/funnel-sql.test.ts fails until the table changes with it.
 *
 * | column     | type                 | meaning                                                          |
 * |------------|----------------------|------------------------------------------------------------------|
 * | key        | string               | primary key: `id:<lead ID>` when a lead ID is mapped, else `<importId>:<line>` |
 * | importId   | string               | which import wrote it                                            |
 * | line       | number               | its line in that file (1 = header)                              |
 * | createdOn  | string `YYYY-MM-DD`  | lead creation date, as written in the file (no time zone shift) |
 * | platform   | `google_ads` \| `meta_ads` \| `linkedin_ads` | the ad platform the lead came from      |
 * | campaign   | string               | campaign name (utm_campaign) or the platform's numeric ID        |
 * | adGroup    | string \| null       | ad set / ad group (utm_content)                                  |
 * | ad         | string \| null       | ad (utm_term)                                                    |
 * | reached    | 0–4                  | furthest stage reached: 0 lead, 1 MQL, 2 SQL, 3 meeting, 4 won. Cumulative: `reached >= 1` counts MQLs |
 * | lost       | boolean              | the deal was lost (never together with reached = 4)             |
 * | amount     | number ≥ 0           | deal amount in the import's currency: revenue when won, pipeline when open |
 * | closedOn   | string \| null       | close date `YYYY-MM-DD`, when mapped                             |
 * | leadId     | string \| null       | the CRM's own ID, when mapped                                    |
 */
import type { Platform } from '../api/constants';

/** The stage ranks of `reached`; `won` is the last. Index = rank. */
export const REACHED_STAGES = ['lead', 'mql', 'sql', 'meeting', 'won'] as const;
export type ReachedStage = (typeof REACHED_STAGES)[number];
export const WON_RANK = 4;

export interface LeadRecord {
  key: string;
  importId: string;
  line: number;
  createdOn: string;
  platform: Platform;
  campaign: string;
  adGroup: string | null;
  ad: string | null;
  reached: number;
  lost: boolean;
  amount: number;
  closedOn: string | null;
  leadId: string | null;
}

export function rankOf(stage: ReachedStage): number {
  return REACHED_STAGES.indexOf(stage);
}

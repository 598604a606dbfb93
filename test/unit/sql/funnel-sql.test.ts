/**
 * The Funnel Stats API as SQL (sql/postgres/), run in a real Postgres engine: PGlite, Postgres
 * compiled to WebAssembly, so no server is needed. The table has the lead record's columns; the
 * query's rows pass the contract's own validation, equal hand counts, and equal the CSV import's
 * aggregation of the same leads (utils/import/aggregate.ts), on the fixtures and on generated leads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEVELS, PLATFORMS, type Level, type Platform } from '../../../utils/api/constants';
import { parseFunnelResponse, type FunnelRow } from '../../../utils/api/schema';
import { aggregateLeads } from '../../../utils/import/aggregate';
import type { LeadRecord } from '../../../utils/import/lead-record';
import { DEFAULT_PLATFORM_TABLE } from '../../../utils/import/platform-table';
import { detectPreset, resolvePreset } from '../../../utils/import/presets';
import { previewCsv, runImport } from '../../../utils/import/run-import';
import { DEFAULT_STAGE_TABLE } from '../../../utils/import/stage-table';
import { detectDateOrder } from '../../../utils/import/values';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const LEADS_TABLE_SQL = readFileSync(path.join(ROOT, 'sql/postgres/funnel-leads.sql'), 'utf8');
const FUNNEL_ROWS_SQL = readFileSync(path.join(ROOT, 'sql/postgres/funnel-rows.sql'), 'utf8');

/** A lead as the warehouse table holds it: the import's record, and the ad account when known. */
type WarehouseLead = LeadRecord & { accountId?: string | null };

interface FunnelQuery {
  platform: Platform;
  level: Level;
  accountId: string | null;
  from: string;
  to: string;
}

// One engine for the whole file: PGlite takes seconds to start on a busy machine.
let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create();
  await db.exec(LEADS_TABLE_SQL);
}, 120_000);
afterAll(async () => {
  await db?.close();
});

/** The table's column for a lead record field: the same name in snake_case. */
const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

async function load(leads: readonly WarehouseLead[]): Promise<void> {
  await db.exec('DELETE FROM funnel_leads');
  const rows = leads.map((lead) => Object.fromEntries(Object.entries(lead).map(([field, value]) => [columnOf(field), value])));
  // Columns are matched by name, so a field the table lacks would be dropped: the first test guards that.
  await db.query('INSERT INTO funnel_leads SELECT * FROM json_populate_recordset(NULL::funnel_leads, $1::json)', [JSON.stringify(rows)]);
}

/** The query with bound parameters, as an endpoint runs it; a NULL column is a field left out. */
async function sqlRows(query: FunnelQuery): Promise<FunnelRow[]> {
  const result = await db.query<Record<string, unknown>>(FUNNEL_ROWS_SQL, [query.platform, query.level, query.accountId, query.from, query.to]);
  return result.rows.map((row) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as FunnelRow);
}

/** The contract's own validation of a whole /v1/funnel body: every row must pass, none dropped. */
function expectValidResponse(rows: FunnelRow[]): void {
  const parsed = parseFunnelResponse({ currency: 'EUR', as_of: '2026-12-01T18:00:00Z', rows });
  expect(parsed.problems).toEqual([]);
  expect(parsed.rows).toEqual(rows);
}

function lead(over: Partial<WarehouseLead> & Pick<LeadRecord, 'key'>): WarehouseLead {
  return {
    importId: 'hand',
    line: 2,
    createdOn: '2025-03-10',
    platform: 'meta_ads',
    campaign: 'Spring',
    adGroup: null,
    ad: null,
    reached: 0,
    lost: false,
    amount: 0,
    closedOn: null,
    leadId: null,
    ...over,
  };
}

describe('the funnel_leads table (sql/postgres/funnel-leads.sql)', () => {
  it("has the lead record's fields as columns, in order, plus account_id, and keeps a record's values as they are", async () => {
    // Every field of LeadRecord, optional ones too, no more: the compiler rejects this literal when the record changes.
    const record: Required<LeadRecord> = {
      key: 'id:4014',
      importId: 'imp-1',
      line: 17,
      createdOn: '2025-03-14',
      platform: 'meta_ads',
      campaign: 'Nordics | Lead Ads | Webinar',
      adGroup: 'Ad set 1',
      ad: 'Video 2',
      reached: 4,
      lost: false,
      amount: 12500.5,
      closedOn: '2025-04-15',
      leadId: '4014',
    };
    const { rows: columns } = await db.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'funnel_leads' ORDER BY ordinal_position",
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'key',
      'import_id',
      'line',
      'created_on',
      'platform',
      'campaign',
      'ad_group',
      'ad',
      'reached',
      'lost',
      'amount',
      'closed_on',
      'lead_id',
      'account_id',
    ]);
    expect(columns.map((c) => c.column_name)).toEqual([...Object.keys(record).map(columnOf), 'account_id']);

    await load([record]);
    const { rows } = await db.query<{ lead: Record<string, unknown> }>('SELECT to_json(l) AS lead FROM funnel_leads l');
    expect(rows).toEqual([
      {
        lead: {
          key: 'id:4014',
          import_id: 'imp-1',
          line: 17,
          created_on: '2025-03-14',
          platform: 'meta_ads',
          campaign: 'Nordics | Lead Ads | Webinar',
          ad_group: 'Ad set 1',
          ad: 'Video 2',
          reached: 4,
          lost: false,
          amount: 12500.5,
          closed_on: '2025-04-15',
          lead_id: '4014',
          account_id: null,
        },
      },
    ]);
  });

  it('refuses what a lead record cannot be: an unknown platform, a stage beyond won, a won lead that is lost, a negative amount', async () => {
    const refused = [
      lead({ key: 'a', platform: 'tiktok_ads' as Platform }),
      lead({ key: 'b', reached: 5 }),
      lead({ key: 'c', reached: 4, lost: true }),
      lead({ key: 'd', amount: -1 }),
      lead({ key: 'e', accountId: 'act_123' }),
    ];
    for (const bad of refused) await expect(load([bad]), bad.key).rejects.toThrow(/violates check constraint/);
  });
});

describe('the funnel query (sql/postgres/funnel-rows.sql) on hand-made leads', () => {
  // Counted by hand: see each lead's comment.
  const leads: WarehouseLead[] = [
    lead({ key: 's1', createdOn: '2025-03-01', reached: 0 }), // first day of the range
    lead({ key: 's2', createdOn: '2025-03-31', reached: 1, lost: true, amount: 500 }), // last day; lost: not pipeline
    lead({ key: 's3', createdOn: '2025-03-10', reached: 3, amount: 1000.1 }), // open meeting: pipeline
    lead({ key: 's4', createdOn: '2025-03-05', reached: 4, amount: 2500.55, closedOn: '2025-03-15' }), // won in 10 days
    lead({ key: 's5', createdOn: '2025-03-20', reached: 4, amount: 100, closedOn: '2025-04-30' }), // won in 41 days
    lead({ key: 's6', createdOn: '2025-03-02', reached: 4, amount: 0.45, closedOn: '2025-03-01' }), // closed before created: no days
    lead({ key: 's7', createdOn: '2025-02-28', reached: 4, amount: 9999 }), // before the range
    lead({ key: 's8', createdOn: '2025-04-01', reached: 1 }), // after the range
    lead({ key: 's9', platform: 'google_ads', reached: 4, amount: 7777 }), // another platform
    lead({ key: 'n1', campaign: '120210942987570608', adGroup: 'Set A', ad: 'Ad 1', reached: 2, accountId: '111' }),
    lead({ key: 'n2', campaign: '120210942987570608', adGroup: 'Set A', createdOn: '2025-03-11', accountId: '222' }),
    lead({ key: 'n3', campaign: '1234', adGroup: 'Set B', createdOn: '2025-03-12', accountId: '111' }), // 4 digits: a name
  ];
  const MARCH: FunnelQuery = { platform: 'meta_ads', level: 'campaign', accountId: null, from: '2025-03-01', to: '2025-03-31' };
  const spring = { name: 'Spring', leads: 6, mql: 5, sql: 4, meetings: 4, won: 3, lost: 1, revenue: 2601, pipeline: 1000.1, median_days_to_won: 25.5 };
  const zeros = { mql: 0, sql: 0, meetings: 0, won: 0, lost: 0, revenue: 0, pipeline: 0 };

  beforeAll(() => load(leads));

  it('counts cumulatively, sums won revenue and open pipeline, and gives numeric campaigns as IDs', async () => {
    const rows = await sqlRows(MARCH);
    expect(rows).toEqual([
      { id: '120210942987570608', leads: 2, mql: 1, sql: 1, meetings: 0, won: 0, lost: 0, revenue: 0, pipeline: 0 },
      { name: '1234', leads: 1, ...zeros },
      spring,
    ]);
    expectValidResponse(rows);
  });

  it('selects one account, and leads with no account answer for every account', async () => {
    expect(await sqlRows({ ...MARCH, accountId: '111' })).toEqual([
      { id: '120210942987570608', leads: 1, mql: 1, sql: 1, meetings: 0, won: 0, lost: 0, revenue: 0, pipeline: 0 },
      { name: '1234', leads: 1, ...zeros },
      spring,
    ]);
    expect(await sqlRows({ ...MARCH, accountId: '222' })).toEqual([{ id: '120210942987570608', leads: 1, ...zeros }, spring]);
  });

  it('groups by ad group or ad, leaving out leads without one', async () => {
    expect(await sqlRows({ ...MARCH, level: 'ad_group' })).toEqual([
      { name: 'Set A', leads: 2, mql: 1, sql: 1, meetings: 0, won: 0, lost: 0, revenue: 0, pipeline: 0 },
      { name: 'Set B', leads: 1, ...zeros },
    ]);
    expect(await sqlRows({ ...MARCH, level: 'ad' })).toEqual([
      { name: 'Ad 1', leads: 1, mql: 1, sql: 1, meetings: 0, won: 0, lost: 0, revenue: 0, pipeline: 0 },
    ]);
  });

  it('takes the creation dates inclusively, and answers an empty range or platform with no rows', async () => {
    expect(await sqlRows({ ...MARCH, from: '2025-03-05', to: '2025-03-10' })).toEqual([
      { id: '120210942987570608', leads: 1, mql: 1, sql: 1, meetings: 0, won: 0, lost: 0, revenue: 0, pipeline: 0 },
      { name: 'Spring', leads: 2, mql: 2, sql: 2, meetings: 2, won: 1, lost: 0, revenue: 2500.55, pipeline: 1000.1, median_days_to_won: 10 },
    ]);
    expect(await sqlRows({ ...MARCH, from: '2025-03-31', to: '2025-03-01' })).toEqual([]);
    expect(await sqlRows({ ...MARCH, platform: 'linkedin_ads' })).toEqual([]);
  });

  it("orders rows by code point, as the import does, even where the warehouse's collation is a language's", async () => {
    const alterCampaign = (collation: string) => db.exec(`ALTER TABLE funnel_leads ALTER COLUMN campaign TYPE text COLLATE "${collation}"`);
    await alterCampaign('und-x-icu'); // ICU's root collation sorts Ä, nordics, Nordics, Zeta
    try {
      await load(['nordics', 'Ä', 'Zeta', 'Nordics'].map((campaign) => lead({ key: campaign, campaign })));
      expect((await sqlRows(MARCH)).map((row) => row.name)).toEqual(['Nordics', 'Zeta', 'nordics', 'Ä']);
    } finally {
      await alterCampaign('default');
    }
  });
});

// ── The fixture exports, imported as the extension imports them ─────────────────────────────
async function importFixture(file: string, importId: string): Promise<LeadRecord[]> {
  const text = readFileSync(path.join(ROOT, 'test/fixtures/crm', file), 'utf8');
  const preview = previewCsv(text);
  const preset = detectPreset(preview.headers);
  if (!preset) throw new Error(`no preset for ${file}`);
  const mapping = resolvePreset(preset, preview.headers);
  const records: LeadRecord[] = [];
  await runImport(
    text,
    { write: async (batch) => void records.push(...batch) },
    {
      mapping,
      platforms: DEFAULT_PLATFORM_TABLE,
      stages: DEFAULT_STAGE_TABLE,
      importId,
      size: text.length,
      dateOrder: detectDateOrder(preview.rows.map((r) => r[preview.headers.indexOf(mapping.createdAt ?? '')] ?? '')),
    },
  );
  return records;
}

describe('the funnel query on the fixture exports', () => {
  it('Pipedrive: the Meta webinar campaign and its ad set, counted by hand from the file', async () => {
    await load(await importFixture('pipedrive-deals-fi.csv', 'pd'));
    // 16 valid Meta rows: 5 Liidi, 4 Markkinointivalmis liidi, 2 Myyntivalmis liidi Hävitty, 2 Tapaaminen open
    // (3 000,00 each), 3 Tapaaminen Voitettu (12 500,00 each, won 32 days after creation).
    const webinar = { leads: 16, mql: 11, sql: 7, meetings: 5, won: 3, lost: 2, revenue: 37500, pipeline: 6000, median_days_to_won: 32 };
    const march: FunnelQuery = { platform: 'meta_ads', level: 'campaign', accountId: null, from: '2025-03-01', to: '2025-03-31' };
    expect(await sqlRows(march)).toEqual([{ name: 'Nordics | Lead Ads | Webinar', ...webinar }]);
    expect(await sqlRows({ ...march, level: 'ad_group' })).toEqual([{ name: 'Ad set 1', ...webinar }]);
    expect(await sqlRows({ ...march, level: 'ad' })).toEqual([]);
    // Deals 4010–4015, created 10.3.–15.3.
    expect(await sqlRows({ ...march, from: '2025-03-10', to: '2025-03-15' })).toEqual([
      { name: 'Nordics | Lead Ads | Webinar', leads: 6, mql: 6, sql: 6, meetings: 4, won: 2, lost: 2, revenue: 25000, pipeline: 6000, median_days_to_won: 32 },
    ]);
    expect(await sqlRows({ ...march, platform: 'linkedin_ads' })).toEqual([
      { name: 'ABM | Decision makers', leads: 6, mql: 4, sql: 0, meetings: 0, won: 0, lost: 0, revenue: 0, pipeline: 0 },
    ]);
  });

  it('all three exports: every platform, level and range gives valid rows equal to the import’s aggregation', async () => {
    const records = [
      ...(await importFixture('hubspot-contacts.csv', 'hs')),
      ...(await importFixture('pipedrive-deals-fi.csv', 'pd')),
      ...(await importFixture('salesforce-opportunities.csv', 'sf')),
    ];
    expect(records.length).toBe(49 + 26 + 20);
    await load(records);
    let compared = 0;
    for (const platform of PLATFORMS) {
      for (const level of LEVELS) {
        for (const [from, to] of [
          ['2025-01-01', '2025-12-31'],
          ['2025-03-10', '2025-03-15'],
        ] as const) {
          for (const accountId of [null, '1234567890']) {
            const query: FunnelQuery = { platform, level, accountId, from, to };
            const rows = await sqlRows(query);
            expect(rows, JSON.stringify(query)).toEqual(aggregateLeads(records, query));
            expectValidResponse(rows);
            compared += rows.length;
          }
        }
      }
    }
    // Not a comparison of empty answers.
    expect(compared).toBeGreaterThan(20);
  });
});

// ── The property: any leads, any query ──────────────────────────────────────────────────────
const FIRST_DAY = Date.UTC(2025, 1, 1);
const day = (offset: number) => new Date(FIRST_DAY + offset * 86_400_000).toISOString().slice(0, 10);

const generatedLead = fc.record({
  created: fc.integer({ min: 0, max: 89 }),
  platform: fc.constantFrom(...PLATFORMS),
  // Names and IDs either side of the 5–20 digit rule, case, non-ASCII letters.
  campaign: fc.constantFrom('Nordics', 'nordics', 'Kevät | Retargeting', 'Ä', '1234', '12345', '120210942987570608', '123456789012345678901'),
  adGroup: fc.option(fc.constantFrom('Set A', 'Set B', '23851234567890123')),
  ad: fc.option(fc.constantFrom('Ad 1', 'ad 1', '23851234567890124')),
  reached: fc.integer({ min: 0, max: 4 }),
  lost: fc.boolean(),
  // Money to the cent, as the table keeps it (numeric(15, 2)).
  cents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000_000_000 })),
  // Closed before creation now and then: those days are left out of the median.
  closedAfter: fc.option(fc.oneof({ arbitrary: fc.integer({ min: -3, max: -1 }), weight: 1 }, { arbitrary: fc.integer({ min: 0, max: 120 }), weight: 3 })),
});

const generatedLeads = fc.array(generatedLead, { maxLength: 60 }).map((leads) =>
  leads.map((g, i): LeadRecord => ({
    key: `gen:${i}`,
    importId: 'gen',
    line: i + 2,
    createdOn: day(g.created),
    platform: g.platform,
    campaign: g.campaign,
    adGroup: g.adGroup,
    ad: g.ad,
    reached: g.reached,
    lost: g.lost && g.reached < 4,
    amount: g.cents / 100,
    closedOn: g.closedAfter === null ? null : day(g.created + g.closedAfter),
    leadId: null,
  })),
);

const generatedQuery = fc.record({
  platform: fc.constantFrom(...PLATFORMS),
  accountId: fc.constantFrom(null, '111'),
  fromDay: fc.integer({ min: -2, max: 91 }),
  days: fc.integer({ min: -1, max: 92 }),
});

describe('the funnel query on generated leads', () => {
  it('equals the import’s aggregation for every level, and passes the contract', async () => {
    await fc.assert(
      fc.asyncProperty(generatedLeads, generatedQuery, async (records, q) => {
        await load(records);
        for (const level of LEVELS) {
          const query: FunnelQuery = { platform: q.platform, level, accountId: q.accountId, from: day(q.fromDay), to: day(q.fromDay + q.days) };
          const rows = await sqlRows(query);
          expect(rows).toEqual(aggregateLeads(records, query));
          expectValidResponse(rows);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

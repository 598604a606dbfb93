/**
 * Lead records → the contract's funnel rows: checked against hand counts and the contract's own
 * zod schema, and a fast-check property: a file split in two aggregates to the same rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FunnelRowSchema, type FunnelRow } from '../../../utils/api/schema';
import { aggregateLeads } from '../../../utils/import/aggregate';
import type { LeadRecord } from '../../../utils/import/lead-record';
import { createRowMapper } from '../../../utils/import/map-rows';
import { DEFAULT_PLATFORM_TABLE } from '../../../utils/import/platform-table';
import { DEFAULT_STAGE_TABLE } from '../../../utils/import/stage-table';

function lead(over: Partial<LeadRecord>): LeadRecord {
  return {
    key: 'k',
    importId: 'i',
    line: 2,
    createdOn: '2025-03-01',
    platform: 'meta_ads',
    campaign: 'Nordics',
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

const MARCH = { platform: 'meta_ads', level: 'campaign', from: '2025-03-01', to: '2025-03-31' } as const;

describe('aggregateLeads', () => {
  it('counts cumulatively, sums won revenue and open pipeline, and takes the median days to won', () => {
    const rows = aggregateLeads(
      [
        lead({ reached: 0 }),
        lead({ reached: 1, lost: true, amount: 500 }),
        lead({ reached: 3, amount: 1000 }),
        lead({ reached: 4, amount: 2500.5, closedOn: '2025-03-11' }),
        lead({ reached: 4, amount: 100, createdOn: '2025-03-31', closedOn: '2025-04-30' }),
      ],
      MARCH,
    );
    expect(rows).toEqual([
      { name: 'Nordics', leads: 5, mql: 4, sql: 3, meetings: 3, won: 2, lost: 1, revenue: 2600.5, pipeline: 1000, median_days_to_won: 20 },
    ]);
    expect(FunnelRowSchema.safeParse(rows[0]).success).toBe(true);
  });

  it('filters by platform and creation date (inclusive), groups by level, and gives numeric campaigns as IDs', () => {
    const records = [
      lead({ createdOn: '2025-02-28' }),
      lead({ createdOn: '2025-04-01' }),
      lead({ platform: 'google_ads' }),
      lead({ campaign: '23851234567890123', adGroup: 'Set A', ad: 'Ad 1' }),
      lead({ campaign: '23851234567890123', adGroup: 'Set B' }),
    ];
    expect(aggregateLeads(records, MARCH)).toEqual([
      { id: '23851234567890123', leads: 2, mql: 0, sql: 0, meetings: 0, won: 0, lost: 0, revenue: 0, pipeline: 0 },
    ]);
    expect(aggregateLeads(records, { ...MARCH, level: 'ad_group' }).map((r) => [r.name, r.leads])).toEqual([
      ['Set A', 1],
      ['Set B', 1],
    ]);
    expect(aggregateLeads(records, { ...MARCH, level: 'ad' }).map((r) => [r.name, r.leads])).toEqual([['Ad 1', 1]]);
    expect(aggregateLeads(records, { ...MARCH, platform: 'linkedin_ads' })).toEqual([]);
  });
});

// ── The split property, on CSV rows as the mapper reads them ─────────────────────────────────
const HEADERS = [
  'Deal - ID',
  'Deal - Deal created',
  'Deal - utm_source',
  'Deal - utm_campaign',
  'Deal - Stage',
  'Deal - Status',
  'Deal - Value',
  'Deal - Won time',
];
const MAPPING = {
  leadId: 'Deal - ID',
  createdAt: 'Deal - Deal created',
  utmSource: 'Deal - utm_source',
  campaign: 'Deal - utm_campaign',
  stage: 'Deal - Stage',
  status: 'Deal - Status',
  amount: 'Deal - Value',
  closedAt: 'Deal - Won time',
};

const csvRow = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    source: fc.constantFrom('facebook', 'fb', 'google', 'linkedin', 'newsletter'),
    campaign: fc.constantFrom('Nordics', 'DACH', '120000000001', ''),
    stage: fc.constantFrom('Lead In', 'Qualified', 'Contact Made', 'Demo Scheduled', 'Someday'),
    status: fc.constantFrom('Open', 'Won', 'Lost'),
    value: fc.constantFrom('', '0', '99.99', '1 000,50', '-1', '12000'),
    wonDay: fc.option(fc.integer({ min: 1, max: 28 })),
  })
  .map((r) => [
    `2025-03-${String(r.day).padStart(2, '0')}`,
    r.source,
    r.campaign,
    r.stage,
    r.status,
    r.value,
    r.wonDay === null ? '' : `2025-04-${String(r.wonDay).padStart(2, '0')}`,
  ]);

function importRows(rows: string[][], firstLine: number, importId: string): LeadRecord[] {
  const map = createRowMapper(HEADERS, { mapping: MAPPING, platforms: DEFAULT_PLATFORM_TABLE, stages: DEFAULT_STAGE_TABLE, dateOrder: 'dmy', importId });
  return rows.flatMap((cells, i) => {
    const out = map([`${importId}-${i}`, ...cells], firstLine + i);
    return out.kind === 'lead' ? [out.record] : [];
  });
}

/** What two answers add up to, summed here field by field (not with the product's code). */
function addUp(a: FunnelRow[], b: FunnelRow[]): Map<string, Omit<FunnelRow, 'median_days_to_won'>> {
  const sum = new Map<string, Omit<FunnelRow, 'median_days_to_won'>>();
  for (const { median_days_to_won: _median, ...row } of [...a, ...b]) {
    const key = row.id ?? row.name ?? '';
    const seen = sum.get(key);
    sum.set(
      key,
      seen
        ? {
            ...seen,
            leads: seen.leads + row.leads,
            mql: seen.mql + row.mql,
            sql: seen.sql + row.sql,
            meetings: seen.meetings + row.meetings,
            won: seen.won + row.won,
            lost: seen.lost + row.lost,
            revenue: Math.round((seen.revenue + row.revenue) * 100) / 100,
            pipeline: Math.round(((seen.pipeline ?? 0) + (row.pipeline ?? 0)) * 100) / 100,
          }
        : row,
    );
  }
  return sum;
}

describe('aggregating a file split in two', () => {
  it('equals aggregating the whole, and every row passes the contract', () => {
    fc.assert(
      fc.property(fc.array(csvRow, { maxLength: 80 }), fc.nat(), fc.constantFrom('meta_ads', 'google_ads', 'linkedin_ads'), (rows, cut, platform) => {
        const at = rows.length === 0 ? 0 : cut % (rows.length + 1);
        const query = { platform, level: 'campaign', from: '2025-03-01', to: '2025-03-31' } as const;
        const whole = aggregateLeads(importRows(rows, 2, 'w'), query);
        const first = aggregateLeads(importRows(rows.slice(0, at), 2, 'a'), query);
        const second = aggregateLeads(importRows(rows.slice(at), 2, 'b'), query);
        for (const row of whole) expect(FunnelRowSchema.safeParse(row).success).toBe(true);
        const wholeByKey = new Map(whole.map(({ median_days_to_won: _m, ...r }) => [r.id ?? r.name ?? '', r]));
        expect(wholeByKey).toEqual(addUp(first, second));
        // And the merged records themselves aggregate to the whole, median included.
        expect(aggregateLeads([...importRows(rows.slice(0, at), 2, 'a'), ...importRows(rows.slice(at), 2 + at, 'b')], query)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { poolCounts, totalsByPlatform } from '../../../utils/funnel/totals';
import type { FunnelCounts } from '../../../utils/funnel/types';
import type { Platform } from '../../../utils/api/constants';
import { campaignX } from './seed';

type Row = FunnelCounts & { platform: Platform };

const counts = (leads: number, mql: number, won: number, revenue: number): FunnelCounts => ({
  leads,
  mql,
  sql: mql,
  meetings: mql,
  won,
  lost: 0,
  revenue,
});

describe('totalsByPlatform', () => {
  const rows: Row[] = [
    { platform: 'meta_ads', ...counts(10, 5, 1, 1_000), spend: 300, pipeline: 50 },
    { platform: 'google_ads', ...campaignX, spend: 15_000 },
    { platform: 'meta_ads', ...counts(20, 8, 2, 4_000), spend: 700, pipeline: 150 },
    { platform: 'google_ads', ...counts(30, 10, 3, 6_000) }, // no spend, no pipeline
  ];

  it('sums counts and revenue per platform, in the fixed platform order', () => {
    const totals = totalsByPlatform(rows);
    expect(totals.map((t) => t.platform)).toEqual(['google_ads', 'meta_ads']);
    const [google, meta] = totals;
    // Google: campaign X + (30 leads, 10 MQL, 3 won, €6,000).
    expect(google).toMatchObject({ rowCount: 2, leads: 150, mql: 90, sql: 70, meetings: 60, won: 33, lost: 40, revenue: 81_000 });
    // Meta: 10 + 20 leads, 5 + 8 MQL, 1 + 2 won, €1,000 + €4,000.
    expect(meta).toMatchObject({ rowCount: 2, leads: 30, mql: 13, won: 3, revenue: 5_000 });
  });

  it('sums spend and pipeline only when every row has them, else marks them partial', () => {
    const [google, meta] = totalsByPlatform(rows);
    expect(meta).toMatchObject({ spend: 1_000, pipeline: 200, spendPartial: false, pipelinePartial: false, spendRowCount: 2 });
    expect(google?.spend).toBeUndefined(); // 15,000 would understate the channel
    expect(google).toMatchObject({ spendPartial: true, spendRowCount: 1, pipelinePartial: true, pipelineRowCount: 1 });
    expect(google?.pipeline).toBeUndefined();
  });

  it('no rows with a figure at all is "none", not "partial"', () => {
    const [linkedin] = totalsByPlatform([{ platform: 'linkedin_ads', ...counts(4, 2, 1, 100) }]);
    expect(linkedin).toMatchObject({ spendPartial: false, spendRowCount: 0 });
    expect(linkedin?.spend).toBeUndefined();
  });

  it('no rows: no platforms', () => {
    expect(totalsByPlatform([])).toEqual([]);
  });
});

describe('poolCounts', () => {
  it('adds counts and revenue', () => {
    expect(poolCounts([campaignX, counts(30, 10, 3, 6_000)])).toEqual({
      leads: 150,
      mql: 90,
      sql: 70,
      meetings: 60,
      won: 33,
      lost: 40,
      revenue: 81_000,
    });
  });
});

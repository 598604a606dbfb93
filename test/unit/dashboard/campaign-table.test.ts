import { describe, expect, it } from 'vitest';
import type { FunnelRow } from '../../../utils/api/schema';
import { buildCampaignRows, DEFAULT_SORT, filterCampaigns, nextSort, sortCampaigns, type CampaignRow } from '../../../utils/dashboard/campaign-table';

function row(id: string, mql: number, won: number, extra: Partial<FunnelRow> = {}): FunnelRow {
  return { id, name: `Campaign ${id}`, leads: mql * 2, mql, sql: mql, meetings: mql, won, lost: mql * 2 - won, revenue: won * 1000, ...extra };
}

function build(): CampaignRow[] {
  return buildCampaignRows([
    { platform: 'google_ads', currency: 'EUR', minMql: 10, rows: [row('g1', 100, 30), row('g2', 1, 1), row('g3', 40, 10, { spend: 5000 })] },
    { platform: 'meta_ads', currency: 'EUR', minMql: 10, rows: [row('m1', 200, 20, { spend: 2000 }), row('m2', 9, 9), row('m3', 0, 0)] },
    { platform: 'linkedin_ads', currency: 'EUR', minMql: 10, rows: [row('g1', 12, 6, { name: 'Säästöt – Pohjoismaat' })] },
  ]);
}

const ids = (rows: CampaignRow[]) => rows.map((r) => r.key);

describe('campaign table rows', () => {
  it('makes one row per (platform, campaign), unique even when IDs repeat across platforms', () => {
    const rows = build();
    expect(rows).toHaveLength(7);
    expect(new Set(ids(rows)).size).toBe(7);
    const g2 = rows.find((r) => r.key === 'google_ads|g2');
    expect(g2?.lowSample).toBe(true);
    expect(g2?.mqlToWon.value).toBe(1);
    expect(rows.find((r) => r.key === 'google_ads|g3')?.roas).toBe(2); // 10 000 / 5 000
    expect(rows.find((r) => r.key === 'google_ads|g1')?.roas).toBeNull(); // no spend
  });

  it('by default ranks by the lower bound: a lucky 1-of-1 (and 9-of-9) does not top the list', () => {
    const sorted = sortCampaigns(build(), DEFAULT_SORT);
    expect(ids(sorted)).toEqual([
      // lower bounds: 6/12 ≈ 0.25, 30/100 ≈ 0.22, 10/40 ≈ 0.14, 20/200 ≈ 0.07
      'linkedin_ads|g1',
      'google_ads|g1',
      'google_ads|g3',
      'meta_ads|m1',
      // low sample after every row with enough data, then no rate at all
      'meta_ads|m2',
      'google_ads|g2',
      'meta_ads|m3',
    ]);
    // The point rate alone would have put the 1-of-1 first.
    const byPoint = [...build()].sort((a, b) => (b.mqlToWon.value ?? -1) - (a.mqlToWon.value ?? -1));
    expect(byPoint[0]?.key).toMatch(/google_ads\|g2|meta_ads\|m2/);
  });

  it('keeps low-sample and no-figure rows last in ascending order too', () => {
    const asc = ids(sortCampaigns(build(), { key: 'mqlToWon', dir: 'asc' }));
    expect(asc.slice(0, 4)).toEqual(['meta_ads|m1', 'google_ads|g3', 'google_ads|g1', 'linkedin_ads|g1']);
    expect(asc.at(-1)).toBe('meta_ads|m3');
    const roas = ids(sortCampaigns(build(), { key: 'roas', dir: 'asc' }));
    expect(roas.slice(0, 2)).toEqual(['google_ads|g3', 'meta_ads|m1']); // 2× then 10×
  });

  it('sorts numeric and text columns both ways', () => {
    const leadsDesc = sortCampaigns(build(), { key: 'leads', dir: 'desc' }).map((r) => r.row.leads);
    expect(leadsDesc).toEqual([...leadsDesc].sort((a, b) => b - a));
    const names = sortCampaigns(build(), { key: 'name', dir: 'asc' }).map((r) => r.row.name);
    expect(names[0]).toBe('Campaign g1');
    expect(names.at(-1)).toBe('Säästöt – Pohjoismaat');
    const channels = sortCampaigns(build(), { key: 'channel', dir: 'desc' }).map((r) => r.platform);
    expect(channels[0]).toBe('linkedin_ads');
  });

  it('filters by channel and by every word of the text, ignoring case and accents', () => {
    const rows = build();
    expect(filterCampaigns(rows, { channel: 'meta_ads', query: '' }).map((r) => r.platform)).toEqual(['meta_ads', 'meta_ads', 'meta_ads']);
    expect(ids(filterCampaigns(rows, { channel: null, query: 'saastot POHJOIS' }))).toEqual(['linkedin_ads|g1']);
    expect(ids(filterCampaigns(rows, { channel: null, query: 'm2' }))).toEqual(['meta_ads|m2']);
    expect(filterCampaigns(rows, { channel: 'google_ads', query: 'säästöt' })).toEqual([]);
    expect(filterCampaigns(rows, { channel: null, query: '   ' })).toHaveLength(7);
  });

  it('flips the direction on the same column and starts numbers descending', () => {
    expect(nextSort(DEFAULT_SORT, 'mqlToWon')).toEqual({ key: 'mqlToWon', dir: 'asc' });
    expect(nextSort(DEFAULT_SORT, 'leads')).toEqual({ key: 'leads', dir: 'desc' });
    expect(nextSort(DEFAULT_SORT, 'name')).toEqual({ key: 'name', dir: 'asc' });
  });
});

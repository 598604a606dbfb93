/**
 * The summary's coverage, counted with the badges' own index (coverageByLookup). That it agrees
 * with matchRows and with the rules on random pages is in agreement.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { FunnelRow } from '../../../utils/api/schema';
import { coverageByLookup, createMatchIndex } from '../../../utils/matching/lookup';

const counts = { leads: 10, mql: 5, sql: 2, meetings: 1, won: 1, lost: 1, revenue: 100 };
type Page = { key: string; id: string | null; name: string };

function coverage(api: FunnelRow[], page: Page[]) {
  const index = createMatchIndex(api);
  for (const row of page) index.notePageRow(row);
  return coverageByLookup(index, page, api);
}

describe('coverageByLookup', () => {
  it('partitions the page into matched, unmatched and ambiguous, and lists the API rows nobody showed', () => {
    const api: FunnelRow[] = [
      { id: '111', name: 'Brand FI', ...counts },
      { name: 'Spring Sale', ...counts },
      { name: 'Twin', ...counts },
      { name: 'twin', ...counts },
      { name: 'Never shown', ...counts },
    ];
    const page: Page[] = [
      { key: 'id:111', id: '111', name: 'Renamed on the page' },
      { key: 'name:Spring Sale', id: null, name: 'spring  sale' },
      { key: 'name:Twin', id: null, name: 'Twin' },
      { key: 'name:Unknown', id: null, name: 'Unknown' },
    ];
    const result = coverage(api, page);
    expect(result.matched).toEqual(['id:111', 'name:Spring Sale']);
    expect(result.unmatched).toEqual(['name:Unknown']);
    expect(result.ambiguous).toEqual([{ by: 'name', name: 'Twin', key: 'twin', pageKeys: ['name:Twin'], apiIndexes: [2, 3] }]);
    expect(result.apiOnly).toEqual([{ apiIndex: 4, name: 'Never shown' }]);
  });

  it('counts a name shown on two page rows as ambiguous, as the badges do', () => {
    const api: FunnelRow[] = [{ name: 'Spring', ...counts }];
    const result = coverage(api, [
      { key: 'name:a', id: null, name: 'Spring' },
      { key: 'name:b', id: null, name: 'spring' },
    ]);
    expect(result.matched).toEqual([]);
    expect(result.ambiguous[0]?.pageKeys).toEqual(['name:a', 'name:b']);
    expect(result.apiOnly).toEqual([]);
  });
});

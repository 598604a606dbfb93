/**
 * The summary's coverage, counted with the badges' own index (coverageByLookup), against the
 * reference matcher (matchRows) where their rules coincide, and on the cases where the index is
 * stricter (it never lets two page rows share one name match).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FunnelRow } from '../../../utils/api/schema';
import { coverageByLookup, createMatchIndex } from '../../../utils/matching/lookup';
import { matchRows } from '../../../utils/matching/match';

const counts = { leads: 10, mql: 5, sql: 2, meetings: 1, won: 1, lost: 1, revenue: 100 };
type Page = { key: string; id: string | null; name: string };

function coverage(api: FunnelRow[], page: Page[]) {
  const index = createMatchIndex(api);
  for (const row of page) index.notePageRow(row.key, row.name);
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
    const result = coverage(api, [{ key: 'name:a', id: null, name: 'Spring' }, { key: 'name:b', id: null, name: 'spring' }]);
    expect(result.matched).toEqual([]);
    expect(result.ambiguous[0]?.pageKeys).toEqual(['name:a', 'name:b']);
    expect(result.apiOnly).toEqual([]);
  });

  const names = fc.constantFrom('Alpha', 'alpha', 'Beta', 'Gamma Sale', 'gamma  sale', 'Delta', 'Épsilon', 'epsilon');

  it('agrees with matchRows on pages matched by name only (no IDs anywhere)', () => {
    fc.assert(
      fc.property(fc.array(names, { maxLength: 8 }), fc.uniqueArray(names, { maxLength: 6 }), (apiNames, pageNames) => {
        const api: FunnelRow[] = apiNames.map((name) => ({ name, ...counts }));
        const page: Page[] = pageNames.map((name, i) => ({ key: `p${i}`, id: null, name }));
        const ours = coverage(api, page);
        const reference = matchRows(page.map((p) => ({ key: p.key, name: p.name })), api).coverage;
        expect(ours.matched).toEqual(reference.matched);
        expect(ours.unmatched).toEqual(reference.unmatched);
        expect(ours.apiOnly).toEqual(reference.apiOnly);
        expect(ours.ambiguous.flatMap((a) => a.pageKeys).sort()).toEqual(reference.ambiguous.flatMap((a) => a.pageKeys).sort());
      }),
    );
  });

  it('agrees with matchRows on pages whose rows all carry IDs the API knows', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 10_000, max: 10_050 }), { minLength: 1, maxLength: 10 }), fc.nat(), (ids, seed) => {
        const api: FunnelRow[] = ids.map((id) => ({ id: String(id), name: `C${id % 3}`, ...counts }));
        const shown = ids.filter((_, i) => (seed >> i) & 1);
        const page: Page[] = shown.map((id) => ({ key: `id:${id}`, id: String(id), name: `Page ${id % 2}` }));
        const ours = coverage(api, page);
        const reference = matchRows(page.map((p) => ({ key: p.key, id: p.id as string, name: p.name })), api).coverage;
        expect(ours).toEqual(reference);
      }),
    );
  });
});

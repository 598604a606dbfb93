import { describe, expect, it } from 'vitest';
import type { FunnelRow } from '../../../utils/api/schema';
import { matchRows } from '../../../utils/matching/lookup';
import type { PageRow } from '../../../utils/matching/match';

const counts = { leads: 10, mql: 5, sql: 3, meetings: 2, won: 1, lost: 1, revenue: 1000 };
const api = (fields: Pick<FunnelRow, 'id' | 'name'>): FunnelRow => ({ ...fields, ...counts });

/** The matches as plain [pageKey, apiIndex, by] triples, in map order. */
function pairs(result: ReturnType<typeof matchRows>): Array<[string, number, string]> {
  return [...result.matches].map(([key, match]) => [key, match.apiIndex, match.by]);
}

describe('matchRows: every page row with an ID', () => {
  // The summary's usual case (Meta, Google): API rows with other IDs cannot pair by name, and
  // matching skips them; a same-named API row without an ID still pairs, and a second one clashes.
  it('pairs by name only with an API row without an ID; same-named API rows with IDs stay API-only', () => {
    const page: PageRow[] = [{ key: 'r1', id: '111', name: 'Brand – FI' }];
    const result = matchRows(page, [api({ id: '222', name: 'Brand FI' }), api({ name: 'brand_fi' }), api({ id: '333', name: 'Brand | FI' })]);
    expect(pairs(result)).toEqual([['r1', 1, 'name']]);
    expect(result.coverage.apiOnly.map((r) => r.apiIndex)).toEqual([0, 2]);
    expect(result.coverage.ambiguous).toEqual([]);
  });

  it('two same-named API rows without IDs are still a clash', () => {
    const page: PageRow[] = [{ key: 'r1', id: '111', name: 'Brand' }];
    const result = matchRows(page, [api({ id: '222', name: 'Brand' }), api({ name: 'Brand' }), api({ name: 'BRAND' })]);
    expect(pairs(result)).toEqual([]);
    expect(result.coverage.ambiguous.map((a) => [a.pageKeys, a.apiIndexes])).toEqual([[['r1'], [1, 2]]]);
    expect(result.coverage.apiOnly.map((r) => r.apiIndex)).toEqual([0]);
  });
});

describe('matchRows: by ID', () => {
  it('pairs equal IDs whatever the names say', () => {
    const result = matchRows([{ key: 'r1', id: '111', name: 'Brand' }], [api({ id: '111', name: 'Renamed in the CRM' })]);
    expect(pairs(result)).toEqual([['r1', 0, 'id']]);
    expect(result.matches.get('r1')?.row.name).toBe('Renamed in the CRM');
  });

  it('an API row taken by ID is not also given to a same-named page row', () => {
    const page: PageRow[] = [
      { key: 'r1', id: '111', name: 'Brand' },
      { key: 'r2', name: 'Brand' },
    ];
    const result = matchRows(page, [api({ id: '111', name: 'Brand' })]);
    expect(pairs(result)).toEqual([['r1', 0, 'id']]);
    expect(result.coverage.unmatched).toEqual(['r2']);
    expect(result.coverage.ambiguous).toEqual([]);
  });

  it('two page rows with one ID both get the row: an ID names one object, however often it is drawn', () => {
    const page: PageRow[] = [
      { key: 'r1', id: '111', name: 'Brand' },
      { key: 'r2', id: '111', name: 'Brand (pinned)' },
    ];
    const result = matchRows(page, [api({ id: '111', name: 'Brand' })]);
    expect(pairs(result)).toEqual([
      ['r1', 0, 'id'],
      ['r2', 0, 'id'],
    ]);
    expect(result.coverage).toEqual({ matched: ['r1', 'r2'], unmatched: [], apiOnly: [], ambiguous: [] });
  });

  it('IDs are trimmed; a blank ID is no ID', () => {
    const result = matchRows(
      [
        { key: 'r1', id: ' 111 ' },
        { key: 'r2', id: '  ', name: 'Haku' },
      ],
      [api({ id: '111' }), api({ id: '222', name: 'Haku' })],
    );
    expect(pairs(result)).toEqual([
      ['r1', 0, 'id'],
      ['r2', 1, 'name'],
    ]);
  });
});

describe('matchRows: by name', () => {
  it('pairs a page row without an ID by normalised name, and says so', () => {
    const result = matchRows([{ key: 'm1', name: 'Kesä-Ale | Haku' }], [api({ id: '9', name: 'kesa_ale - HAKU' })]);
    expect(pairs(result)).toEqual([['m1', 0, 'name']]);
  });

  it('pairs a page row with an ID to an API row without one', () => {
    const result = matchRows([{ key: 'g1', id: '111', name: 'Brand FI' }], [api({ name: 'brand-fi' })]);
    expect(pairs(result)).toEqual([['g1', 0, 'name']]);
  });

  it('does not pair rows whose IDs disagree, even with equal names', () => {
    const result = matchRows([{ key: 'g1', id: '111', name: 'Brand' }], [api({ id: '222', name: 'Brand' })]);
    expect(result.matches.size).toBe(0);
    expect(result.coverage).toEqual({
      matched: [],
      unmatched: ['g1'],
      apiOnly: [{ apiIndex: 0, id: '222', name: 'Brand' }],
      ambiguous: [],
    });
  });

  it('one API name equal to two page rows is ambiguous, not guessed', () => {
    const result = matchRows(
      [
        { key: 'm1', name: 'Brand' },
        { key: 'm2', name: 'BRAND' },
      ],
      [api({ name: 'brand' })],
    );
    expect(result.matches.size).toBe(0);
    expect(result.coverage.ambiguous).toEqual([{ by: 'name', name: 'brand', key: 'brand', pageKeys: ['m1', 'm2'], apiIndexes: [0] }]);
  });

  it('two API rows equal to one page name are ambiguous, not guessed', () => {
    const result = matchRows([{ key: 'm1', name: 'Brand' }], [api({ id: '1', name: 'Brand' }), api({ id: '2', name: 'brand.' })]);
    expect(result.matches.size).toBe(0);
    expect(result.coverage.ambiguous).toEqual([{ by: 'name', name: 'Brand', key: 'brand', pageKeys: ['m1'], apiIndexes: [0, 1] }]);
    expect(result.coverage.apiOnly).toEqual([]);
  });

  it('a name on two page rows is not guessed, even when one of them cannot be the API row', () => {
    // g1 (ID 5) is not API row 7; but m1 may be campaign 5 again, read before its ID was (Meta's
    // IDs can arrive after the row): giving m1 row 7's numbers could put them on campaign 5.
    const result = matchRows(
      [
        { key: 'g1', id: '5', name: 'Brand' },
        { key: 'm1', name: 'Brand' },
      ],
      [api({ id: '7', name: 'Brand' })],
    );
    expect(pairs(result)).toEqual([]);
    expect(result.coverage.unmatched).toEqual(['g1']);
    expect(result.coverage.ambiguous).toEqual([{ by: 'name', name: 'Brand', key: 'brand', pageKeys: ['m1'], apiIndexes: [0] }]);
  });

  it('rows with no name and no matching ID are simply unmatched', () => {
    const result = matchRows([{ key: 'x' }, { key: 'y', name: ' – ' }], [api({ id: '1' })]);
    expect(result.coverage).toEqual({ matched: [], unmatched: ['x', 'y'], apiOnly: [{ apiIndex: 0, id: '1' }], ambiguous: [] });
  });
});

describe('matchRows: coverage report', () => {
  it('a page with every case: matched, without CRM data, API-only, ambiguous', () => {
    const page: PageRow[] = [
      { key: 'p1', id: '100', name: 'Brand FI' }, // by ID
      { key: 'p2', name: 'Kesä-Ale' }, // by name
      { key: 'p3', name: 'Display' }, // two API rows named "display"
      { key: 'p4', name: 'Uusi kampanja' }, // not in the CRM
      { key: 'p5', id: '500', name: 'Video' }, // not in the CRM by ID; API "Video" has another ID
    ];
    const rows = [
      api({ id: '100', name: 'Brand FI' }),
      api({ name: 'kesa ale' }),
      api({ id: '300', name: 'Display' }),
      api({ id: '301', name: 'DISPLAY' }),
      api({ id: '400', name: 'Paused last year' }),
      api({ id: '600', name: 'Video' }),
    ];
    const { matches, coverage } = matchRows(page, rows);
    expect(pairs({ matches, coverage })).toEqual([
      ['p1', 0, 'id'],
      ['p2', 1, 'name'],
    ]);
    expect(coverage).toEqual({
      matched: ['p1', 'p2'],
      unmatched: ['p4', 'p5'],
      apiOnly: [
        { apiIndex: 4, id: '400', name: 'Paused last year' },
        { apiIndex: 5, id: '600', name: 'Video' },
      ],
      ambiguous: [{ by: 'name', name: 'Display', key: 'display', pageKeys: ['p3'], apiIndexes: [2, 3] }],
    });
  });

  it('keeps the caller’s row type and ignores a repeated page key', () => {
    const rows = [{ id: '1', name: 'A', extra: 'kept' }];
    const result = matchRows(
      [
        { key: 'k', id: '1' },
        { key: 'k', id: '2' },
      ],
      rows,
    );
    expect(result.matches.get('k')?.row.extra).toBe('kept');
    expect(result.coverage.matched).toEqual(['k']);
    expect(result.coverage.unmatched).toEqual([]);
  });

  it('empty inputs give an empty report', () => {
    expect(matchRows([], [])).toEqual({ matches: new Map(), coverage: { matched: [], unmatched: [], apiOnly: [], ambiguous: [] } });
  });
});

describe('matchRows: duplicate IDs in the API rows (normally removed by parseFunnelResponse)', () => {
  it('the first row with the ID is matched by ID; the other is like a row not on the page', () => {
    const rows = [api({ id: '1', name: 'Brand' }), api({ id: '1', name: 'Haku' })];
    const result = matchRows(
      [
        { key: 'g1', id: '1', name: 'Brand' },
        { key: 'm1', name: 'Haku' },
      ],
      rows,
    );
    expect(pairs(result)).toEqual([
      ['g1', 0, 'id'],
      ['m1', 1, 'name'],
    ]);
  });
});

/**
 * Matching is implemented once (lookup.ts), but asked two ways: one row at a time by the
 * overlay, which notes page rows as they scroll into view and re-renders only when notePageRow
 * says an earlier answer may have changed, and a whole page at once (matchRows). Checked here on
 * random pages and API answers built from small pools, so that shared IDs, near-duplicate names
 * and ID/name mixes are common:
 * 1. matchRows gives, for every page row, what the rules (written out plainly below) say;
 * 2. the overlay's incremental answers, after every row is seen, are matchRows' answers, whatever
 *    the order the rows were seen in and whether badges were looked up in between.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shuffle } from './shuffle';
import type { FunnelRow } from '../../../utils/api/schema';
import { createMatchIndex, matchRows, type LookupResult, type SeenPageRow } from '../../../utils/matching/lookup';
import { normalizeName } from '../../../utils/matching/match';

const counts = { leads: 1, mql: 1, sql: 0, meetings: 0, won: 0, lost: 0, revenue: 0 };

/**
 * Names that are equal after normalisation in several spellings (each path of normalizeName: plain
 * lower-case ASCII, upper case and separators, Latin letters folded by table, the full Unicode
 * fold), and some that only look close.
 */
const nameArb = fc.constantFrom(
  'Brand',
  'BRAND',
  'brand',
  'brand_',
  ' brand ',
  'Brand 2',
  'Bränd',
  'ＢＲＡＮＤ',
  'Bra\u0301nd',
  'Kesä-Ale',
  'kesa ale',
  'KESÄ\u00a0ALE',
  'kesa\u2013ale',
  'Kesä Ale 2',
  'Haku',
  'haku.',
  ' – ',
  '',
);
/** IDs, with the whitespace a page or an export can add. */
const idArb = fc.constantFrom('1', '2', '3', ' 3 ', '4', '5', '  ');

/** Page rows: keys unique, IDs and names often shared (a campaign drawn twice, twins, renamed rows). */
const pageArb = fc
  .array(fc.record({ id: fc.option(idArb, { nil: null }), name: nameArb }), { maxLength: 10 })
  .map((rows): SeenPageRow[] => rows.map((row, i) => ({ key: `row-${i}`, id: row.id, name: row.name })));
/** API rows: IDs usually unique (parseFunnelResponse drops duplicates), but not always here. */
const apiArb = fc
  .array(fc.record({ id: fc.option(idArb, { nil: undefined }), name: fc.option(nameArb, { nil: undefined }) }), { maxLength: 10 })
  .map((rows): FunnelRow[] =>
    rows.map((row) => ({ ...(row.id !== undefined ? { id: row.id } : {}), ...(row.name !== undefined ? { name: row.name } : {}), ...counts })),
  );

type Answer = { kind: 'match'; apiIndex: number; by: 'id' | 'name' } | { kind: 'ambiguous' } | { kind: 'none' };

/** The rules, row by row, as lookup.ts states them (quadratic on purpose: no index, no caching). */
function byTheRules(row: SeenPageRow, page: readonly SeenPageRow[], api: readonly FunnelRow[]): Answer {
  const trim = (id: string | null | undefined) => id?.trim() || undefined;
  const apiWithId = (id: string) => api.findIndex((a) => trim(a.id) === id);
  const id = trim(row.id);
  if (id !== undefined && apiWithId(id) >= 0) return { kind: 'match', apiIndex: apiWithId(id), by: 'id' };
  const name = normalizeName(row.name);
  if (!name) return { kind: 'none' };
  const shownById = new Set(
    page
      .map((p) => trim(p.id))
      .filter((pid): pid is string => pid !== undefined)
      .map(apiWithId)
      .filter((a) => a >= 0),
  );
  const candidates = api
    .map((a, index) => ({ a, index }))
    .filter(({ a, index }) => normalizeName(a.name ?? '') === name && !shownById.has(index) && (id === undefined || trim(a.id) === undefined));
  if (candidates.length === 0) return { kind: 'none' };
  const twin = page.some((p) => p.key !== row.key && normalizeName(p.name) === name);
  if (candidates.length > 1 || twin) return { kind: 'ambiguous' };
  return { kind: 'match', apiIndex: (candidates[0] as { index: number }).index, by: 'name' };
}

function answerOf(result: LookupResult): Answer {
  return result.kind === 'match' ? { kind: 'match', apiIndex: result.apiIndex, by: result.by } : { kind: result.kind };
}

function batchAnswers(page: readonly SeenPageRow[], api: readonly FunnelRow[]): Map<string, Answer> {
  const { matches, coverage } = matchRows(
    page.map((p) => ({ key: p.key, ...(p.id !== null ? { id: p.id } : {}), name: p.name })),
    api,
  );
  const answers = new Map<string, Answer>();
  for (const [key, m] of matches) answers.set(key, { kind: 'match', apiIndex: m.apiIndex, by: m.by });
  for (const key of coverage.unmatched) answers.set(key, { kind: 'none' });
  for (const clash of coverage.ambiguous) for (const key of clash.pageKeys) answers.set(key, { kind: 'ambiguous' });
  return answers;
}

describe('one set of matching rules, asked a page at a time or a row at a time', () => {
  it('matchRows answers every page row as the rules say', () => {
    fc.assert(
      fc.property(pageArb, apiArb, (page, api) => {
        const answers = batchAnswers(page, api);
        for (const row of page) expect(answers.get(row.key)).toEqual(byTheRules(row, page, api));
      }),
      { numRuns: 500 },
    );
  });

  it('the overlay, seeing rows in any order and re-rendering when told, ends with matchRows’ answers', () => {
    fc.assert(
      fc.property(pageArb, apiArb, fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), fc.integer(), (page, api, lookUpAfter, seed) => {
        const index = createMatchIndex(api);
        const order = shuffle(page, seed);
        const shown = new Map<string, Answer>();
        const rowOf = new Map(page.map((p) => [p.key, p]));
        order.forEach((row, i) => {
          // What the engine does: note a newly seen row, re-render every badge when told to.
          if (index.notePageRow(row)) {
            for (const key of shown.keys()) {
              const seen = rowOf.get(key) as SeenPageRow;
              shown.set(key, answerOf(index.lookup(seen.id, seen.name)));
            }
          }
          // Badges are looked up when drawn: sometimes right away, sometimes only at the end.
          if (lookUpAfter[i]) shown.set(row.key, answerOf(index.lookup(row.id, row.name)));
        });
        for (const row of order) if (!shown.has(row.key)) shown.set(row.key, answerOf(index.lookup(row.id, row.name)));
        expect(shown).toEqual(batchAnswers(page, api));
      }),
      { numRuns: 500 },
    );
  });

  it('two page rows showing one ID both show that campaign; a page row without the ID does not', () => {
    const api: FunnelRow[] = [{ id: '111', name: 'Brand', ...counts }];
    const page: SeenPageRow[] = [
      { key: 'row-0', id: '111', name: 'Brand' },
      { key: 'row-1', id: '111', name: 'Brand (pinned)' },
      { key: 'row-2', id: null, name: 'Brand' },
    ];
    expect([...batchAnswers(page, api)]).toEqual([
      ['row-0', { kind: 'match', apiIndex: 0, by: 'id' }],
      ['row-1', { kind: 'match', apiIndex: 0, by: 'id' }],
      ['row-2', { kind: 'none' }],
    ]);
  });

  it('a page row shown by its ID blocks a name match for its name in any spelling, noted before or after the first lookup', () => {
    const api: FunnelRow[] = [
      { id: '111', name: 'Brand', ...counts },
      { name: 'Kesä Ale', ...counts },
    ];
    const idRow: SeenPageRow = { key: 'id:111', id: '111', name: 'KESÄ – ALE' };
    const nameRow: SeenPageRow = { key: 'name:kesa ale', id: null, name: 'kesa_ale' };
    expect([...batchAnswers([idRow, nameRow], api)]).toEqual([
      ['id:111', { kind: 'match', apiIndex: 0, by: 'id' }],
      ['name:kesa ale', { kind: 'ambiguous' }],
    ]);
    // The overlay sees the name row first and shows its match; the ID row then withdraws it.
    const index = createMatchIndex(api);
    index.notePageRow(nameRow);
    expect(index.lookup(nameRow.id, nameRow.name)).toMatchObject({ kind: 'match', apiIndex: 1, by: 'name' });
    expect(index.notePageRow(idRow)).toBe(true);
    expect(index.lookup(nameRow.id, nameRow.name)).toEqual({ kind: 'ambiguous' });
  });

  it('a name match shown before is withdrawn when the API row’s own ID scrolls into view', () => {
    const api: FunnelRow[] = [{ id: '111', name: 'Brand', ...counts }];
    const index = createMatchIndex(api);
    index.notePageRow({ key: 'name:Brand', id: null, name: 'Brand' });
    expect(index.lookup(null, 'Brand')).toMatchObject({ kind: 'match', by: 'name', apiIndex: 0 });
    // Campaign 111, renamed on the platform, is a different row: the first one is not 111.
    expect(index.notePageRow({ key: 'id:111', id: '111', name: 'Brand renamed' })).toBe(true);
    expect(index.lookup(null, 'Brand')).toEqual({ kind: 'none' });
  });
});

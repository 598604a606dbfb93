/**
 * Invariants of campaign matching, checked with fast-check on pages and API answers built from
 * small pools of IDs and names, so that collisions and clashes are common.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shuffle } from './shuffle';
import type { FunnelRow } from '../../../utils/api/schema';
import { matchRows } from '../../../utils/matching/lookup';
import { foldNameSlowly, nameHash, normalizeName, type PageRow } from '../../../utils/matching/match';

const counts = { leads: 1, mql: 1, sql: 0, meetings: 0, won: 0, lost: 0, revenue: 0 };

/** Names that collide after normalisation in several spellings. */
const nameArb = fc.constantFrom('Brand', 'BRAND', 'brand_', 'Kesä-Ale', 'kesa ale', 'KESÄ | ALE', 'Haku', 'Display', 'Video 2024', 'video-2024', ' – ');
const idArb = fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8');

const pageArb: fc.Arbitrary<PageRow[]> = fc
  .array(fc.record({ id: fc.option(idArb, { nil: undefined }), name: fc.option(nameArb, { nil: undefined }) }), { maxLength: 14 })
  .map((rows) => rows.map((row, i) => ({ key: `row-${i}`, ...(row.id ? { id: row.id } : {}), ...(row.name ? { name: row.name } : {}) })));

/** API rows: IDs unique, as parseFunnelResponse guarantees. */
const apiArb: fc.Arbitrary<FunnelRow[]> = fc
  .array(fc.record({ id: fc.option(idArb, { nil: undefined }), name: fc.option(nameArb, { nil: undefined }) }), { maxLength: 14 })
  .map((rows) => {
    const seen = new Set<string>();
    return rows
      .filter((row) => row.id === undefined || (!seen.has(row.id) && seen.add(row.id)))
      .map((row) => ({ ...(row.id ? { id: row.id } : {}), ...(row.name ? { name: row.name } : {}), ...counts }));
  });

const sortedPairs = (result: ReturnType<typeof matchRows>, apiRows: readonly FunnelRow[]): string[] =>
  [...result.matches].map(([key, m]) => `${key}→${JSON.stringify(apiRows[m.apiIndex])}/${m.by}`).sort();

describe('matching invariants', () => {
  it('never pairs one API row with two page rows, unless both show its ID', () => {
    fc.assert(
      fc.property(pageArb, apiArb, (page, api) => {
        const byName = [...matchRows(page, api).matches.values()].filter((m) => m.by === 'name').map((m) => m.apiIndex);
        const byId = new Set([...matchRows(page, api).matches.values()].filter((m) => m.by === 'id').map((m) => m.apiIndex));
        expect(new Set(byName).size).toBe(byName.length);
        expect(byName.filter((a) => byId.has(a))).toEqual([]);
      }),
    );
  });

  it('every match is justified: equal IDs, or equal names where not both rows have IDs', () => {
    fc.assert(
      fc.property(pageArb, apiArb, (page, api) => {
        const byKey = new Map(page.map((row) => [row.key, row]));
        for (const [key, match] of matchRows(page, api).matches) {
          const pageRow = byKey.get(key) as PageRow;
          expect(match.row).toBe(api[match.apiIndex]);
          if (match.by === 'id') {
            expect(pageRow.id).toBe(match.row.id);
          } else {
            expect(pageRow.id !== undefined && match.row.id !== undefined).toBe(false);
            expect(normalizeName(pageRow.name ?? '')).toBe(normalizeName(match.row.name ?? ''));
          }
        }
      }),
    );
  });

  it('the coverage report partitions the page rows and the API rows', () => {
    fc.assert(
      fc.property(pageArb, apiArb, (page, api) => {
        const { matches, coverage } = matchRows(page, api);
        const pageKeys = [...coverage.matched, ...coverage.unmatched, ...coverage.ambiguous.flatMap((a) => a.pageKeys)];
        expect(pageKeys.sort()).toEqual(page.map((row) => row.key).sort());
        expect(coverage.matched).toEqual([...matches.keys()].sort((a, b) => Number(a.slice(4)) - Number(b.slice(4))));
        const apiIndexes = [
          ...new Set([...matches.values()].map((m) => m.apiIndex)),
          ...coverage.apiOnly.map((a) => a.apiIndex),
          ...coverage.ambiguous.flatMap((a) => a.apiIndexes),
        ];
        expect(apiIndexes.sort((a, b) => a - b)).toEqual(api.map((_, i) => i));
      }),
    );
  });

  it('is deterministic, whatever the order of the rows', () => {
    fc.assert(
      fc.property(pageArb, apiArb, fc.integer(), (page, api, seed) => {
        const first = matchRows(page, api);
        expect(matchRows(page, api)).toEqual(first);
        const shuffledPage = shuffle(page, seed);
        const shuffledApi = shuffle(api, seed + 1);
        expect(sortedPairs(matchRows(shuffledPage, shuffledApi), shuffledApi)).toEqual(sortedPairs(first, api));
      }),
    );
  });
});

describe('normalisation invariants', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.string({
      unit: fc.constantFrom(...'aBZÄäöÅåßØæİıﬁＡ –—_|/.:\t\u00a0\u00a8\u2003\u202f\u200b\u2060\ufeff\u00adé\u0301ペ€→‰\u2011\u2126\u2160\u2028'.split('')),
    }),
  );

  /** The definition, written out: the full fold, separator runs as one space, trimmed. */
  const byDefinition = (text: string): string =>
    foldNameSlowly(text)
      .replace(/[\s_\-–—|/.:]+/g, ' ')
      .trim();

  it('the fast paths give exactly what the definition gives', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(normalizeName(text)).toBe(byDefinition(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('every code unit the fast paths handle gives what the definition gives (and hashes so), alone and among letters and separators', () => {
    const units = [
      ...Array.from({ length: 0x250 }, (_, code) => code),
      // U+2000–U+21FF: spaces, punctuation, currency signs, letterlike symbols, number forms, arrows.
      ...Array.from({ length: 0x200 }, (_, i) => 0x2000 + i),
      0xfeff,
    ];
    const mismatches: string[] = [];
    for (const code of units) {
      const ch = String.fromCharCode(code);
      for (const text of [ch, `a${ch}b`, `A ${ch} B`, ` ${ch}${ch} `, `${ch}Z_`]) {
        if (normalizeName(text) !== byDefinition(text)) mismatches.push(JSON.stringify(text));
        if (nameHash(text) !== nameHash(byDefinition(text))) mismatches.push(`hash of ${JSON.stringify(text)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('a name hashes as its normalised form does, so equal normalised names hash equally', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(nameHash(text)).toBe(nameHash(normalizeName(text)));
      }),
      { numRuns: 1000 },
    );
    // Spellings that normalise alike, by every path: plain ASCII, the table, the full fold.
    const spellings = ['kesa ale', 'Kesä-Ale', 'KESA_ALE', ' kesa\u2013ale ', 'KESÄ\u00a0ALE', 'Ｋｅｓａ Ａｌｅ', 'Kesa\u0301 Ale'];
    expect(new Set(spellings.map(normalizeName))).toEqual(new Set(['kesa ale']));
    expect(new Set(spellings.map(nameHash)).size).toBe(1);
  });

  it('normalising twice changes nothing', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalizeName(text);
        expect(normalizeName(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});

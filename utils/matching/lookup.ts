/**
 * Per-row matching for the overlay's hot path. `matchRows` (match.ts) is the reference: it
 * matches a whole page at once and reports coverage. A virtualised table shows a few rows at a
 * time and recycles them while scrolling, so the overlay cannot re-run it for every frame; this
 * index answers one row in O(1) with the same rules:
 * 1. by ID when the page row and an API row both have it;
 * 2. otherwise by normalised name (a page row with an ID only pairs with API rows without one);
 * 3. a name shared by two API candidates, or by two different page rows seen so far, is
 *    ambiguous: no guess.
 * The page side grows as rows are seen (`notePageRow`); when a name gains a second page row,
 * `notePageRow` says so, so the caller can re-render the badges that matched it before.
 */
import type { FunnelRow } from '../api/schema';
import { normalizeName, type AmbiguousMatch, type Coverage, type MatchedBy } from './match';

export type LookupResult =
  | { kind: 'match'; row: FunnelRow; apiIndex: number; by: MatchedBy }
  | { kind: 'ambiguous' }
  | { kind: 'none' };

export interface MatchIndex {
  lookup(id: string | null, name: string): LookupResult;
  /** Records a page row; true when this made an earlier name match ambiguous. */
  notePageRow(key: string, name: string): boolean;
  /** The API rows (indexes) that carry this page name, for an ambiguity report. */
  candidates(name: string): readonly number[];
}

const NONE: LookupResult = { kind: 'none' };
const AMBIGUOUS: LookupResult = { kind: 'ambiguous' };

export function createMatchIndex(rows: readonly FunnelRow[]): MatchIndex {
  const byId = new Map<string, number>();
  const byNameAll = new Map<string, number[]>();
  const byNameWithoutId = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const id = row.id?.trim();
    if (id && !byId.has(id)) byId.set(id, index);
    if (!row.name) return;
    const key = normalizeName(row.name);
    if (!key) return;
    push(byNameAll, key, index);
    if (!id) push(byNameWithoutId, key, index);
  });

  const pageKeysByName = new Map<string, Set<string>>();
  const normalized = new Map<string, string>();
  const norm = (name: string): string => {
    let value = normalized.get(name);
    if (value === undefined) {
      value = normalizeName(name);
      normalized.set(name, value);
    }
    return value;
  };

  /**
   * Page rows are noted by name only once some row needs its name to match (an ID that finds
   * nothing): before that no badge shows a name match, so no name can have become ambiguous,
   * and a page keyed by IDs never pays for normalising its names.
   */
  let pending: Array<[string, string]> | null = [];

  const note = (pageKey: string, name: string): boolean => {
    const key = norm(name);
    if (!key) return false;
    let keys = pageKeysByName.get(key);
    if (!keys) {
      keys = new Set();
      pageKeysByName.set(key, keys);
    }
    if (keys.has(pageKey)) return false;
    keys.add(pageKey);
    return keys.size === 2 && byNameAll.has(key);
  };

  return {
    lookup(id, name) {
      const trimmedId = id?.trim();
      if (trimmedId) {
        const index = byId.get(trimmedId);
        if (index !== undefined) return { kind: 'match', row: rows[index] as FunnelRow, apiIndex: index, by: 'id' };
      }
      if (pending) {
        for (const [pageKey, pageName] of pending) note(pageKey, pageName);
        pending = null;
      }
      const key = norm(name);
      if (!key) return NONE;
      const candidates = (trimmedId ? byNameWithoutId : byNameAll).get(key);
      if (!candidates) return NONE;
      if (candidates.length > 1 || (pageKeysByName.get(key)?.size ?? 0) > 1) return AMBIGUOUS;
      const index = candidates[0] as number;
      return { kind: 'match', row: rows[index] as FunnelRow, apiIndex: index, by: 'name' };
    },
    candidates(name) {
      return byNameAll.get(norm(name)) ?? [];
    },
    notePageRow(pageKey, name) {
      if (pending) {
        pending.push([pageKey, name]);
        return false;
      }
      return note(pageKey, name);
    },
  };
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The page's coverage as its badges show it: every page row looked up in the same index the
 * badges use, so the summary never counts a match the badges do not show (or the reverse).
 * Page rows are partitioned into matched, unmatched and ambiguous; API rows that no page row
 * matched, and that no ambiguity involves, are `apiOnly`.
 */
export function coverageByLookup(
  index: MatchIndex,
  pageRows: Iterable<{ key: string; id: string | null; name: string }>,
  apiRows: readonly FunnelRow[],
): Coverage {
  const matched: string[] = [];
  const unmatched: string[] = [];
  const ambiguousByName = new Map<string, AmbiguousMatch>();
  const used = new Uint8Array(apiRows.length);
  for (const row of pageRows) {
    const result = index.lookup(row.id, row.name);
    if (result.kind === 'match') {
      matched.push(row.key);
      used[result.apiIndex] = 1;
    } else if (result.kind === 'none') {
      unmatched.push(row.key);
    } else {
      const key = normalizeName(row.name);
      let clash = ambiguousByName.get(key);
      if (!clash) {
        const apiIndexes = [...index.candidates(row.name)];
        for (const a of apiIndexes) used[a] = 1;
        clash = { by: 'name', name: apiRows[apiIndexes[0] ?? -1]?.name ?? row.name, key, pageKeys: [], apiIndexes };
        ambiguousByName.set(key, clash);
      }
      clash.pageKeys.push(row.key);
    }
  }
  const apiOnly: Coverage['apiOnly'] = [];
  apiRows.forEach((row, apiIndex) => {
    if (used[apiIndex]) return;
    apiOnly.push({ apiIndex, ...(row.name !== undefined ? { name: row.name } : {}), ...(row.id !== undefined ? { id: row.id } : {}) });
  });
  return { matched, unmatched, apiOnly, ambiguous: [...ambiguousByName.values()] };
}

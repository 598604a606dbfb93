/**
 * Campaign matching: which CRM row a campaign row on an ad manager's page shows. The rules live
 * here once; the overlay asks one row at a time (createMatchIndex: a virtualised table shows a
 * few rows and recycles them while scrolling), and matchRows asks for a whole page at once.
 *
 * 1. By ID, when the page row's ID is an API row's ID. An ID is authoritative: every page row
 *    showing it shows that object (the same campaign drawn twice, a pinned copy, a recycled row
 *    node that now shows it), so all of them get its numbers.
 * 2. Otherwise by normalised name (normalizeName), among the API rows that could be this object:
 *    - not an API row whose ID some page row shows (that row is the object; this one is not);
 *    - for a page row with an ID (one the API does not have), only API rows without an ID.
 * 3. A name match needs exactly one such candidate, and no other page row seen with that name:
 *    a name shared by two API candidates, or by two page rows, is ambiguous, and nothing is guessed.
 *    (A page row first read without its ID and later with it counts as two rows: no guess then.)
 * The page side grows as rows are seen (`notePageRow`). When a newly seen row can change an answer
 * given before (a name gains a second page row, or an API row that a name could match turns out
 * to be shown by its ID), `notePageRow` says so, so the caller can re-render its badges.
 */
import type { FunnelRow } from '../api/schema';
import { normalizeName, type AmbiguousMatch, type Coverage, type Match, type MatchedBy, type MatchResult, type PageRow } from './match';

type ApiRowLike = Pick<FunnelRow, 'id' | 'name'>;

export type LookupResult<R = FunnelRow> = { kind: 'match'; row: R; apiIndex: number; by: MatchedBy } | { kind: 'ambiguous' } | { kind: 'none' };

/** A page row as the index sees it: its key (one per campaign on the page), ID and name. */
export interface SeenPageRow {
  key: string;
  id: string | null;
  name: string;
}

export interface MatchIndex<R = FunnelRow> {
  /** The answer for a page row that was noted (notePageRow) with this ID and name. */
  lookup(id: string | null, name: string): LookupResult<R>;
  /** Records a page row; true when this can change an answer lookup gave before. */
  notePageRow(row: SeenPageRow): boolean;
  /** The API rows a page row with this ID and name could match by name (for an ambiguity report). */
  candidates(id: string | null, name: string): readonly number[];
}

const NONE = { kind: 'none' } as const;
const AMBIGUOUS = { kind: 'ambiguous' } as const;

/** Trimmed, non-empty ID, or undefined. */
function idOf(id: string | null | undefined): string | undefined {
  const trimmed = id?.trim();
  return trimmed ? trimmed : undefined;
}

export function createMatchIndex<R extends ApiRowLike = FunnelRow>(rows: readonly R[]): MatchIndex<R> {
  const byId = new Map<string, number>();
  rows.forEach((row, index) => {
    const id = idOf(row.id);
    // Duplicate IDs are dropped by parseFunnelResponse; any left: the first one is matched by ID.
    if (id && !byId.has(id)) byId.set(id, index);
  });

  /** API rows whose ID a page row shows: no other page row can be them. */
  const claimed = new Uint8Array(rows.length);

  /**
   * API rows by normalised name, built when a name is first needed, so a page whose rows all show
   * IDs the API has never pays for normalising names: the rows without an ID (all that a page row
   * with an unknown ID may pair with) first, every row once a page row without an ID asks.
   */
  let byNameWithoutId: Map<string, number[]> | null = null;
  let byNameAll: Map<string, number[]> | null = null;
  const apiNameKeys: Array<string | undefined> = [];
  const apiNameKey = (index: number): string => (apiNameKeys[index] ??= normalizeName(rows[index]?.name ?? ''));
  function apiRowsByName(pageRowHasId: boolean): Map<string, number[]> {
    if (pageRowHasId && byNameWithoutId) return byNameWithoutId;
    if (!pageRowHasId && byNameAll) return byNameAll;
    const map = new Map<string, number[]>();
    rows.forEach((row, index) => {
      // A row already shown by its ID is no name candidate, now or later (claims are not undone).
      if (claimed[index] || (pageRowHasId && idOf(row.id))) return;
      const key = apiNameKey(index);
      if (key) push(map, key, index);
    });
    return pageRowHasId ? (byNameWithoutId = map) : (byNameAll = map);
  }

  /** The page rows seen per normalised name: the first one's key, a set once there are more. */
  const pageKeysByName = new Map<string, string | Set<string>>();
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
   * nothing): before that no badge shows a name match, so no answer can change, and a page
   * keyed by IDs never pays for normalising its names.
   */
  let pending: SeenPageRow[] | null = [];

  const noteName = (pageKey: string, name: string): boolean => {
    const key = norm(name);
    if (!key) return false;
    const keys = pageKeysByName.get(key);
    if (keys === undefined) {
      pageKeysByName.set(key, pageKey);
      return false;
    }
    if (keys === pageKey || (typeof keys !== 'string' && keys.has(pageKey))) return false;
    if (typeof keys !== 'string') {
      keys.add(pageKey); // a third row: the name is ambiguous already
      return false;
    }
    pageKeysByName.set(key, new Set([keys, pageKey]));
    // The name's second page row: a match shown with it before is ambiguous now. Only a name some
    // API row has can have matched (and only the maps asked for are built).
    return (byNameAll ?? byNameWithoutId)?.has(key) === true;
  };

  function nameCandidates(id: string | undefined, key: string): number[] {
    const all = apiRowsByName(id !== undefined).get(key);
    if (!all) return [];
    return all.some((a) => claimed[a]) ? all.filter((a) => !claimed[a]) : all;
  }

  return {
    lookup(rawId, name) {
      const id = idOf(rawId);
      if (id) {
        const index = byId.get(id);
        if (index !== undefined) return { kind: 'match', row: rows[index] as R, apiIndex: index, by: 'id' };
      }
      if (pending) {
        for (const row of pending) noteName(row.key, row.name);
        pending = null;
      }
      const key = norm(name);
      if (!key) return NONE;
      const candidates = nameCandidates(id, key);
      if (candidates.length === 0) return NONE;
      if (candidates.length > 1 || typeof pageKeysByName.get(key) === 'object') return AMBIGUOUS;
      const index = candidates[0] as number;
      return { kind: 'match', row: rows[index] as R, apiIndex: index, by: 'name' };
    },
    candidates(id, name) {
      return nameCandidates(idOf(id), norm(name));
    },
    notePageRow(row) {
      const id = idOf(row.id);
      const shown = id === undefined ? undefined : byId.get(id);
      let changed = false;
      if (shown !== undefined && !claimed[shown]) {
        claimed[shown] = 1;
        // A name could have matched this API row before its own row was seen.
        changed = pending === null && apiNameKey(shown) !== '';
      }
      if (pending) {
        pending.push(row);
        return changed;
      }
      return noteName(row.key, row.name) || changed;
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
export function coverageByLookup<R extends ApiRowLike>(index: MatchIndex<R>, pageRows: Iterable<SeenPageRow>, apiRows: readonly R[]): Coverage {
  return lookUpAll(index, pageRows, apiRows).coverage;
}

/**
 * Matches a whole page at once: every page row noted, then looked up. Page keys identify the
 * rows; a repeated key is ignored after its first row. Linear time (see
 * test/bench/matching.bench.ts for 10,000 × 10,000 rows) and deterministic: lists come out in
 * input order.
 */
export function matchRows<R extends ApiRowLike>(pageRows: readonly PageRow[], apiRows: readonly R[]): MatchResult<R> {
  const seenKeys = new Set<string>();
  const pages: SeenPageRow[] = [];
  for (const row of pageRows) {
    if (seenKeys.has(row.key)) continue;
    seenKeys.add(row.key);
    pages.push({ key: row.key, id: row.id ?? null, name: row.name ?? '' });
  }
  const index = createMatchIndex(apiRows);
  for (const row of pages) index.notePageRow(row);
  return lookUpAll(index, pages, apiRows);
}

function lookUpAll<R extends ApiRowLike>(index: MatchIndex<R>, pageRows: Iterable<SeenPageRow>, apiRows: readonly R[]): MatchResult<R> {
  const matches = new Map<string, Match<R>>();
  const unmatched: string[] = [];
  const ambiguousByName = new Map<string, AmbiguousMatch>();
  const used = new Uint8Array(apiRows.length);
  for (const row of pageRows) {
    const result = index.lookup(row.id, row.name);
    if (result.kind === 'match') {
      matches.set(row.key, { apiIndex: result.apiIndex, row: result.row, by: result.by });
      used[result.apiIndex] = 1;
    } else if (result.kind === 'none') {
      unmatched.push(row.key);
    } else {
      const key = normalizeName(row.name);
      let clash = ambiguousByName.get(key);
      if (!clash) {
        clash = { by: 'name', name: row.name, key, pageKeys: [], apiIndexes: [] };
        ambiguousByName.set(key, clash);
      }
      for (const a of index.candidates(row.id, row.name)) {
        if (used[a] === 2) continue;
        used[a] = 2;
        clash.apiIndexes.push(a);
      }
      clash.pageKeys.push(row.key);
    }
  }
  const ambiguous = [...ambiguousByName.values()];
  for (const clash of ambiguous) {
    clash.apiIndexes.sort((a, b) => a - b);
    // The CRM's spelling of the name is preferred over the page's.
    clash.name = apiRows[clash.apiIndexes[0] ?? -1]?.name ?? clash.name;
  }
  const apiOnly: Coverage['apiOnly'] = [];
  apiRows.forEach((row, apiIndex) => {
    if (used[apiIndex]) return;
    apiOnly.push({ apiIndex, ...(row.name !== undefined ? { name: row.name } : {}), ...(row.id !== undefined ? { id: row.id } : {}) });
  });
  return { matches, coverage: { matched: [...matches.keys()], unmatched, apiOnly, ambiguous } };
}

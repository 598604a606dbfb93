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
import { nameHash, normalizeName, type AmbiguousMatch, type Coverage, type Match, type MatchedBy, type MatchResult, type PageRow } from './match';

type ApiRowLike = Pick<FunnelRow, 'id' | 'name'>;

export type LookupResult<R = FunnelRow> = { kind: 'match'; row: R; apiIndex: number; by: MatchedBy } | { kind: 'ambiguous' } | { kind: 'none' };

/** A page row as the index sees it: its key (one per campaign on the page), ID and name. */
export interface SeenPageRow {
  key: string;
  id: string | null;
  name: string;
}

/** What the index takes in: a row the overlay saw, or a row handed to matchRows (a missing ID or name is none). */
type AnyPageRow = SeenPageRow | PageRow;

export interface MatchIndex<R = FunnelRow> {
  /** The answer for a page row that was noted (notePageRow) with this ID and name. */
  lookup(id: string | null | undefined, name: string | undefined): LookupResult<R>;
  /** Records a page row; true when this can change an answer lookup gave before. */
  notePageRow(row: AnyPageRow): boolean;
  /** The API rows a page row with this ID and name could match by name (for an ambiguity report). */
  candidates(id: string | null | undefined, name: string | undefined): readonly number[];
}

const NONE = { kind: 'none' } as const;
const AMBIGUOUS = { kind: 'ambiguous' } as const;
/** soleCandidate's answers when there is not exactly one candidate. */
const NO_CANDIDATE = -1;
const SEVERAL_CANDIDATES = -2;
/** In a name's entry: two or more page rows show the name. */
const SEVERAL_ROWS = true;
/** Which API rows' names are in the name map (they are added when first needed). */
const NO_NAMES = 0;
const NAMES_OF_ROWS_WITHOUT_ID = 1;
const ALL_NAMES = 2;

interface NameEntry {
  /** The first API row with this name (an index), or NO_CANDIDATE; any others after it. */
  firstApiRow: number;
  moreApiRows: number[] | null;
  /** The page rows seen with this name: the first one's key, SEVERAL_ROWS once another arrives. */
  pageRows: string | typeof SEVERAL_ROWS | null;
}

/** Trimmed, non-empty ID, or undefined. */
function idOf(id: string | null | undefined): string | undefined {
  if (!id) return undefined;
  // Printable ASCII at both ends (nearly every ID): nothing to trim.
  const first = id.charCodeAt(0);
  const last = id.charCodeAt(id.length - 1);
  if (first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f) return id;
  const trimmed = id.trim();
  return trimmed ? trimmed : undefined;
}

export function createMatchIndex<R extends ApiRowLike = FunnelRow>(rows: readonly R[]): MatchIndex<R> {
  const byId = new Map<string, number>();
  const apiHasId = new Uint8Array(rows.length);
  // Last row first, so that of two rows with one ID (parseFunnelResponse drops such duplicates;
  // any left) the first is matched by ID, with one map write per row.
  for (let index = rows.length - 1; index >= 0; index -= 1) {
    const id = idOf(rows[index]?.id);
    if (id === undefined) continue;
    apiHasId[index] = 1;
    byId.set(id, index);
  }

  /** API rows whose ID a page row shows: no other page row can be them. */
  const claimed = new Uint8Array(rows.length);

  /**
   * What the index knows per normalised name: the API rows with it, and the page rows seen with
   * it. API rows are added when a name is first needed, so a page whose rows all show IDs the API
   * has never pays for normalising names: the rows without an ID first (all that a page row with
   * an unknown ID may pair with), the others once a page row without an ID asks.
   */
  const names = new Map<string, NameEntry>();
  const apiNames: Array<string | undefined> = new Array<string | undefined>(rows.length).fill(undefined);
  const apiName = (index: number): string => (apiNames[index] ??= normalizeName(rows[index]?.name ?? ''));
  let namesIndexed = NO_NAMES;
  function indexApiNames(pageRowHasId: boolean): void {
    const wanted = pageRowHasId ? NAMES_OF_ROWS_WITHOUT_ID : ALL_NAMES;
    if (namesIndexed >= wanted) return;
    for (let index = 0; index < rows.length; index += 1) {
      // A row already shown by its ID is no name candidate, now or later (claims are not undone).
      if (claimed[index]) continue;
      const inStage = apiHasId[index] ? wanted === ALL_NAMES : namesIndexed === NO_NAMES;
      if (!inStage) continue;
      const key = apiName(index);
      if (!key) continue;
      const entry = names.get(key);
      if (entry === undefined) names.set(key, { firstApiRow: index, moreApiRows: null, pageRows: null });
      else if (entry.firstApiRow < 0) entry.firstApiRow = index;
      else (entry.moreApiRows ??= []).push(index);
    }
    namesIndexed = wanted;
  }
  const isCandidate = (index: number, pageRowHasId: boolean): boolean => !claimed[index] && !(pageRowHasId && apiHasId[index]);
  const isIndexed = (index: number): boolean => namesIndexed === ALL_NAMES || (namesIndexed === NAMES_OF_ROWS_WITHOUT_ID && !apiHasId[index]);

  /** The only API row a page row could match by this name, else NO_CANDIDATE or SEVERAL_CANDIDATES. */
  function soleCandidate(entry: NameEntry, pageRowHasId: boolean): number {
    let sole = entry.firstApiRow >= 0 && isCandidate(entry.firstApiRow, pageRowHasId) ? entry.firstApiRow : NO_CANDIDATE;
    for (const index of entry.moreApiRows ?? []) {
      if (!isCandidate(index, pageRowHasId)) continue;
      if (sole !== NO_CANDIDATE) return SEVERAL_CANDIDATES;
      sole = index;
    }
    return sole;
  }

  /** Notes a page row under its name's entry; true when that can change an answer given before. */
  function notePageKey(entry: NameEntry, pageKey: string): boolean {
    if (entry.pageRows === null) {
      entry.pageRows = pageKey;
      return false;
    }
    if (entry.pageRows === SEVERAL_ROWS || entry.pageRows === pageKey) return false;
    entry.pageRows = SEVERAL_ROWS;
    // The name's second page row: a match shown with it before is ambiguous now. Only a name some
    // API row has can have matched (and only the rows asked for are in the entries).
    return entry.firstApiRow >= 0;
  }

  /** Notes a page row's normalised name; true when that can change an answer given before. */
  function noteName(pageKey: string, key: string): boolean {
    if (!key) return false;
    const entry = names.get(key);
    if (entry !== undefined) return notePageKey(entry, pageKey);
    names.set(key, { firstApiRow: NO_CANDIDATE, moreApiRows: null, pageRows: pageKey });
    return false;
  }

  /**
   * Page rows are noted by name only once some row needs its name to match (an ID that finds
   * nothing): before that no badge shows a name match, so no answer can change, and a page
   * keyed by IDs never pays for normalising its names.
   */
  let pending: AnyPageRow[] | null = [];

  /**
   * The rows that were pending then. A row's name matters to the others only when a name match
   * asks whether another page row shows that name, so each is normalised only when a name match
   * asks about a name with the same nameHash (in a table of chained buckets: a head per bucket,
   * a next per row). Until then no answer depends on it: a lookup that could have shown a name
   * match would have noted every row with that name's hash.
   */
  let deferred: { rows: AnyPageRow[]; hashes: Int32Array; heads: Int32Array; next: Int32Array } | null = null;

  function deferPending(rows: AnyPageRow[]): void {
    pending = null;
    if (rows.length === 0) return;
    let size = 16;
    while (size < rows.length * 2) size *= 2;
    const heads = new Int32Array(size).fill(-1);
    const hashes = new Int32Array(rows.length);
    const next = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i += 1) {
      const hash = nameHash((rows[i] as AnyPageRow).name ?? '');
      const bucket = hash & (size - 1);
      hashes[i] = hash;
      next[i] = heads[bucket] as number;
      heads[bucket] = i;
    }
    deferred = { rows, hashes, heads, next };
  }

  /** Whether two or more page rows show this name (its entry, normalised form, and one row's text of it). */
  function shownBySeveralRows(entry: NameEntry, key: string, name: string): boolean {
    if (deferred) {
      const { rows, hashes, heads, next } = deferred;
      const hash = nameHash(key);
      const bucket = hash & (heads.length - 1);
      // The rows with this hash are noted now, and taken out of the chain (never noted twice).
      let previous = -1;
      for (let i = heads[bucket] as number; i >= 0; i = next[i] as number) {
        if (hashes[i] !== hash) {
          previous = i;
          continue;
        }
        const row = rows[i] as AnyPageRow;
        if (row.name === name) notePageKey(entry, row.key);
        else noteName(row.key, normalizeName(row.name ?? ''));
        if (previous < 0) heads[bucket] = next[i] as number;
        else next[previous] = next[i] as number;
      }
    }
    return entry.pageRows === SEVERAL_ROWS;
  }

  return {
    lookup(rawId, name) {
      const id = idOf(rawId);
      if (id !== undefined) {
        const index = byId.get(id);
        if (index !== undefined) return { kind: 'match', row: rows[index] as R, apiIndex: index, by: 'id' };
      }
      if (pending) deferPending(pending);
      const key = normalizeName(name ?? '');
      if (!key) return NONE;
      indexApiNames(id !== undefined);
      const entry = names.get(key);
      const sole = entry === undefined ? NO_CANDIDATE : soleCandidate(entry, id !== undefined);
      if (sole === NO_CANDIDATE) return NONE;
      if (sole === SEVERAL_CANDIDATES || shownBySeveralRows(entry as NameEntry, key, name ?? '')) return AMBIGUOUS;
      return { kind: 'match', row: rows[sole] as R, apiIndex: sole, by: 'name' };
    },
    candidates(rawId, name) {
      const id = idOf(rawId);
      indexApiNames(id !== undefined);
      const entry = names.get(normalizeName(name ?? ''));
      if (entry === undefined || entry.firstApiRow < 0) return [];
      return [entry.firstApiRow, ...(entry.moreApiRows ?? [])].filter((index) => isCandidate(index, id !== undefined));
    },
    notePageRow(row) {
      const id = idOf(row.id);
      const shown = id === undefined ? undefined : byId.get(id);
      let changed = false;
      if (shown !== undefined && !claimed[shown]) {
        claimed[shown] = 1;
        // A name could have matched this API row before its own row was seen.
        changed = isIndexed(shown) && apiName(shown) !== '';
      }
      if (pending) {
        pending.push(row);
        return changed;
      }
      return noteName(row.key, normalizeName(row.name ?? '')) || changed;
    },
  };
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
  // Every page key once, in page order: the de-duplication, and the order matches keep; each key
  // then gets its match or leaves (lookUpAll).
  const answered = new Map<string, Match<R> | null>();
  const pages: PageRow[] = [];
  const index = createMatchIndex(apiRows);
  for (const row of pageRows) {
    const known = answered.size;
    if (answered.set(row.key, null).size === known) continue;
    pages.push(row);
    index.notePageRow(row);
  }
  return lookUpAll(index, pages, apiRows, answered);
}

/**
 * Looks every page row up. `answered`, when given, already holds every page key (null until it is
 * looked up), so matches keep page order without a second map.
 */
function lookUpAll<R extends ApiRowLike>(
  index: MatchIndex<R>,
  pageRows: Iterable<AnyPageRow>,
  apiRows: readonly R[],
  answered?: Map<string, Match<R> | null>,
): MatchResult<R> {
  const matches = answered ?? new Map<string, Match<R> | null>();
  const unmatched: string[] = [];
  const ambiguousByName = new Map<string, AmbiguousMatch>();
  const used = new Uint8Array(apiRows.length);
  for (const row of pageRows) {
    const result = index.lookup(row.id, row.name);
    if (result.kind === 'match') {
      matches.set(row.key, { apiIndex: result.apiIndex, row: result.row, by: result.by });
      used[result.apiIndex] = 1;
      continue;
    }
    if (answered) answered.delete(row.key);
    if (result.kind === 'none') {
      unmatched.push(row.key);
    } else {
      const name = row.name ?? '';
      const key = normalizeName(name);
      let clash = ambiguousByName.get(key);
      if (!clash) {
        clash = { by: 'name', name, key, pageKeys: [], apiIndexes: [] };
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
  // Every key left has its match now (the others were deleted).
  const matched = matches as Map<string, Match<R>>;
  return { matches: matched, coverage: { matched: [...matched.keys()], unmatched, apiOnly, ambiguous } };
}

/**
 * Pairs the campaign rows shown on an ad manager's page with the API's funnel rows.
 *
 * 1. By ID when the page row and the API row both have one. An ID is authoritative: a page row
 *    and an API row with different IDs are different objects, even with equal names.
 * 2. Otherwise by normalised name (see normalizeName). A name shared by several candidates on
 *    either side is ambiguous: nothing is guessed, it is reported.
 * 3. Every match says how it was made (`by: 'id' | 'name'`), so the UI can show it.
 * 4. A coverage report partitions the page rows (matched / unmatched / ambiguous) and the API
 *    rows (matched / apiOnly / ambiguous).
 *
 * Linear time with Maps (see test/bench/matching.bench.ts for 10,000 × 10,000 rows) and
 * deterministic: the result depends only on the inputs, and lists come out in input order.
 */
import type { FunnelRow } from '../api/schema';

/** A campaign (or ad group / ad) row read from the page. `key` identifies the DOM row. */
export interface PageRow {
  key: string;
  id?: string;
  name?: string;
}

export type MatchedBy = 'id' | 'name';

export interface Match<R = FunnelRow> {
  apiIndex: number;
  row: R;
  by: MatchedBy;
}

export interface AmbiguousMatch {
  /** How the clash arose: several page rows with one ID, or one name on several rows. */
  by: MatchedBy;
  /** The name to show: the API's original name when there is one, else the page's (or the ID). */
  name: string;
  /** The normalised name, or the ID for an ID clash. */
  key: string;
  pageKeys: string[];
  apiIndexes: number[];
}

export interface Coverage {
  /** Page rows with CRM data, in page order. */
  matched: string[];
  /** Page rows without CRM data (and not ambiguous), in page order. */
  unmatched: string[];
  /** API rows that no page row matched (and not ambiguous), in API order. */
  apiOnly: Array<{ apiIndex: number; name?: string; id?: string }>;
  /** Clashes that were reported instead of guessed. */
  ambiguous: AmbiguousMatch[];
}

export interface MatchResult<R = FunnelRow> {
  /** Page key → the API row it shows. Never two page keys for one API row. */
  matches: Map<string, Match<R>>;
  coverage: Coverage;
}

// ── Name normalisation ───────────────────────────────────────────────────────────────────────

/** Separators that people and tools swap freely in campaign names: `Brand_Search – FI` etc. */
const SEPARATOR_RUN = /[\s_\-–—|/.:]+/g;
/**
 * The combining diacritical mark blocks (accents, umlauts, rings, cedillas...). Not every \p{M}:
 * in kana, Indic and Thai scripts marks are part of the letter (ペ is not ヘ), and dropping them
 * would make different names equal.
 */
// eslint-disable-next-line no-misleading-character-class -- a class of lone combining marks, on purpose
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** Letters that do not decompose into a base letter plus a mark, folded by hand. */
const EXTRA_FOLDS: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ł: 'l', ı: 'i', þ: 'th', ð: 'd' };
const EXTRA_FOLD_CHARS = /[ßøæœđłıþð]/g;

/**
 * The definition of the folding, applied to a whole string: NFKC, lower case, canonical
 * decomposition with the diacritics removed, the hand folds, recomposed. normalizeName gives
 * the same result faster; this one is exported so tests can hold it to that.
 */
export function foldNameSlowly(name: string): string {
  return name
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(DIACRITICS, '')
    // After the diacritics, so that ǽ (æ + acute) also becomes ae.
    .replace(EXTRA_FOLD_CHARS, (ch) => EXTRA_FOLDS[ch] ?? ch)
    .normalize('NFC');
}

/**
 * Folded form of every UTF-16 unit below U+0250 (ASCII, Latin-1, Latin Extended-A/B), which
 * covers nearly all campaign names. None of these is a combining mark, so folding them one at a
 * time equals folding the string (tested). Built on first use.
 */
const TABLE_END = 0x250;
let foldTable: string[] | undefined;

function foldTableOf(): string[] {
  if (!foldTable) {
    foldTable = [];
    for (let code = 0; code < TABLE_END; code += 1) foldTable.push(foldNameSlowly(String.fromCharCode(code)));
  }
  return foldTable;
}

/** Anything outside the table except the spaces, dashes and invisibles handled below. */
// eslint-disable-next-line no-control-regex -- the range starts at U+0000 on purpose: the table covers it
const NEEDS_FULL_FOLD = /[^\u0000-\u024f\u2000-\u200d\u2013\u2014\u202f\u2060\ufeff]/;
/** Non-ASCII table characters and invisibles (the dashes and spaces are left to SEPARATOR_RUN). */
const TABLE_OR_INVISIBLE = /[\u0080-\u024f\u200b-\u200d\u2060\ufeff]/g;

function foldOne(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < TABLE_END ? (foldTableOf()[code] as string) : '';
}

/**
 * The form two campaign names are compared in: Unicode NFKC, case-folded, diacritics removed
 * (`ä ö å` → `a o a`, so `Kesä-Ale` = `kesa ale`), runs of whitespace and `_ - – — | / . :`
 * collapsed to one space, trimmed. Invisible characters (zero-width space, soft hyphen) that
 * ad-manager cells sometimes contain are dropped.
 *
 * Fast path: names made of Latin letters, spaces and dashes (nearly all) are folded with a
 * lookup table; anything else takes foldNameSlowly. Both give the same result (tested).
 */
export function normalizeName(name: string): string {
  const folded = NEEDS_FULL_FOLD.test(name)
    ? foldNameSlowly(name)
    : name.replace(TABLE_OR_INVISIBLE, foldOne).toLowerCase();
  return folded.replace(SEPARATOR_RUN, ' ').trim();
}

// ── Matching ─────────────────────────────────────────────────────────────────────────────────

type ApiRowLike = Pick<FunnelRow, 'id' | 'name'>;

/** Trimmed, non-empty ID or undefined. */
function idOf(row: { id?: string }): string | undefined {
  const id = row.id?.trim();
  return id ? id : undefined;
}

const OPEN = 0;
const MATCHED = 1;
const AMBIGUOUS = 2;

/**
 * Matches page rows with API rows. Page keys must be unique; a repeated key is ignored after
 * its first row.
 *
 * Several page rows with the same ID (the same campaign drawn twice, e.g. a pinned copy) are
 * reported as ambiguous and none of them is matched: the one-API-row-one-page-row rule must
 * hold, and picking "the first" would make the badge depend on DOM order.
 *
 * Duplicate IDs in the API rows are dropped with a problem by parseFunnelResponse before they get
 * here; if some arrive anyway, the first row with the ID is the one matched by ID, and the others
 * are treated like rows whose ID is not on the page: matched by name only to a page row without
 * an ID, else reported in apiOnly.
 *
 * Performance: one pass per side per step, typed arrays for per-row state and flat arrays for
 * per-name tallies, so little is allocated per row besides the normalised names.
 */
export function matchRows<R extends ApiRowLike>(pageRows: readonly PageRow[], apiRows: readonly R[]): MatchResult<R> {
  const pages = uniqueByKey(pageRows);
  const pageState = new Uint8Array(pages.length); // OPEN | MATCHED | AMBIGUOUS
  const apiState = new Uint8Array(apiRows.length); // OPEN | MATCHED | AMBIGUOUS
  const matches = new Map<string, Match<R>>();
  const pageIds = pages.map(idOf);
  const apiIds = apiRows.map(idOf);

  const idClashes = matchByIds(pages, pageIds, apiRows, apiIds, pageState, apiState, matches);
  const nameClashes = matchByNames(pages, pageIds, apiRows, apiIds, pageState, apiState, matches);
  const ambiguous = [...idClashes, ...nameClashes];
  return { matches, coverage: coverageOf(pages, apiRows, pageState, apiState, ambiguous) };
}

/** Step 1: a page row and an API row with the same ID. Returns the ID clashes. */
function matchByIds<R extends ApiRowLike>(
  pages: readonly PageRow[],
  pageIds: ReadonlyArray<string | undefined>,
  apiRows: readonly R[],
  apiIds: ReadonlyArray<string | undefined>,
  pageState: Uint8Array,
  apiState: Uint8Array,
  matches: Map<string, Match<R>>,
): AmbiguousMatch[] {
  const apiById = new Map<string, number>();
  for (let a = 0; a < apiRows.length; a += 1) {
    const id = apiIds[a];
    if (id !== undefined && !apiById.has(id)) apiById.set(id, a);
  }
  const apiOfPage = new Int32Array(pages.length).fill(-1);
  const pagesPerApi = new Uint32Array(apiRows.length);
  for (let p = 0; p < pages.length; p += 1) {
    const id = pageIds[p];
    const a = id === undefined ? undefined : apiById.get(id);
    if (a === undefined) continue;
    apiOfPage[p] = a;
    pagesPerApi[a] = (pagesPerApi[a] as number) + 1;
  }
  const clashes = new Map<number, AmbiguousMatch>();
  for (let p = 0; p < pages.length; p += 1) {
    const a = apiOfPage[p] as number;
    if (a < 0) continue;
    const page = pages[p] as PageRow;
    if (pagesPerApi[a] === 1) {
      pageState[p] = MATCHED;
      apiState[a] = MATCHED;
      matches.set(page.key, { apiIndex: a, row: apiRows[a] as R, by: 'id' });
      continue;
    }
    pageState[p] = AMBIGUOUS;
    apiState[a] = AMBIGUOUS;
    let clash = clashes.get(a);
    if (!clash) {
      const id = apiIds[a] as string;
      clash = { by: 'id', name: apiRows[a]?.name ?? id, key: id, pageKeys: [], apiIndexes: [a] };
      clashes.set(a, clash);
    }
    clash.pageKeys.push(page.key);
  }
  return [...clashes.values()];
}

/**
 * Per-name tallies of the rows step 1 left open, split by whether the row has an ID.
 * A page row and an API row with the same name may pair unless both have IDs (their IDs have
 * already disagreed). A pair is made only when each is the other's single candidate; otherwise
 * every row with a candidate is ambiguous. Tallying instead of comparing pairs keeps this linear
 * even when thousands of rows share a name.
 */
class NameTallies {
  readonly pageWithId: number[] = [];
  readonly pageWithoutId: number[] = [];
  readonly apiWithId: number[] = [];
  readonly apiWithoutId: number[] = [];
  /** One row index per (group, side, ID-or-not): the only one when its count is 1. */
  readonly lastPageWithId: number[] = [];
  readonly lastPageWithoutId: number[] = [];
  readonly lastApiWithId: number[] = [];
  readonly lastApiWithoutId: number[] = [];

  add(): number {
    this.pageWithId.push(0);
    this.pageWithoutId.push(0);
    this.apiWithId.push(0);
    this.apiWithoutId.push(0);
    this.lastPageWithId.push(-1);
    this.lastPageWithoutId.push(-1);
    this.lastApiWithId.push(-1);
    this.lastApiWithoutId.push(-1);
    return this.pageWithId.length - 1;
  }

  countPage(group: number, index: number, hasId: boolean): void {
    const counts = hasId ? this.pageWithId : this.pageWithoutId;
    counts[group] = (counts[group] as number) + 1;
    (hasId ? this.lastPageWithId : this.lastPageWithoutId)[group] = index;
  }

  countApi(group: number, index: number, hasId: boolean): void {
    const counts = hasId ? this.apiWithId : this.apiWithoutId;
    counts[group] = (counts[group] as number) + 1;
    (hasId ? this.lastApiWithId : this.lastApiWithoutId)[group] = index;
  }

  /** Which kinds of rows in a group have at least one candidate on the other side. */
  involvement(group: number): { pageWithId: boolean; pageWithoutId: boolean; apiWithId: boolean; apiWithoutId: boolean } {
    const pageWithId = this.pageWithId[group] as number;
    const pageWithoutId = this.pageWithoutId[group] as number;
    const apiWithId = this.apiWithId[group] as number;
    const apiWithoutId = this.apiWithoutId[group] as number;
    return {
      pageWithId: apiWithoutId > 0, // a page row with an ID may only pair with an API row without
      pageWithoutId: apiWithId + apiWithoutId > 0,
      apiWithId: pageWithoutId > 0,
      apiWithoutId: pageWithId + pageWithoutId > 0,
    };
  }

  /** The pair when the group has exactly one involved row per side; null if none; 'ambiguous'. */
  outcome(group: number): { page: number; api: number } | null | 'ambiguous' {
    const involved = this.involvement(group);
    const pageWithId = involved.pageWithId ? (this.pageWithId[group] as number) : 0;
    const pages = pageWithId + (involved.pageWithoutId ? (this.pageWithoutId[group] as number) : 0);
    const apiWithId = involved.apiWithId ? (this.apiWithId[group] as number) : 0;
    const apis = apiWithId + (involved.apiWithoutId ? (this.apiWithoutId[group] as number) : 0);
    if (pages === 0) return null;
    // One involved row on each side: each is then the other's only candidate.
    if (pages > 1 || apis > 1) return 'ambiguous';
    return {
      page: (pageWithId === 1 ? this.lastPageWithId[group] : this.lastPageWithoutId[group]) as number,
      api: (apiWithId === 1 ? this.lastApiWithId[group] : this.lastApiWithoutId[group]) as number,
    };
  }
}

/** Step 2: by normalised name, among the rows step 1 left open. Returns the name clashes. */
function matchByNames<R extends ApiRowLike>(
  pages: readonly PageRow[],
  pageIds: ReadonlyArray<string | undefined>,
  apiRows: readonly R[],
  apiIds: ReadonlyArray<string | undefined>,
  pageState: Uint8Array,
  apiState: Uint8Array,
  matches: Map<string, Match<R>>,
): AmbiguousMatch[] {
  const groupOfName = new Map<string, number>();
  const names: string[] = [];
  const tallies = new NameTallies();
  const groupOfPage = new Int32Array(pages.length).fill(-1);
  const groupOfApi = new Int32Array(apiRows.length).fill(-1);

  let openPagesWithoutId = 0;
  for (let p = 0; p < pages.length; p += 1) {
    const name = (pages[p] as PageRow).name;
    if (pageState[p] !== OPEN || !name) continue;
    const key = normalizeName(name);
    if (key === '') continue;
    if (pageIds[p] === undefined) openPagesWithoutId += 1;
    let group = groupOfName.get(key);
    if (group === undefined) {
      group = tallies.add();
      groupOfName.set(key, group);
      names.push(key);
    }
    groupOfPage[p] = group;
    tallies.countPage(group, p, pageIds[p] !== undefined);
  }
  for (let a = 0; a < apiRows.length; a += 1) {
    const name = (apiRows[a] as R).name;
    if (apiState[a] !== OPEN || !name) continue;
    // An API row with an ID can only pair with a page row without one: with none on the page,
    // its name need not be normalised (most of a large account, in the overlay's summary).
    if (openPagesWithoutId === 0 && apiIds[a] !== undefined) continue;
    const group = groupOfName.get(normalizeName(name)); // only names that are on the page
    if (group === undefined) continue;
    groupOfApi[a] = group;
    tallies.countApi(group, a, apiIds[a] !== undefined);
  }

  // Groups are numbered in page order, so the clash list comes out in page order too.
  const clashOfGroup = new Map<number, AmbiguousMatch>();
  for (let group = 0; group < names.length; group += 1) {
    const outcome = tallies.outcome(group);
    if (outcome === null) continue;
    if (outcome === 'ambiguous') {
      clashOfGroup.set(group, { by: 'name', name: '', key: names[group] as string, pageKeys: [], apiIndexes: [] });
      continue;
    }
    pageState[outcome.page] = MATCHED;
    apiState[outcome.api] = MATCHED;
    matches.set((pages[outcome.page] as PageRow).key, { apiIndex: outcome.api, row: apiRows[outcome.api] as R, by: 'name' });
  }
  if (clashOfGroup.size === 0) return [];

  // Rare: fill in the clashing rows with a second pass over both sides.
  for (let p = 0; p < pages.length; p += 1) {
    const clash = clashOfGroup.get(groupOfPage[p] as number);
    if (!clash) continue;
    const involved = tallies.involvement(groupOfPage[p] as number);
    if (!(pageIds[p] === undefined ? involved.pageWithoutId : involved.pageWithId)) continue;
    pageState[p] = AMBIGUOUS;
    if (clash.pageKeys.length === 0) clash.name = (pages[p] as PageRow).name ?? clash.key;
    clash.pageKeys.push((pages[p] as PageRow).key);
  }
  for (let a = 0; a < apiRows.length; a += 1) {
    const clash = clashOfGroup.get(groupOfApi[a] as number);
    if (!clash) continue;
    const involved = tallies.involvement(groupOfApi[a] as number);
    if (!(apiIds[a] === undefined ? involved.apiWithoutId : involved.apiWithId)) continue;
    apiState[a] = AMBIGUOUS;
    // The CRM's spelling of the name is preferred over the page's.
    if (clash.apiIndexes.length === 0) clash.name = (apiRows[a] as R).name ?? clash.name;
    clash.apiIndexes.push(a);
  }
  return [...clashOfGroup.values()];
}

function uniqueByKey(pageRows: readonly PageRow[]): PageRow[] {
  const seen = new Set<string>();
  const result: PageRow[] = [];
  for (const row of pageRows) {
    if (seen.has(row.key)) continue;
    seen.add(row.key);
    result.push(row);
  }
  return result;
}

function coverageOf(
  pages: readonly PageRow[],
  apiRows: readonly ApiRowLike[],
  pageState: Uint8Array,
  apiState: Uint8Array,
  ambiguous: AmbiguousMatch[],
): Coverage {
  const matched: string[] = [];
  const unmatched: string[] = [];
  for (let p = 0; p < pages.length; p += 1) {
    const key = (pages[p] as PageRow).key;
    if (pageState[p] === MATCHED) matched.push(key);
    else if (pageState[p] === OPEN) unmatched.push(key);
  }
  const apiOnly: Coverage['apiOnly'] = [];
  for (let a = 0; a < apiRows.length; a += 1) {
    if (apiState[a] !== OPEN) continue;
    const row = apiRows[a] as ApiRowLike;
    const entry: Coverage['apiOnly'][number] = { apiIndex: a };
    if (row.name !== undefined) entry.name = row.name;
    if (row.id !== undefined) entry.id = row.id;
    apiOnly.push(entry);
  }
  return { matched, unmatched, apiOnly, ambiguous };
}

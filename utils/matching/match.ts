/**
 * What campaign matching compares and reports: the normalised form of a campaign name, and the
 * shapes of a match and of a page's coverage. The matching rules themselves are in lookup.ts
 * (one implementation, for one row at a time and for a whole page).
 *
 * Every match says how it was made (`by: 'id' | 'name'`), so the UI can show it. A coverage
 * report partitions the page rows (matched / unmatched / ambiguous) and the API rows
 * (matched / apiOnly / ambiguous).
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
  /** How the clash arose: one name on several rows (an ID is never ambiguous: see lookup.ts). */
  by: 'name';
  /** The name to show: the API's original name when there is one, else the page's. */
  name: string;
  /** The normalised name. */
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
  /** Page key → the API row it shows. Two page keys share one only when both show its ID. */
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
  return (
    name
      .normalize('NFKC')
      .replace(INVISIBLE, '')
      .toLowerCase()
      .normalize('NFD')
      .replace(DIACRITICS, '')
      // After the diacritics, so that ǽ (æ + acute) also becomes ae.
      .replace(EXTRA_FOLD_CHARS, (ch) => EXTRA_FOLDS[ch] ?? ch)
      .normalize('NFC')
  );
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
  const folded = NEEDS_FULL_FOLD.test(name) ? foldNameSlowly(name) : name.replace(TABLE_OR_INVISIBLE, foldOne).toLowerCase();
  return folded.replace(SEPARATOR_RUN, ' ').trim();
}

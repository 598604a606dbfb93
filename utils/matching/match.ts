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

/** Non-ASCII table characters and invisibles (the dashes and spaces are left to the separators). */
const TABLE_OR_INVISIBLE = /[\u0080-\u024f\u200b-\u200d\u2060\ufeff]/g;

function foldOne(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < TABLE_END ? (foldTableOf()[code] as string) : '';
}

/** What normalisation does with an ASCII unit: keeps it (0), lower-cases it, or takes it as a separator. */
const UPPER = 1;
const SEPARATOR = 2;
const ASCII_KIND = new Uint8Array(0x80);
for (const ch of '\t\n\v\f\r _-|/.:') ASCII_KIND[ch.charCodeAt(0)] = SEPARATOR;
ASCII_KIND.fill(UPPER, 0x41, 0x5b);

/**
 * The separators that runs of collapse to one space: whitespace as JavaScript's `\s` and `trim`
 * know it, and `_ - – — | / . :` (which people and tools swap freely: `Brand_Search – FI`).
 */
function isSeparator(code: number): boolean {
  if (code < 0x80) return ASCII_KIND[code] === SEPARATOR;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2013 ||
    code === 0x2014 ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The non-ASCII separators that folding leaves as they are (so the scan below may skip folding). */
function isUnfoldedSeparator(code: number): boolean {
  return (code >= 0x2000 && code <= 0x200a) || code === 0x2013 || code === 0x2014 || code === 0x202f;
}

function isInvisible(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

/**
 * Punctuation, currency signs and arrows (U+2010–U+21FF: `€`, `→`, `‰`, `′`) that the full fold
 * leaves as they are, and that are no separators: a name or a cell (`€1,234.56`) holding them
 * needs no full fold for them. None of these blocks holds a combining mark or a character that
 * composes with its neighbours, so a character that folds to itself alone does so in any text
 * (tested unit by unit). Built on first use, by the definition itself.
 */
const SYMBOLS_START = 0x2010;
const SYMBOLS_END = 0x2200;
let selfFoldingSymbols: Uint8Array | undefined;
function isSelfFoldingSymbol(code: number): boolean {
  if (code < SYMBOLS_START || code >= SYMBOLS_END) return false;
  if (!selfFoldingSymbols) {
    selfFoldingSymbols = new Uint8Array(SYMBOLS_END - SYMBOLS_START);
    for (let c = SYMBOLS_START; c < SYMBOLS_END; c += 1) {
      const ch = String.fromCharCode(c);
      selfFoldingSymbols[c - SYMBOLS_START] = !isSeparator(c) && !isInvisible(c) && foldNameSlowly(ch) === ch ? 1 : 0;
    }
  }
  return selfFoldingSymbols[code - SYMBOLS_START] === 1;
}

/** What one scan of a name found it needs (flags). */
const NEEDS_LOWER_CASE = 1;
const NEEDS_COLLAPSE = 2;
const NEEDS_TABLE = 4;
const NEEDS_FULL_FOLD = 8;

/**
 * One pass over the name: which steps its normalisation needs. Names of ASCII letters with single
 * spaces between words (many CRM names) need none, and are their own normalised form.
 */
function stepsFor(name: string): number {
  let steps = 0;
  let afterSeparator = true; // at the start, a separator is leading (to be trimmed)
  for (let i = 0; i < name.length; i += 1) {
    const code = name.charCodeAt(i);
    if (code < 0x80) {
      const kind = ASCII_KIND[code];
      if (kind === SEPARATOR) {
        if (afterSeparator || code !== 0x20) steps |= NEEDS_COLLAPSE;
        afterSeparator = true;
        continue;
      }
      if (kind === UPPER) steps |= NEEDS_LOWER_CASE;
    } else if (code < TABLE_END || isInvisible(code)) {
      steps |= NEEDS_TABLE;
    } else if (isUnfoldedSeparator(code)) {
      steps |= NEEDS_COLLAPSE;
      afterSeparator = true;
      continue;
    } else if (!isSelfFoldingSymbol(code)) {
      return NEEDS_FULL_FOLD;
    }
    afterSeparator = false;
  }
  return afterSeparator && name.length > 0 ? steps | NEEDS_COLLAPSE : steps;
}

/** Runs of separators as one space, none at either end; ASCII letters in lower case. */
function collapseSeparators(text: string): string {
  // A new array each time: emptying a shared one (length = 0) frees its storage, and regrowing it costs more.
  const units: number[] = [];
  let spaceDue = false;
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i);
    if (isSeparator(code)) {
      spaceDue = units.length > 0;
      continue;
    }
    if (code < 0x80 && ASCII_KIND[code] === UPPER) code += 0x20;
    if (spaceDue) units.push(0x20);
    units.push(code);
    spaceDue = false;
  }
  return String.fromCharCode.apply(null, units);
}

/**
 * The form two campaign names are compared in: Unicode NFKC, case-folded, diacritics removed
 * (`ä ö å` → `a o a`, so `Kesä-Ale` = `kesa ale`), runs of whitespace and `_ - – — | / . :`
 * collapsed to one space, trimmed. Invisible characters (zero-width space, soft hyphen) that
 * ad-manager cells sometimes contain are dropped.
 *
 * Fast paths: one scan says which steps a name needs. Names made of ASCII, Latin letters, spaces
 * and dashes (nearly all) are folded with a lookup table, or not at all when plain ASCII;
 * anything else takes foldNameSlowly. All give the same result (tested against the definition).
 */
export function normalizeName(name: string): string {
  const steps = stepsFor(name);
  if (steps === 0) return name;
  if (steps === NEEDS_LOWER_CASE) return name.toLowerCase();
  if (steps & NEEDS_FULL_FOLD) return collapseSeparators(foldNameSlowly(name));
  // Table folds can make separators (a no-break space becomes a space).
  return collapseSeparators(steps & NEEDS_TABLE ? name.replace(TABLE_OR_INVISIBLE, foldOne).toLowerCase() : name);
}

const HASH_SEED = 0x811c9dc5;
const hashStep = (hash: number, code: number): number => Math.imul(hash ^ code, 0x01000193);

/**
 * A 32-bit hash of the name's normalised form (FNV-1a over its UTF-16 units), computed without
 * building that form when the name is ASCII with spaces, dashes and symbols that fold to
 * themselves (`€`): equal normalised names give equal hashes, so
 * `nameHash(name) === nameHash(normalizeName(name))` (tested). Lets the match index put off
 * normalising the names it will probably never compare, and the fallback finder pass over the
 * page's other texts (`€1,234.56`) without normalising them.
 */
export function nameHash(name: string): number {
  let hash = HASH_SEED;
  let spaceDue = false;
  let started = false;
  for (let i = 0; i < name.length; i += 1) {
    const code = name.charCodeAt(i);
    let folded = code;
    if (code >= 0x80) {
      if (isUnfoldedSeparator(code)) {
        spaceDue = started;
        continue;
      }
      // A symbol that folds to itself (`€`, `→`) is hashed as it is; anything else takes the fold.
      if (!isSelfFoldingSymbol(code)) return hashOfFolded(normalizeName(name));
    } else {
      const kind = ASCII_KIND[code];
      if (kind === SEPARATOR) {
        spaceDue = started;
        continue;
      }
      if (kind === UPPER) folded = code + 0x20;
    }
    if (spaceDue) hash = hashStep(hash, 0x20);
    hash = hashStep(hash, folded);
    spaceDue = false;
    started = true;
  }
  return hash;
}

function hashOfFolded(folded: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < folded.length; i += 1) hash = hashStep(hash, folded.charCodeAt(i));
  return hash;
}

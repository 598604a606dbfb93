/**
 * Reads the spend shown in an ad manager's cell: `US$1,234.56`, `1 234,56 €`, `1.234.567 ₫`,
 * `SEK 12 345`, `$1.2K`, `1,2 t. €`, `—`... in whatever locale the user runs the UI.
 * Pure and allocation-light: it runs for every visible row on every table re-render.
 */
import { currencyOfToken, MULTIPLIERS, MULTIPLIER_TOKENS } from './currency-tokens';

export type SpendUnreadableReason =
  /** The cell is empty. */
  | 'empty'
  /** The cell shows a placeholder such as `—` or `--`: the platform has no figure. */
  | 'no-data'
  /** There is text, but not one amount we can read with confidence. */
  | 'unreadable';

export type ParsedSpend =
  | {
      ok: true;
      amount: number;
      /** ISO 4217 code, or null when the text shows no currency or an ambiguous one (`kr`, `¥`). */
      currency: string | null;
      /** True for abbreviated amounts (`$1.2K`): the real figure was rounded by the UI. */
      approximate: boolean;
    }
  | { ok: false; reason: SpendUnreadableReason };

const NO_DATA = /^(?:[-‐‑‒–—―−]+|n\/a|N\/A|–)$/;
/** One amount: digits, possibly separated by `.` `,` spaces or apostrophes (Swiss `1'234`). */
const NUMBER_RUN = /\d(?:[\d.,' ’]*\d)?/g;
const LETTER = /\p{L}/u;

const unreadable: ParsedSpend = { ok: false, reason: 'unreadable' };

export function parseSpend(text: string): ParsedSpend {
  // NFKC folds full-width digits and symbols (`￥`) and turns no-break / narrow no-break / thin
  // spaces into plain spaces, so one space character is left to deal with.
  const clean = (text ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (clean === '') return { ok: false, reason: 'empty' };
  if (NO_DATA.test(clean)) return { ok: false, reason: 'no-data' };

  const runs = clean.match(NUMBER_RUN);
  if (!runs || runs.length !== 1) return unreadable;
  const run = runs[0] as string;
  const start = clean.indexOf(run);
  const prefix = clean.slice(0, start).trim();
  let suffix = clean.slice(start + run.length).trim();

  let exponent = 0;
  const multiplier = leadingMultiplier(suffix);
  if (multiplier) {
    exponent = MULTIPLIERS.get(multiplier) ?? 0;
    suffix = suffix.slice(multiplier.length).trim();
  }

  const currency = currencyOfAffixes(prefix, suffix);
  if (currency === undefined) return unreadable;

  const digits = splitNumber(run.trim(), multiplier !== null);
  if (!digits) return unreadable;
  const amount = Number(`${digits.integer}.${digits.fraction || '0'}e${exponent}`);
  if (!Number.isFinite(amount)) return unreadable;
  return { ok: true, amount, currency, approximate: multiplier !== null };
}

/** The abbreviation at the start of the suffix (`t. €` → `t.`), if it is a whole word. */
function leadingMultiplier(suffix: string): string | null {
  for (const token of MULTIPLIER_TOKENS) {
    if (suffix.startsWith(token) && !LETTER.test(suffix.charAt(token.length))) return token;
  }
  return null;
}

/**
 * The currency named before and/or after the amount. Both sides may name one (`US$1 USD`) only
 * if they agree. `undefined` when some text is not a currency: better unreadable than wrong.
 */
function currencyOfAffixes(prefix: string, suffix: string): string | null | undefined {
  const before = prefix === '' ? null : currencyOfToken(prefix);
  const after = suffix === '' ? null : currencyOfToken(suffix);
  if (before === undefined || after === undefined) return undefined;
  if (before !== null && after !== null && before !== after) return undefined;
  return before ?? after;
}

/**
 * Splits `1.234,56` / `1,234.56` / `1 234` / `1.234.567` into integer and fraction digits.
 *
 * Which mark is the decimal separator:
 * - both `.` and `,` present: the last one (`1.234,56`, `1,234.56`);
 * - one of them, several times: a thousands separator (`1.234.567`);
 * - one of them, once: decimal, except when exactly three digits follow, the integer part is not
 *   `0`, no space / apostrophe grouping is used and the amount is not abbreviated — then it is a
 *   thousands separator (`1,234 $` in en, `1.234 ¥` in de). Spend is never printed with three
 *   decimals in the ad managers, so `1,234` meaning 1.234 does not occur in practice.
 * Grouping is checked (groups of three; Indian `12,34,567` groups of two), so text that merely
 * contains digits and dots, such as a date, is not taken for an amount.
 */
function splitNumber(run: string, abbreviated: boolean): { integer: string; fraction: string } | null {
  const lastDot = run.lastIndexOf('.');
  const lastComma = run.lastIndexOf(',');
  const hasSpaceGrouping = /[ '’]/.test(run);
  let decimalAt = -1;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalAt = Math.max(lastDot, lastComma);
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const at = Math.max(lastDot, lastComma);
    const once = run.indexOf(mark) === at;
    const digitsAfter = run.length - at - 1;
    const integerIsZero = /^0+$/.test(run.slice(0, at));
    const looksLikeGrouping = digitsAfter === 3 && !integerIsZero && !hasSpaceGrouping && !abbreviated;
    if (once && !looksLikeGrouping) decimalAt = at;
  }
  const integerText = decimalAt >= 0 ? run.slice(0, decimalAt) : run;
  const fraction = decimalAt >= 0 ? run.slice(decimalAt + 1) : '';
  if (!/^\d*$/.test(fraction) || (decimalAt >= 0 && fraction === '')) return null;
  const integer = ungroup(integerText);
  return integer === null ? null : { integer, fraction };
}

/** `1 234 567` → `1234567`, or null if the grouping is not a real one. */
function ungroup(text: string): string | null {
  const groups = text.split(/[.,' ’]/);
  if (groups.length === 1) return /^\d+$/.test(text) ? text : null;
  const separators = new Set(text.replace(/\d/g, ''));
  if (separators.size !== 1) return null;
  const [first, ...rest] = groups as [string, ...string[]];
  if (!/^\d{1,3}$/.test(first)) return null;
  const last = rest[rest.length - 1] as string;
  const middle = rest.slice(0, -1);
  const western = middle.every((g) => /^\d{3}$/.test(g));
  const indian = separators.has(',') && middle.every((g) => /^\d{2}$/.test(g)) && first.length <= 2;
  if (!/^\d{3}$/.test(last) || !(western || indian)) return null;
  return groups.join('');
}

export type ParsedCount =
  | {
      ok: true;
      count: number;
      /** True for abbreviated counts (`1.2K`): the real figure was rounded by the UI. */
      approximate: boolean;
    }
  | { ok: false; reason: SpendUnreadableReason };

/**
 * Reads a count as an ad manager prints it in a metric cell (leads, conversions): `1,234`,
 * `1 234` (Finnish, with no-break spaces), `1.234` (German), `1.2K`, `1,2 t.`, `12.50` (Google
 * prints fractional conversions). Same separator rules as spend (see splitNumber), but any text
 * around the number other than an abbreviation makes it unreadable: a count has no currency, and
 * a `%` or a currency means the cell is not a count.
 */
export function parseCount(text: string): ParsedCount {
  const clean = (text ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (clean === '') return { ok: false, reason: 'empty' };
  if (NO_DATA.test(clean)) return { ok: false, reason: 'no-data' };
  const runs = clean.match(NUMBER_RUN);
  if (!runs || runs.length !== 1) return unreadable as ParsedCount;
  const run = runs[0] as string;
  const start = clean.indexOf(run);
  if (clean.slice(0, start).trim() !== '') return unreadable as ParsedCount;
  let suffix = clean.slice(start + run.length).trim();
  const multiplier = leadingMultiplier(suffix);
  if (multiplier) suffix = suffix.slice(multiplier.length).trim();
  if (suffix !== '') return unreadable as ParsedCount;
  const digits = splitNumber(run.trim(), multiplier !== null);
  if (!digits) return unreadable as ParsedCount;
  const exponent = multiplier ? (MULTIPLIERS.get(multiplier) ?? 0) : 0;
  const count = Number(`${digits.integer}.${digits.fraction || '0'}e${exponent}`);
  if (!Number.isFinite(count)) return unreadable as ParsedCount;
  return { ok: true, count, approximate: multiplier !== null };
}

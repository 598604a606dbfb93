/**
 * The UI locale and everything that formats for it: the browser's UI language (Finnish or
 * English), its Intl tag, and the number formatters for badges and panels.
 *
 * Numbers are built on Intl.NumberFormat. The output is made stable across engines and ICU
 * versions in one respect that matters to layout and tests: every space Intl emits (no-break
 * U+00A0, narrow no-break U+202F, thin U+2009) becomes a no-break space, so `75 t. €` never wraps
 * in a badge and Chrome and Node print the same bytes. Formatters are cached: badges format
 * hundreds of figures per table render.
 */
import { browser } from 'wxt/browser';

export type UiLocale = 'en' | 'fi';

/** The UI language: the browser's, like browser.i18n. Finnish or English. */
export function uiLocale(): UiLocale {
  try {
    return browser.i18n.getUILanguage().toLowerCase().startsWith('fi') ? 'fi' : 'en';
  } catch {
    return 'en';
  }
}

/**
 * The Intl tag for dates and times in the UI locale: English dates are en-GB (day before month,
 * 24-hour clock).
 */
export function intlTag(locale: UiLocale): 'fi-FI' | 'en-GB' {
  return locale === 'fi' ? 'fi-FI' : 'en-GB';
}

/** Shown for a figure that does not exist (not a number); the UI uses it in place of a value. */
export const NO_FIGURE = '—';

const NBSP = '\u00a0';
const ANY_SPACE = /[\s\u00a0\u202f\u2009]/g;
const ISO_CODE = /^[A-Z]{3}$/;
const cache = new Map<string, Intl.NumberFormat>();

function formatter(key: string, locale: UiLocale, options: Intl.NumberFormatOptions | (() => Intl.NumberFormatOptions)): Intl.NumberFormat {
  const cacheKey = `${locale}|${key}`;
  let format = cache.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(locale, typeof options === 'function' ? options() : options);
    cache.set(cacheKey, format);
  }
  return format;
}

function stable(text: string): string {
  return text.replace(ANY_SPACE, NBSP);
}

function isIsoCode(currency: string): boolean {
  return ISO_CODE.test(currency.toUpperCase());
}

/** Currency options for Intl, which throws on a malformed code; see withCurrencyText. */
function currencyOptions(currency: string): Intl.NumberFormatOptions {
  return isIsoCode(currency) ? { style: 'currency', currency: currency.toUpperCase() } : {};
}

/** For a malformed code the number was formatted plain: append the text so no amount loses its unit. */
function withCurrencyText(formatted: string, currency: string): string {
  return isIsoCode(currency) || currency === '' ? formatted : `${formatted}${NBSP}${currency}`;
}

/**
 * Compact currency for badges: `€75K`, `$1.2M`, `$980` (en); `75 t. €`, `1,2 milj. €` (fi).
 * Two significant digits at most, as Intl's compact notation does by default.
 */
export function formatMoneyCompact(amount: number, currency: string, locale: UiLocale): string {
  if (!Number.isFinite(amount)) return NO_FIGURE;
  // Every campaign has its own revenue, but compact notation shows only a few hundred distinct
  // values per magnitude: format each of those once (Intl is the costliest step of a badge).
  // Below 1,000 the amount itself is the key: most of those are 0 (campaigns that won nothing).
  // Shown values are whole numbers from 1,000 up, so the two kinds of key cannot collide.
  const shown = compactDisplayValue(amount);
  const textsKey = `${locale}|${currency}`;
  let texts = compactTexts.get(textsKey);
  if (!texts) compactTexts.set(textsKey, (texts = new Map()));
  const cacheKey = shown ?? amount;
  const cached = texts.get(cacheKey);
  if (cached !== undefined) return cached;
  const format = formatter(`compact|${currency}`, locale, () => ({ ...currencyOptions(currency), notation: 'compact' }));
  const text = withCurrencyText(stable(format.format(cacheKey)), currency);
  if (texts.size >= MAX_COMPACT_TEXTS) texts.clear();
  texts.set(cacheKey, text);
  return text;
}

/** Texts by locale and currency, then by the value they show. */
const compactTexts = new Map<string, Map<number, string>>();
const MAX_COMPACT_TEXTS = 5000;

/**
 * The amount as compact notation rounds it (ECMA-402: two significant digits while the scaled
 * number has one integer digit, whole units of K/M/B/T above), so that formatting this value
 * prints exactly what formatting the amount prints. Exact integer arithmetic: the rounding
 * boundaries of amounts from 1,000 up are whole multiples of 50, so dropping cents (truncation)
 * never crosses one. Null below 1,000 and from 10^15 up, where the rule is not applied here.
 */
export function compactDisplayValue(amount: number): number | null {
  if (!(amount >= 1000 && amount < 1e15)) return null;
  const whole = Math.trunc(amount);
  const exponent = String(whole).length - 1;
  const unitExponent = exponent - (exponent % 3);
  const step = 10 ** (exponent > unitExponent ? unitExponent : unitExponent - 1);
  const rest = whole % step;
  return whole - rest + (rest * 2 >= step ? step : 0);
}

/** Full currency amount: `€1,234.56` (en), `1 234,56 €` (fi). */
export function formatMoney(amount: number, currency: string, locale: UiLocale, fractionDigits?: number): string {
  if (!Number.isFinite(amount)) return NO_FIGURE;
  const digits = fractionDigits === undefined ? {} : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  const options: Intl.NumberFormatOptions = { ...currencyOptions(currency), ...digits };
  return withCurrencyText(stable(formatter(`full|${currency}|${fractionDigits ?? ''}`, locale, options).format(amount)), currency);
}

/** A rate in [0, 1] as a percentage: `60%` (en), `60 %` (fi). */
export function formatPercent(value: number, locale: UiLocale, fractionDigits = 0): string {
  if (!Number.isFinite(value)) return NO_FIGURE;
  // A table shows a hundred or so distinct percentages: format each once, keyed by what it shows.
  const formatKey = `percent|${fractionDigits}`;
  let texts = percentTexts.get(`${locale}|${formatKey}`);
  if (!texts) percentTexts.set(`${locale}|${formatKey}`, (texts = new Map()));
  const shown = shownPercentUnits(value, fractionDigits);
  const cacheKey = shown ?? value;
  const cached = texts.get(cacheKey);
  if (cached !== undefined) return cached;
  const options: Intl.NumberFormatOptions = {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  };
  const text = stable(formatter(formatKey, locale, options).format(value));
  if (texts.size >= MAX_PERCENT_TEXTS) texts.clear();
  // Rounded keys are whole numbers and raw keys (near a tie) never are, so the two cannot collide.
  texts.set(cacheKey, text);
  return text;
}

/**
 * The value in the units the percentage is rounded to (hundredths for `60%`), rounded, or null
 * when it lies so close to a tie (x.5) that floating-point scaling could round it the other way
 * from Intl, which rounds the exact decimal: those few are formatted one by one.
 */
export function shownPercentUnits(value: number, fractionDigits: number): number | null {
  // Negative rates do not occur; left out, `-0%` and `0%` cannot share the key 0.
  if (!(value >= 0)) return null;
  const scaled = value * 10 ** (fractionDigits + 2);
  const distanceFromTie = Math.abs(Math.abs(scaled % 1) - 0.5);
  return distanceFromTie < 1e-6 ? null : Math.round(scaled);
}

const percentTexts = new Map<string, Map<number, string>>();
const MAX_PERCENT_TEXTS = 5000;

/** A multiple such as ROAS: `3.2×` (en), `3,2×` (fi); one decimal at most. */
export function formatMultiple(value: number, locale: UiLocale): string {
  if (!Number.isFinite(value)) return NO_FIGURE;
  const options: Intl.NumberFormatOptions = { maximumFractionDigits: 1 };
  return `${stable(formatter('multiple', locale, options).format(value))}×`;
}

/** A count with grouping: `12,345` (en), `12 345` (fi). */
export function formatCount(value: number, locale: UiLocale): string {
  if (!Number.isFinite(value)) return NO_FIGURE;
  return stable(formatter('count', locale, { maximumFractionDigits: 0 }).format(value));
}

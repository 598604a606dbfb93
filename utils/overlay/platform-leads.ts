/**
 * The platform's own lead count for a row (issue 20), as the overlay keeps it: the text the row
 * printed and the count read from it. One home for reading and formatting it, for the card, the
 * summary and what the background remembers.
 */
import { formatCount, NO_FIGURE, type UiLocale } from '../i18n/locale';
import { parseCount } from '../money/parse-spend';

export interface PlatformLeads {
  /** As the row printed it (`1.2K`, `1 234`). */
  text: string;
  count: number;
  /** Abbreviated by the platform (`1.2K`): the count is rounded. */
  approximate: boolean;
}

/** The count a lead cell's text holds; null for no column, a placeholder, or unreadable text. */
export function readPlatformLeads(text: string | null): PlatformLeads | null {
  if (text === null) return null;
  const parsed = parseCount(text);
  return parsed.ok ? { text, count: parsed.count, approximate: parsed.approximate } : null;
}

const fractional = new Map<UiLocale, Intl.NumberFormat>();

/** A lead count in the UI's locale; Google's fractional conversions keep up to 2 decimals. */
export function formatLeadCount(count: number, locale: UiLocale): string {
  if (!Number.isFinite(count)) return NO_FIGURE;
  if (Number.isInteger(count)) return formatCount(count, locale);
  let format = fractional.get(locale);
  if (!format) fractional.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return format.format(count).replace(/[\s\u00a0\u202f\u2009]/g, '\u00a0');
}

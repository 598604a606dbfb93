/**
 * Reading one cell: dates, amounts, flags and UTM parameters as CRMs and spreadsheet programs
 * write them (crm-exports.md §4). Pure functions; the date order is decided once per file.
 */

/** How a file writes day, month and year when it is not ISO. */
export type DateOrder = 'dmy' | 'mdy';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/;
/** 5.1.2024, 05/01/2024, 3/4/2025, 10:22 AM, 5.1.2024 klo 14.30 */
const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:$|[,\s])/;

/**
 * The order of a file's non-ISO dates, from a sample of them: a part above 12 decides it; dots are
 * day-first (Finnish, German); otherwise month-first, as Salesforce's US locale writes them.
 */
export function detectDateOrder(samples: readonly string[]): DateOrder {
  let dotted = false;
  for (const sample of samples) {
    const m = NUMERIC.exec(sample.trim());
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (a > 31 || b > 31 || (a > 12 && b > 12)) continue; // not a date in either order: no vote
    if (a > 12) return 'dmy';
    if (b > 12) return 'mdy';
    if (m[2] === '.') dotted = true;
  }
  return dotted ? 'dmy' : 'mdy';
}

function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A cell as a calendar day `YYYY-MM-DD` (the time, if any, is dropped), or null when it is not a date. */
export function parseDay(cell: string, order: DateOrder): string | null {
  const text = cell.trim();
  const iso = ISO.exec(text);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = NUMERIC.exec(text);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[3])];
  const year = (m[4] as string).length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
  return order === 'dmy' ? isoDay(year, b, a) : isoDay(year, a, b);
}

const COMMA_THOUSANDS = /^-?\d{1,3}(,\d{3})+$/;
const DOT_THOUSANDS = /^-?\d{1,3}(\.\d{3})+$/;

/**
 * An amount as a number, or null when it is not one. Accepts `117.0`, `30000`, `1 234,50`
 * (spaces U+00A0 / U+202F, decimal comma), `1,234.50`, `€1,234`, `EUR 30000` and the minus sign U+2212.
 * With a single kind of separator, `1,234` / `1.234` (groups of three) are thousands; `12,5` is a decimal.
 */
export function parseAmount(cell: string): number | null {
  let text = cell
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/^[A-Z]{3}|[A-Z]{3}$|[€$£]/g, '');
  if (text === '') return null;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    text = text
      .split(decimal === ',' ? '.' : ',')
      .join('')
      .replace(',', '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    text = (sep === ',' ? COMMA_THOUSANDS : DOT_THOUSANDS).test(text) ? text.split(sep).join('') : text.replace(',', '.');
  }
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** Yes-like cells of a checkbox or flag column (HubSpot writes `Yes`, Salesforce `1` or `true`). */
export function isTruthy(cell: string): boolean {
  return /^(yes|true|1|x|kyllä|k|won)$/i.test(cell.trim());
}

export interface Utm {
  source?: string;
  campaign?: string;
  content?: string;
  term?: string;
}

/** utm_* of a landing-page URL (HubSpot's "First Page Seen"); empty when the cell is not a URL. */
export function utmFromUrl(cell: string): Utm {
  const text = cell.trim();
  const query = text.indexOf('?');
  if (query < 0 || !text.includes('utm_')) return {};
  const params = new URLSearchParams(text.slice(query + 1).split('#')[0]);
  const utm: Utm = {};
  const pick = (name: string) => params.get(name)?.trim() || undefined;
  const [source, campaign, content, term] = [pick('utm_source'), pick('utm_campaign'), pick('utm_content'), pick('utm_term')];
  if (source) utm.source = source;
  if (campaign) utm.campaign = campaign;
  if (content) utm.content = content;
  if (term) utm.term = term;
  return utm;
}

/**
 * Date-range labels as the ad managers print them in their date pickers, parsed into the API's
 * inclusive ISO range. Pure: no DOM, and "today" is always passed in. Shared by the Google Ads and
 * LinkedIn adapters.
 *
 * Forms understood (any dash: hyphen, en dash, em dash, minus; any spaces incl. no-break and thin):
 * - English, month first: `Oct 1 – 31, 2026`, `Sep 28 – Oct 27, 2026`, `Dec 1, 2025 – Jan 15, 2026`,
 *   `Aug 1, 2026 – Aug 30, 2026`, `Oct 1, 2026`; full month names and `Sept` too. Without a year
 *   (`Oct 1 – 31`) the year is today's.
 * - English, day first (en-GB): `1 – 31 Oct 2026`, `28 Sep – 27 Oct 2026`, `1 Dec 2025 – 15 Jan 2026`, `1 Oct 2026`.
 * - Finnish numeric: `1.–31.10.2026`, `28.9.–27.10.2026`, `1.12.2025–15.1.2026`, `1.10.2026`.
 * - ISO: `2026-10-01 – 2026-10-31`.
 * - A preset name followed by its range (`Last 30 days Oct 24 – Nov 22, 2026`, `Last 30 days: …`):
 *   the printed range wins, since it is what the table shows.
 * - A bare preset name (`Last 30 days`, `Today`, `Viimeiset 30 päivää`, `Tänään`…), resolved
 *   against `today`. Google's and Meta's "Last N days" end yesterday.
 * Anything else, and impossible dates (`Feb 30`, a range that ends before it starts), gives null.
 */
import { isValidIsoDate, lastNDaysExcludingToday, resolvePreset, type DateRange } from './range';

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Spaces the pickers print: no-break, narrow no-break, thin, hair, figure, en/em spaces. */
const SPACES = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;
/** Dashes between the two ends: hyphen, non-breaking hyphen, figure/en/em dash, minus. */
const DASHES = /[-\u2010-\u2015\u2212]/g;

const MON = '([a-z]{3,9})\\.?';
const D = '(\\d{1,2})';
const Y = '(\\d{4})';

/** English with month names, after normalisation (lower case, single spaces, `-` as the dash). */
const MONTH_FIRST: Array<{ re: RegExp; build(m: string[], today: Date): Parts | null }> = [
  // Dec 1, 2025 – Jan 15, 2026 · Sep 28 – Oct 27, 2026 · Oct 1 – Oct 31
  {
    re: new RegExp(`^${MON} ${D}(?:,? ${Y})? ?- ?${MON} ${D}(?:,? ${Y})?$`),
    build: ([, m1, d1, y1, m2, d2, y2], today) => span(m1, d1, y1, m2, d2, y2, today),
  },
  // Oct 1 – 31, 2026
  {
    re: new RegExp(`^${MON} ${D} ?- ?${D}(?:,? ${Y})?$`),
    build: ([, m1, d1, d2, y2], today) => span(m1, d1, undefined, m1, d2, y2, today),
  },
  // Oct 1, 2026
  {
    re: new RegExp(`^${MON} ${D}(?:,? ${Y})?$`),
    build: ([, m1, d1, y1], today) => span(m1, d1, y1, m1, d1, y1, today),
  },
  // 1 Dec 2025 – 15 Jan 2026 · 28 Sep – 27 Oct 2026
  {
    re: new RegExp(`^${D} ${MON}(?:,? ${Y})? ?- ?${D} ${MON}(?:,? ${Y})?$`),
    build: ([, d1, m1, y1, d2, m2, y2], today) => span(m1, d1, y1, m2, d2, y2, today),
  },
  // 1 – 31 Oct 2026
  {
    re: new RegExp(`^${D} ?- ?${D} ${MON}(?:,? ${Y})?$`),
    build: ([, d1, d2, m2, y2], today) => span(m2, d1, undefined, m2, d2, y2, today),
  },
  // 1 Oct 2026
  {
    re: new RegExp(`^${D} ${MON}(?:,? ${Y})?$`),
    build: ([, d1, m1, y1], today) => span(m1, d1, y1, m1, d1, y1, today),
  },
];

interface Parts {
  from: [number, number, number];
  to: [number, number, number];
}

function monthNumber(name: string | undefined): number | null {
  return name ? (MONTHS[name] ?? null) : null;
}

/**
 * Both ends from printed parts. The year printed once (at the end) belongs to both ends; when the
 * start month comes after the end month it is the year before (`Dec 1 – Jan 15, 2026`).
 */
function span(
  m1: string | undefined,
  d1: string | undefined,
  y1: string | undefined,
  m2: string | undefined,
  d2: string | undefined,
  y2: string | undefined,
  today: Date,
): Parts | null {
  const fromMonth = monthNumber(m1);
  const toMonth = monthNumber(m2);
  if (fromMonth === null || toMonth === null) return null;
  const toYear = y2 ? Number(y2) : y1 ? Number(y1) : today.getFullYear();
  const fromYear = y1 ? Number(y1) : fromMonth > toMonth ? toYear - 1 : toYear;
  return { from: [fromYear, fromMonth, Number(d1)], to: [toYear, toMonth, Number(d2)] };
}

function numeric(y: string | number, m: string | number, d: string | number): [number, number, number] {
  return [Number(y), Number(m), Number(d)];
}

/** Finnish numeric forms, after normalisation (dashes as `-`, spaces removed). */
function finnish(text: string): Parts | null {
  const s = text.replace(/ /g, '');
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})-(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return { from: numeric(m[3]!, m[2]!, m[1]!), to: numeric(m[6]!, m[5]!, m[4]!) };
  m = /^(\d{1,2})\.(\d{1,2})\.-(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) {
    const toYear = Number(m[5]);
    const fromYear = Number(m[2]) > Number(m[4]) ? toYear - 1 : toYear;
    return { from: numeric(fromYear, m[2]!, m[1]!), to: numeric(toYear, m[4]!, m[3]!) };
  }
  m = /^(\d{1,2})\.-(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return { from: numeric(m[4]!, m[3]!, m[1]!), to: numeric(m[4]!, m[3]!, m[2]!) };
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return { from: numeric(m[3]!, m[2]!, m[1]!), to: numeric(m[3]!, m[2]!, m[1]!) };
  return null;
}

function iso(s: string): Parts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: ?- ?(\d{4})-(\d{2})-(\d{2}))?$/.exec(s);
  if (!m) return null;
  const from = numeric(m[1]!, m[2]!, m[3]!);
  return { from, to: m[4] ? numeric(m[4], m[5]!, m[6]!) : from };
}

function toIso([y, m, d]: [number, number, number]): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function checked(parts: Parts | null): DateRange | null {
  if (!parts) return null;
  const from = toIso(parts.from);
  const to = toIso(parts.to);
  if (!isValidIsoDate(from) || !isValidIsoDate(to) || from > to) return null;
  return { from, to };
}

/** An explicit range (no preset name), from already-normalised text. */
function explicitRange(text: string, today: Date): DateRange | null {
  // ISO before the dashes are unified: its hyphens are part of the dates.
  const isoRange = checked(iso(text.replace(/ ?[\u2010-\u2015\u2212] ?/g, ' - ').replace(/ +/g, ' ')));
  if (isoRange) return isoRange;
  const s = text.replace(DASHES, '-').replace(/ ?- ?/g, ' - ').replace(/ +/g, ' ').trim();
  const compact = s.replace(/ - /g, '-');
  for (const { re, build } of MONTH_FIRST) {
    const m = re.exec(s) ?? re.exec(compact);
    if (m) return checked(build(m as unknown as string[], today));
  }
  return checked(finnish(s));
}

/** Preset names as the pickers print them (lower case), English and Finnish → `resolvePreset`'s names. */
const PRESETS: Record<string, string> = {
  today: 'today',
  yesterday: 'yesterday',
  'this month': 'this_month',
  'last month': 'last_month',
  'this year': 'this_year',
  'last year': 'last_year',
  'this quarter': 'this_quarter',
  'last quarter': 'last_quarter',
  tänään: 'today',
  eilen: 'yesterday',
  'tämä kuukausi': 'this_month',
  'edellinen kuukausi': 'last_month',
  'viime kuukausi': 'last_month',
  'tämä vuosi': 'this_year',
  'edellinen vuosi': 'last_year',
  'viime vuosi': 'last_year',
  'tämä vuosineljännes': 'this_quarter',
  'edellinen vuosineljännes': 'last_quarter',
};
/** "Last 30 days", "Past 7 days", "Viimeiset 30 päivää", "Edelliset 14 päivää": all end yesterday. */
const LAST_N_DAYS = /^(?:last|past|previous|viimeiset|edelliset) (\d{1,3}) (?:days|päivää)$/;

function presetRange(name: string, today: Date): DateRange | null {
  const key = name.replace(/:$/, '').trim();
  const preset = PRESETS[key];
  if (preset) return resolvePreset(preset, today);
  const lastN = LAST_N_DAYS.exec(key);
  if (lastN && Number(lastN[1]) > 0) return lastNDaysExcludingToday(today, Number(lastN[1]));
  return null;
}

export function parseRangeLabel(text: string, today: Date): DateRange | null {
  const s = text.replace(SPACES, ' ').trim().toLowerCase();
  if (!s || s.length > 120) return null;
  const whole = explicitRange(s, today) ?? presetRange(s, today);
  if (whole) return whole;
  // "<preset name>[:] <range>": the longest tail after a space or colon that is a range, with a
  // prefix that is words (a preset's name), not part of a date.
  for (let i = 1; i < s.length; i++) {
    if (s[i - 1] !== ' ' && s[i - 1] !== ':') continue;
    const prefix = s.slice(0, i).trim();
    if (!/\p{L}/u.test(prefix) || /\d[.,]?$/.test(prefix.replace(/:$/, ''))) continue;
    const range = explicitRange(s.slice(i).trim(), today);
    if (range) return range;
  }
  return null;
}

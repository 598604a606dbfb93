/**
 * Date ranges as the API wants them: inclusive ISO dates (YYYY-MM-DD) in the user's local calendar.
 * Pure: "today" is always passed in.
 */

export interface DateRange {
  from: string;
  to: string;
}

export function isoDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function addDays(date: Date, days: number): Date {
  const copy = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  copy.setDate(copy.getDate() + days);
  return copy;
}

/** Whether a YYYY-MM-DD string names a real calendar day. */
export function isValidIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

/** The last `days` complete days, ending yesterday (Meta's and Google's presets exclude today). */
export function lastNDaysExcludingToday(today: Date, days: number): DateRange {
  return { from: isoDate(addDays(today, -days)), to: isoDate(addDays(today, -1)) };
}

export function monthRange(year: number, monthIndex: number): DateRange {
  return { from: isoDate(new Date(year, monthIndex, 1)), to: isoDate(new Date(year, monthIndex + 1, 0)) };
}

export function quarterRange(year: number, quarterIndex: number): DateRange {
  return { from: isoDate(new Date(year, quarterIndex * 3, 1)), to: isoDate(new Date(year, quarterIndex * 3 + 3, 0)) };
}

/** What every adapter falls back to when the page's range cannot be read. */
export const DEFAULT_RANGE_DAYS = 30;

export function defaultRange(today: Date): DateRange {
  return lastNDaysExcludingToday(today, DEFAULT_RANGE_DAYS);
}

/**
 * Named presets as the ad managers spell them in URLs (Meta's `date_preset` values),
 * resolved against today. Unknown names give null.
 */
export function resolvePreset(preset: string, today: Date): DateRange | null {
  const y = today.getFullYear();
  const m = today.getMonth();
  const lastN = /^last_(\d+)d$/.exec(preset);
  if (lastN) return lastNDaysExcludingToday(today, Number(lastN[1]));
  switch (preset) {
    case 'today':
      return { from: isoDate(today), to: isoDate(today) };
    case 'yesterday':
      return { from: isoDate(addDays(today, -1)), to: isoDate(addDays(today, -1)) };
    case 'this_month':
      return { from: isoDate(new Date(y, m, 1)), to: isoDate(today) };
    case 'last_month':
      return monthRange(y, m - 1);
    case 'this_quarter':
      return { from: quarterRange(y, Math.floor(m / 3)).from, to: isoDate(today) };
    case 'last_quarter': {
      const q = Math.floor(m / 3) - 1;
      return q < 0 ? quarterRange(y - 1, 3) : quarterRange(y, q);
    }
    case 'this_year':
      return { from: `${y}-01-01`, to: isoDate(today) };
    case 'last_year':
      return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
    case 'this_week_mon_today': {
      const offset = (today.getDay() + 6) % 7;
      return { from: isoDate(addDays(today, -offset)), to: isoDate(today) };
    }
    case 'last_week_mon_sun': {
      const offset = (today.getDay() + 6) % 7;
      return { from: isoDate(addDays(today, -offset - 7)), to: isoDate(addDays(today, -offset - 1)) };
    }
    default:
      return null;
  }
}

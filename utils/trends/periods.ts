/**
 * The periods of a trend: the last 12 complete weeks (Monday to Sunday), months or quarters before
 * today, in the local calendar, oldest first. The running period is left out: its cohort is cut
 * short, so it would always look like a drop. Pure: "today" is passed in.
 */
import { addDays, isoDate, monthRange, quarterRange, type DateRange } from '../dates/range';

export const GRAINS = ['week', 'month', 'quarter'] as const;
export type Grain = (typeof GRAINS)[number];

export const TREND_PERIODS = 12;

export interface Period extends DateRange {
  grain: Grain;
  /** Year, and the week (ISO), month (1–12) or quarter (1–4) number. */
  year: number;
  index: number;
}

/** The ISO 8601 week number and its year of the Monday `monday`. */
function isoWeek(monday: Date): { year: number; week: number } {
  const thursday = addDays(monday, 3);
  const year = thursday.getFullYear();
  const firstThursday = new Date(year, 0, 1);
  firstThursday.setDate(1 + ((4 - firstThursday.getDay() + 7) % 7));
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return { year, week };
}

export function lastPeriods(grain: Grain, today: Date, count = TREND_PERIODS): Period[] {
  const periods: Period[] = [];
  if (grain === 'week') {
    const thisMonday = addDays(today, -((today.getDay() + 6) % 7));
    for (let i = count; i >= 1; i--) {
      const monday = addDays(thisMonday, -7 * i);
      const { year, week } = isoWeek(monday);
      periods.push({ grain, year, index: week, from: isoDate(monday), to: isoDate(addDays(monday, 6)) });
    }
  } else if (grain === 'month') {
    for (let i = count; i >= 1; i--) {
      const first = new Date(today.getFullYear(), today.getMonth() - i, 1);
      periods.push({ grain, year: first.getFullYear(), index: first.getMonth() + 1, ...monthRange(first.getFullYear(), first.getMonth()) });
    }
  } else {
    const thisQuarter = today.getFullYear() * 4 + Math.floor(today.getMonth() / 3);
    for (let i = count; i >= 1; i--) {
      const q = thisQuarter - i;
      const year = Math.floor(q / 4);
      periods.push({ grain, year, index: (q % 4) + 1, ...quarterRange(year, q % 4) });
    }
  }
  return periods;
}

/** Days from the end of `period` to `today` (0 on the day after it ended). */
export function daysSinceEnd(period: DateRange, today: Date): number {
  const [y, m, d] = period.to.split('-').map(Number);
  const end = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((start.getTime() - end.getTime()) / 86_400_000) - 1;
}

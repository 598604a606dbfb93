/**
 * Date ranges as the tests expect them, written out here rather than taken from the product's
 * range code (utils/dates/range.ts): the ad managers' "last N days" are the N whole days before
 * today (today left out), in the machine's local time, as ISO dates.
 */
export interface DayRange {
  from: string;
  to: string;
}

export function daysBeforeToday(days: number, today: Date = new Date()): DayRange {
  const day = (offset: number) => {
    const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset);
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  };
  return { from: day(-days), to: day(-1) };
}

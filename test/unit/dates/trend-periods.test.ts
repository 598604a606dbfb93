/** The 12 periods of a trend, checked against the calendar by hand. */
import { describe, expect, it } from 'vitest';
import { daysSinceEnd, lastPeriods } from '../../../utils/trends/periods';

const today = new Date(2026, 11, 1); // Tuesday 1 December 2026

describe('trend periods', () => {
  it('months: the 12 complete months before today, oldest first', () => {
    const months = lastPeriods('month', today);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ grain: 'month', year: 2025, index: 12, from: '2025-12-01', to: '2025-12-31' });
    expect(months[2]).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(months[11]).toEqual({ grain: 'month', year: 2026, index: 11, from: '2026-11-01', to: '2026-11-30' });
  });

  it('weeks: Monday to Sunday with ISO week numbers, the running week left out', () => {
    const weeks = lastPeriods('week', today);
    expect(weeks[11]).toEqual({ grain: 'week', year: 2026, index: 48, from: '2026-11-23', to: '2026-11-29' });
    expect(weeks[0]).toEqual({ grain: 'week', year: 2026, index: 37, from: '2026-09-07', to: '2026-09-13' });
    // ISO week 1 of 2026 starts on Monday 29 December 2025.
    expect(lastPeriods('week', new Date(2026, 0, 6), 1)[0]).toEqual({ grain: 'week', year: 2026, index: 1, from: '2025-12-29', to: '2026-01-04' });
  });

  it('quarters: calendar quarters across years', () => {
    const quarters = lastPeriods('quarter', today);
    expect(quarters[11]).toEqual({ grain: 'quarter', year: 2026, index: 3, from: '2026-07-01', to: '2026-09-30' });
    expect(quarters[0]).toEqual({ grain: 'quarter', year: 2023, index: 4, from: '2023-10-01', to: '2023-12-31' });
  });

  it('counts the days since a period ended', () => {
    expect(daysSinceEnd({ from: '2026-11-01', to: '2026-11-30' }, today)).toBe(0);
    expect(daysSinceEnd({ from: '2026-10-01', to: '2026-10-31' }, today)).toBe(30);
  });
});

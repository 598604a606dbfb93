/** The tests' own "last N days", which the E2E tests expect when the range follows today. */
import { describe, expect, it } from 'vitest';
import { daysBeforeToday } from '../../support/days';

describe('daysBeforeToday', () => {
  it('is the N whole days before today, across a month and a year end', () => {
    expect(daysBeforeToday(30, new Date(2026, 11, 1, 10))).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(daysBeforeToday(7, new Date(2027, 0, 3, 23, 59))).toEqual({ from: '2026-12-27', to: '2027-01-02' });
    expect(daysBeforeToday(90, new Date(2026, 2, 1))).toEqual({ from: '2025-12-01', to: '2026-02-28' });
  });
});

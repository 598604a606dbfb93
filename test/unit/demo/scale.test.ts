import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FunnelRowSchema } from '../../../utils/api/schema';
import { inclusiveDays, scaleFunnel, scaleSpend, scaledRow } from '../../../utils/demo/scale';
import type { FunnelCounts } from '../../../utils/demo/scale';

const FUNNEL: FunnelCounts = { leads: 120, mql: 80, sql: 30, meetings: 20, won: 8, lost: 10, revenue: 75000, pipeline: 120000, median_days_to_won: 47 };

describe('inclusiveDays', () => {
  it('counts both ends', () => {
    expect(inclusiveDays('2026-10-01', '2026-10-31')).toBe(31);
    expect(inclusiveDays('2026-10-01', '2026-10-01')).toBe(1);
    // Across the end of daylight saving time in Europe: still whole days.
    expect(inclusiveDays('2026-10-20', '2026-11-02')).toBe(14);
  });

  it('is 0 for a reversed range and throws on a non-date', () => {
    expect(inclusiveDays('2026-10-31', '2026-10-01')).toBe(0);
    expect(() => inclusiveDays('yesterday', '2026-10-01')).toThrow(RangeError);
  });
});

describe('scaleFunnel', () => {
  it('keeps the 30-day numbers for 30 days', () => {
    expect(scaleFunnel(FUNNEL, 30)).toEqual(FUNNEL);
  });

  it('scales counts by days/30 and revenue with won deals', () => {
    expect(scaleFunnel(FUNNEL, 15)).toEqual({
      leads: 60,
      mql: 40,
      sql: 15,
      meetings: 10,
      won: 4,
      lost: 5,
      revenue: 37500,
      pipeline: 60000,
      median_days_to_won: 47,
    });
  });

  it('clamps lost when rounding pushes won + lost above leads', () => {
    const tiny: FunnelCounts = { leads: 2, mql: 1, sql: 1, meetings: 1, won: 1, lost: 1, revenue: 1000 };
    expect(scaleFunnel(tiny, 15)).toMatchObject({ leads: 1, won: 1, lost: 0 });
  });

  it('drops the median time to win when no deal is won in the range', () => {
    expect(scaleFunnel(FUNNEL, 1)).not.toHaveProperty('median_days_to_won');
  });

  it('always obeys the contract, whatever the funnel and range', () => {
    const funnel = fc
      .tuple(fc.nat(2000), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(1_000_000))
      .map(([leads, a, b, revenue]): FunnelCounts => {
        const mql = Math.floor(leads * a);
        const sql = Math.floor(mql * b);
        const meetings = Math.floor(sql * a);
        const won = Math.floor(meetings * b);
        return { leads, mql, sql, meetings, won, lost: Math.floor((leads - won) * a), revenue };
      });
    fc.assert(
      fc.property(funnel, fc.integer({ min: 0, max: 400 }), (counts, days) => {
        const row = scaledRow({ id: '1', name: 'x', spend: 100, funnel: counts }, days);
        expect(FunnelRowSchema.safeParse(row).success).toBe(true);
      }),
    );
  });
});

describe('scaleSpend', () => {
  it('scales by days and rounds to cents', () => {
    expect(scaleSpend(9000, 7)).toBe(2100);
    expect(scaleSpend(100, 1)).toBe(3.33);
  });
});

describe('scaledRow', () => {
  it('leaves spend out when the entity has none', () => {
    expect(scaledRow({ id: '1', name: 'x', spend: null, funnel: FUNNEL }, 30)).not.toHaveProperty('spend');
    expect(scaledRow({ id: '1', name: 'x', spend: 9000, funnel: FUNNEL }, 30).spend).toBe(9000);
  });
});

/**
 * Invariants of the funnel math, checked with fast-check over generated funnels.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../utils/api/schema';
import { compareRate, compareWithPeers } from '../../../utils/funnel/compare';
import { maturity } from '../../../utils/funnel/maturity';
import { RATE_KEYS, stageRates } from '../../../utils/funnel/rates';
import { totalsByPlatform } from '../../../utils/funnel/totals';
import { rate, wilsonInterval } from '../../../utils/funnel/wilson';
import type { StageCounts } from '../../../utils/funnel/types';

/** A valid funnel row: leads ≥ mql ≥ sql ≥ meetings ≥ won, won + lost ≤ leads. */
const validCounts: fc.Arbitrary<StageCounts> = fc
  .tuple(
    fc.nat({ max: 100_000 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
  )
  .map(([leads, lostShare, shares]) => {
    const [a = 0, b = 0, c = 0, d = 0] = shares;
    const mql = Math.floor(leads * a);
    const sql = Math.floor(mql * b);
    const meetings = Math.floor(sql * c);
    const won = Math.floor(meetings * d);
    const lost = Math.floor((leads - won) * lostShare);
    return { leads, mql, sql, meetings, won, lost };
  });

const proportion = fc.tuple(fc.nat({ max: 5_000 }), fc.nat({ max: 5_000 })).map(([x, y]) => ({ num: Math.min(x, y), den: Math.max(x, y) }));

const inUnit = (x: number): boolean => x >= 0 && x <= 1;

describe('funnel invariants', () => {
  it('every rate and interval lies in [0, 1] and the interval holds the point estimate', () => {
    fc.assert(
      fc.property(validCounts, fc.nat({ max: 50 }), (counts, minDenominator) => {
        const rates = stageRates(counts, { minDenominator });
        for (const key of RATE_KEYS) {
          const r = rates[key];
          expect(inUnit(r.low) && inUnit(r.high) && r.low <= r.high).toBe(true);
          if (r.den === 0) {
            expect(r.value).toBeNull();
          } else {
            // Rates never exceed 1 for valid rows.
            expect(r.value !== null && inUnit(r.value) && r.low <= r.value && r.value <= r.high).toBe(true);
          }
          expect(r.enoughData).toBe(r.den > 0 && r.den >= minDenominator);
        }
      }),
    );
  });

  it('the Wilson interval stays in [0, 1] for any integers, valid or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 10_000 }), fc.integer({ min: -10, max: 10_000 }), (num, den) => {
        const { low, high } = wilsonInterval(num, den);
        expect(inUnit(low) && inUnit(high) && low <= high).toBe(true);
        const r = rate(num, den);
        if (r.value !== null) expect(r.low <= r.value && r.value <= r.high).toBe(true);
        else expect(r.enoughData).toBe(false);
      }),
    );
  });

  it('more data narrows the interval: scaling both counts by 4 roughly halves its width', () => {
    fc.assert(
      fc.property(
        proportion.filter((p) => p.den >= 20),
        ({ num, den }) => {
          const small = wilsonInterval(num, den);
          const large = wilsonInterval(num * 4, den * 4);
          expect(large.high - large.low).toBeLessThan(small.high - small.low);
        },
      ),
    );
  });

  it('the non-overlap rule never gives a verdict the interval rule does not', () => {
    fc.assert(
      fc.property(proportion, proportion, (subject, baseline) => {
        const strict = compareRate(subject, baseline, { rule: 'non-overlap' }).verdict;
        const lenient = compareRate(subject, baseline).verdict;
        if (strict === 'better' || strict === 'worse') expect(lenient).toBe(strict);
        if (lenient === 'insufficient') expect(strict).toBe('insufficient');
      }),
    );
  });

  it('a row equal to its baseline rate is never better or worse', () => {
    fc.assert(
      fc.property(proportion, fc.integer({ min: 1, max: 20 }), (p, k) => {
        const verdict = compareRate(p, { num: p.num * k, den: p.den * k }).verdict;
        expect(['similar', 'insufficient']).toContain(verdict);
      }),
    );
  });

  it('peer baselines are the rest of the account: row + baseline = the account pool', () => {
    const peerRow = fc.record({
      platform: fc.constantFrom(...PLATFORMS),
      accountId: fc.constantFrom('1', '2'),
      counts: validCounts,
    });
    fc.assert(
      fc.property(fc.array(peerRow, { maxLength: 30 }), (rows) => {
        const flat = rows.map((r) => ({ platform: r.platform, accountId: r.accountId, ...r.counts }));
        const comparisons = compareWithPeers(flat);
        flat.forEach((row, i) => {
          const pool = flat.filter((o) => o.platform === row.platform && o.accountId === row.accountId);
          const comparison = comparisons[i];
          expect(comparison?.rate.den).toBe(row.mql);
          expect((comparison?.baseline.den ?? 0) + row.mql).toBe(pool.reduce((sum, o) => sum + o.mql, 0));
          expect((comparison?.baseline.num ?? 0) + row.won).toBe(pool.reduce((sum, o) => sum + o.won, 0));
        });
      }),
    );
  });

  it('channel totals add up to the grand total', () => {
    const row = fc.record({ platform: fc.constantFrom(...PLATFORMS), counts: validCounts, revenue: fc.nat({ max: 1_000_000 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const totals = totalsByPlatform(rows.map((r) => ({ platform: r.platform, ...r.counts, revenue: r.revenue })));
        expect(totals.reduce((sum, t) => sum + t.leads, 0)).toBe(rows.reduce((sum, r) => sum + r.counts.leads, 0));
        expect(totals.reduce((sum, t) => sum + t.revenue, 0)).toBe(rows.reduce((sum, r) => sum + r.revenue, 0));
        expect(totals.reduce((sum, t) => sum + t.rowCount, 0)).toBe(rows.length);
      }),
    );
  });

  it('the open share of a valid row lies in [0, 1]', () => {
    fc.assert(
      fc.property(validCounts, (counts) => {
        const { open, openShare } = maturity(counts);
        expect(open).toBe(counts.leads - counts.won - counts.lost);
        if (counts.leads === 0) expect(openShare).toBeNull();
        else expect(openShare !== null && inUnit(openShare)).toBe(true);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { isValidProportion, rate, wilsonInterval, Z_95 } from '../../../utils/funnel/wilson';

// Wilson: centre = (p + z²/2n) / (1 + z²/n), half = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²),
// with z = 1.959964, z² = 3.841459.
describe('wilsonInterval', () => {
  it('30 won of 50 meetings: [0.4618, 0.7239] around 0.6', () => {
    // n = 50: z²/n = 0.0768292, d = 1.0768292; centre = (0.6 + 0.0384146) / d = 0.592866;
    // half = (1.959964 / d) · √(0.0048 + 0.00038415) = 1.820128 · 0.0720010 = 0.131051.
    const { low, high } = wilsonInterval(30, 50);
    expect(low).toBeCloseTo(0.461815, 5);
    expect(high).toBeCloseTo(0.723917, 5);
  });

  it('0 of 10: low is exactly 0, high is z²/(n + z²) = 3.841459/13.841459 = 0.277533', () => {
    const { low, high } = wilsonInterval(0, 10);
    expect(low).toBe(0);
    expect(high).toBeCloseTo(0.277533, 6);
  });

  it('10 of 10 mirrors 0 of 10: high is exactly 1, low is n/(n + z²) = 10/13.841459 = 0.722467', () => {
    const { low, high } = wilsonInterval(10, 10);
    expect(low).toBeCloseTo(0.722467, 6);
    expect(high).toBe(1);
  });

  it('1 of 10 is wide: [0.0179, 0.4042] although the point rate is 10%', () => {
    const { low, high } = wilsonInterval(1, 10);
    expect(low).toBeCloseTo(0.017876, 5);
    expect(high).toBeCloseTo(0.40415, 5);
  });

  it('narrows as the sample grows: 100 of 1000 gives [0.0829, 0.1202]', () => {
    const { low, high } = wilsonInterval(100, 1000);
    expect(low).toBeCloseTo(0.082909, 5);
    expect(high).toBeCloseTo(0.120152, 5);
  });

  it('is [0, 1] when there is nothing to divide by or the counts are inconsistent', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
    expect(wilsonInterval(5, 3)).toEqual({ low: 0, high: 1 });
    expect(wilsonInterval(-1, 3)).toEqual({ low: 0, high: 1 });
    expect(wilsonInterval(Number.NaN, 3)).toEqual({ low: 0, high: 1 });
  });

  it('takes another z: z = 0 collapses the interval onto the point rate', () => {
    expect(wilsonInterval(3, 12, 0)).toEqual({ low: 0.25, high: 0.25 });
    expect(Z_95).toBe(1.959964);
  });
});

describe('isValidProportion', () => {
  it('accepts 0 ≤ num ≤ den with den > 0 and nothing else', () => {
    expect(isValidProportion({ num: 0, den: 1 })).toBe(true);
    expect(isValidProportion({ num: 4, den: 4 })).toBe(true);
    expect(isValidProportion({ num: 0, den: 0 })).toBe(false);
    expect(isValidProportion({ num: 5, den: 4 })).toBe(false);
    expect(isValidProportion({ num: 1, den: Number.POSITIVE_INFINITY })).toBe(false);
  });
});

describe('rate', () => {
  it('carries counts, value and interval; 10 is enough data by default, 9 is not', () => {
    const ten = rate(3, 10);
    expect(ten).toMatchObject({ num: 3, den: 10, value: 0.3, enoughData: true });
    // p = 0.3: d = 1.3841459, centre = 0.49207295 / d = 0.355505, half = 1.416012 · 0.174939 = 0.247714.
    expect(ten.low).toBeCloseTo(0.107791, 5);
    expect(ten.high).toBeCloseTo(0.603222, 5);
    expect(rate(3, 9).enoughData).toBe(false);
  });

  it('the minimum denominator is configurable', () => {
    expect(rate(3, 9, { minDenominator: 5 }).enoughData).toBe(true);
    expect(rate(3, 40, { minDenominator: 50 }).enoughData).toBe(false);
  });

  it('has no value (and never enough data) with a zero denominator, whatever the minimum', () => {
    expect(rate(0, 0, { minDenominator: 0 })).toEqual({ num: 0, den: 0, value: null, low: 0, high: 1, enoughData: false });
  });

  it('has no value for inconsistent counts instead of a rate above 100%', () => {
    expect(rate(12, 10)).toMatchObject({ value: null, low: 0, high: 1, enoughData: false });
  });
});

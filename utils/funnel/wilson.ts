/**
 * The Wilson score interval for a binomial proportion.
 * Chosen over the textbook normal ("Wald") interval because it stays inside [0, 1] and behaves
 * sensibly for the small counts and 0% / 100% rates that campaign funnels are full of.
 */
import { DEFAULT_MIN_DENOMINATOR, type Proportion, type Rate } from './types';

/** Two-sided 95% normal quantile. */
export const Z_95 = 1.959964;

export interface WilsonInterval {
  low: number;
  high: number;
}

/** True when `num / den` is a proportion we can compute: finite, 0 ≤ num ≤ den, den > 0. */
export function isValidProportion({ num, den }: Proportion): boolean {
  return Number.isFinite(num) && Number.isFinite(den) && num >= 0 && den > 0 && num <= den;
}

/**
 * 95% (by default) Wilson interval for `num` successes out of `den` trials.
 * Returns [0, 1] when there is no valid proportion (den = 0 included).
 */
export function wilsonInterval(num: number, den: number, z: number = Z_95): WilsonInterval {
  if (!isValidProportion({ num, den })) return { low: 0, high: 1 };
  const p = num / den;
  const z2 = z * z;
  const denominator = 1 + z2 / den;
  const centre = (p + z2 / (2 * den)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / den + z2 / (4 * den * den));
  // Floating point can put the bounds a hair outside [0, 1] or past p at the extremes (p = 0 or 1);
  // the exact interval always contains p, so clamp to keep that promise.
  return {
    low: num === 0 ? 0 : Math.min(p, Math.max(0, centre - halfWidth)),
    high: num === den ? 1 : Math.max(p, Math.min(1, centre + halfWidth)),
  };
}

export interface RateOptions {
  /** Denominators below this are "not enough data". Default 10. */
  minDenominator?: number;
  /** Normal quantile for the interval. Default 1.959964 (95%). */
  z?: number;
}

/** A rate with its interval and the "enough data" flag. */
export function rate(num: number, den: number, options: RateOptions = {}): Rate {
  const { minDenominator = DEFAULT_MIN_DENOMINATOR, z = Z_95 } = options;
  const valid = isValidProportion({ num, den });
  const { low, high } = wilsonInterval(num, den, z);
  return {
    num,
    den,
    value: valid ? num / den : null,
    low,
    high,
    enoughData: valid && den >= minDenominator,
  };
}

/**
 * Shapes the funnel math works on. They are picked from the API's FunnelRow so that a
 * FunnelRow, a summed total or a test literal can all be passed without conversion.
 */
import type { FunnelRow } from '../api/schema';

/** The cumulative stage counts ("reached at least this stage") plus the closed-lost count. */
export type StageCounts = Pick<FunnelRow, 'leads' | 'mql' | 'sql' | 'meetings' | 'won' | 'lost'>;

/** Stage counts plus the money the CRM reports for the same rows. */
export type FunnelCounts = StageCounts & Pick<FunnelRow, 'revenue' | 'pipeline' | 'spend'>;

/** A numerator over a denominator, before any statistics are applied. */
export interface Proportion {
  num: number;
  den: number;
}

/**
 * A conversion rate with its 95% Wilson interval.
 * `value` is null when there is nothing to divide by (den = 0) or the inputs are inconsistent
 * (num > den, negative, not finite); the interval is then the uninformative [0, 1].
 * `enoughData` is false when the denominator is below the configured minimum: the UI then shows
 * the counts ("3 / 7") instead of a bold percentage.
 */
export interface Rate {
  num: number;
  den: number;
  value: number | null;
  low: number;
  high: number;
  enoughData: boolean;
}

/** Default smallest denominator for which a rate is shown as a percentage (issue #4: 10 MQLs). */
export const DEFAULT_MIN_DENOMINATOR = 10;

/**
 * Better / worse / similar verdicts that respect sampling noise.
 *
 * A campaign is compared with a baseline built from pooled counts (sums of numerators and of
 * denominators), never with a mean of rates: pooling weights every lead equally, so a campaign
 * with 3 MQLs does not move the baseline as much as one with 300.
 */
import type { Proportion, Rate, StageCounts } from './types';
import { rate, type RateOptions } from './wilson';
import { rateProportion, type RateKey } from './rates';
import { addCounts, emptyCounts, type PooledCounts } from './totals';

export type Verdict = 'better' | 'worse' | 'similar' | 'insufficient';

/**
 * - `interval` (default): the subject's 95% interval lies entirely above (better) or below (worse)
 *   the baseline's point rate. The baseline pools many rows, so its own noise is small next to
 *   the subject's and is treated as a known reference.
 * - `non-overlap`: stricter; the subject's and the baseline's intervals do not overlap at all.
 *   Fewer verdicts, almost no false alarms; useful when baselines are small too.
 */
export const VERDICT_RULES = ['interval', 'non-overlap'] as const;
export type VerdictRule = (typeof VERDICT_RULES)[number];

export interface CompareOptions extends RateOptions {
  rule?: VerdictRule;
}

export interface Comparison {
  verdict: Verdict;
  /** The subject's rate and interval. */
  rate: Rate;
  /** The baseline's pooled rate and interval. */
  baseline: Rate;
}

/**
 * Compares one proportion with a baseline. 'insufficient' when either denominator is below
 * `minDenominator` (default 10): too few to say anything, and the UI says so.
 */
export function compareRate(subject: Proportion, baseline: Proportion, options: CompareOptions = {}): Comparison {
  const { rule = 'interval' } = options;
  const subjectRate = rate(subject.num, subject.den, options);
  const baselineRate = rate(baseline.num, baseline.den, options);
  const result = (verdict: Verdict): Comparison => ({ verdict, rate: subjectRate, baseline: baselineRate });
  // enoughData is false whenever the value is null (den = 0 or inconsistent counts).
  if (!subjectRate.enoughData || !baselineRate.enoughData || baselineRate.value === null) {
    return result('insufficient');
  }
  const [refLow, refHigh] = rule === 'non-overlap' ? [baselineRate.low, baselineRate.high] : [baselineRate.value, baselineRate.value];
  if (subjectRate.low > refHigh) return result('better');
  if (subjectRate.high < refLow) return result('worse');
  return result('similar');
}

export interface PeerCompareOptions extends CompareOptions {
  /** Which rate to compare. Default the headline `mqlToWon`. */
  rate?: RateKey;
}

export type PeerRow = StageCounts & { platform: string; accountId?: string };

/**
 * Each row against the other rows of its platform and account, in input order.
 *
 * The row itself is left out of its baseline ("this campaign vs the rest of the account"): if it
 * were included, a campaign holding most of an account's MQLs would largely be compared with
 * itself and could never stand out. A row alone in its account gets 'insufficient'.
 * O(n): one pass to pool each account, then the row is subtracted from its account's pool.
 */
export function compareWithPeers(rows: readonly PeerRow[], options: PeerCompareOptions = {}): Comparison[] {
  const { rate: rateKey = 'mqlToWon' } = options;
  const groupKey = (row: PeerRow): string => `${row.platform}\u0000${row.accountId ?? ''}`;
  const pools = new Map<string, PooledCounts>();
  for (const row of rows) {
    const key = groupKey(row);
    let pool = pools.get(key);
    if (!pool) {
      pool = emptyCounts();
      pools.set(key, pool);
    }
    addCounts(pool, { ...row, revenue: 0 });
  }
  return rows.map((row) => {
    const pool = pools.get(groupKey(row)) ?? emptyCounts();
    const subject = rateProportion(row, rateKey);
    const whole = rateProportion(pool, rateKey);
    return compareRate(subject, { num: whole.num - subject.num, den: whole.den - subject.den }, options);
  });
}

/**
 * Channel against channel: each platform's totals against the pooled totals of the other
 * platforms given (leave-one-out, for the same reason as compareWithPeers). Input order is kept.
 */
export function compareChannels<T extends StageCounts & { platform: string }>(
  channels: readonly T[],
  options: PeerCompareOptions = {},
): Array<{ platform: T['platform']; comparison: Comparison }> {
  return compareWithPeers(
    channels.map((channel) => ({ ...pickStageCounts(channel), platform: 'all' })),
    options,
  ).map((comparison, index) => ({ platform: (channels[index] as T).platform, comparison }));
}

function pickStageCounts(counts: StageCounts): StageCounts {
  const { leads, mql, sql, meetings, won, lost } = counts;
  return { leads, mql, sql, meetings, won, lost };
}

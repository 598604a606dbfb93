/**
 * Stage-to-stage conversion rates of one funnel row (or of pooled rows).
 * Counts are cumulative ("reached at least this stage"), so each rate is later / earlier.
 */
import type { Proportion, Rate, StageCounts } from './types';
import { rate, type RateOptions } from './wilson';

export const RATE_KEYS = ['leadToMql', 'mqlToSql', 'sqlToMeeting', 'meetingToWon', 'mqlToWon', 'leadToWon'] as const;
export type RateKey = (typeof RATE_KEYS)[number];

/** Which counts each rate divides: [numerator, denominator]. `mqlToWon` is the headline figure. */
const RATE_PARTS: Record<RateKey, readonly [keyof StageCounts, keyof StageCounts]> = {
  leadToMql: ['mql', 'leads'],
  mqlToSql: ['sql', 'mql'],
  sqlToMeeting: ['meetings', 'sql'],
  meetingToWon: ['won', 'meetings'],
  mqlToWon: ['won', 'mql'],
  leadToWon: ['won', 'leads'],
};

/** The numerator and denominator behind a named rate. */
export function rateProportion(counts: StageCounts, key: RateKey): Proportion {
  const [numKey, denKey] = RATE_PARTS[key];
  return { num: counts[numKey], den: counts[denKey] };
}

export type StageRates = Record<RateKey, Rate>;

/**
 * All named rates with 95% Wilson intervals. A rate whose denominator is below
 * `minDenominator` (default 10 — for the headline that means "fewer than 10 MQLs") is flagged
 * `enoughData: false`; the same threshold applies to every rate's own denominator.
 */
export function stageRates(counts: StageCounts, options: RateOptions = {}): StageRates {
  const result = {} as StageRates;
  for (const key of RATE_KEYS) {
    const { num, den } = rateProportion(counts, key);
    result[key] = rate(num, den, options);
  }
  return result;
}

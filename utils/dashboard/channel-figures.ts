/**
 * Everything the channel view shows for one channel, from load-channels' totals and the funnel
 * math (rates with Wilson intervals, maturity, money figures). Pure; the components only format.
 */
import type { Platform } from '../api/constants';
import type { FunnelRow, StageKey } from '../api/schema';
import type { Comparison } from '../funnel/compare';
import { maturity, type Maturity } from '../funnel/maturity';
import { moneyFigures, type MoneyFigures } from '../funnel/money';
import { stageRates, type RateKey, type StageRates } from '../funnel/rates';
import type { ChannelTotals } from '../funnel/totals';
import type { StageCounts } from '../funnel/types';

export interface FunnelStep {
  stage: StageKey;
  count: number;
  /** The rate from the previous stage (null for Lead). */
  stepRate: RateKey | null;
}

const STEPS: ReadonlyArray<{ stage: StageKey; count: keyof StageCounts; stepRate: RateKey | null }> = [
  { stage: 'lead', count: 'leads', stepRate: null },
  { stage: 'mql', count: 'mql', stepRate: 'leadToMql' },
  { stage: 'sql', count: 'sql', stepRate: 'mqlToSql' },
  { stage: 'meeting', count: 'meetings', stepRate: 'sqlToMeeting' },
  { stage: 'won', count: 'won', stepRate: 'meetingToWon' },
];

export function funnelSteps(counts: StageCounts): FunnelStep[] {
  return STEPS.map((s) => ({ stage: s.stage, count: counts[s.count], stepRate: s.stepRate }));
}

export interface ChannelFigures {
  platform: Platform;
  totals: ChannelTotals;
  steps: FunnelStep[];
  rates: StageRates;
  maturity: Maturity;
  money: MoneyFigures;
  /** Won-weighted median of the campaigns' median days to won; null when no campaign reports one. */
  medianDaysToWon: number | null;
  comparison: Comparison | null;
}

/**
 * The median of the campaigns' medians, each weighted by its won deals: the API gives medians per
 * campaign, not the deals themselves, so this is the closest honest channel figure.
 */
export function weightedMedianDays(rows: readonly Pick<FunnelRow, 'won' | 'median_days_to_won'>[]): number | null {
  const points = rows
    .filter((r) => r.median_days_to_won !== undefined && r.won > 0)
    .map((r) => ({ days: r.median_days_to_won as number, weight: r.won }))
    .sort((a, b) => a.days - b.days);
  const total = points.reduce((sum, p) => sum + p.weight, 0);
  if (total === 0) return null;
  let cumulative = 0;
  for (const point of points) {
    cumulative += point.weight;
    if (cumulative * 2 >= total) return point.days;
  }
  return null;
}

export function channelFigures(input: {
  totals: ChannelTotals;
  rows: readonly FunnelRow[];
  currency: string;
  minMql: number;
  comparison: Comparison | null;
}): ChannelFigures {
  const { totals, currency } = input;
  // Spend comes from the API in the API's currency; a partial spend (some rows without) is no spend.
  const spend = totals.spend !== undefined ? { amount: totals.spend, currency } : null;
  return {
    platform: totals.platform,
    totals,
    steps: funnelSteps(totals),
    rates: stageRates(totals, { minDenominator: input.minMql }),
    maturity: maturity(totals),
    money: moneyFigures(totals, spend, currency),
    medianDaysToWon: weightedMedianDays(input.rows),
    comparison: input.comparison,
  };
}

/**
 * Bar widths for a funnel chart, as a share of the widest bar (the leads). Every non-zero stage
 * keeps a visible sliver, so "3 won" never looks like "none".
 */
export function barShares(steps: readonly FunnelStep[], minVisible = 0.01): number[] {
  const max = Math.max(0, ...steps.map((s) => s.count));
  return steps.map((s) => (max === 0 || s.count === 0 ? 0 : Math.max(minVisible, s.count / max)));
}

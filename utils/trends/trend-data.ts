/**
 * One channel's trend: per period, its totals, MQL→Won with its interval, cost per won deal with
 * the range that interval implies, won revenue, whether the period is still maturing, or why it
 * failed. Built from one funnel answer per period and channel. Pure.
 */
import type { Platform } from '../api/constants';
import type { FunnelRow } from '../api/schema';
import { weightedMedianDays } from '../dashboard/channel-figures';
import { maturity } from '../funnel/maturity';
import { costPer } from '../funnel/money';
import { checkTargets, costPerWonRange, type TargetCheck, type TargetSet } from '../funnel/targets';
import { totalsByPlatform, type ChannelTotals } from '../funnel/totals';
import type { Rate } from '../funnel/types';
import { rate } from '../funnel/wilson';
import type { FunnelAnswer, FunnelFailure } from '../messaging';
import { daysSinceEnd, type Period } from './periods';

/**
 * Without a median time to win from the CRM, a cohort counts as still maturing for this long
 * after its period ended: most B2B deals close within a quarter.
 */
export const DEFAULT_MATURING_DAYS = 90;

export interface Figure {
  value: number;
  low: number;
  high: number;
}

export interface TrendPoint {
  period: Period;
  /** The answer's failure; null when the period loaded. */
  error: FunnelFailure | null;
  totals: ChannelTotals | null;
  mqlToWon: Rate | null;
  /** Null without a complete spend or without a won deal. */
  costPerWon: Figure | null;
  revenue: number | null;
  spend: number | null;
  /** Still maturing: too recent for its deals to have closed, or most of its leads still open. */
  provisional: boolean;
  /** This period against the channel's targets (empty without targets or data). */
  targets: TargetCheck[];
}

export interface ChannelTrend {
  platform: Platform;
  points: TrendPoint[];
  currency: string;
  /** The channel's targets (from the settings, as each answer carries them). */
  target: TargetSet | null;
  /** Days after a period's end during which it counts as still maturing. */
  maturingDays: number;
}

export function channelTrend(platform: Platform, periods: readonly Period[], answers: readonly FunnelAnswer[], today: Date): ChannelTrend {
  const loaded = answers.flatMap((a) => (a.ok ? [a] : []));
  const allRows: FunnelRow[] = loaded.flatMap((a) => a.rows);
  const maturingDays = weightedMedianDays(allRows) ?? DEFAULT_MATURING_DAYS;
  const first = loaded[0];
  const target = first?.display.targets?.channel ?? null;
  const points = periods.map((period, i): TrendPoint => {
    const answer = answers[i];
    if (!answer || !answer.ok) {
      return {
        period,
        error: answer && !answer.ok ? answer.error : { kind: 'background_unavailable' },
        totals: null,
        mqlToWon: null,
        costPerWon: null,
        revenue: null,
        spend: null,
        provisional: false,
        targets: [],
      };
    }
    const totals = totalsByPlatform(answer.rows.map((row) => ({ ...row, platform })))[0] ?? null;
    if (!totals) {
      return {
        period,
        error: null,
        totals: null,
        mqlToWon: null,
        costPerWon: null,
        revenue: 0,
        spend: null,
        provisional: daysSinceEnd(period, today) < maturingDays,
        targets: [],
      };
    }
    const mqlToWon = rate(totals.won, totals.mql, { minDenominator: answer.display.minMql });
    const spend = totals.spend !== undefined && !totals.spendPartial ? totals.spend : null;
    const costPerWonValue = spend === null ? null : costPer(spend, totals.won);
    const costPerWon = spend !== null && costPerWonValue !== null ? { value: costPerWonValue, ...costPerWonRange(spend, totals.mql, mqlToWon) } : null;
    return {
      period,
      error: null,
      totals,
      mqlToWon,
      costPerWon,
      revenue: totals.revenue,
      spend,
      provisional: daysSinceEnd(period, today) < maturingDays || maturity(totals).provisional,
      targets: target ? checkTargets({ mql: totals.mql, won: totals.won, revenue: totals.revenue, spend }, mqlToWon, target) : [],
    };
  });
  return { platform, points, currency: first?.currency ?? 'EUR', target, maturingDays };
}

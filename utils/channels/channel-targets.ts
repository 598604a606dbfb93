/**
 * A channel's totals against its channel targets, for the popup and the dashboard. The spend
 * counts only when every row of the channel carried one (a partial sum would flatter the cost).
 */
import { checkTargets, type TargetCheck } from '../funnel/targets';
import { rate } from '../funnel/wilson';
import type { ChannelData } from './load-channels';

export function channelTargetChecks(channel: Pick<ChannelData, 'totals' | 'answer'>): TargetCheck[] {
  const { totals, answer } = channel;
  const set = answer?.display.targets?.channel;
  if (!totals || !answer || !set) return [];
  const mqlToWon = rate(totals.won, totals.mql, { minDenominator: answer.display.minMql });
  const spend = totals.spend !== undefined && !totals.spendPartial ? totals.spend : null;
  return checkTargets({ mql: totals.mql, won: totals.won, revenue: totals.revenue, spend }, mqlToWon, set);
}

/**
 * Channel-level data for the popup and the dashboard: one funnel request per platform at the
 * campaign level, across accounts, for a range; totals per channel from the rows.
 */
import { PLATFORMS, type Platform } from '../api/constants';
import type { FunnelRow } from '../api/schema';
import type { DateRange } from '../dates/range';
import { compareChannels, type Comparison } from '../funnel/compare';
import { totalsByPlatform, type ChannelTotals } from '../funnel/totals';
import type { FunnelAnswer, FunnelData, FunnelFailure, FunnelRequest } from '../messaging';

export interface ChannelData {
  platform: Platform;
  totals: ChannelTotals | null;
  rows: FunnelRow[];
  answer: FunnelData | null;
  error: FunnelFailure | null;
  /** MQL→Won against the other channels pooled; null when this channel has no data. */
  comparison: Comparison | null;
}

export type AskFunnel = (request: FunnelRequest) => Promise<FunnelAnswer>;

export async function loadChannels(ask: AskFunnel, range: DateRange, platforms: readonly Platform[] = PLATFORMS): Promise<ChannelData[]> {
  const answers = await Promise.all(
    platforms.map((platform) =>
      ask({ platform, level: 'campaign', accountId: null, from: range.from, to: range.to }).catch((): FunnelAnswer => ({
        ok: false,
        error: { kind: 'background_unavailable' },
      })),
    ),
  );
  const channels: ChannelData[] = platforms.map((platform, i) => {
    const answer = answers[i] as FunnelAnswer;
    if (!answer.ok) return { platform, totals: null, rows: [], answer: null, error: answer.error, comparison: null };
    const totals = totalsByPlatform(answer.rows.map((row) => ({ ...row, platform })))[0] ?? null;
    return { platform, totals, rows: answer.rows, answer, error: null, comparison: null };
  });
  const withTotals = channels.filter((c) => c.totals !== null);
  const minMql = withTotals[0]?.answer?.display.minMql;
  const rule = withTotals[0]?.answer?.display.compareRule;
  const comparisons = compareChannels(
    withTotals.map((c) => c.totals as ChannelTotals),
    { ...(minMql ? { minDenominator: minMql } : {}), ...(rule ? { rule } : {}) },
  );
  withTotals.forEach((channel, i) => {
    channel.comparison = comparisons[i]?.comparison ?? null;
  });
  return channels;
}

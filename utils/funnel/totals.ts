/**
 * Summing funnel rows: pooled counts (for baselines) and totals per platform (channel).
 */
import { PLATFORMS, type Platform } from '../api/constants';
import type { FunnelCounts, StageCounts } from './types';

export type PooledCounts = StageCounts & { revenue: number };

export function emptyCounts(): PooledCounts {
  return { leads: 0, mql: 0, sql: 0, meetings: 0, won: 0, lost: 0, revenue: 0 };
}

/** Adds `row`'s counts and revenue into `into` (mutates; used in hot loops). */
export function addCounts(into: PooledCounts, row: StageCounts & { revenue?: number }): PooledCounts {
  into.leads += row.leads;
  into.mql += row.mql;
  into.sql += row.sql;
  into.meetings += row.meetings;
  into.won += row.won;
  into.lost += row.lost;
  into.revenue += row.revenue ?? 0;
  return into;
}

/** Pooled sums of counts and revenue. Pooling counts (not averaging rates) weights rows by size. */
export function poolCounts(rows: Iterable<StageCounts & { revenue?: number }>): PooledCounts {
  const total = emptyCounts();
  for (const row of rows) addCounts(total, row);
  return total;
}

/**
 * One channel's totals. Shaped like FunnelCounts so it can go straight into stageRates,
 * maturity and moneyFigures.
 */
export interface ChannelTotals extends PooledCounts {
  platform: Platform;
  rowCount: number;
  /** Summed only when every row has a pipeline; otherwise undefined and `pipelinePartial`. */
  pipeline?: number;
  /** Summed only when every row has a spend; otherwise undefined and `spendPartial`. */
  spend?: number;
  /** How many rows carried a spend / a pipeline. */
  spendRowCount: number;
  pipelineRowCount: number;
  /** Some, but not all, rows had the figure: a sum would understate it, so none is given. */
  spendPartial: boolean;
  pipelinePartial: boolean;
}

/**
 * Totals per platform, in the fixed order of PLATFORMS; platforms without rows are left out.
 */
export function totalsByPlatform(rows: ReadonlyArray<FunnelCounts & { platform: Platform }>): ChannelTotals[] {
  const sums = new Map<Platform, { counts: PooledCounts; rowCount: number; spend: number; spendRows: number; pipeline: number; pipelineRows: number }>();
  for (const row of rows) {
    let sum = sums.get(row.platform);
    if (!sum) {
      sum = { counts: emptyCounts(), rowCount: 0, spend: 0, spendRows: 0, pipeline: 0, pipelineRows: 0 };
      sums.set(row.platform, sum);
    }
    addCounts(sum.counts, row);
    sum.rowCount += 1;
    if (row.spend !== undefined) {
      sum.spend += row.spend;
      sum.spendRows += 1;
    }
    if (row.pipeline !== undefined) {
      sum.pipeline += row.pipeline;
      sum.pipelineRows += 1;
    }
  }
  const result: ChannelTotals[] = [];
  for (const platform of PLATFORMS) {
    const sum = sums.get(platform);
    if (!sum) continue;
    const spendComplete = sum.spendRows === sum.rowCount;
    const pipelineComplete = sum.pipelineRows === sum.rowCount;
    result.push({
      platform,
      ...sum.counts,
      rowCount: sum.rowCount,
      ...(spendComplete ? { spend: sum.spend } : {}),
      ...(pipelineComplete ? { pipeline: sum.pipeline } : {}),
      spendRowCount: sum.spendRows,
      pipelineRowCount: sum.pipelineRows,
      spendPartial: sum.spendRows > 0 && !spendComplete,
      pipelinePartial: sum.pipelineRows > 0 && !pipelineComplete,
    });
  }
  return result;
}

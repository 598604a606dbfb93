/**
 * The trend's data: one getFunnel per period and channel (campaign level, all accounts), through
 * the same contract and cache as every other answer, a few at a time so a slow API is not flooded.
 * A failed request fails only its own period.
 */
import type { Platform } from '../api/constants';
import type { AskFunnel } from '../channels/load-channels';
import type { FunnelAnswer } from '../messaging';
import type { Period } from './periods';

/** Requests in flight at once: 36 periods' worth would otherwise arrive at the API together. */
export const TREND_CONCURRENCY = 4;

export async function loadTrendAnswers(
  ask: AskFunnel,
  periods: readonly Period[],
  platforms: readonly Platform[],
  onProgress: (done: number, total: number) => void,
): Promise<Record<Platform, FunnelAnswer[]>> {
  const jobs = platforms.flatMap((platform) => periods.map((period, index) => ({ platform, period, index })));
  const result = Object.fromEntries(platforms.map((p) => [p, new Array<FunnelAnswer>(periods.length)])) as Record<Platform, FunnelAnswer[]>;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++] as (typeof jobs)[number];
      const answer = await ask({ platform: job.platform, level: 'campaign', accountId: null, from: job.period.from, to: job.period.to }).catch(
        (): FunnelAnswer => ({ ok: false, error: { kind: 'background_unavailable' } }),
      );
      result[job.platform][job.index] = answer;
      onProgress(++done, jobs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(TREND_CONCURRENCY, jobs.length) }, worker));
  return result;
}

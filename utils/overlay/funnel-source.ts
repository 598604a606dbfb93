/**
 * The funnel behind the badges: asked from the background once per page context (never per row),
 * kept for that context with its match index and baseline, asked again on "fresher data for this
 * request" (funnelChanged) and after a 429 once the block has passed.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FunnelAnswer, FunnelRequest } from '../messaging';
import { funnelRequestKey } from '../messaging';
import type { MatchIndex } from '../matching/lookup';
import { createMatchIndex } from '../matching/lookup';
import type { PageContext } from './adapter';
import { poolCounts, type PooledCounts } from '../funnel/totals';
import { funnelRequestOf } from './page-context';
import type { SeenRow } from './seen-row';

export interface FunnelSource {
  /** The current context's answer; null while it loads (or when there is no context). */
  readonly answer: FunnelAnswer | null;
  /** The answer's rows indexed for matching, with every campaign seen so far noted. */
  readonly index: MatchIndex | null;
  readonly baseline: PooledCounts | null;
  /**
   * Asks for the context's funnel. A refresh of the same context (`keepCurrent`) keeps the numbers
   * on screen until the new answer arrives; a new context shows the loading state at once.
   */
  load(context: PageContext, keepCurrent?: boolean): void;
  /** Asks again for the current context, keeping what is shown meanwhile. */
  reload(): void;
}

export interface FunnelSourceOptions {
  askFunnel(request: FunnelRequest): Promise<FunnelAnswer>;
  /** Subscribes to "fresher data for this request"; returns the unsubscribe. */
  onFunnelChanged(listener: (request: FunnelRequest) => void): () => void;
  /** The page context now (the one a funnelChanged or a retry is for). */
  context(): PageContext | null;
  /** The campaigns seen on this page context: the new index notes them (see MatchIndex.notePageRow). */
  seen(): Iterable<SeenRow>;
  /** The shown answer was dropped for a new context's load. */
  onCleared(): void;
  /** An answer arrived and is current. */
  onAnswer(answer: FunnelAnswer): void;
  random?(): number;
}

export function createFunnelSource(ctx: ContentScriptContext, signal: AbortSignal, options: FunnelSourceOptions): FunnelSource {
  let answer: FunnelAnswer | null = null;
  let index: MatchIndex | null = null;
  let baseline: PooledCounts | null = null;
  let loadToken = 0;

  async function load(forContext: PageContext, keepCurrent = false): Promise<void> {
    const token = ++loadToken;
    if (!keepCurrent) {
      answer = null;
      index = null;
      baseline = null;
      options.onCleared();
    }
    const result = await options.askFunnel(funnelRequestOf(forContext));
    if (token !== loadToken || signal.aborted) return;
    answer = result;
    scheduleRetryAfterRateLimit(result, token);
    if (result.ok) {
      const fresh = createMatchIndex(result.rows);
      for (const row of options.seen()) fresh.notePageRow(row);
      index = fresh;
      baseline = poolCounts(result.rows);
    }
    options.onAnswer(result);
  }

  /** The summary promises "Funnel Lens will try again shortly" after a 429: keep that promise. */
  function scheduleRetryAfterRateLimit(result: FunnelAnswer, token: number): void {
    const error = result.ok ? result.refreshError : result.error;
    if (error?.kind !== 'rate_limited') return;
    const retryAfterSec = 'retryAfterSec' in error ? error.retryAfterSec : undefined;
    ctx.setTimeout(
      () => {
        if (token === loadToken) reload();
      },
      rateLimitRetryDelayMs(retryAfterSec, options.random ?? Math.random),
    );
  }

  function reload(): void {
    const context = options.context();
    if (context) void load(context, true);
  }

  const unsubscribe = options.onFunnelChanged((request) => {
    const context = options.context();
    if (context && funnelRequestKey(request) === funnelRequestKey(funnelRequestOf(context))) reload();
  });
  signal.addEventListener('abort', () => {
    try {
      unsubscribe();
    } catch {
      // Orphaned by an extension reload: the runtime, and the listener with it, is already gone.
    }
  });

  return {
    get answer() {
      return answer;
    },
    get index() {
      return index;
    },
    get baseline() {
      return baseline;
    },
    load(context, keepCurrent) {
      void load(context, keepCurrent);
    },
    reload,
  };
}

/**
 * When a tab asks again after a 429: once the block has passed (30 s when the answer did not
 * say, at most 10 min), plus a random part of up to a fifth of the wait (at least 1 s), so that
 * every open tab does not come back in the same instant.
 */
export function rateLimitRetryDelayMs(retryAfterSec: number | undefined, random: () => number): number {
  const waitMs = Math.min(Math.max(1, retryAfterSec ?? 30), 600) * 1000;
  return waitMs + 250 + random() * Math.max(1000, waitMs / 5);
}

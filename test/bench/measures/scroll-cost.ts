/**
 * Main-thread cost while scrolling the 5,000-campaign Meta replica for 10 s, with the extension ÷
 * without it, and the API requests of each with-extension session. Two browsers side by side (one
 * with the extension, one without), runs alternating between them. Each run: a fresh page, the
 * table loaded (and, with the extension, every visible badge showing its data), then CDP
 * Performance.getMetrics before and after a requestAnimationFrame-driven scroll in the page. The
 * content script runs in the page's renderer main thread, so its time is in these metrics.
 * Each with-extension run uses a date range never asked before: the session starts with an empty
 * cache, and the API must be asked exactly once in it.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../e2e/support/browser';
import { waitForReplica } from '../../e2e/support/meta-page';
import { metaAdsManagerUrl, routeMetaReplica } from '../../replicas/serve';
import { funnelRequestCount, type BenchSession } from './session';
import {
  ACCOUNT_5K,
  ROW_HEIGHT,
  cdpMetrics,
  deltaMs,
  freshRange,
  log,
  metaReplicaData,
  round,
  scrollRatioFigure,
  summarize,
  waitForBadgesThenStopProbe,
  type Figure,
} from './shared';

// Seven pairs: the page's own cost swings by about ±15% between runs on a 2-core machine.
const PAIRS = Number(process.env.BENCH_SCROLL_PAIRS ?? 7);
const SCROLL_MS = Number(process.env.BENCH_SCROLL_MS ?? 10_000);
/** Three rows per frame: a brisk wheel scroll. */
export const PX_PER_FRAME = 3 * ROW_HEIGHT;

export interface RunResult {
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  taskMs: number;
  /** Layouts and style recalculations: counts, so unlike durations they do not depend on load. */
  layouts: number;
  styleRecalcs: number;
  frames: number;
  requests: number | null;
}

/** rAF-driven scroll in the page; wraps to the top at the end of the list. */
export const SCROLL_SCRIPT = (ms: number, px: number) => `new Promise((resolve) => {
  const r = window.__replica;
  const s = document.querySelector('[data-surface="/am/table"] ._7mkk');
  const max = s.scrollHeight - s.clientHeight;
  let pos = s.scrollTop;
  let frames = 0;
  const t0 = performance.now();
  function step() {
    if (performance.now() - t0 >= ${ms}) return resolve(frames);
    frames++;
    if (pos + ${px} > max) { r.scrollToIndex(0); pos = 0; } else { r.scrollBy(${px}); pos += ${px}; }
    requestAnimationFrame(step);
  }
  requestAnimationFrame(step);
})`;

export async function oneRun(browser: ExtensionBrowser, withExtension: boolean, session: BenchSession): Promise<RunResult> {
  const range = freshRange();
  const page: Page = await browser.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = funnelRequestCount(session.server);
  await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT_5K, ...range }));
  await waitForReplica(page);
  if (withExtension) await waitForBadgesThenStopProbe(page, session.server, range);
  await page.waitForTimeout(300);
  const m0 = await cdpMetrics(cdp);
  const frames = (await page.evaluate(SCROLL_SCRIPT(SCROLL_MS, PX_PER_FRAME))) as number;
  const m1 = await cdpMetrics(cdp);
  // Requests of the whole session: page load, badges, 10 s of scrolling.
  const requests = withExtension ? funnelRequestCount(session.server) - before : null;
  await cdp.detach();
  await page.close();
  return {
    scriptMs: deltaMs(m1, m0, 'ScriptDuration'),
    layoutMs: deltaMs(m1, m0, 'LayoutDuration'),
    styleMs: deltaMs(m1, m0, 'RecalcStyleDuration'),
    taskMs: deltaMs(m1, m0, 'TaskDuration'),
    layouts: (m1.LayoutCount ?? 0) - (m0.LayoutCount ?? 0),
    styleRecalcs: (m1.RecalcStyleCount ?? 0) - (m0.RecalcStyleCount ?? 0),
    frames,
    requests,
  };
}

/** A browser without the extension, and the session's with it, both serving the 5,000-campaign Meta replica (0.3 s skeleton). */
export async function plainBesideSession(session: BenchSession): Promise<ExtensionBrowser> {
  const plain = await launchWithExtension({ withExtension: false });
  const data = metaReplicaData(session.campaigns5k, { skeletonMs: 300 });
  await session.browser.context.unrouteAll({ behavior: 'ignoreErrors' });
  await routeMetaReplica(session.browser.context, data);
  await routeMetaReplica(plain.context, data);
  return plain;
}

export async function measureScrollCost(session: BenchSession): Promise<Figure[]> {
  const plain = await plainBesideSession(session);
  try {
    const withRuns: RunResult[] = [];
    const withoutRuns: RunResult[] = [];
    const ratios: number[] = [];
    const totalRatios: number[] = [];
    const scriptLayoutRatios: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      // Alternate which side goes first, so a load spike does not always hit the same side.
      const order = i % 2 === 0 ? [true, false] : [false, true];
      const pair: Record<string, RunResult> = {};
      for (const withExt of order) {
        pair[String(withExt)] = await oneRun(withExt ? session.browser : plain, withExt, session);
      }
      const w = pair.true as RunResult;
      const wo = pair.false as RunResult;
      withRuns.push(w);
      withoutRuns.push(wo);
      // Per scrolled frame: every frame moves the table by the same three rows, so this is the cost
      // of the same work on both sides even when a busy machine fits fewer frames into the 10 s.
      // On an idle machine both sides run about 595 frames and this equals the plain total ratio.
      ratios.push(mainThreadMs(w) / w.frames / (mainThreadMs(wo) / wo.frames));
      totalRatios.push(mainThreadMs(w) / mainThreadMs(wo));
      scriptLayoutRatios.push((w.scriptMs + w.layoutMs) / (wo.scriptMs + wo.layoutMs));
      log(
        `scroll pair ${i + 1}/${PAIRS}: with ${JSON.stringify(roundRun(w))} without ${JSON.stringify(roundRun(wo))} ratio ${round(ratios.at(-1) as number, 3)}`,
      );
    }
    const requests = withRuns.map((w) => w.requests as number);
    const perSide = (runs: RunResult[]) => ({
      scriptMs: summarize(runs.map((x) => x.scriptMs)),
      layoutMs: summarize(runs.map((x) => x.layoutMs)),
      recalcStyleMs: summarize(runs.map((x) => x.styleMs)),
      taskMs: summarize(runs.map((x) => x.taskMs)),
      layoutsPerFrame: summarize(runs.map((x) => round(x.layouts / x.frames, 2))),
      styleRecalcsPerFrame: summarize(runs.map((x) => round(x.styleRecalcs / x.frames, 2))),
      frames: summarize(runs.map((x) => x.frames)),
    });
    return [
      scrollRatioFigure('scrollCostRatio', 'Main-thread cost per scrolled frame, 10 s scroll of 5,000 rows: with ÷ without', ratios, {
        definition:
          'CDP Performance.getMetrics (threadTicks) ScriptDuration + LayoutDuration + RecalcStyleDuration over the 10 s scroll, divided by the frames scrolled (3 rows each), per side-by-side pair',
        totalRatio: summarize(totalRatios.map((x) => round(x, 3))),
        scriptPlusLayoutOnlyRatio: summarize(scriptLayoutRatios.map((x) => round(x, 3))),
        withExtension: perSide(withRuns),
        withoutExtension: perSide(withoutRuns),
        pxPerFrame: PX_PER_FRAME,
        scrollMs: SCROLL_MS,
      }),
      {
        key: 'scrollApiRequests',
        measure: 'API requests (/v1/funnel) during that scroll session',
        budget: 'exactly 1',
        unit: 'count',
        median: summarize(requests).median,
        p95: null,
        spread: [Math.min(...requests), Math.max(...requests)],
        runs: requests.length,
        checked: 'all',
        pass: requests.every((n) => n === 1),
        samples: requests,
        details: { note: 'each with-extension session starts with an empty cache for its range (page load → badges → 10 s scroll)' },
      },
    ];
  } finally {
    await plain.close();
  }
}

export function mainThreadMs(r: RunResult): number {
  return r.scriptMs + r.layoutMs + r.styleMs;
}

function roundRun(r: RunResult) {
  return {
    script: round(r.scriptMs, 1),
    layout: round(r.layoutMs, 1),
    style: round(r.styleMs, 1),
    task: round(r.taskMs, 1),
    layouts: r.layouts,
    styles: r.styleRecalcs,
    frames: r.frames,
    requests: r.requests,
  };
}

/**
 * What every measure of `npm run bench` shares: the figure shape, statistics, the in-page probe
 * (plain JS strings: tsx's name-keeping helpers must never reach the page), the Meta replica data
 * and the CDP helpers. The in-page code only reads the DOM the way a user's eyes would: which
 * campaign a row shows and what its badge says; it never calls into the extension.
 */
import { loadavg } from 'node:os';
import type { CDPSession, Page } from 'playwright-core';
import type { FunnelRow } from '../../../utils/api/schema';
import type { WorldEntity } from '../../fixtures/types';
import type { MetaReplicaData } from '../../replicas/serve';
import type { StatsServer } from '../../support/stats-server';
import { BADGE_AGREES_IN_PAGE } from '../../e2e/support/expected';
import { MAIN_BRIDGE, releaseOurWorld, shadowBridge } from '../../e2e/support/our-ui';

export interface Figure {
  /** Stable key in bench.json. */
  key: string;
  measure: string;
  budget: string;
  unit: 'ms' | 'ratio' | 'KB' | 'count';
  /** Headline figure compared with the budget. */
  median: number | null;
  p95: number | null;
  spread: [number, number] | null;
  runs: number;
  pass: boolean | null;
  /** Which statistic the budget is checked against. */
  checked: 'median' | 'p95' | 'max' | 'all';
  samples?: number[];
  details?: Record<string, unknown>;
  note?: string;
  loadAvg?: { before: number[]; after: number[] };
  seconds?: number;
}

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] as number;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { median: NaN, p95: NaN, min: NaN, max: NaN, n: 0 };
  return {
    median: round(percentile(values, 0.5)),
    p95: round(percentile(values, 0.95)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    n: values.length,
  };
}

export function load(): number[] {
  return loadavg().map((x) => round(x, 2));
}

export const ACCOUNT_5K = '5000000001';
export const ACCOUNT_50K = '5000000050';
/** The Google Ads account of the re-sort measure (issue #26). */
export const ACCOUNT_GOOGLE_RESORT = '5000000026';
export const ROW_HEIGHT = 48;

export function metaReplicaData(campaigns: WorldEntity[], variant: Partial<MetaReplicaData['variant']> = {}): MetaReplicaData {
  return {
    accountId: campaigns[0]?.accountId ?? ACCOUNT_5K,
    currency: 'EUR',
    locale: 'en',
    levels: { campaign: campaigns, ad_group: [], ad: [] },
    variant: { ids: 'data-surface', ...variant },
  };
}

/** What the page must end up showing, per campaign ID: [mql, won, revenue] (see expected.ts). */
/** What a badge must state for one campaign: its counts and revenue, and its name (in the accessible name). */
export type ExpectedRow = [mql: number, won: number, revenue: number, name: string];

export function expectedFor(server: StatsServer, accountId: string, range: { from: string; to: string }): Record<string, ExpectedRow> {
  const rows: FunnelRow[] = server.expectedRows({ platform: 'meta_ads', level: 'campaign', account_id: accountId, from: range.from, to: range.to });
  return Object.fromEntries(rows.map((r) => [r.id as string, [r.mql, r.won, r.revenue, r.name ?? '']]));
}

/** A date range no earlier measure asked for, so the background's cache is empty for it. */
let freshDay = 0;
export function freshRange(): { from: string; to: string } {
  freshDay += 1;
  const from = new Date(Date.UTC(2024, 0, 1) + freshDay * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(2024, 0, 1) + (freshDay + 29) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

/**
 * The in-page probe, installed in the page's main world (as an init script or by evaluate).
 * `window.__bench`:
 *  - setExpected(map): id → [mql, won, revenue, name] of the current range;
 *  - arm(): the next `replica:rows-rendered` mark (patched performance.mark, synchronous, so in the
 *    replica's own task) snapshots which campaign each visible row shows and starts the watch;
 *  - armNow(): the same snapshot right now (after a synchronous scroll);
 *  - done: a promise of { ms, firstMs } from the trigger to every visible row's badge stating its
 *    own campaign's numbers (ms), and to the first such badge (firstMs).
 * The watch is a MutationObserver on the document and, through the test's shadow bridge
 * (e2e/support/our-ui.ts: our roots are closed), on every badge's shadow root, plus rAF polling as
 * a backstop. Row nodes are found by their inline `top` (no layout is forced). A page that loads
 * with the probe needs `followOurWorld(page)` before `goto`, so the bridge is there from the start.
 */
export const PAGE_PROBE = String.raw`(() => {
  if (window.__bench) return;
  ${MAIN_BRIDGE};
  ${BADGE_AGREES_IN_PAGE}
  const state = { expected: {}, watch: null, watched: new WeakSet() };
  const observer = new MutationObserver(() => tick());
  const onShadowChange = () => tick();
  document.addEventListener('funnel-lens-test:shadow-changed', onShadowChange);
  function observeShadows() {
    for (const badge of document.querySelectorAll('funnel-lens-badge')) {
      if (!state.watched.has(badge) && window.__funnelLensShadow.watch(badge)) state.watched.add(badge);
    }
  }
  /** The badge's button as the bridge reads it; null while the content script's half is not there yet. */
  function buttonOf(badge) {
    try {
      const reading = badge ? window.__funnelLensShadow.read(badge) : null;
      return reading && reading.button;
    } catch {
      return null;
    }
  }
  function startObserving() {
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['style'] });
  }
  if (document.documentElement) startObserving();
  else document.addEventListener('readystatechange', startObserving, { once: true });
  // Row nodes by the y their transform places them at (the replica's visibleRows() 'top').
  function rowNodesByTop() {
    const map = new Map();
    for (const node of document.querySelectorAll('._1gda._2djg')) {
      const m = /translate\(0px, (-?[\d.]+)px\)/.exec(node.style.transform);
      if (m) map.set(m[1] + 'px', node);
    }
    return map;
  }
  function snapshot() {
    // Without a layout: visibleRows() reads the scroller's box, which made the page lay out the
    // rewritten rows inside the timed window, before our observer could even run.
    const rows = window.__replica.shownRows();
    return rows.map((r) => ({ top: r.top + 'px', id: r.id }));
  }
  function rowOk(nodes, r) {
    const node = nodes.get(r.top);
    const button = buttonOf(node && node.querySelector('funnel-lens-badge'));
    if (!button) return false;
    // The numbers must be this campaign's, and so must the name the badge's accessible name states.
    const expected = state.expected[r.id];
    return agrees(button.text, expected) && (!expected || button.label.includes(expected[3]));
  }
  function tick() {
    const w = state.watch;
    if (!w || !w.rows) return;
    observeShadows();
    const now = performance.now();
    const nodes = rowNodesByTop();
    let all = w.rows.length > 0;
    let any = false;
    for (const r of w.rows) {
      if (rowOk(nodes, r)) any = true;
      else all = false;
    }
    if (any && w.firstMs === null) w.firstMs = now - w.t0;
    if (all) {
      state.watch = null;
      w.resolve({ ms: now - w.t0, firstMs: w.firstMs, rows: w.rows.length, frames: w.frames, firstFrameMs: w.firstFrameMs });
    }
  }
  function poll() {
    const w = state.watch;
    if (!w) return;
    w.frames += 1;
    if (w.frames === 1) w.firstFrameMs = performance.now() - w.t0;
    tick();
    if (state.watch === w) requestAnimationFrame(poll);
  }
  function begin(w, t0) {
    w.t0 = t0;
    w.rows = snapshot();
    w.timer = setTimeout(() => {
      if (state.watch !== w) return;
      state.watch = null;
      const nodes = rowNodesByTop();
      w.resolve({ ms: null, firstMs: w.firstMs, rows: w.rows.length, frames: w.frames, failing: w.rows.filter((r) => !rowOk(nodes, r)).slice(0, 3).map((r) => {
        const node = nodes.get(r.top);
        const button = buttonOf(node && node.querySelector('funnel-lens-badge'));
        return { id: r.id, label: button ? button.label.slice(0, 80) : null, text: button ? button.text.slice(-60) : null };
      }) });
    }, w.timeoutMs);
    tick();
    requestAnimationFrame(poll);
  }
  function newWatch(timeoutMs) {
    const w = { t0: 0, rows: null, firstMs: null, firstFrameMs: null, frames: 0, timeoutMs, timer: 0, armed: false };
    w.done = new Promise((r) => {
      w.resolve = (v) => { clearTimeout(w.timer); r(v); };
    });
    return w;
  }
  const originalMark = performance.mark.bind(performance);
  performance.mark = function (name, options) {
    const entry = originalMark(name, options);
    const w = state.watch;
    if (name === 'replica:rows-rendered' && w && w.armed) {
      w.armed = false;
      begin(w, entry.startTime);
    }
    return entry;
  };
  window.__bench = {
    setExpected(map) { state.expected = map; },
    arm(timeoutMs = 5000) {
      const w = newWatch(timeoutMs);
      w.armed = true;
      state.watch = w;
      window.__benchDone = w.done;
      return true;
    },
    armNow(timeoutMs = 5000) {
      const w = newWatch(timeoutMs);
      state.watch = w;
      window.__benchDone = w.done;
      begin(w, performance.now());
      return true;
    },
    stop() {
      observer.disconnect();
      window.__funnelLensShadow.unwatchAll();
      document.removeEventListener('funnel-lens-test:shadow-changed', onShadowChange);
      state.watch = null;
    },
    allAgree() {
      const nodes = rowNodesByTop();
      const rows = snapshot();
      return rows.length > 0 && rows.every((r) => rowOk(nodes, r));
    },
  };
})();`;

export interface WatchResult {
  ms: number | null;
  firstMs: number | null;
  rows: number;
  frames: number;
  /** From the trigger to the first animation frame after it. */
  firstFrameMs?: number | null;
  failing?: unknown[];
}

export function awaitWatch(page: Page): Promise<WatchResult> {
  return page.evaluate('window.__benchDone') as Promise<WatchResult>;
}

export async function setExpected(page: Page, expected: Record<string, ExpectedRow>): Promise<void> {
  await page.evaluate(`window.__bench.setExpected(${JSON.stringify(expected)})`);
}

export async function waitForAgreement(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction('window.__bench && window.__bench.allAgree()', undefined, { timeout: timeoutMs, polling: 50 });
}

/**
 * Waits until every visible badge shows its campaign's data for `range`, then stops the probe:
 * its observer must not be in a measured window.
 */
export async function waitForBadgesThenStopProbe(page: Page, server: StatsServer, range: { from: string; to: string }): Promise<void> {
  await shadowBridge(page);
  await page.evaluate(PAGE_PROBE);
  await setExpected(page, expectedFor(server, ACCOUNT_5K, range));
  await waitForAgreement(page);
  await page.evaluate('window.__bench.stop()');
  // The timed window that follows must hold the page's work and ours, not the test's.
  await releaseOurWorld(page);
}

export type Metrics = Record<string, number>;

export async function cdpMetrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** Seconds → ms. */
export function deltaMs(after: Metrics, before: Metrics, name: string): number {
  return ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** A with ÷ without ratio figure against the 1.10 main-thread budget, checked on its median. */
export function scrollRatioFigure(key: string, measure: string, ratios: readonly number[], details: Record<string, unknown>): Figure {
  const r = summarize(ratios.map((x) => round(x, 3)));
  return {
    key,
    measure,
    budget: '≤ 1.10',
    unit: 'ratio',
    median: r.median,
    p95: null,
    spread: [r.min, r.max],
    runs: ratios.length,
    checked: 'median',
    pass: r.median <= 1.1,
    samples: ratios.map((x) => round(x, 3)),
    details,
  };
}

/**
 * The re-sort stress of issue #26 on the Google Ads replica: the list re-sorts in place (same row
 * nodes, new link text and `campaignId`, one task) at seeded random moments relative to scroll
 * steps and lazy-load appends, while the row-truth probe checks every visible row on every frame.
 * Shared by the E2E test (a short run) and the bench (`resort`, 200 re-sorts).
 *
 * The driver runs inside the page, so "the same task", "the next task" and "the next frame" mean
 * exactly that. Page-side code is a plain string (no transpiled helper may reach the page).
 */
import type { Page } from 'playwright-core';
import type { WorldEntity } from '../../fixtures/types';
import { googleAdsUrl, routeGoogleAdsReplica } from '../../replicas/serve';
import type { StatsServer } from '../../support/stats-server';
import type { ExtensionBrowser } from './browser';
import { waitForGoogleReplica } from './google-page';
import { expectedNumbers, startRowTruthProbe, stopRowTruthProbe, waitForRowsAgree, type ExpectedNumbers, type RowTruthReport } from './row-truth-probe';

/** Where a re-sort falls relative to the scroll step before it. */
export const RESORT_MOMENTS = [
  /** scrollBy and the re-sort in one task. */
  'same-task',
  /** the re-sort in the task right after the scroll (a MessageChannel message): the same frame. */
  'next-task',
  /** the re-sort inside the next frame's animation-frame callbacks, as a host rendering in rAF. */
  'in-animation-frame',
  /** the user scrolls (scrollTop, rendered by the page's scroll listener); the re-sort in that same scroll event. */
  'in-scroll-event',
  /** the re-sort in the task a lazy-load chunk arrives in, before that chunk is rendered. */
  'append-before-render',
  /** the same, right after the chunk is rendered. */
  'append-after-render',
  /** the re-sort 0–250 ms after the scroll, whatever else is going on then. */
  'random-delay',
] as const;
export type ResortMoment = (typeof RESORT_MOMENTS)[number];

export interface ResortStressOptions {
  resorts: number;
  seed: number;
  /** Rows per scroll step, at most (default 8). */
  maxScrollRows?: number;
}

export interface ResortStressResult {
  report: RowTruthReport;
  /** How many re-sorts fell at each moment (an append moment with no chunk on its way falls back to same-task). */
  moments: Record<string, number>;
  /** Scroll steps taken (re-sort steps and the plain ones between them). */
  scrolls: number;
}

export interface ResortPageOptions {
  accountId: string;
  range: { from: string; to: string };
  /** Campaigns the stats server knows. */
  known: WorldEntity[];
  /** Campaigns it does not know (their badge must say "–"): one after every ninth known one. */
  unknown: WorldEntity[];
}

/**
 * Opens the Google replica at its real URL, listing the campaigns in lazy chunks of 15, and
 * returns the page with the numbers each campaign's badge must state (the stats server's rows).
 */
export async function openResortPage(
  browser: ExtensionBrowser,
  server: StatsServer,
  options: ResortPageOptions,
): Promise<{ page: Page; expected: Record<string, ExpectedNumbers> }> {
  const { accountId, range, known, unknown } = options;
  const campaigns = known.flatMap((c, i) => (i % 9 === 0 && i / 9 < unknown.length ? [c, unknown[i / 9] as WorldEntity] : [c]));
  await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
  await routeGoogleAdsReplica(browser.context, {
    customerId: accountId,
    currency: 'EUR',
    locale: 'en',
    range,
    levels: { campaign: campaigns, ad_group: [] },
    variant: { splashMs: 400, chunkSize: 15, chunkDelayMs: 120 },
  });
  const page = await browser.newPage();
  await page.goto(googleAdsUrl({}));
  await waitForGoogleReplica(page);
  const expected = expectedNumbers(server.expectedRows({ platform: 'google_ads', level: 'campaign', account_id: accountId, ...range }));
  return { page, expected };
}

/** The Google replica's truth: rows in view from its model, each with the node that shows it. */
export const GOOGLE_ROW_TRUTH = `() => window.__replica.visibleRows().map((r) => ({ node: window.__replica.rowNodeAt(r.index), id: r.id, name: r.name }))`;

const DRIVER = String.raw`async ({ resorts, seed, maxScrollRows, moments }) => {
  const replica = window.__replica;
  const body = document.querySelector('.particle-table-body');
  const rowHeight = replica.state().rowHeight;
  let s = seed >>> 0 || 1;
  const rand = (n) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
  const nextTask = () => new Promise((r) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => r();
    channel.port2.postMessage(0);
  });
  const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const counts = {};
  let scrolls = 0;
  /** A scroll step down; back to the top near the end of the list. */
  function scrollStep() {
    scrolls++;
    const { count } = replica.state();
    const first = Math.floor(body.scrollTop / rowHeight);
    if (first + 20 >= count) replica.scrollToIndex(0);
    else replica.scrollBy((1 + rand(maxScrollRows)) * rowHeight);
  }
  /** Brings placeholders into view, so a chunk is on its way. */
  function scrollToPlaceholders() {
    scrolls++;
    const { loaded, count } = replica.state();
    if (loaded < count) replica.scrollToIndex(Math.max(0, loaded - 4));
  }
  const resort = () => replica.resortInPlace(rand(1 << 30));
  for (let k = 0; k < resorts; k++) {
    let moment = moments[rand(moments.length)];
    if (moment === 'same-task') {
      scrollStep();
      resort();
    } else if (moment === 'next-task') {
      scrollStep();
      await nextTask();
      resort();
    } else if (moment === 'in-animation-frame') {
      scrollStep();
      await nextFrame();
      resort();
    } else if (moment === 'in-scroll-event') {
      await new Promise((done) => {
        // The page's own scroll listener was added first: it renders the scroll, then this one
        // re-sorts, in the same scroll event (dispatched during the frame's rendering steps).
        const onScroll = () => {
          clearTimeout(timer);
          resort();
          done();
        };
        const timer = setTimeout(() => {
          body.removeEventListener('scroll', onScroll);
          moment = 'same-task';
          resort();
          done();
        }, 1000);
        body.addEventListener('scroll', onScroll, { once: true });
        scrolls++;
        const first = Math.floor(body.scrollTop / rowHeight);
        body.scrollTop = first + 20 >= replica.state().count ? 0 : body.scrollTop + (1 + rand(maxScrollRows)) * rowHeight;
      });
    } else if (moment === 'append-before-render' || moment === 'append-after-render') {
      scrollToPlaceholders();
      const done = await replica.resortOnNextAppend(rand(1 << 30), moment === 'append-before-render');
      if (!done) {
        moment = 'same-task';
        scrollStep();
        resort();
      }
    } else {
      scrollStep();
      await sleep(rand(250));
      resort();
    }
    counts[moment] = (counts[moment] || 0) + 1;
    // Between re-sorts: 0–2 more scroll steps at random times, 40–300 ms in all.
    const plain = rand(3);
    for (let i = 0; i < plain; i++) {
      await sleep(20 + rand(100));
      scrollStep();
    }
    await sleep(40 + rand(100));
  }
  return { moments: counts, scrolls };
}`;

/**
 * Waits until every visible badge agrees (so the probe sees only what the re-sorts do), runs the
 * stress with the probe on, keeps probing for `settleMs` more (default 1 s: every re-sort gets at
 * least that long of checks) and returns what the probe saw.
 */
export async function runResortStress(
  page: Page,
  expected: Record<string, ExpectedNumbers>,
  options: ResortStressOptions & { settleMs?: number },
): Promise<ResortStressResult> {
  const probe = { truth: GOOGLE_ROW_TRUTH, expected };
  await waitForRowsAgree(page, probe);
  await startRowTruthProbe(page, probe);
  const args = { resorts: options.resorts, seed: options.seed, maxScrollRows: options.maxScrollRows ?? 8, moments: RESORT_MOMENTS };
  const driven = (await page.evaluate(`(${DRIVER})(${JSON.stringify(args)})`)) as Omit<ResortStressResult, 'report'>;
  // The observation window after the last re-sort, not a wait for a condition.
  await page.evaluate(`new Promise((r) => setTimeout(r, ${options.settleMs ?? 1000}))`);
  const report = await stopRowTruthProbe(page);
  return { report, ...driven };
}

/**
 * Scroll cost with the fallback finder active (issue 17), beside the adapter's own figure on the
 * same page. The Google replica (900 campaigns, 16 recycled row nodes), in its regular markup (the
 * adapter reads the rows) and in its drifted markup (no essfield, no grid roles, renamed tags and
 * classes: the platform-blind fallback finder reads them). For each markup, the same method as
 * scroll-cost.ts: two browsers side by side (with / without the extension), a 10 s
 * rAF-driven scroll, CDP ScriptDuration + LayoutDuration + RecalcStyleDuration, ratio per pair.
 * Before each with-extension scroll, the row-truth probe waits for every visible row's badge.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../e2e/support/browser';
import { waitForGoogleReplica } from '../../e2e/support/google-page';
import { releaseOurWorld } from '../../e2e/support/our-ui';
import { expectedNumbers, waitForRowsAgree } from '../../e2e/support/row-truth-probe';
import { googleAdsUrl, routeGoogleAdsReplica } from '../../replicas/serve';
import type { BenchSession } from './session';
import { ACCOUNT_GOOGLE_RESORT, cdpMetrics, deltaMs, freshRange, log, round, scrollRatioFigure, summarize, type Figure } from './shared';

const PAIRS = Number(process.env.BENCH_FALLBACK_PAIRS ?? 5);
const SCROLL_MS = Number(process.env.BENCH_FALLBACK_SCROLL_MS ?? 10_000);
const GOOGLE_ROW_HEIGHT = 44;
export const GOOGLE_PX_PER_FRAME = 3 * GOOGLE_ROW_HEIGHT;
const TRUTH = `() => window.__replica.visibleRows().map((r) => ({ node: window.__replica.rowNodeAt(r.index), id: r.id, name: r.name }))`;

/** rAF-driven scroll of the replica's table body; wraps to the top at the end of the list. */
export const GOOGLE_SCROLL_SCRIPT = (ms: number, px: number) => `new Promise((resolve) => {
  const r = window.__replica;
  const s = document.querySelector('.particle-table-body, .k7particle-table-body');
  let frames = 0;
  const t0 = performance.now();
  function step() {
    if (performance.now() - t0 >= ${ms}) return resolve(frames);
    frames++;
    if (s.scrollTop + s.clientHeight + ${px} > s.scrollHeight) s.scrollTop = 0; else r.scrollBy(${px});
    requestAnimationFrame(step);
  }
  requestAnimationFrame(step);
})`;

/**
 * A fresh page of the Google replica (regular or drifted markup) in `browser`; with the extension,
 * once every visible row's badge states its campaign's numbers (and the test's CDP session is gone).
 */
export async function openGoogleScrollPage(browser: ExtensionBrowser, withExtension: boolean, drifted: boolean, session: BenchSession): Promise<Page> {
  const range = freshRange();
  await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
  await routeGoogleAdsReplica(browser.context, {
    customerId: ACCOUNT_GOOGLE_RESORT,
    currency: 'EUR',
    locale: 'en',
    range,
    levels: { campaign: session.googleCampaigns, ad_group: [] },
    // Every chunk at once: the scroll measures recycling, not lazy loading.
    variant: { drifted, splashMs: 300, chunkSize: 1000, chunkDelayMs: 50, churnMs: 60_000 },
  });
  const page: Page = await browser.newPage();
  await page.goto(googleAdsUrl({ ocid: '398000503' }));
  await waitForGoogleReplica(page);
  if (withExtension) {
    const rows = session.server.expectedRows({ platform: 'google_ads', level: 'campaign', account_id: ACCOUNT_GOOGLE_RESORT, ...range });
    await waitForRowsAgree(page, { truth: TRUTH, expected: expectedNumbers(rows) }, 20_000);
    // The timed window must hold the page's work and ours, not the test's CDP session.
    await releaseOurWorld(page);
  }
  return page;
}

export async function googleScrollRun(browser: ExtensionBrowser, withExtension: boolean, drifted: boolean, session: BenchSession): Promise<number> {
  const page = await openGoogleScrollPage(browser, withExtension, drifted, session);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.waitForTimeout(300);
  const m0 = await cdpMetrics(cdp);
  await page.evaluate(GOOGLE_SCROLL_SCRIPT(SCROLL_MS, GOOGLE_PX_PER_FRAME));
  const m1 = await cdpMetrics(cdp);
  await cdp.detach();
  await page.close();
  return deltaMs(m1, m0, 'ScriptDuration') + deltaMs(m1, m0, 'LayoutDuration') + deltaMs(m1, m0, 'RecalcStyleDuration');
}

export async function measureScrollFallback(session: BenchSession): Promise<Figure[]> {
  const plain = await launchWithExtension({ withExtension: false });
  try {
    const figures: Figure[] = [];
    for (const drifted of [false, true]) {
      const ratios: number[] = [];
      const withMs: number[] = [];
      for (let i = 0; i < PAIRS; i++) {
        const order = i % 2 === 0 ? [true, false] : [false, true];
        const cost: Record<string, number> = {};
        for (const withExt of order) cost[String(withExt)] = await googleScrollRun(withExt ? session.browser : plain, withExt, drifted, session);
        ratios.push((cost.true as number) / (cost.false as number));
        withMs.push(cost.true as number);
        log(
          `scroll ${drifted ? 'fallback' : 'adapter'} pair ${i + 1}/${PAIRS}: with ${round(cost.true as number)} ms, without ${round(cost.false as number)} ms, ratio ${round(ratios.at(-1) as number, 3)}`,
        );
      }
      figures.push(
        scrollRatioFigure(
          drifted ? 'scrollCostFallback' : 'scrollCostGoogleAdapter',
          drifted
            ? 'Main-thread cost, 10 s scroll of 900 Google campaigns, drifted markup (fallback finder): with ÷ without'
            : 'Main-thread cost, 10 s scroll of 900 Google campaigns, regular markup (adapter): with ÷ without',
          ratios,
          { withExtensionMs: summarize(withMs.map((x) => round(x))), pxPerFrame: GOOGLE_PX_PER_FRAME, scrollMs: SCROLL_MS },
        ),
      );
    }
    return figures;
  } finally {
    await plain.close();
  }
}

/**
 * Idle cost: the 5,000-campaign Meta replica left still for 10 s once every visible badge shows
 * its data (a tab open all day between edits), main-thread time per second with the extension
 * minus without it, side by side as in scroll-cost.ts. No issue sets a budget for it ("near
 * zero"); it is reported so that a poll or timer that wakes up for nothing shows.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../e2e/support/browser';
import { waitForReplica } from '../../e2e/support/meta-page';
import { metaAdsManagerUrl } from '../../replicas/serve';
import { plainBesideSession } from './scroll-cost';
import type { BenchSession } from './session';
import { ACCOUNT_5K, cdpMetrics, deltaMs, freshRange, log, round, summarize, waitForBadgesThenStopProbe, type Figure } from './shared';

const PAIRS = Number(process.env.BENCH_IDLE_PAIRS ?? 3);
const STILL_MS = 10_000;

/** Main-thread ms (script + layout + style) per second of a still page. */
async function stillRun(browser: ExtensionBrowser, withExtension: boolean, session: BenchSession): Promise<number> {
  const range = freshRange();
  const page: Page = await browser.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT_5K, ...range }));
  await waitForReplica(page);
  if (withExtension) await waitForBadgesThenStopProbe(page, session.server, range);
  // Past the first re-reads that follow the badges (the engine's quiet period is 0.25 s).
  await page.waitForTimeout(1000);
  const m0 = await cdpMetrics(cdp);
  await page.waitForTimeout(STILL_MS);
  const m1 = await cdpMetrics(cdp);
  await cdp.detach();
  await page.close();
  const ms = deltaMs(m1, m0, 'ScriptDuration') + deltaMs(m1, m0, 'LayoutDuration') + deltaMs(m1, m0, 'RecalcStyleDuration');
  return ms / (STILL_MS / 1000);
}

export async function measureIdle(session: BenchSession): Promise<Figure> {
  const plain = await plainBesideSession(session);
  try {
    const added: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const withExt = await stillRun(session.browser, true, session);
      const without = await stillRun(plain, false, session);
      added.push(round(withExt - without, 2));
      log(`idle pair ${i + 1}/${PAIRS}: with ${round(withExt, 2)} ms/s, without ${round(without, 2)} ms/s`);
    }
    const s = summarize(added);
    return {
      key: 'idleCost',
      measure: 'Main-thread time a still page costs, 5,000-campaign Meta replica: with − without, per second',
      budget: 'none set (reported)',
      unit: 'ms',
      median: s.median,
      p95: null,
      spread: [s.min, s.max],
      runs: added.length,
      checked: 'median',
      pass: null,
      samples: added,
      details: { definition: 'CDP Performance.getMetrics (threadTicks) script + layout + style over 10 s, 1 s after every visible badge shows its data' },
    };
  } finally {
    await plain.close();
  }
}

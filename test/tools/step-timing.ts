/**
 * Where the content script's time goes while the 5,000-campaign Meta replica scrolls, step by
 * step: run it on a build with `test/tools/experiments/step-timing.diff` applied, which adds
 * timers around each step of the recycled-row path and logs their totals (`FLT {…}`) on every
 * poll. Per run: the totals logged just before a 10 s scroll (the bench's, 3 rows per frame) are
 * subtracted from those logged after it.
 *
 *   git apply test/tools/experiments/step-timing.diff
 *   FL_OUT_DIR=.output-timing FL_NO_MINIFY=1 npx wxt build && git checkout utils/
 *   npx tsx test/tools/step-timing.ts .output-timing [runs]
 *
 * The timers themselves cost about a microsecond each (a dozen per row): compare steps with each
 * other, not the total with the bench's script figure.
 */
import path from 'node:path';
import { launchWithExtension } from '../e2e/support/browser';
import { waitForReplica } from '../e2e/support/meta-page';
import { connectToApi } from '../e2e/support/popup';
import { PX_PER_FRAME, SCROLL_SCRIPT } from '../bench/measures/scroll-cost';
import { openSession } from '../bench/measures/session';
import { ACCOUNT_5K, freshRange, metaReplicaData, waitForBadgesThenStopProbe } from '../bench/measures/shared';
import { metaAdsManagerUrl, routeMetaReplica } from '../replicas/serve';
import { ensureChromium } from '../support/ensure-chromium';

type Totals = Record<string, number>;

async function main(): Promise<void> {
  const [dir, runsArg] = process.argv.slice(2);
  if (!dir) throw new Error('usage: step-timing.ts <instrumented build dir> [runs]');
  ensureChromium();
  const session = await openSession();
  const browser = await launchWithExtension({ extensionDir: path.resolve(dir, 'chrome-mv3') });
  try {
    await connectToApi(browser, session.server.baseUrl, session.server.apiKey);
    await routeMetaReplica(browser.context, metaReplicaData(session.campaigns5k, { skeletonMs: 300 }));
    for (let run = 0; run < Number(runsArg ?? 2); run++) {
      const range = freshRange();
      const page = await browser.newPage();
      // The instrumented build logs its totals on every poll (0.4 s): the next one is awaited.
      let waiting: ((totals: Totals) => void) | null = null;
      const nextTotals = () => new Promise<Totals>((resolve) => (waiting = resolve));
      page.on('console', (message) => {
        const text = message.text();
        if (!text.startsWith('FLT ') || !waiting) return;
        waiting(JSON.parse(text.slice(4)) as Totals);
        waiting = null;
      });
      await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT_5K, ...range }));
      await waitForReplica(page);
      await waitForBadgesThenStopProbe(page, session.server, range);
      const before = await nextTotals();
      const frames = await page.evaluate(SCROLL_SCRIPT(10_000, PX_PER_FRAME));
      const after = await nextTotals();
      const spent: Totals = {};
      for (const [step, total] of Object.entries(after)) spent[step] = Math.round((total - (before[step] ?? 0)) * 10) / 10;
      console.log(`frames ${String(frames)}: ${JSON.stringify(spent)}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

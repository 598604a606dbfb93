/**
 * Recycled row: the replica rewrites its recycled row nodes synchronously inside scrollBy /
 * scrollToIndex; the probe times from right after that rewrite to every visible row's badge stating
 * the campaign the row now shows. Small scrolls (1–11 rows) alternate with long jumps.
 */
import { waitForReplica } from '../../e2e/support/meta-page';
import { metaAdsManagerUrl, routeMetaReplica } from '../../replicas/serve';
import type { BenchSession } from './session';
import {
  ACCOUNT_5K,
  PAGE_PROBE,
  ROW_HEIGHT,
  awaitWatch,
  expectedFor,
  log,
  metaReplicaData,
  setExpected,
  summarize,
  waitForAgreement,
  type Figure,
} from './shared';
import { followOurWorld } from '../../e2e/support/our-ui';

const TRIALS = Number(process.env.BENCH_RECYCLE_TRIALS ?? 40);
const RANGE = { from: '2026-10-01', to: '2026-10-31' };

export async function measureRecycledRow(session: BenchSession): Promise<Figure> {
  const { browser, server } = session;
  await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
  await routeMetaReplica(browser.context, metaReplicaData(session.campaigns5k, { skeletonMs: 300 }));
  const page = await browser.newPage();
  // The probe reads our closed roots through the bridge, which must be in our world from its start.
  await followOurWorld(page);
  await page.addInitScript(PAGE_PROBE);
  await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT_5K, ...RANGE }));
  await waitForReplica(page);
  await setExpected(page, expectedFor(server, ACCOUNT_5K, RANGE));
  await waitForAgreement(page);

  const scrollMs: number[] = [];
  const jumpMs: number[] = [];
  const misses: unknown[] = [];
  const waitForFrameMs: number[] = [];
  const inFrameMs: number[] = [];
  let byFirstFrame = 0;
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < TRIALS; i++) {
    const jump = i % 2 === 1;
    const call = jump ? `window.__replica.scrollToIndex(${next() % 4980})` : `window.__replica.scrollBy(${(1 + (next() % 11)) * ROW_HEIGHT})`;
    // Let a frame pass first so the trigger does not share a frame with the previous trial.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))');
    await page.evaluate(`${call}; window.__bench.armNow(3000)`);
    const r = await awaitWatch(page);
    if (r.ms === null) misses.push(r.failing);
    else {
      (jump ? jumpMs : scrollMs).push(r.ms);
      if (r.frames <= 1) byFirstFrame++;
      if (r.firstFrameMs != null) {
        waitForFrameMs.push(r.firstFrameMs);
        inFrameMs.push(Math.max(0, r.ms - r.firstFrameMs));
      }
    }
  }
  await page.close();
  const samples = [...scrollMs, ...jumpMs];
  const all = summarize(samples);
  log(`recycled row: ${JSON.stringify(all)}`);
  return {
    key: 'recycledRow',
    measure: 'Recycled row: reused row node shows another campaign → its badge follows, p95',
    budget: '≤ 16 ms (1 frame)',
    unit: 'ms',
    median: all.median,
    p95: all.p95,
    spread: [all.min, all.max],
    runs: samples.length,
    checked: 'p95',
    pass: misses.length === 0 && all.p95 <= 16,
    samples,
    details: {
      smallScroll: summarize(scrollMs),
      jump: summarize(jumpMs),
      updatedInFirstFrameAfterChange: `${byFirstFrame}/${samples.length}`,
      waitForNextFrameMs: summarize(waitForFrameMs),
      workInThatFrameMs: summarize(inFrameMs),
      misses,
    },
  };
}

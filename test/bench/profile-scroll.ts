/**
 * `npm run bench:profile`: where the extension's main-thread time goes while the 5,000-campaign
 * Meta replica scrolls (the bench's scroll measure, with a CPU profile instead of metrics), or
 * with PROFILE_PAGE=google / google-drifted the Google replica of the fallback's scroll measure.
 * Builds an unminified copy into .output-profile so function names survive, records a CDP
 * Profiler session of a 6 s scroll, and prints self time per function for the content script
 * (and, for scale, the replica's total). The raw profile goes to bench-results/scroll.cpuprofile
 * (open it in Chromium's DevTools, Performance panel).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

process.env.FL_OUT_DIR = '.output-profile';
const ROOT = path.resolve(import.meta.dirname, '../..');
const SCROLL_MS = Number(process.env.BENCH_SCROLL_MS ?? 6000);
/** Which page scrolls: `meta` (the 5,000-campaign replica), `google` or `google-drifted` (the fallback finder's page). */
const PAGE = process.env.PROFILE_PAGE ?? 'meta';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, FL_NO_MINIFY: '1' } });
  }
  const { ensureChromium } = await import('../support/ensure-chromium');
  ensureChromium();
  const shared = await import('./measures/shared');
  const { openSession } = await import('./measures/session');
  const { metaAdsManagerUrl, routeMetaReplica } = await import('../replicas/serve');
  const { waitForReplica } = await import('../e2e/support/meta-page');
  const { SCROLL_SCRIPT, PX_PER_FRAME } = await import('./measures/scroll-cost');
  const { GOOGLE_SCROLL_SCRIPT, GOOGLE_PX_PER_FRAME, openGoogleScrollPage } = await import('./measures/scroll-fallback');

  const session = await openSession();
  try {
    let page: Page;
    let scroll: string;
    if (PAGE === 'meta') {
      await routeMetaReplica(session.browser.context, shared.metaReplicaData(session.campaigns5k, { skeletonMs: 300 }));
      const range = shared.freshRange();
      page = await session.browser.newPage();
      await page.goto(metaAdsManagerUrl({ accountId: shared.ACCOUNT_5K, ...range }));
      await waitForReplica(page);
      await shared.waitForBadgesThenStopProbe(page, session.server, range);
      scroll = SCROLL_SCRIPT(SCROLL_MS, PX_PER_FRAME);
    } else {
      page = await openGoogleScrollPage(session.browser, true, PAGE === 'google-drifted', session);
      scroll = GOOGLE_SCROLL_SCRIPT(SCROLL_MS, GOOGLE_PX_PER_FRAME);
    }
    const cdp = await session.browser.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.PROFILE_INTERVAL_US ?? 200) });
    await cdp.send('Profiler.start');
    const frames = await page.evaluate(scroll);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench-results/scroll.cpuprofile'), JSON.stringify(profile));
    report(profile, Number(frames));
  } finally {
    await session.close();
  }
}

function report(profile: Profile, frames: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  /** The nearest frame with a URL decides whose time a native call (DOM, style) is. */
  const owner = (id: number): string => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const url = byId.get(cur)?.callFrame.url ?? '';
      if (url) return url.startsWith('chrome-extension://') ? 'extension' : 'page';
    }
    return 'other';
  };
  const totals = new Map<string, number>();
  const extFunctions = new Map<string, number>();
  for (const [id, ms] of self) {
    const who = owner(id);
    totals.set(who, (totals.get(who) ?? 0) + ms);
    if (who !== 'extension') continue;
    const cf = (byId.get(id) as ProfileNode).callFrame;
    const name = `${cf.functionName || '(anonymous)'} ${cf.url ? `${cf.url.split('/').pop()}:${cf.lineNumber + 1}` : '(native)'}`;
    extFunctions.set(name, (extFunctions.get(name) ?? 0) + ms);
  }
  // Inclusive time of the extension's own functions (recursion counted once per sample).
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const names = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = (byId.get(cur) as ProfileNode).callFrame;
      if (cf.url.startsWith('chrome-extension://')) names.add(cf.functionName || '(anonymous)');
    }
    for (const name of names) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
  });
  console.log(`frames: ${frames}`);
  for (const [who, ms] of [...totals].sort((a, b) => b[1] - a[1])) if (who !== 'other') console.log(`${who}: ${ms.toFixed(1)} ms`);
  console.log('\nextension self time by function (top 30):');
  for (const [name, ms] of [...extFunctions].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  console.log('\nextension inclusive time by function (top 25):');
  for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

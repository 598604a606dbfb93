/**
 * Compares the scroll cost of two builds of the extension: the bench's scroll run on three
 * browsers side by side, build A, build B and no extension, in rotating order. AB_PAGE picks the
 * page: `meta` (the 5,000-campaign replica, scroll-cost.ts), `google` or `google-drifted` (the
 * fallback measure's pages, scroll-fallback.ts). For trying a change before it goes into the bench:
 * one bench pair says little on a 2-core machine, and the two builds share every run's conditions.
 *
 *   FL_OUT_DIR=.output-a npx wxt build   # (and .output-b with the change)
 *   npx tsx test/tools/ab-scroll.ts .output-a .output-b [rounds]
 */
import path from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from '../e2e/support/browser';
import { connectToApi } from '../e2e/support/popup';
import { ensureChromium } from '../support/ensure-chromium';
import { routeMetaReplica } from '../replicas/serve';
import { mainThreadMs, oneRun, type RunResult } from '../bench/measures/scroll-cost';
import { googleScrollRun } from '../bench/measures/scroll-fallback';
import { openSession } from '../bench/measures/session';
import { metaReplicaData, round, summarize } from '../bench/measures/shared';

const PAGE = process.env.AB_PAGE ?? 'meta';

async function main(): Promise<void> {
  const [dirA, dirB, roundsArg] = process.argv.slice(2);
  if (!dirA || !dirB) throw new Error('usage: ab-scroll.ts <build dir A> <build dir B> [rounds]');
  const rounds = Number(roundsArg ?? 5);
  ensureChromium();
  const root = path.resolve(import.meta.dirname, '../..');
  const session = await openSession();
  const sides: Record<'a' | 'b' | 'plain', ExtensionBrowser> = {
    a: await launchWithExtension({ extensionDir: path.resolve(root, dirA, 'chrome-mv3') }),
    b: await launchWithExtension({ extensionDir: path.resolve(root, dirB, 'chrome-mv3') }),
    plain: await launchWithExtension({ withExtension: false }),
  };
  try {
    await connectToApi(sides.a, session.server.baseUrl, session.server.apiKey);
    await connectToApi(sides.b, session.server.baseUrl, session.server.apiKey);
    if (PAGE === 'meta') {
      const data = metaReplicaData(session.campaigns5k, { skeletonMs: 300 });
      for (const side of Object.values(sides)) await routeMetaReplica(side.context, data);
    }
    const perFrame: Record<string, number[]> = { a: [], b: [], plain: [] };
    const runs: Record<string, RunResult[]> = { a: [], b: [], plain: [] };
    const order = ['a', 'b', 'plain'] as const;
    for (let i = 0; i < rounds; i++) {
      for (let k = 0; k < 3; k++) {
        const side = order[(i + k) % 3] as (typeof order)[number];
        if (PAGE === 'meta') {
          const run = await oneRun(sides[side], side !== 'plain', session);
          runs[side]?.push(run);
          perFrame[side]?.push(mainThreadMs(run) / run.frames);
        } else {
          // Script + layout + style over the whole scroll (both sides scroll the same frames).
          perFrame[side]?.push(await googleScrollRun(sides[side], side !== 'plain', PAGE === 'google-drifted', session));
        }
      }
      const last = (s: string) => perFrame[s]?.at(-1) as number;
      console.log(
        `round ${i + 1}: A/plain ${round(last('a') / last('plain'), 3)}  B/plain ${round(last('b') / last('plain'), 3)}  B/A ${round(last('b') / last('a'), 3)}`,
      );
    }
    const ratio = (x: string, y: string) => summarize((perFrame[x] as number[]).map((v, i) => round(v / (perFrame[y] as number[])[i]!, 3)));
    console.log('A/plain', ratio('a', 'plain'));
    console.log('B/plain', ratio('b', 'plain'));
    console.log('B/A', ratio('b', 'a'));
    for (const side of PAGE === 'meta' ? order : []) {
      const r = runs[side] as RunResult[];
      const per = (f: (x: RunResult) => number) => summarize(r.map((x) => round(f(x) / x.frames, 3))).median;
      console.log(side, { script: per((x) => x.scriptMs), layout: per((x) => x.layoutMs), style: per((x) => x.styleMs) });
    }
  } finally {
    for (const side of Object.values(sides)) await side.close();
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

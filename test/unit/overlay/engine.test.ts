/**
 * The engine with its parts together, on a small table: one request per page context, a badge
 * per row with its campaign's numbers, a recycled row showing its new campaign after the next
 * frame, and nothing of ours left once WXT invalidates the context.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FunnelRequest } from '../../../utils/messaging';
import type { PageRow, PlatformAdapter } from '../../../utils/overlay/adapter';
import { runOverlay } from '../../../utils/overlay/engine';
import { funnelData, springSale, tiny } from './support/answers';
import { openOverlayPage, type OverlayPage } from './support/overlay-dom';
import { loadedUi } from './support/ui';
import type { UiLoader } from '../../../utils/overlay/ui-loader';

let page: OverlayPage;
let ui: UiLoader;
beforeEach(async () => {
  ui = await loadedUi();
  page = openOverlayPage(
    '<div id="t"><div class="row" id="r1"><a href="/c/7">Spring Sale</a></div><div class="row" id="r2"><a href="/c/9">Tiny</a></div></div>',
  );
});
afterEach(() => page.restore());

function readRow(node: Element): PageRow | null {
  const link = node.querySelector('a');
  if (!link) return null;
  return { row: node, anchor: link, id: link.getAttribute('href')?.split('/').pop() ?? null, name: link.textContent ?? '' };
}

const adapter: PlatformAdapter = {
  platform: 'meta_ads',
  watchAttributes: ['href'],
  readContext: () => ({
    platform: 'meta_ads',
    level: 'campaign',
    levelLabel: null,
    accountId: '1',
    range: { from: '2026-10-01', to: '2026-10-31' },
    rangeAssumed: false,
  }),
  findTable: (doc) => doc.getElementById('t'),
  isLoading: () => false,
  readRows: (table) => [...table.querySelectorAll('.row')].map(readRow).filter((r) => r !== null),
  rowOf: (element) => element.closest('.row'),
  readRow,
  readSpend: () => null,
};

function start(withAdapter: PlatformAdapter = adapter) {
  const requests: FunnelRequest[] = [];
  const warnings: string[] = [];
  runOverlay(page.ctx, withAdapter, {
    askFunnel: async (request) => {
      requests.push(request);
      return funnelData([springSale, tiny]);
    },
    onFunnelChanged: () => () => undefined,
    now: () => new Date('2026-11-22T12:00:00Z'),
    warn: (message) => warnings.push(message),
    ui,
  });
  return { requests, warnings };
}

/** The adapter, counting its reads of every row; `found` replaces what such a read finds. */
function countingFullReads(found?: () => PageRow[]) {
  const count = { fullReads: 0 };
  const counting: PlatformAdapter = {
    ...adapter,
    readRows: (table, context) => {
      count.fullReads++;
      return found ? found() : adapter.readRows(table, context);
    },
  };
  return { counting, count };
}

/** `count` polls of the engine (0.4 s each), each followed by the frame it may have asked for. */
function runPolls(count: number): void {
  for (let poll = 0; poll < count; poll++) {
    vi.advanceTimersByTime(400);
    page.runFrames();
  }
}

/** The first pass, the answer, and the pass that shows it. */
async function firstAnswerShown(): Promise<void> {
  page.runFrames();
  await page.settle();
  page.runFrames();
}

const badgeIn = (rowId: string) => page.rootOf(page.document.querySelector(`#${rowId} funnel-lens-badge`))?.querySelector('button')?.textContent;

describe('runOverlay', () => {
  it('asks once for the page context and gives every row its own campaign, also after the host recycles a row', async () => {
    const { requests, warnings } = start();
    page.runFrames();
    await page.settle();
    expect(requests).toEqual([{ platform: 'meta_ads', level: 'campaign', accountId: '1', from: '2026-10-01', to: '2026-10-31' }]);
    expect(badgeIn('r1')).toBe('MQL→Won 10% · €75K');
    expect(badgeIn('r2')).toBe('1/4 MQL won');

    // The host reuses r1's node for Tiny (a virtualised scroll): its link changes, nothing else.
    const link = page.document.querySelector('#r1 a') as Element;
    link.setAttribute('href', '/c/9');
    link.textContent = 'Tiny';
    await page.settle();
    page.runFrames();
    expect(badgeIn('r1')).toBe('1/4 MQL won');
    expect(page.document.querySelectorAll('funnel-lens-badge')).toHaveLength(2);
    expect(requests).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it('re-reads every row on its poll only once the host pauses rewriting rows (or after 2 s of rewriting), each changed row meanwhile; on a still page every 2 s', async () => {
    // Real setTimeout for settle(); the poll's interval and the engine's clock are the test's.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    try {
      const { counting, count } = countingFullReads();
      start(counting);
      await firstAnswerShown();
      const link = page.document.querySelector('#r1 a') as Element;
      // The row's ID only: linkedom reports a text rewrite on the observed root, not on the row.
      const ids = ['/c/9', '/c/7'];
      /** The host rewrites row r1 every 100 ms (a scroll) for `ms`, ending on Spring Sale's ID; every frame runs. */
      const rewriteFor = async (ms: number) => {
        for (let t = 0; t < ms; t += 100) {
          link.setAttribute('href', ids[(t / 100) % 2] as string);
          await page.settle();
          page.runFrames();
          vi.advanceTimersByTime(100);
          page.runFrames();
        }
      };
      const before = count.fullReads;
      await rewriteFor(1600);
      // Four polls passed: none re-read every row, and the rewritten row still shows its campaign.
      expect(count.fullReads).toBe(before);
      expect(badgeIn('r1')).toBe('MQL→Won 10% · €75K');
      await rewriteFor(800);
      // Two seconds of rewriting: one safety re-read of every row.
      expect(count.fullReads).toBe(before + 1);
      // The host pauses: the next poll re-reads every row.
      runPolls(1);
      expect(count.fullReads).toBe(before + 2);
      // The page is still (and our own badges' renders are no change): the next four polls re-read
      // nothing, and the one 2 s after that read re-reads every row again.
      runPolls(4);
      expect(count.fullReads).toBe(before + 2);
      runPolls(1);
      expect(count.fullReads).toBe(before + 3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('re-reads every row on every poll while a read finds no row (the table may still be filling)', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    try {
      const { counting, count } = countingFullReads(() => []);
      start(counting);
      await firstAnswerShown();
      const before = count.fullReads;
      runPolls(3);
      expect(count.fullReads).toBe(before + 3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('re-reads a complete page context on every fifth poll when nothing says it changed, and at once when its URL did', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    try {
      let reads = 0;
      const counting: PlatformAdapter = {
        ...adapter,
        readContext: (...args) => {
          reads++;
          return adapter.readContext(...args);
        },
      };
      start(counting);
      await firstAnswerShown();
      const before = reads;
      vi.advanceTimersByTime(4 * 400);
      page.runFrames();
      expect(reads).toBe(before);
      vi.advanceTimersByTime(400);
      expect(reads).toBe(before + 1);
      page.setUrl('https://ads.example/list?moved');
      vi.advanceTimersByTime(400);
      expect(reads).toBe(before + 2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('removes every badge and the summary when WXT invalidates the context', async () => {
    start();
    page.runFrames();
    await page.settle();
    expect(page.document.querySelectorAll('funnel-lens-badge')).toHaveLength(2);
    expect(page.document.querySelector('funnel-lens-summary')).not.toBeNull();
    page.ctx.abort();
    expect(page.document.querySelectorAll('funnel-lens-badge, funnel-lens-summary, funnel-lens-card')).toHaveLength(0);
  });
});

/**
 * The engine with its parts together, on a small table: one request per page context, a badge
 * per row with its campaign's numbers, a recycled row showing its new campaign after the next
 * frame, and nothing of ours left once WXT invalidates the context.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

function start() {
  const requests: FunnelRequest[] = [];
  const warnings: string[] = [];
  runOverlay(page.ctx, adapter, {
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

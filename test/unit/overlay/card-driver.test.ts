/**
 * The card driver: the card opens for the campaign a badge shows, with that row's spend, and
 * closes when the row it was opened from turns to another campaign or leaves the screen.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMatchIndex } from '../../../utils/matching/lookup';
import type { FunnelAnswer } from '../../../utils/messaging';
import type { PageContext, PageRow } from '../../../utils/overlay/adapter';
import { createCardDriver } from '../../../utils/overlay/card-driver';
import { createLeadCounts } from '../../../utils/overlay/lead-counts';
import type { SeenRow } from '../../../utils/overlay/seen-row';
import { funnelData, springSale, tiny } from './support/answers';
import { openOverlayPage, type OverlayPage } from './support/overlay-dom';
import { loadedUi } from './support/ui';
import { createUiLoader, type UiLoader } from '../../../utils/overlay/ui-loader';
import { overlayUi } from '../../../utils/overlay/ui-parts';

const context: PageContext = {
  platform: 'meta_ads',
  level: 'campaign',
  levelLabel: null,
  accountId: '1',
  range: { from: '2026-10-01', to: '2026-10-31' },
  rangeAssumed: false,
};
const seen = new Map<string, SeenRow>([
  ['id:7', { key: 'id:7', id: '7', name: 'Spring Sale' }],
  ['id:9', { key: 'id:9', id: '9', name: 'Tiny' }],
]);

let page: OverlayPage;
let ui: UiLoader;
beforeEach(async () => {
  ui = await loadedUi();
  page = openOverlayPage('<div id="t"><div class="row" id="r1"><a>Spring Sale</a><span class="spend">€9,000</span></div></div>');
});
afterEach(() => page.restore());

function setUp(answer: FunnelAnswer = funnelData([springSale, tiny]), loader: UiLoader = ui) {
  const table = page.document.getElementById('t') as Element;
  const row = page.document.getElementById('r1') as Element;
  const data = { answer, index: answer.ok ? createMatchIndex(answer.rows) : null };
  const leads = createLeadCounts({ adapter: {}, seen });
  const card = createCardDriver(page.ctx.signal, {
    locale: 'en',
    adapter: { readSpend: (r) => r.querySelector('.spend')?.textContent ?? null },
    seen,
    data,
    leads,
    badges: () => ({ rowOf: () => row }),
    table: () => table,
    context: () => context,
    guard: (fn) => fn(),
    ui: loader,
  });
  return { card, anchor: row.querySelector('a') as unknown as HTMLElement };
}

const cardText = () => page.rootOf(page.document.querySelector('funnel-lens-card'))?.querySelector('[role="dialog"]')?.textContent ?? '';
const pageRow = (id: string | null, name: string): PageRow => ({ row: page.document.body, anchor: page.document.body, id, name });

describe('createCardDriver', () => {
  it('opens the card of the campaign the badge shows, with the spend its row prints', () => {
    const { card, anchor } = setUp();
    card.open('id:7', anchor, 'click');
    expect(card.openKey).toBe('id:7');
    expect(cardText()).toContain('Spring Sale');
    expect(cardText()).toContain('€9,000');
  });

  it('closes when the row it was opened from shows another campaign, or none', () => {
    const { card, anchor } = setUp();
    card.open('id:7', anchor, 'click');
    card.rowChanged('id:9', 'id:7');
    expect(card.openKey).toBe('id:7');
    card.rowChanged('id:7', 'id:9');
    expect(card.openKey).toBeNull();
    card.open('id:7', anchor, 'click');
    card.rowChanged('id:7', null);
    expect(card.openKey).toBeNull();
  });

  it('stays open while its campaign is on screen after a full read, in whatever row node', () => {
    const { card, anchor } = setUp();
    card.open('id:7', anchor, 'click');
    card.keepIfShown([pageRow('9', 'Tiny'), pageRow('7', 'Spring Sale')]);
    expect(card.openKey).toBe('id:7');
    card.keepIfShown([pageRow('9', 'Tiny')]);
    expect(card.openKey).toBeNull();
  });

  it('opens nothing while there are no numbers to show', () => {
    const { card, anchor } = setUp({ ok: false, error: { kind: 'background_unavailable' } });
    card.open('id:7', anchor, 'click');
    expect(card.openKey).toBeNull();
    expect(cardText()).toBe('');
  });

  describe('before the on-demand UI is loaded', () => {
    /** A loader whose injection the test finishes or fails. */
    function pendingUi() {
      let settle: { finish(): void; fail(): void } | null = null;
      let registered = false;
      const loader = createUiLoader({
        inject: () =>
          new Promise<void>(
            (resolve, reject) => (settle = { finish: () => ((registered = true), resolve()), fail: () => reject(new Error('No tab with id')) }),
          ),
        registered: () => (registered ? overlayUi : undefined),
      });
      return { loader, finish: () => settle?.finish(), fail: () => settle?.fail() };
    }
    const noticeText = () => page.rootOf(page.document.querySelector('funnel-lens-card'))?.querySelector('[role="alert"]')?.textContent ?? '';

    it('opens the card asked for once the UI arrives', async () => {
      const pending = pendingUi();
      const { card, anchor } = setUp(undefined, pending.loader);
      card.open('id:7', anchor, 'click');
      expect(card.openKey).toBeNull();
      pending.finish();
      await vi.waitFor(() => expect(card.openKey).toBe('id:7'));
      expect(cardText()).toContain('Spring Sale');
    });

    it('opens nothing when the pointer left, or the row changed campaign, before it arrived', async () => {
      const pending = pendingUi();
      const { card, anchor } = setUp(undefined, pending.loader);
      card.open('id:7', anchor, 'hover');
      card.scheduleClose();
      card.open('id:9', anchor, 'focus');
      card.rowChanged('id:9', 'id:7');
      pending.finish();
      await pending.loader.load();
      await page.settle();
      expect(card.openKey).toBeNull();
      expect(page.document.querySelector('funnel-lens-card')).toBeNull();
    });

    it('says what to do where a click asked for the card and the UI could not be loaded', async () => {
      const pending = pendingUi();
      const { card, anchor } = setUp(undefined, pending.loader);
      card.open('id:7', anchor, 'click');
      pending.fail();
      await vi.waitFor(() => expect(noticeText()).toBe('Funnel Lens could not load this part of its view. Reload the page to try again.'));
      expect(card.openKey).toBeNull();
      card.close();
      expect(page.document.querySelector('funnel-lens-card')).toBeNull();
    });
  });
});

/**
 * The summary driver: "table layout not recognised" only after a list page has shown no readable
 * row for a while (never while the host says it is loading), and the popup's page health report.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageContext } from '../../../utils/overlay/adapter';
import { createLeadCounts } from '../../../utils/overlay/lead-counts';
import { createSeenCampaigns } from '../../../utils/overlay/seen-row';
import { createSummaryDriver } from '../../../utils/overlay/summary-driver';
import { funnelData } from './support/answers';
import { openOverlayPage, type OverlayPage } from './support/overlay-dom';
import { loadedUi } from './support/ui';
import { createUiLoader, type UiLoader } from '../../../utils/overlay/ui-loader';

const context: PageContext = {
  platform: 'google_ads',
  level: 'campaign',
  levelLabel: null,
  accountId: '1',
  range: { from: '2026-10-01', to: '2026-10-31' },
  rangeAssumed: false,
};

let page: OverlayPage;
let ui: UiLoader;
beforeEach(async () => {
  ui = await loadedUi();
  vi.useFakeTimers({ now: new Date('2026-11-22T12:00:00Z'), toFake: ['Date'] });
  page = openOverlayPage('<div id="t"></div>');
});
afterEach(() => {
  page.restore();
  vi.useRealTimers();
});

function setUp(current: PageContext | null = context, loader: UiLoader = ui) {
  const seen = createSeenCampaigns();
  return createSummaryDriver(page.ctx.signal, {
    locale: 'en',
    adapter: {
      platform: 'google_ads',
      readRows: () => [],
      hooks: { table: ['essfield'], row: ['role'] },
      matchHooks: () => ({ table: 'essfield', row: null }),
    },
    context: () => current,
    dataKey: () => 'k|1',
    table: () => page.document.getElementById('t'),
    data: { answer: funnelData([]), index: null, reload: () => undefined },
    seen,
    leads: createLeadCounts({ adapter: {}, seen: seen.rows }),
    ui: loader,
  });
}

const summaryText = () => page.rootOf(page.document.querySelector('funnel-lens-summary'))?.querySelector('section')?.textContent ?? '';

describe('createSummaryDriver', () => {
  it('says the layout is not recognised after 4 s without a readable row, with the hook health', () => {
    const summary = setUp();
    summary.noteRows(0, false);
    summary.update();
    expect(summaryText()).not.toContain('not recognised');
    vi.advanceTimersByTime(4001);
    summary.noteRows(0, false);
    summary.update();
    expect(summaryText()).toContain('not recognised');
    expect(summaryText()).toContain('table: essfield ✓ · rows: not found ✗');
    expect(summary.pageHealth()).toEqual({ platform: 'google_ads', health: { table: 'essfield', row: null }, fallback: false, rows: 0, layoutUnknown: true });
    // Rows appear: recognised again.
    summary.noteRows(12, false);
    expect(summary.pageHealth()?.layoutUnknown).toBe(false);
  });

  it('waits for a host that says it is still loading its table, however long', () => {
    const summary = setUp();
    summary.noteRows(0, true);
    vi.advanceTimersByTime(60_000);
    summary.noteRows(0, true);
    summary.update();
    expect(summaryText()).not.toContain('not recognised');
    expect(summary.pageHealth()?.layoutUnknown).toBe(false);
  });

  it('reports no page health where there is no list page', () => {
    expect(setUp(null).pageHealth()).toBeNull();
  });

  it('says what to do where the help under "not recognised" could not be loaded', async () => {
    const failing = createUiLoader({ inject: () => Promise.reject(new Error('Frame with ID 0 was removed')), registered: () => undefined });
    const summary = setUp(context, failing);
    summary.noteRows(0, false);
    vi.advanceTimersByTime(4001);
    summary.noteRows(0, false);
    summary.update();
    await vi.waitFor(() => expect(summaryText()).toContain('Funnel Lens could not load this part of its view. Reload the page to try again.'));
    expect(summaryText()).toContain('not recognised');
    expect(summaryText()).not.toContain('table: essfield');
  });
});

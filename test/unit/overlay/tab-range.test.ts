/**
 * The range picked for a tab in the summary: applied only where the page's own range is not
 * readable, resolved against today, waited for after a reload, and invisible to the adapter's
 * own hook health.
 */
import { describe, expect, it } from 'vitest';
import type { PageContext, PlatformAdapter } from '../../../utils/overlay/adapter';
import type { TabRangeChoice } from '../../../utils/dates/range-choice';
import { customRangeProblem, resolveTabRange } from '../../../utils/dates/range-choice';
import { applyTabRange, createTabRange, withTabRange, type TabRangeStore } from '../../../utils/overlay/tab-range';

const today = new Date(2026, 10, 15); // 15 Nov 2026, local time
const assumed: PageContext = {
  platform: 'google_ads',
  level: 'campaign',
  levelLabel: 'Kampagnen',
  accountId: '1',
  range: { from: '2026-10-16', to: '2026-11-14' },
  rangeAssumed: true,
};
const read: PageContext = { ...assumed, range: { from: '2026-10-01', to: '2026-10-31' }, rangeAssumed: false, rangeSource: 'label' };

/** A store whose read resolves when the test says so. */
function deferredStore(initial: TabRangeChoice | null) {
  let resolveRead: () => void = () => undefined;
  const writes: Array<TabRangeChoice | null> = [];
  const store: TabRangeStore = {
    read: () => new Promise((resolve) => (resolveRead = () => resolve(initial))),
    write: async (choice) => void writes.push(choice),
  };
  return { store, writes, finishRead: () => resolveRead() };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('resolveTabRange', () => {
  it('resolves presets against today and keeps custom dates only when they are real and in order', () => {
    expect(resolveTabRange({ preset: 'last_7d' }, today)).toEqual({ from: '2026-11-08', to: '2026-11-14' });
    expect(resolveTabRange({ preset: 'last_month' }, today)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(resolveTabRange({ preset: 'this_month' }, today)).toEqual({ from: '2026-11-01', to: '2026-11-15' });
    expect(resolveTabRange({ preset: 'custom', from: '2026-09-01', to: '2026-09-30' }, today)).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(resolveTabRange({ preset: 'custom', from: '2026-09-31', to: '2026-10-01' }, today)).toBeNull();
    expect(resolveTabRange({ preset: 'custom', from: '2026-10-02', to: '2026-10-01' }, today)).toBeNull();
  });
});

describe('customRangeProblem', () => {
  it('says what is wrong with typed dates: not real days, or out of order', () => {
    expect(customRangeProblem('2026-09-01', '2026-09-01')).toBeNull();
    expect(customRangeProblem('2026-09-01', '')).toBe('invalid');
    expect(customRangeProblem('2026-02-29', '2026-03-01')).toBe('invalid');
    expect(customRangeProblem('2026-09-02', '2026-09-01')).toBe('order');
  });
});

describe('applyTabRange', () => {
  it('applies the choice where the range is assumed, and never over a range the page shows', () => {
    expect(applyTabRange(assumed, { preset: 'last_7d' }, today)).toEqual({
      ...assumed,
      range: { from: '2026-11-08', to: '2026-11-14' },
      rangeAssumed: false,
      rangeSource: 'chosen',
    });
    expect(applyTabRange(read, { preset: 'last_7d' }, today)).toBe(read);
    expect(applyTabRange(assumed, null, today)).toBe(assumed);
  });
});

describe('withTabRange', () => {
  function adapterWith(context: () => PageContext | null) {
    const reported: PageContext[] = [];
    const adapter = {
      platform: 'google_ads',
      readContext: () => context(),
      matchHooks: (_d: Document, _t: Element | null, _r: unknown, c: PageContext) => {
        reported.push(c);
        return { date: c.rangeAssumed ? null : 'label' };
      },
    } as unknown as PlatformAdapter;
    return { adapter, reported };
  }
  const url = new URL('https://ads.google.com/aw/campaigns');
  const doc = {} as Document;

  it('gives no context while the stored choice is on its way (no request for a range about to change), then the stored one', async () => {
    const { store, finishRead } = deferredStore({ preset: 'last_month' });
    const tabRange = createTabRange(store);
    let changes = 0;
    tabRange.onChange(() => changes++);
    const wrapped = withTabRange(adapterWith(() => assumed).adapter, tabRange);
    expect(wrapped.readContext(url, doc, today)).toBeNull();
    finishRead();
    await flush();
    expect(changes).toBe(1);
    expect(wrapped.readContext(url, doc, today)?.range).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('does not wait for the store where the page shows its range', () => {
    const tabRange = createTabRange(deferredStore({ preset: 'last_month' }).store);
    expect(withTabRange(adapterWith(() => read).adapter, tabRange).readContext(url, doc, today)).toBe(read);
  });

  it('applies a new choice at once, stores it, and keeps it over a stored one that arrives later', async () => {
    const { store, writes, finishRead } = deferredStore({ preset: 'last_month' });
    const tabRange = createTabRange(store);
    const wrapped = withTabRange(adapterWith(() => assumed).adapter, tabRange);
    tabRange.choose({ preset: 'last_7d' });
    expect(writes).toEqual([{ preset: 'last_7d' }]);
    finishRead();
    await flush();
    expect(wrapped.readContext(url, doc, today)).toMatchObject({ range: { from: '2026-11-08', to: '2026-11-14' }, rangeSource: 'chosen' });
  });

  it("reports the adapter's date hook as not found when the range is the user's, not the page's", () => {
    const tabRange = createTabRange(null);
    tabRange.choose({ preset: 'last_7d' });
    const { adapter, reported } = adapterWith(() => assumed);
    const wrapped = withTabRange(adapter, tabRange);
    const context = wrapped.readContext(url, doc, today) as PageContext;
    expect(wrapped.matchHooks?.(doc, null, [], context)).toEqual({ date: null });
    expect(reported[0]).toMatchObject({ rangeAssumed: true });
    expect(reported[0]?.rangeSource).toBeUndefined();
  });

  it('reads a failing store as no choice, and is ready', async () => {
    const tabRange = createTabRange({ read: () => Promise.reject(new Error('worker gone')), write: async () => undefined });
    await flush();
    expect(tabRange.ready).toBe(true);
    expect(withTabRange(adapterWith(() => assumed).adapter, tabRange).readContext(url, doc, today)).toBe(assumed);
  });
});

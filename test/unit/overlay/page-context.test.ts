/**
 * The page context: read when something it depends on may have changed, reported only when it
 * did, and followed through SPA navigation by WXT's own `wxt:locationchange`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageContext, PlatformAdapter } from '../../../utils/overlay/adapter';
import { trackPageContext } from '../../../utils/overlay/page-context';
import { openOverlayPage, type OverlayPage } from './support/overlay-dom';

/** Reads the level and range from the URL, like Meta's adapter does. */
const adapter: Pick<PlatformAdapter, 'readContext'> = {
  readContext(url) {
    const level = url.searchParams.get('level');
    if (level !== 'campaign' && level !== 'ad_group') return null;
    const [from = '', to = ''] = (url.searchParams.get('date') ?? '').split('_');
    return { platform: 'meta_ads', level, levelLabel: null, accountId: '1', range: { from, to }, rangeAssumed: false };
  },
};

let page: OverlayPage;
beforeEach(() => {
  vi.useFakeTimers();
  page = openOverlayPage('', 'https://adsmanager.example/manage?level=campaign&date=2026-10-01_2026-10-31');
});
afterEach(() => {
  page.restore();
  vi.useRealTimers();
});

function track() {
  const changes: Array<PageContext | null> = [];
  let possibleChanges = 0;
  const tracker = trackPageContext(page.ctx, page.ctx.signal, {
    adapter,
    now: () => new Date('2026-11-22T12:00:00Z'),
    guard: (fn) => fn(),
    onChange: (context) => changes.push(context),
    onPossibleChange: () => possibleChanges++,
  });
  return { tracker, changes, possibleChanges: () => possibleChanges };
}

describe('trackPageContext', () => {
  it('reports a context once, and again only when its request changes', () => {
    const { tracker, changes } = track();
    expect(tracker.stale).toBe(true);
    tracker.check();
    tracker.check();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ level: 'campaign', range: { from: '2026-10-01', to: '2026-10-31' } });
    expect(tracker.stale).toBe(false);
    tracker.markDirty();
    expect(tracker.stale).toBe(true);
    tracker.check();
    expect(changes).toHaveLength(1);
  });

  it('says when only a changed source (not the URL) makes a re-read due, and when the context is not complete yet', () => {
    const { tracker } = track();
    expect(tracker.incomplete).toBe(true);
    tracker.check();
    expect(tracker.incomplete).toBe(false);
    expect(tracker.dirty).toBe(false);
    // A URL change is stale but not dirty: comparing the URL is left to the passes that read every row.
    page.setUrl('https://adsmanager.example/manage?level=campaign&date=2026-09-01_2026-09-30');
    expect(tracker.stale).toBe(true);
    expect(tracker.dirty).toBe(false);
    tracker.markDirty();
    expect(tracker.dirty).toBe(true);
    // Not a list page: nothing to show, and re-read on every poll until it is one.
    page.setUrl('https://adsmanager.example/settings');
    tracker.check();
    expect(tracker.current).toBeNull();
    expect(tracker.incomplete).toBe(true);
  });

  it('follows a pushState through wxt:locationchange: the new context is read without waiting for a pass', () => {
    const { tracker, changes, possibleChanges } = track();
    tracker.check();
    page.setUrl('https://adsmanager.example/manage?level=ad_group&date=2026-05-01_2026-05-15');
    // Without the Navigation API (Node, as in Firefox ESR), WXT polls the URL every second.
    vi.advanceTimersByTime(1000);
    expect(changes.map((c) => c && { level: c.level, from: c.range.from })).toEqual([
      { level: 'campaign', from: '2026-10-01' },
      { level: 'ad_group', from: '2026-05-01' },
    ]);
    expect(tracker.key).toContain('ad_group');
    expect(possibleChanges()).toBe(1);
    // Leaving the list pages: no context.
    page.setUrl('https://adsmanager.example/settings');
    vi.advanceTimersByTime(1000);
    expect(changes.at(-1)).toBeNull();
    expect(tracker.current).toBeNull();
    expect(tracker.key).toBe('');
  });

  it('stops following navigation once the content script context is invalidated', () => {
    const { tracker, changes } = track();
    tracker.check();
    page.ctx.abort();
    page.setUrl('https://adsmanager.example/manage?level=ad_group&date=2026-05-01_2026-05-15');
    vi.advanceTimersByTime(3000);
    expect(changes).toHaveLength(1);
  });
});

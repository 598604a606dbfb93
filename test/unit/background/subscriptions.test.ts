/** The tabs to tell about fresher data, kept across a worker restart. */
import { describe, expect, it } from 'vitest';
import { MAX_SUBSCRIBED_REQUESTS, TabSubscriptions, type StoredSubscriptions } from '../../../utils/background/subscriptions';
import type { FunnelRequest } from '../../../utils/messaging';

const request: FunnelRequest = { platform: 'meta_ads', level: 'campaign', accountId: '1', from: '2026-10-01', to: '2026-10-31' };
const other: FunnelRequest = { ...request, platform: 'google_ads', accountId: '2' };

/** storage.session as the worker sees it: survives the worker, not the browser. */
function sessionStore() {
  let saved: StoredSubscriptions = {};
  return { get: async () => structuredClone(saved), set: async (value: StoredSubscriptions) => void (saved = structuredClone(value)) };
}

function worker(store: ReturnType<typeof sessionStore>, closedTabs = new Set<number>()) {
  const sent: Array<[string, number]> = [];
  const subscriptions = new TabSubscriptions(store, async (r, tabId) => {
    if (closedTabs.has(tabId)) throw new Error('Could not establish connection. Receiving end does not exist.');
    sent.push([r.platform, tabId]);
  });
  return { subscriptions, sent };
}

describe('TabSubscriptions', () => {
  it('a new worker still tells the tabs the stopped one knew', async () => {
    const store = sessionStore();
    const before = worker(store);
    await before.subscriptions.subscribe(request, 4);
    await before.subscriptions.subscribe(other, 5);
    await before.subscriptions.subscribe(request, undefined); // the popup: no tab

    const after = worker(store);
    await after.subscriptions.notifyAll();
    expect(after.sent.sort()).toEqual([
      ['google_ads', 5],
      ['meta_ads', 4],
    ]);
    await after.subscriptions.notify(other);
    expect(after.sent.filter(([, tab]) => tab === 5)).toHaveLength(2);
  });

  it('forgets a tab that no longer listens, also for the next worker', async () => {
    const store = sessionStore();
    const closed = new Set<number>();
    const first = worker(store, closed);
    await first.subscriptions.subscribe(request, 4);
    await first.subscriptions.subscribe(request, 6);
    closed.add(6);
    await first.subscriptions.notify(request);
    expect(first.sent).toEqual([['meta_ads', 4]]);
    expect(Object.values(await store.get())).toEqual([{ request, tabs: [4] }]);
  });

  it(`remembers at most ${MAX_SUBSCRIBED_REQUESTS} requests, dropping the least recently shown`, async () => {
    const store = sessionStore();
    const { subscriptions } = worker(store);
    for (let day = 0; day <= MAX_SUBSCRIBED_REQUESTS; day++) {
      await subscriptions.subscribe({ ...request, accountId: String(day) }, 1);
    }
    const saved = Object.values(await store.get());
    expect(saved).toHaveLength(MAX_SUBSCRIBED_REQUESTS);
    expect(saved.some((s) => s.request.accountId === '0')).toBe(false);
    expect(saved.some((s) => s.request.accountId === String(MAX_SUBSCRIBED_REQUESTS))).toBe(true);
  });
});

/**
 * Which tabs showed which funnel request, so they can be told when fresher data lands or the
 * source changes. Kept in `storage.session` as well as in memory: Chrome stops an idle worker,
 * and the new one must still know the open tabs (otherwise Disconnect leaves the old API's badges
 * on screen). `storage.session` is cleared with the browser session, like the tabs themselves,
 * and content scripts cannot read it.
 */
import type { FunnelRequest } from '../messaging';
import { funnelRequestKey } from '../messaging';

export type StoredSubscriptions = Record<string, { request: FunnelRequest; tabs: number[] }>;

export interface SubscriptionStore {
  get(): Promise<StoredSubscriptions>;
  set(value: StoredSubscriptions): Promise<void>;
}

/** Requests remembered at most; the least recently subscribed go first (their tabs ask again on their own poll). */
export const MAX_SUBSCRIBED_REQUESTS = 500;

export class TabSubscriptions {
  private readonly entries = new Map<string, { request: FunnelRequest; tabs: Set<number> }>();
  private readonly loaded: Promise<void>;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: SubscriptionStore,
    /** Rejects when the tab has no listener any more (closed, navigated away). */
    private readonly send: (request: FunnelRequest, tabId: number) => Promise<unknown>,
  ) {
    this.loaded = store
      .get()
      .then((saved) => {
        for (const [key, { request, tabs }] of Object.entries(saved ?? {})) {
          const entry = this.entries.get(key) ?? { request, tabs: new Set<number>() };
          for (const tab of tabs) entry.tabs.add(tab);
          this.entries.set(key, entry);
        }
      })
      .catch(() => undefined);
  }

  /** A tab showed this request. Resolves once remembered (in memory at once, then stored). */
  async subscribe(request: FunnelRequest, tabId: number | undefined): Promise<void> {
    if (tabId === undefined || tabId < 0) return;
    await this.loaded;
    const key = funnelRequestKey(request);
    const entry = this.entries.get(key);
    if (entry?.tabs.has(tabId)) return;
    this.entries.delete(key);
    this.entries.set(key, { request, tabs: new Set([...(entry?.tabs ?? []), tabId]) });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= MAX_SUBSCRIBED_REQUESTS) break;
      this.entries.delete(oldest);
    }
    await this.persist();
  }

  /** Tells every tab that showed `request`; forgets those that no longer listen. */
  async notify(request: FunnelRequest): Promise<void> {
    await this.loaded;
    await this.notifyEntry(funnelRequestKey(request));
  }

  /** Tells every subscribed tab (a new source, new settings, "refresh now"). */
  async notifyAll(): Promise<void> {
    await this.loaded;
    await Promise.all([...this.entries.keys()].map((key) => this.notifyEntry(key)));
  }

  private async notifyEntry(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry) return;
    let forgot = false;
    await Promise.all(
      [...entry.tabs].map((tabId) =>
        this.send(entry.request, tabId).catch(() => {
          entry.tabs.delete(tabId);
          forgot = true;
        }),
      ),
    );
    if (!forgot) return;
    if (entry.tabs.size === 0) this.entries.delete(key);
    await this.persist();
  }

  /** Writes are chained, so an older snapshot never lands after a newer one. */
  private persist(): Promise<void> {
    const write = this.writes.then(() => {
      const snapshot: StoredSubscriptions = {};
      for (const [key, { request, tabs }] of this.entries) snapshot[key] = { request, tabs: [...tabs] };
      return this.store.set(snapshot);
    });
    this.writes = write.catch(() => undefined);
    return this.writes;
  }
}

/**
 * The background service worker: wires the funnel service and the message handlers to storage,
 * the API client, the permissions API and messaging. `registerBackground` is synchronous and
 * registers every listener at once, as MV3 requires of a worker that is stopped and restarted.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { createApiClient } from '../api/client';
import { DEMO_META, demoFunnel } from '../demo/dataset';
import type { FunnelRequest } from '../messaging';
import { messaging, onMessage } from '../messaging';
import { readSettings, updateSettings } from '../settings/settings';
import { readConnection, writeConnection } from './connection';
import { FunnelLensDB, openOrRecreate } from './cache-db';
import { FunnelService } from './funnel-service';
import { PlatformLeadsStore } from './platform-leads-store';
import { ImportedLeads } from './imported-leads';
import { deleteImport, ImportDB } from '../import/import-db';
import type { Sender } from './access';
import { createHandlers, createMetaFetcher } from './handlers';
import { originPattern } from './permissions';
import { injectIntoOpenTabs } from './reinject';
import { outcomesItem, recordPlatformOutcome } from './status';
import { TabSubscriptions, type StoredSubscriptions } from './subscriptions';
import { createTabRanges, type StoredTabRanges } from './tab-ranges';

/** Tabs that showed a request, so they can be told when fresher data lands; they survive a worker restart. */
const subscriptionsItem = storage.defineItem<StoredSubscriptions>('session:tabSubscriptions', { fallback: {} });
const subscriptions = new TabSubscriptions(
  { get: () => subscriptionsItem.getValue(), set: (value) => subscriptionsItem.setValue(value) },
  (request, tabId) => messaging.sendMessage('funnelChanged', request, tabId),
);
const notifyTabs = (request: FunnelRequest): void => void subscriptions.notify(request);

/** A 429's block, per source, so that a worker restarted meanwhile does not ask again at once. */
const rateLimitsItem = storage.defineItem<Record<string, number>>('session:rateLimitedUntil', { fallback: {} });

/** The range each tab's user picked in the summary: for that tab's life only (tab-ranges.ts). */
const tabRangesItem = storage.defineItem<StoredTabRanges>('session:tabRanges', { fallback: {} });
const tabRanges = createTabRanges({
  get: () => tabRangesItem.getValue(),
  set: (value) => tabRangesItem.setValue(value),
  isOpen: (tabId) => browser.tabs.get(tabId).then(() => true, () => false),
});

async function hasOriginPermission(baseUrl: string): Promise<boolean> {
  const pattern = originPattern(baseUrl);
  return pattern !== null && browser.permissions.contains({ origins: [pattern] });
}

const db = new FunnelLensDB();
const dbReady = openOrRecreate(db);
const importDb = new ImportDB();
const imported = new ImportedLeads(importDb);
const service = new FunnelService({
  db,
  dbReady,
  readSettings,
  readConnection,
  createApi: (baseUrl, apiKey) => createApiClient({ baseUrl, apiKey }),
  hasOriginPermission,
  imported,
  demoMeta: DEMO_META,
  demoFunnel,
  notify: notifyTabs,
  recordOutcome: (request, outcome) => void recordPlatformOutcome(request.platform, outcome),
  rateLimits: { get: () => rateLimitsItem.getValue(), set: (value) => rateLimitsItem.setValue(value) },
  now: () => Date.now(),
});

export function registerBackground(): void {
  const handlers = createHandlers({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    service,
    readSettings,
    updateSettings,
    readConnection,
    writeConnection,
    readOutcomes: () => outcomesItem.getValue(),
    clearOutcomes: () => outcomesItem.setValue({}),
    hasOriginPermission,
    getMeta: createMetaFetcher(),
    subscribe: (request, tabId) => void subscriptions.subscribe(request, tabId),
    notifyAll: () => void subscriptions.notifyAll(),
    imports: { info: () => imported.info(), forget: () => imported.forget(), delete: () => deleteImport(importDb) },
    platformLeads: new PlatformLeadsStore({ db, dbReady, now: () => Date.now() }),
    tabRanges,
  });
  for (const type of Object.keys(handlers) as Array<keyof typeof handlers>) {
    const handler = handlers[type] as (data: unknown, sender: Sender) => Promise<unknown>;
    onMessage(type, ({ data, sender }) => handler(data, sender) as never);
  }
  // Defence in depth where the browser allows it (Chrome): content scripts cannot even read the
  // settings. Firefox has no access levels for storage.local; nothing secret is kept there.
  void (browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> })
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    .catch(() => undefined);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update' || reason === 'install') void injectIntoOpenTabs();
  });
  void service.sweep().catch(() => undefined);
}

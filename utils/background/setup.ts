/**
 * The background service worker's parts, composed by `defineBackground`'s `main`
 * (entrypoints/background.ts): the core it serves from (cache, imported leads, tab subscriptions,
 * the funnel service), then one `setUp…()` per concern. Everything is built when `main` runs,
 * never on import, and every listener is registered synchronously within it, as MV3 requires of
 * a worker that is stopped and restarted.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { createApiClient } from '../api/client';
import { DEMO_META, demoFunnel } from '../demo/dataset';
import { ImportDB } from '../import/import-db';
import { messaging, onMessage } from '../messaging';
import { readSettings, updateSettings } from '../settings/settings';
import type { Sender } from './access';
import { FunnelLensDB, openOrRecreate } from './cache-db';
import { readConnection, writeConnection } from './connection';
import { FunnelService } from './funnel-service';
import { createHandlers, createMetaFetcher } from './handlers';
import { createImportControl, ImportedLeads } from './imported-leads';
import { originPattern } from '../permissions/origin-permission';
import { PlatformLeadsStore } from './platform-leads-store';
import { injectIntoOpenTabs } from './reinject';
import { outcomesItem, recordPlatformOutcome } from './status';
import { TabSubscriptions, type StoredSubscriptions } from './subscriptions';
import { createTabRanges, type StoredTabRanges } from './tab-ranges';

/** Tabs that showed a request, so they can be told when fresher data lands; they survive a worker restart. */
const subscriptionsItem = storage.defineItem<StoredSubscriptions>('session:tabSubscriptions', { fallback: {} });
/** A 429's block, per source, so that a worker restarted meanwhile does not ask again at once. */
const rateLimitsItem = storage.defineItem<Record<string, number>>('session:rateLimitedUntil', { fallback: {} });
/** The range each tab's user picked in the summary: for that tab's life only (tab-ranges.ts). */
const tabRangesItem = storage.defineItem<StoredTabRanges>('session:tabRanges', { fallback: {} });

async function hasOriginPermission(baseUrl: string): Promise<boolean> {
  const pattern = originPattern(baseUrl);
  return pattern !== null && browser.permissions.contains({ origins: [pattern] });
}

export interface BackgroundCore {
  db: FunnelLensDB;
  dbReady: Promise<void>;
  importDb: ImportDB;
  imported: ImportedLeads;
  subscriptions: TabSubscriptions;
  service: FunnelService;
}

/** The stores and the funnel service, wired to storage, the API client and the tabs. Registers nothing. */
export function createBackgroundCore(): BackgroundCore {
  const subscriptions = new TabSubscriptions({ get: () => subscriptionsItem.getValue(), set: (value) => subscriptionsItem.setValue(value) }, (request, tabId) =>
    messaging.sendMessage('funnelChanged', request, tabId),
  );
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
    notify: (request) => void subscriptions.notify(request),
    recordOutcome: (request, outcome) => void recordPlatformOutcome(request.platform, outcome),
    rateLimits: { get: () => rateLimitsItem.getValue(), set: (value) => rateLimitsItem.setValue(value) },
    now: () => Date.now(),
  });
  return { db, dbReady, importDb, imported, subscriptions, service };
}

/** Answers every message of the protocol map, each behind the one access check (handlers.ts). */
export function setUpMessaging(core: BackgroundCore): void {
  const handlers = createHandlers({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    service: core.service,
    readSettings,
    updateSettings,
    readConnection,
    writeConnection,
    readOutcomes: () => outcomesItem.getValue(),
    clearOutcomes: () => outcomesItem.setValue({}),
    hasOriginPermission,
    getMeta: createMetaFetcher(),
    subscribe: (request, tabId) => void core.subscriptions.subscribe(request, tabId),
    notifyAll: () => void core.subscriptions.notifyAll(),
    imports: createImportControl(core.importDb, core.imported),
    platformLeads: new PlatformLeadsStore({ db: core.db, dbReady: core.dbReady, now: () => Date.now() }),
    tabRanges: createTabRanges({
      get: () => tabRangesItem.getValue(),
      set: (value) => tabRangesItem.setValue(value),
      isOpen: (tabId) =>
        browser.tabs.get(tabId).then(
          () => true,
          () => false,
        ),
    }),
    async injectOverlayUi(tabId, frameId) {
      // The content scripts' world (ISOLATED, the default): the page's own scripts never see it.
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/overlay-ui.js'] });
    },
  });
  for (const type of Object.keys(handlers) as Array<keyof typeof handlers>) {
    const handler = handlers[type] as (data: unknown, sender: Sender) => Promise<unknown>;
    onMessage(type, ({ data, sender }) => handler(data, sender) as never);
  }
}

/**
 * Defence in depth where the browser allows it (Chrome): content scripts cannot even read the
 * settings. Firefox has no access levels for storage.local; nothing secret is kept there.
 */
export function setUpTrustedStorage(): void {
  void (browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> })
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    .catch(() => undefined);
}

/** After an install or update, the ad-manager tabs already open get the new content scripts. */
export function setUpReinjection(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update' || reason === 'install') void injectIntoOpenTabs();
  });
}

/** Expired cache entries are dropped once per worker start. */
export function setUpCacheSweep(core: BackgroundCore): void {
  void core.service.sweep().catch(() => undefined);
}

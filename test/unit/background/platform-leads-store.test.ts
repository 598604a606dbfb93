/**
 * Issue 20: the background remembers the last platform lead counts per campaign and range, with
 * the time they were read, in its Dexie database (schema version 2); content scripts may hand
 * over only their own platform's figures, strictly parsed; only extension pages read them.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { FunnelLensDB, openOrRecreate, type CachedFunnel } from '../../../utils/background/cache-db';
import { createHandlers, RefusedMessageError, type HandlerDeps } from '../../../utils/background/handlers';
import { PlatformLeadsStore } from '../../../utils/background/platform-leads-store';
import type { FunnelService } from '../../../utils/background/funnel-service';
import type { FunnelRequest } from '../../../utils/messaging';
import { readSettings, updateSettings } from '../../../utils/settings/settings';

let dbCount = 0;
const freshName = () => `platform-leads-test-${++dbCount}`;
const request: FunnelRequest = { platform: 'meta_ads', level: 'campaign', accountId: '5550001111', from: '2026-10-01', to: '2026-10-30' };

const cachedFunnel: CachedFunnel = {
  key: 'api|meta_ads|5550001111|campaign|2026-10-01|2026-10-30',
  source: 'api',
  fetchedAt: 1000,
  currency: 'EUR',
  asOf: '2026-10-31T00:00:00Z',
  rows: [{ id: '1', name: 'A', leads: 3, mql: 2, sql: 1, meetings: 1, won: 0, lost: 0, revenue: 0 }],
  problems: [],
};

describe('cache database version 2', () => {
  it('upgrades a version-1 cache in place: its answers stay, the platformLeads store is added', async () => {
    const name = freshName();
    // The version-1 layout exactly as the previous release declared it.
    const v1 = new Dexie(name);
    v1.version(1).stores({ funnels: 'key, source, fetchedAt', metas: 'source' });
    await v1.open();
    await v1.table('funnels').put(cachedFunnel);
    v1.close();

    const db = new FunnelLensDB(name);
    await openOrRecreate(db);
    expect(db.verno).toBe(2);
    expect(await db.funnels.get(cachedFunnel.key)).toEqual(cachedFunnel);
    const store = new PlatformLeadsStore({ db, dbReady: Promise.resolve(), now: () => 5000 });
    await store.note(request, [{ id: '120210000000001', name: 'Lead Gen Nordics', leads: 120 }]);
    expect(await db.platformLeads.count()).toBe(1);
    db.close();
  });
});

describe('PlatformLeadsStore', () => {
  it('keeps the last count per campaign and range, with the time it was read', async () => {
    const db = new FunnelLensDB(freshName());
    let now = 1_000;
    const store = new PlatformLeadsStore({ db, dbReady: openOrRecreate(db), now: () => now });
    await store.note(request, [
      { id: '120210000000001', name: 'Lead Gen Nordics', leads: 118 },
      { id: null, name: 'No ID', leads: 7 },
    ]);
    now = 2_000;
    await store.note(request, [{ id: '120210000000001', name: 'Lead Gen Nordics', leads: 120 }]);
    await store.note({ ...request, from: '2026-09-01', to: '2026-09-30' }, [{ id: '120210000000001', name: 'Lead Gen Nordics', leads: 80 }]);
    now = 3_000;
    await store.note({ ...request, platform: 'google_ads', accountId: '1234567890' }, [{ id: '21000000001', name: 'Search Brand FI', leads: 40.5 }]);

    const listed = await store.list('campaign', '2026-10-01', '2026-10-30');
    expect(listed.map((r) => [r.platform, r.campaignId, r.name, r.leads, r.readAt])).toEqual([
      ['google_ads', '21000000001', 'Search Brand FI', 40.5, 3_000],
      ['meta_ads', '120210000000001', 'Lead Gen Nordics', 120, 2_000],
      ['meta_ads', null, 'No ID', 7, 1_000],
    ]);
    expect(await store.list('ad_group', '2026-10-01', '2026-10-30')).toEqual([]);
    db.close();
  });

  it('sweeps figures not read for 7 days', async () => {
    const db = new FunnelLensDB(freshName());
    let now = 1_000;
    const store = new PlatformLeadsStore({ db, dbReady: openOrRecreate(db), now: () => now });
    await store.note(request, [{ id: '1', name: 'Old', leads: 5 }]);
    now = 1_000 + 8 * 24 * 60 * 60 * 1000;
    await store.note(request, [{ id: '2', name: 'New', leads: 6 }]);
    expect((await store.list('campaign', request.from, request.to)).map((r) => r.name)).toEqual(['New']);
    db.close();
  });
});

describe('notePlatformLeads / getPlatformLeads handlers', () => {
  const EXTENSION_ID = 'funnel-lens-test-id';
  const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
  const dashboard = { id: EXTENSION_ID, url: `${ORIGIN}dashboard.html`, tab: { id: 7 } };
  const metaPage = { id: EXTENSION_ID, url: 'https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=5550001111', tab: { id: 9 } };

  function setup() {
    const noted: unknown[] = [];
    const deps = {
      extensionId: EXTENSION_ID,
      extensionOrigin: ORIGIN,
      service: {} as FunnelService,
      readSettings,
      updateSettings,
      readConnection: async () => null,
      writeConnection: async () => undefined,
      readOutcomes: async () => ({}),
      clearOutcomes: async () => undefined,
      hasOriginPermission: async () => true,
      getMeta: async () => {
        throw new Error('unused');
      },
      subscribe: () => undefined,
      notifyAll: () => undefined,
      platformLeads: { note: async (...args: unknown[]) => void noted.push(args), list: async () => [] },
    } as unknown as HandlerDeps;
    return { handlers: createHandlers(deps), noted };
  }

  it("a content script notes its own platform's figures", async () => {
    const { handlers, noted } = setup();
    await handlers.notePlatformLeads({ request, rows: [{ id: '120210000000001', name: 'Lead Gen Nordics', leads: 120 }] }, metaPage);
    expect(noted).toEqual([[request, [{ id: '120210000000001', name: 'Lead Gen Nordics', leads: 120 }]]]);
  });

  it("refuses another platform's figures, malformed rows, and reading them back from a page", async () => {
    const { handlers, noted } = setup();
    const row = { id: '1', name: 'A', leads: 1 };
    const refused = [
      handlers.notePlatformLeads({ request: { ...request, platform: 'google_ads' }, rows: [row] }, metaPage),
      handlers.notePlatformLeads({ request, rows: [{ ...row, leads: -1 }] }, metaPage),
      handlers.notePlatformLeads({ request, rows: [{ ...row, leads: Number.NaN }] }, metaPage),
      handlers.notePlatformLeads({ request, rows: [{ ...row, id: '<img>' }] }, metaPage),
      handlers.notePlatformLeads({ request, rows: [{ ...row, extra: 1 }] } as never, metaPage),
      handlers.notePlatformLeads({ request, rows: Array.from({ length: 1001 }, () => row) }, metaPage),
      handlers.getPlatformLeads({ level: 'campaign', from: request.from, to: request.to }, metaPage),
    ];
    for (const attempt of refused) await expect(attempt).rejects.toBeInstanceOf(RefusedMessageError);
    expect(noted).toEqual([]);
    await expect(handlers.getPlatformLeads({ level: 'campaign', from: request.from, to: request.to }, dashboard)).resolves.toEqual([]);
  });
});

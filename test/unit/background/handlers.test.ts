/** The background's message handlers: who may ask, what they answer, and that the key stays inside. */
import { describe, expect, it } from 'vitest';
import type { FunnelService } from '../../../utils/background/funnel-service';
import type { Connection } from '../../../utils/background/connection';
import { createHandlers, RefusedMessageError, type HandlerDeps } from '../../../utils/background/handlers';
import { fromWire, type FunnelRequest } from '../../../utils/messaging';
import { DEFAULT_SETTINGS, readSettings, updateSettings } from '../../../utils/settings/settings';

const EXTENSION_ID = 'funnel-lens-test-id';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const SECRET = 'sk_live_very-secret-key';
/** The dashboard: an extension page in tab 7. */
const self = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}dashboard.html#campaigns`, tab: { id: 7 } };
const popup = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html` };
/** Our content script on a Meta Ads Manager page: same extension ID, the page's URL. */
const metaContentScript = { id: EXTENSION_ID, url: 'https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=1', tab: { id: 9 } };
const request: FunnelRequest = { platform: 'meta_ads', level: 'campaign', accountId: '1', from: '2026-10-01', to: '2026-10-31' };

function setup(overrides: Partial<HandlerDeps> = {}) {
  let connection: Connection | null = null;
  const calls = { clearAll: 0, notifyAll: 0, getMeta: [] as Array<[string, string]>, subscribed: [] as Array<number | undefined> };
  const service = {
    getFunnel: async () => ({ ok: false, error: { kind: 'not_configured' } }),
    clearAll: async () => void calls.clearAll++,
    expireAll: () => undefined,
  } as unknown as FunnelService;
  const deps: HandlerDeps = {
    extensionId: EXTENSION_ID,
    service,
    readSettings,
    updateSettings,
    extensionOrigin: EXTENSION_ORIGIN,
    readConnection: async () => connection,
    writeConnection: async (c) => void (connection = c),
    readOutcomes: async () => ({}),
    clearOutcomes: async () => undefined,
    hasOriginPermission: async () => true,
    getMeta: async (baseUrl, apiKey) => {
      calls.getMeta.push([baseUrl, apiKey]);
      return { name: 'Acme CRM', currency: 'EUR', stages: [{ key: 'lead', label: 'Lead' }] };
    },
    subscribe: (_r, tabId) => void calls.subscribed.push(tabId),
    notifyAll: () => void calls.notifyAll++,
    ...overrides,
  };
  return { handlers: createHandlers(deps), calls, key: () => connection?.apiKey ?? null, connection: () => connection };
}

describe('background message handlers', () => {
  it('refuse messages from anything but this extension', async () => {
    const { handlers } = setup();
    await expect(handlers.getFunnel(request, { id: 'another-extension', url: popup.url })).rejects.toBeInstanceOf(RefusedMessageError);
    await expect(handlers.getStatus(undefined, {})).rejects.toBeInstanceOf(RefusedMessageError);
    await expect(handlers.saveConnection({ baseUrl: 'https://evil.example', apiKey: 'x' }, { id: 'x' })).rejects.toBeInstanceOf(RefusedMessageError);
    // Our own ID but no URL, or a page no content script of ours runs on.
    await expect(handlers.getStatus(undefined, { id: EXTENSION_ID })).rejects.toBeInstanceOf(RefusedMessageError);
    await expect(
      handlers.getFunnel(request, { id: EXTENSION_ID, url: 'https://adsmanager.facebook.com.evil.example/adsmanager/', tab: { id: 3 } }),
    ).rejects.toBeInstanceOf(RefusedMessageError);
  });

  it('answer a content script getFunnel only, and nothing that reads or changes the connection or settings', async () => {
    const { handlers, calls, connection } = setup();
    await handlers.saveConnection({ baseUrl: 'https://stats.example.com', apiKey: SECRET }, popup);
    const before = { connection: connection(), settings: await readSettings(), clearAll: calls.clearAll, notifyAll: calls.notifyAll };

    expect((await handlers.getFunnel(request, metaContentScript)).ok).toBe(false); // the fake service's not_configured
    const refused = [
      handlers.getStatus(undefined, metaContentScript),
      handlers.testConnection({ baseUrl: 'http://localhost:4444', apiKey: '' }, metaContentScript),
      handlers.saveConnection({ baseUrl: null, apiKey: '' }, metaContentScript),
      handlers.saveConnection({ baseUrl: 'https://evil.example', apiKey: 'x' }, metaContentScript),
      handlers.updateSettings({ minMql: 999 }, metaContentScript),
      handlers.refreshNow(undefined, metaContentScript),
      handlers.clearCache(undefined, metaContentScript),
    ];
    for (const attempt of refused) await expect(attempt).rejects.toBeInstanceOf(RefusedMessageError);
    expect({ connection: connection(), settings: await readSettings(), clearAll: calls.clearAll, notifyAll: calls.notifyAll }).toEqual(before);
    expect(calls.getMeta).toEqual([]);
  });

  it("take a content script's platform from its page, and parse its query strictly", async () => {
    const { handlers, calls } = setup();
    await expect(handlers.getFunnel({ ...request, platform: 'google_ads' }, metaContentScript)).rejects.toBeInstanceOf(RefusedMessageError);
    const malformed: unknown[] = [
      { ...request, accountId: '12; DROP' },
      { ...request, from: 'yesterday' },
      { ...request, level: 'everything' },
      { ...request, extra: 'field' },
      { ...request, accountId: undefined },
      null,
    ];
    for (const data of malformed) {
      await expect(handlers.getFunnel(data as FunnelRequest, metaContentScript)).rejects.toBeInstanceOf(RefusedMessageError);
    }
    expect(calls.subscribed).toEqual([]);
    // Extension pages (popup, dashboard) compare channels, so they may ask for any platform.
    await handlers.getFunnel({ ...request, platform: 'google_ads' }, popup);
    await handlers.getFunnel({ ...request, platform: 'linkedin_ads' }, self);
    expect(calls.subscribed).toEqual([undefined, 7]);
  });

  it("refuse a settings patch that carries anything but the settings' own fields, such as an API URL", async () => {
    const { handlers, calls } = setup();
    const patches: unknown[] = [
      { apiBaseUrl: 'https://evil.example' },
      { minMql: 20, apiBaseUrl: 'https://evil.example' },
      { minMql: 20, apiKey: 'x' },
      { minMql: -1 },
    ];
    for (const patch of patches) {
      await expect(handlers.updateSettings(patch as { minMql: number }, self)).rejects.toBeInstanceOf(RefusedMessageError);
    }
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(calls.notifyAll).toBe(0);
  });

  it('remember which tab asked for a funnel, so it can be told about fresher data', async () => {
    const { handlers, calls } = setup();
    await handlers.getFunnel(request, self);
    expect(calls.subscribed).toEqual([7]);
    await handlers.getFunnel(request, metaContentScript);
    expect(calls.subscribed).toEqual([7, 9]);
  });

  it('send funnel rows as columns that decode to the rows the service answered', async () => {
    const rows = [
      { id: '1', name: 'A', leads: 10, mql: 5, sql: 2, meetings: 1, won: 1, lost: 2, revenue: 900, spend: 120.5 },
      { name: 'B only by name', leads: 3, mql: 1, sql: 0, meetings: 0, won: 0, lost: 0, revenue: 0 },
    ];
    const answer = {
      ok: true,
      source: 'api',
      sourceName: 'Acme CRM',
      currency: 'EUR',
      stages: [],
      asOf: '2026-11-01T00:00:00Z',
      fetchedAt: 1,
      stale: false,
      rows,
      problems: [],
      problemCount: 0,
      refreshError: null,
      display: { minMql: 20, compareRule: 'interval' },
    } as const;
    const { handlers } = setup({ service: { getFunnel: async () => answer } as unknown as FunnelService });
    const wire = await handlers.getFunnel(request, self);
    expect(wire.ok && Array.isArray(wire.rows)).toBe(false);
    expect(fromWire(JSON.parse(JSON.stringify(wire)))).toEqual(answer);
  });

  it('save URL and key, clear the old source, and never hand the key back', async () => {
    const { handlers, calls, key } = setup();
    const status = await handlers.saveConnection({ baseUrl: 'https://stats.example.com/funnel-lens/', apiKey: ` ${SECRET} ` }, self);
    expect(key()).toBe(SECRET);
    expect(status).toMatchObject({ configured: true, hasKey: true, apiBaseUrl: 'https://stats.example.com/funnel-lens' });
    expect(JSON.stringify(status)).not.toContain(SECRET);
    expect(JSON.stringify(await handlers.getStatus(undefined, self))).not.toContain(SECRET);
    expect(calls.clearAll).toBe(1);
  });

  it('keep the saved key when the key field is left blank, and do not clear the cache for nothing', async () => {
    const { handlers, calls, key } = setup();
    await handlers.saveConnection({ baseUrl: 'https://stats.example.com', apiKey: SECRET }, self);
    await handlers.saveConnection({ baseUrl: 'https://stats.example.com', apiKey: '' }, self);
    expect(key()).toBe(SECRET);
    expect(calls.clearAll).toBe(1);
    await handlers.saveConnection({ baseUrl: 'https://stats.example.com/v2-prefix', apiKey: '' }, self);
    expect(key()).toBe(SECRET);
    expect(calls.clearAll).toBe(2);
  });

  it('never carry a saved key to another origin: a blank key for a new origin is refused, and testing it sends nothing', async () => {
    const { handlers, calls, connection } = setup();
    await handlers.saveConnection({ baseUrl: 'https://stats.example.com', apiKey: SECRET }, self);
    for (const elsewhere of ['https://other.example.com', 'https://stats.example.com:8443', 'http://localhost:9999']) {
      await expect(handlers.saveConnection({ baseUrl: elsewhere, apiKey: '' }, self)).rejects.toBeInstanceOf(RefusedMessageError);
      expect(await handlers.testConnection({ baseUrl: elsewhere, apiKey: '' }, self)).toEqual({ ok: false, error: { kind: 'not_configured' } });
    }
    expect(connection()).toEqual({ baseUrl: 'https://stats.example.com', apiKey: SECRET });
    expect(calls.getMeta).toEqual([]);
  });

  it('disconnect: back to demo data, the key deleted', async () => {
    const { handlers, key } = setup();
    await handlers.saveConnection({ baseUrl: 'https://stats.example.com', apiKey: SECRET }, self);
    const status = await handlers.saveConnection({ baseUrl: null, apiKey: '' }, self);
    expect(key()).toBeNull();
    expect(status).toMatchObject({ configured: false, hasKey: false, apiBaseUrl: null });
  });

  it('refuse to save a URL the contract does not allow (plain http to a remote host)', async () => {
    const { handlers, connection } = setup();
    await expect(handlers.saveConnection({ baseUrl: 'http://stats.example.com', apiKey: SECRET }, self)).rejects.toBeInstanceOf(RefusedMessageError);
    expect(connection()).toBeNull();
  });

  it('test the connection with the typed key, or the saved one when blank; nothing sent without permission', async () => {
    const { handlers, calls } = setup();
    const result = await handlers.testConnection({ baseUrl: 'https://stats.example.com', apiKey: 'typed-key' }, self);
    expect(result).toEqual({ ok: true, meta: expect.objectContaining({ name: 'Acme CRM' }) });
    expect(calls.getMeta).toEqual([['https://stats.example.com/', 'typed-key']]);

    await handlers.saveConnection({ baseUrl: 'https://stats.example.com', apiKey: SECRET }, self);
    await handlers.testConnection({ baseUrl: 'https://stats.example.com', apiKey: '' }, self);
    expect(calls.getMeta.at(-1)?.[1]).toBe(SECRET);

    const denied = setup({ hasOriginPermission: async () => false });
    expect(await denied.handlers.testConnection({ baseUrl: 'https://stats.example.com', apiKey: 'k' }, self)).toEqual({
      ok: false,
      error: { kind: 'permission_missing' },
    });
    expect(denied.calls.getMeta).toHaveLength(0);
  });

  it('turn a failing /v1/meta into a typed error without the key in it', async () => {
    const { handlers } = setup({
      getMeta: async () => {
        throw Object.assign(new Error(`refused ${SECRET}`), { kind: 'unauthorized', status: 401 });
      },
    });
    const result = await handlers.testConnection({ baseUrl: 'https://stats.example.com', apiKey: SECRET }, self);
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized', status: 401 } });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('tell every tab to ask again after a settings change, a refresh or a cleared cache', async () => {
    const { handlers, calls } = setup();
    await handlers.updateSettings({ minMql: 20 }, self);
    expect((await readSettings()).minMql).toBe(20);
    await handlers.refreshNow(undefined, self);
    await handlers.clearCache(undefined, self);
    expect(calls.notifyAll).toBe(3);
  });

  it("inject the on-demand UI only into the asking content script's own tab and frame, for its own platform", async () => {
    const injected: Array<[number, number]> = [];
    const { handlers } = setup({ injectOverlayUi: async (tabId, frameId) => void injected.push([tabId, frameId]) });
    await handlers.loadOverlayUi('meta_ads', { ...metaContentScript, frameId: 3 });
    expect(injected).toEqual([[9, 3]]);
    // Another platform than its page's, no frame, an extension page, or anything that is no platform: refused.
    await expect(handlers.loadOverlayUi('google_ads', { ...metaContentScript, frameId: 0 })).rejects.toBeInstanceOf(RefusedMessageError);
    await expect(handlers.loadOverlayUi('meta_ads', metaContentScript)).rejects.toBeInstanceOf(RefusedMessageError);
    await expect(handlers.loadOverlayUi('meta_ads', { ...self, frameId: 0 })).rejects.toBeInstanceOf(RefusedMessageError);
    await expect(handlers.loadOverlayUi('meta_ads/../x' as never, { ...metaContentScript, frameId: 0 })).rejects.toBeInstanceOf(RefusedMessageError);
    expect(injected).toEqual([[9, 3]]);
  });
});

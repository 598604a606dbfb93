/**
 * The background service worker: wires the funnel service to storage, the API client, the
 * permissions API and messaging. `registerBackground` is synchronous and registers every
 * listener at once, as MV3 requires for a worker that is stopped and restarted at will.
 */
import { browser } from 'wxt/browser';
import { createApiClient, validateBaseUrl } from '../api/client';
import { toApiError } from '../api/errors';
import { PLATFORMS } from '../api/schema';
import { DEMO_META, demoFunnel } from '../demo/dataset';
import type { FunnelRequest, StatusReport } from '../messaging';
import { funnelRequestKey, messaging, onMessage } from '../messaging';
import { readSettings, updateSettings } from '../settings/settings';
import { readApiKey, writeApiKey } from './api-key';
import { FunnelLensDB } from './cache-db';
import { FunnelService } from './funnel-service';
import { originPattern } from './permissions';
import { outcomesItem, recordPlatformOutcome } from './status';

/** Tabs that showed a request, so they can be told when fresher data lands. */
const subscribers = new Map<string, Set<number>>();

function subscribe(request: FunnelRequest, tabId: number | undefined): void {
  if (tabId === undefined || tabId < 0) return;
  const key = funnelRequestKey(request);
  const tabs = subscribers.get(key) ?? new Set<number>();
  tabs.add(tabId);
  subscribers.set(key, tabs);
}

function notifyTabs(request: FunnelRequest): void {
  const key = funnelRequestKey(request);
  for (const tabId of subscribers.get(key) ?? []) {
    // A tab that navigated away has no listener; forget it instead of logging an error.
    messaging.sendMessage('funnelChanged', request, tabId).catch(() => subscribers.get(key)?.delete(tabId));
  }
}

async function hasOriginPermission(baseUrl: string): Promise<boolean> {
  const pattern = originPattern(baseUrl);
  return pattern !== null && browser.permissions.contains({ origins: [pattern] });
}

export const service = new FunnelService({
  db: new FunnelLensDB(),
  readSettings,
  readApiKey,
  createApi: (baseUrl, apiKey) => createApiClient({ baseUrl, apiKey }),
  hasOriginPermission,
  demoMeta: DEMO_META,
  demoFunnel,
  notify: notifyTabs,
  recordOutcome: (request, outcome) => void recordPlatformOutcome(request.platform, outcome),
  now: () => Date.now(),
});

async function statusReport(): Promise<StatusReport> {
  const [settings, apiKey, outcomes] = await Promise.all([readSettings(), readApiKey(), outcomesItem.getValue()]);
  const platforms = Object.fromEntries(
    PLATFORMS.map((p) => [
      p,
      {
        enabled: settings.enabledPlatforms[p] !== false,
        lastUpdate: outcomes[p]?.lastUpdate ?? null,
        lastError: outcomes[p]?.lastError ?? null,
      },
    ]),
  ) as StatusReport['platforms'];
  return { configured: settings.apiBaseUrl !== null, apiBaseUrl: settings.apiBaseUrl, hasKey: Boolean(apiKey), settings, platforms };
}

/** Only this extension's own pages and content scripts may ask; never a web page. */
function fromThisExtension(sender: { id?: string }): boolean {
  return sender.id === browser.runtime.id;
}

function refuse(): never {
  throw new Error('Funnel Lens: message refused');
}

export function registerBackground(): void {
  onMessage('getFunnel', ({ data, sender }) => {
    if (!fromThisExtension(sender)) refuse();
    subscribe(data, sender.tab?.id);
    return service.getFunnel(data);
  });

  onMessage('getStatus', ({ sender }) => {
    if (!fromThisExtension(sender)) refuse();
    return statusReport();
  });

  onMessage('testConnection', async ({ data, sender }) => {
    if (!fromThisExtension(sender)) refuse();
    const valid = validateBaseUrl(data.baseUrl);
    if (!valid.ok) return { ok: false, error: { kind: 'not_configured' } };
    const apiKey = data.apiKey.trim() || (await readApiKey());
    if (!apiKey) return { ok: false, error: { kind: 'not_configured' } };
    if (!(await hasOriginPermission(valid.url.href))) return { ok: false, error: { kind: 'permission_missing' } };
    try {
      const meta = await createApiClient({ baseUrl: valid.url.href, apiKey }).getMeta();
      return { ok: true, meta };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  });

  onMessage('saveConnection', async ({ data, sender }) => {
    if (!fromThisExtension(sender)) refuse();
    const before = await readSettings();
    const newKey = data.apiKey.trim();
    let baseUrl: string | null = null;
    if (data.baseUrl !== null) {
      const valid = validateBaseUrl(data.baseUrl);
      if (!valid.ok) refuse();
      baseUrl = valid.url.href.replace(/\/+$/, '');
    }
    if (baseUrl === null) await writeApiKey(null);
    else if (newKey) await writeApiKey(newKey);
    await updateSettings({ apiBaseUrl: baseUrl });
    if (before.apiBaseUrl !== baseUrl || newKey) {
      await service.clearAll();
      await outcomesItem.setValue({});
    }
    return statusReport();
  });

  onMessage('updateSettings', async ({ data, sender }) => {
    if (!fromThisExtension(sender)) refuse();
    await updateSettings(data);
    return statusReport();
  });

  onMessage('refreshNow', ({ sender }) => {
    if (!fromThisExtension(sender)) refuse();
    service.expireAll();
    for (const key of subscribers.keys()) {
      const [platform, account, level, from, to] = key.split('|') as [FunnelRequest['platform'], string, FunnelRequest['level'], string, string];
      notifyTabs({ platform, accountId: account === '*' ? null : account, level, from, to });
    }
    return statusReport();
  });

  onMessage('clearCache', async ({ sender }) => {
    if (!fromThisExtension(sender)) refuse();
    await service.clearAll();
  });

  void service.sweep().catch(() => undefined);
}

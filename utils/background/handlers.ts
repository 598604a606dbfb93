/**
 * What the background answers to each message of the protocol map, as plain functions of
 * (data, sender), so unit tests call them directly; main.ts only wires them to messaging.
 */
import { createApiClient, validateBaseUrl } from '../api/client';
import { toApiError } from '../api/errors';
import { PLATFORMS } from '../api/constants';
import type { MetaResponse } from '../api/schema';
import { packRows } from '../api/row-columns';
import type { ConnectionResult, FunnelRequest, FunnelWireAnswer, ProtocolMap, StatusReport } from '../messaging';
import type { Settings } from '../settings/settings';
import type { FunnelService } from './funnel-service';
import type { OutcomeByPlatform } from './status';

export interface Sender {
  id?: string;
  tab?: { id?: number };
}

export interface HandlerDeps {
  extensionId: string;
  service: FunnelService;
  readSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  readApiKey(): Promise<string | null>;
  writeApiKey(key: string | null): Promise<void>;
  readOutcomes(): Promise<OutcomeByPlatform>;
  clearOutcomes(): Promise<void>;
  hasOriginPermission(baseUrl: string): Promise<boolean>;
  getMeta(baseUrl: string, apiKey: string): Promise<MetaResponse>;
  /** A tab showed this request: tell it when fresher data lands. */
  subscribe(request: FunnelRequest, tabId: number | undefined): void;
  /** "Refresh now": every subscribed tab asks again. */
  notifyAll(): void;
}

export class RefusedMessageError extends Error {
  constructor() {
    super('Funnel Lens: message refused');
  }
}

type Handler<K extends keyof ProtocolMap> = (
  data: Parameters<ProtocolMap[K]>[0],
  sender: Sender,
) => Promise<ReturnType<ProtocolMap[K]>>;

export type Handlers = { [K in keyof ProtocolMap]: Handler<K> };

export function createHandlers(deps: HandlerDeps): Omit<Handlers, 'funnelChanged'> {
  /** Only this extension's own pages and content scripts may ask; never a web page or another extension. */
  const guard = (sender: Sender) => {
    if (sender.id !== deps.extensionId) throw new RefusedMessageError();
  };

  const statusReport = async (): Promise<StatusReport> => {
    const [settings, apiKey, outcomes] = await Promise.all([deps.readSettings(), deps.readApiKey(), deps.readOutcomes()]);
    const platforms = Object.fromEntries(
      PLATFORMS.map((p) => [
        p,
        { enabled: settings.enabledPlatforms[p] !== false, lastUpdate: outcomes[p]?.lastUpdate ?? null, lastError: outcomes[p]?.lastError ?? null },
      ]),
    ) as StatusReport['platforms'];
    // The key itself never leaves the background: the status says only whether there is one.
    return { configured: settings.apiBaseUrl !== null, apiBaseUrl: settings.apiBaseUrl, hasKey: Boolean(apiKey), settings, platforms };
  };

  return {
    async getFunnel(data, sender): Promise<FunnelWireAnswer> {
      guard(sender);
      deps.subscribe(data, sender.tab?.id);
      const answer = await deps.service.getFunnel(data);
      return answer.ok ? { ...answer, rows: packRows(answer.rows) } : answer;
    },

    async getStatus(_data, sender) {
      guard(sender);
      return statusReport();
    },

    async testConnection(data, sender): Promise<ConnectionResult> {
      guard(sender);
      const valid = validateBaseUrl(data.baseUrl);
      if (!valid.ok) return { ok: false, error: { kind: 'not_configured' } };
      const apiKey = data.apiKey.trim() || (await deps.readApiKey());
      if (!apiKey) return { ok: false, error: { kind: 'not_configured' } };
      if (!(await deps.hasOriginPermission(valid.url.href))) return { ok: false, error: { kind: 'permission_missing' } };
      try {
        return { ok: true, meta: await deps.getMeta(valid.url.href, apiKey) };
      } catch (error) {
        return { ok: false, error: toApiError(error) };
      }
    },

    async saveConnection(data, sender) {
      guard(sender);
      const before = await deps.readSettings();
      const newKey = data.apiKey.trim();
      let baseUrl: string | null = null;
      if (data.baseUrl !== null) {
        const valid = validateBaseUrl(data.baseUrl);
        if (!valid.ok) throw new RefusedMessageError();
        baseUrl = valid.url.href.replace(/\/+$/, '');
      }
      if (baseUrl === null) await deps.writeApiKey(null);
      else if (newKey) await deps.writeApiKey(newKey);
      await deps.updateSettings({ apiBaseUrl: baseUrl });
      // A new URL or key: nothing from the old source may be shown again.
      if (before.apiBaseUrl !== baseUrl || newKey) {
        await deps.service.clearAll();
        await deps.clearOutcomes();
        deps.notifyAll();
      }
      return statusReport();
    },

    async updateSettings(data, sender) {
      guard(sender);
      await deps.updateSettings(data);
      deps.notifyAll();
      return statusReport();
    },

    async refreshNow(_data, sender) {
      guard(sender);
      deps.service.expireAll();
      deps.notifyAll();
      return statusReport();
    },

    async clearCache(_data, sender) {
      guard(sender);
      await deps.service.clearAll();
      deps.notifyAll();
    },
  };
}

export function createMetaFetcher() {
  return (baseUrl: string, apiKey: string) => createApiClient({ baseUrl, apiKey }).getMeta();
}

/**
 * What the background answers to each message of the protocol map, as plain functions of
 * (data, sender), so unit tests call them directly; main.ts only wires them to messaging.
 * Who may send what is decided once, in `createHandlers`, from the sender (see access.ts).
 */
import { createApiClient, validateBaseUrl } from '../api/client';
import { toApiError } from '../api/errors';
import { PLATFORMS } from '../api/constants';
import { FunnelQuerySchema, FunnelRowSchema, MAX_NAME_LENGTH, type MetaResponse } from '../api/schema';
import { MAX_PLATFORM_LEADS_PER_NOTE, type PlatformLeadsStore } from './platform-leads-store';
import { z } from '../api/zod';
import { packRows } from '../api/row-columns';
import type { ConnectionResult, FunnelRequest, FunnelWireAnswer, ProtocolMap, StatusReport } from '../messaging';
import { SettingsPatchSchema, type Settings, type SettingsPatch } from '../settings/settings';
import { classifySender, RefusedMessageError, type Caller, type Sender } from './access';
import type { Connection } from './connection';
import type { ImportInfo } from '../import/import-db';
import type { FunnelService } from './funnel-service';
import type { OutcomeByPlatform } from './status';
import { TabRangeChoiceSchema, type TabRanges } from './tab-ranges';

export { RefusedMessageError, type Sender };

export interface HandlerDeps {
  extensionId: string;
  /** `browser.runtime.getURL('/')`: extension pages' URLs start with it. */
  extensionOrigin: string;
  service: FunnelService;
  readSettings(): Promise<Settings>;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  readConnection(): Promise<Connection | null>;
  writeConnection(connection: Connection | null): Promise<void>;
  readOutcomes(): Promise<OutcomeByPlatform>;
  clearOutcomes(): Promise<void>;
  hasOriginPermission(baseUrl: string): Promise<boolean>;
  getMeta(baseUrl: string, apiKey: string): Promise<MetaResponse>;
  /** A tab showed this request: tell it when fresher data lands. */
  subscribe(request: FunnelRequest, tabId: number | undefined): void;
  /** "Refresh now": every subscribed tab asks again. */
  notifyAll(): void;
  /** The imported CRM export (absent in tests that do not need it). */
  imports?: ImportControl;
  /** The lead counts read on ad pages (absent in tests that do not need it). */
  platformLeads?: Pick<PlatformLeadsStore, 'note' | 'list'>;
  /** The range each tab's user picked in the summary (absent in tests that do not need it). */
  tabRanges?: TabRanges;
}

export interface ImportControl {
  info(): Promise<ImportInfo | null>;
  /** Forget what is cached in memory: the import worker wrote a new import. */
  forget(): void;
  /** Delete every imported lead record. */
  delete(): Promise<void>;
}

/** A getFunnel request as it must look; anything else is refused before it reaches the service. */
const FunnelRequestSchema = z
  .object({
    platform: FunnelQuerySchema.shape.platform,
    level: FunnelQuerySchema.shape.level,
    accountId: FunnelQuerySchema.shape.account_id.unwrap().nullable(),
    from: FunnelQuerySchema.shape.from,
    to: FunnelQuerySchema.shape.to,
  })
  .strict();

/** The only messages a content script may send. */
const CONTENT_SCRIPT_MESSAGES: ReadonlySet<string> = new Set(['getFunnel', 'notePlatformLeads', 'getTabRange', 'setTabRange']);

/**
 * Lead counts a page's rows showed. The page is hostile: IDs and names as the funnel rows allow
 * them, counts finite and not negative, a bounded number of rows, and nothing else.
 */
const PlatformLeadsNoteSchema = z
  .object({
    request: FunnelRequestSchema,
    rows: z
      .array(z.object({ id: FunnelRowSchema.shape.id.unwrap().nullable(), name: z.string().trim().min(1).max(MAX_NAME_LENGTH), leads: z.number().finite().nonnegative().max(1e9) }).strict())
      .max(MAX_PLATFORM_LEADS_PER_NOTE),
  })
  .strict();
const PlatformLeadsQuerySchema = z.object({ level: FunnelQuerySchema.shape.level, from: FunnelQuerySchema.shape.from, to: FunnelQuerySchema.shape.to }).strict();

type Handler<K extends keyof ProtocolMap> = (
  data: Parameters<ProtocolMap[K]>[0],
  sender: Sender,
) => Promise<ReturnType<ProtocolMap[K]>>;

export type Handlers = { [K in keyof ProtocolMap]: Handler<K> };
// Messages to a tab's content script, which the background neither sends nor answers here.
type BackgroundHandlers = Omit<Handlers, 'funnelChanged' | 'pageHealth'>;
type CallerHandlers = {
  [K in keyof BackgroundHandlers]: (data: Parameters<ProtocolMap[K]>[0], caller: Caller) => Promise<ReturnType<ProtocolMap[K]>>;
};

/** Parses with zod; a message that does not parse is refused, never half used. */
function parseOrRefuse<T>(schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new RefusedMessageError();
  return parsed.data;
}

/** Same scheme, host and port: a saved key may be reused there, and nowhere else. */
function sameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}

export function createHandlers(deps: HandlerDeps): BackgroundHandlers {
  const statusReport = async (): Promise<StatusReport> => {
    const [settings, connection, outcomes, importInfo] = await Promise.all([
      deps.readSettings(), deps.readConnection(), deps.readOutcomes(), deps.imports?.info() ?? null,
    ]);
    const platforms = Object.fromEntries(
      PLATFORMS.map((p) => [
        p,
        { enabled: settings.enabledPlatforms[p] !== false, lastUpdate: outcomes[p]?.lastUpdate ?? null, lastError: outcomes[p]?.lastError ?? null },
      ]),
    ) as StatusReport['platforms'];
    // The key itself never leaves the background: the status says only whether there is one.
    return { configured: connection !== null, apiBaseUrl: connection?.baseUrl ?? null, hasKey: connection !== null, settings, platforms, importInfo };
  };

  const handlers: CallerHandlers = {
    async getFunnel(data, caller): Promise<FunnelWireAnswer> {
      const request = parseOrRefuse(FunnelRequestSchema, data);
      // A content script asks for its own ad manager only: the platform is the page's, not the message's.
      if (caller.kind === 'content_script' && request.platform !== caller.platform) throw new RefusedMessageError();
      deps.subscribe(request, caller.tabId);
      const answer = await deps.service.getFunnel(request);
      return answer.ok ? { ...answer, rows: packRows(answer.rows) } : answer;
    },

    async notePlatformLeads(data, caller) {
      const note = parseOrRefuse(PlatformLeadsNoteSchema, data);
      // As for getFunnel: a content script speaks for its own ad manager only.
      if (caller.kind === 'content_script' && note.request.platform !== caller.platform) throw new RefusedMessageError();
      await deps.platformLeads?.note(note.request, note.rows);
    },

    async getPlatformLeads(data) {
      const query = parseOrRefuse(PlatformLeadsQuerySchema, data);
      return (await deps.platformLeads?.list(query.level, query.from, query.to)) ?? [];
    },

    // A tab's own choice only: the tab is the sender's, which the page cannot choose.
    async getTabRange(_data, caller) {
      if (caller.kind !== 'content_script' || caller.tabId === undefined) throw new RefusedMessageError();
      return (await deps.tabRanges?.get(caller.tabId)) ?? null;
    },

    async setTabRange(data, caller) {
      if (caller.kind !== 'content_script' || caller.tabId === undefined) throw new RefusedMessageError();
      await deps.tabRanges?.set(caller.tabId, data === null ? null : parseOrRefuse(TabRangeChoiceSchema, data));
    },

    async getStatus() {
      return statusReport();
    },

    async testConnection(data): Promise<ConnectionResult> {
      const input = parseOrRefuse(z.object({ baseUrl: z.string(), apiKey: z.string() }).strict(), data);
      const valid = validateBaseUrl(input.baseUrl);
      if (!valid.ok) return { ok: false, error: { kind: 'not_configured' } };
      const saved = await deps.readConnection();
      // A blank key means "the saved one", and only for the origin it was saved for.
      const apiKey = input.apiKey.trim() || (saved && sameOrigin(saved.baseUrl, valid.url.href) ? saved.apiKey : '');
      if (!apiKey) return { ok: false, error: { kind: 'not_configured' } };
      if (!(await deps.hasOriginPermission(valid.url.href))) return { ok: false, error: { kind: 'permission_missing' } };
      try {
        return { ok: true, meta: await deps.getMeta(valid.url.href, apiKey) };
      } catch (error) {
        return { ok: false, error: toApiError(error) };
      }
    },

    async saveConnection(data) {
      const input = parseOrRefuse(z.object({ baseUrl: z.string().nullable(), apiKey: z.string() }).strict(), data);
      const before = await deps.readConnection();
      const newKey = input.apiKey.trim();
      let next: Connection | null = null;
      if (input.baseUrl !== null) {
        const valid = validateBaseUrl(input.baseUrl);
        if (!valid.ok) throw new RefusedMessageError();
        const baseUrl = valid.url.href.replace(/\/+$/, '');
        // A blank key keeps the saved one, but never carries it to another origin.
        const apiKey = newKey || (before && sameOrigin(before.baseUrl, baseUrl) ? before.apiKey : '');
        if (!apiKey) throw new RefusedMessageError();
        next = { baseUrl, apiKey };
      }
      await deps.writeConnection(next);
      // Connecting an API is choosing it as the source.
      if (next !== null) await deps.updateSettings({ dataSource: 'api' });
      // A new URL or key: nothing from the old source may be shown again.
      if (before?.baseUrl !== next?.baseUrl || newKey) {
        await deps.service.clearAll();
        await deps.clearOutcomes();
        deps.notifyAll();
      }
      return statusReport();
    },

    async updateSettings(data) {
      await deps.updateSettings(parseOrRefuse(SettingsPatchSchema, data));
      deps.notifyAll();
      return statusReport();
    },

    async refreshNow() {
      deps.service.expireAll();
      deps.notifyAll();
      return statusReport();
    },

    async clearCache() {
      await deps.service.clearAll();
      deps.notifyAll();
    },

    async importChanged() {
      deps.imports?.forget();
      await deps.updateSettings({ dataSource: 'import' });
      deps.notifyAll();
      return statusReport();
    },

    async deleteImport() {
      await deps.imports?.delete();
      deps.imports?.forget();
      if ((await deps.readSettings()).dataSource === 'import') await deps.updateSettings({ dataSource: 'api' });
      deps.notifyAll();
      return statusReport();
    },
  };

  // The one access check: every message is classified by its sender before its handler runs.
  const checked = {} as Record<string, (data: unknown, sender: Sender) => Promise<unknown>>;
  for (const [type, handler] of Object.entries(handlers) as Array<[string, (data: unknown, caller: Caller) => Promise<unknown>]>) {
    checked[type] = async (data, sender) => {
      const caller = classifySender(sender, deps.extensionId, deps.extensionOrigin);
      if (caller.kind !== 'extension_page' && !CONTENT_SCRIPT_MESSAGES.has(type)) throw new RefusedMessageError();
      return handler(data, caller);
    };
  }
  return checked as unknown as BackgroundHandlers;
}

export function createMetaFetcher() {
  return (baseUrl: string, apiKey: string) => createApiClient({ baseUrl, apiKey }).getMeta();
}

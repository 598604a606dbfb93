/**
 * What the background answers to each message of the protocol map: one route per message (its
 * schema, whether content scripts may send it, what it does), and the one access check in front
 * of them all (`createHandlers`), as plain functions of (data, sender) so unit tests call them
 * directly; setup.ts registers them with messaging.
 */
import { createApiClient, validateBaseUrl } from '../api/client';
import { toApiError } from '../api/errors';
import { PLATFORMS, type Platform } from '../api/constants';
import { FunnelQuerySchema, FunnelRowSchema, MAX_NAME_LENGTH, type MetaResponse } from '../api/schema';
import { MAX_PLATFORM_LEADS_PER_NOTE, type PlatformLeadsStore } from './platform-leads-store';
import { z } from '../api/zod';
import { packRows } from '../api/row-columns';
import type { ConnectionResult, FunnelRequest, FunnelWireAnswer, ProtocolMap, StatusReport } from '../messaging';
import { SettingsPatchSchema, type Settings, type SettingsPatch } from '../settings/settings';
import { classifySender, RefusedMessageError, type Caller, type Sender } from './access';
import type { Connection } from './connection';
import type { ImportControl } from './imported-leads';
import { MAPPING_FIELDS, PRESET_IDS } from '../import/presets';
import { STAGE_MEANINGS } from '../import/stage-table';
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
  /** Runs the on-demand UI script in that tab's frame, in the content scripts' world (absent in tests that do not need it). */
  injectOverlayUi?(tabId: number, frameId: number): Promise<void>;
}

/** A CSV's header signature (its headers joined): bounded like everything the background stores. */
const MAX_SIGNATURE_LENGTH = 20_000;

/** A saved column mapping as the dashboard sends it: known fields, tables of known meanings, bounded strings. */
const SavedMappingSchema = z
  .object({
    signature: z.string().min(1).max(MAX_SIGNATURE_LENGTH),
    presetId: z.enum(PRESET_IDS).nullable(),
    mapping: z.partialRecord(z.enum(MAPPING_FIELDS), z.string().max(MAX_NAME_LENGTH)),
    platforms: z.record(z.string().max(MAX_NAME_LENGTH), z.enum(PLATFORMS)).optional(),
    stages: z.record(z.string().max(MAX_NAME_LENGTH), z.enum(STAGE_MEANINGS)).optional(),
    savedAt: z.number().finite(),
  })
  .strict();

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

/**
 * Lead counts a page's rows showed. The page is hostile: IDs and names as the funnel rows allow
 * them, counts finite and not negative, a bounded number of rows, and nothing else.
 */
const PlatformLeadsNoteSchema = z
  .object({
    request: FunnelRequestSchema,
    rows: z
      .array(
        z
          .object({
            id: FunnelRowSchema.shape.id.unwrap().nullable(),
            name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
            leads: z.number().finite().nonnegative().max(1e9),
          })
          .strict(),
      )
      .max(MAX_PLATFORM_LEADS_PER_NOTE),
  })
  .strict();
const PlatformLeadsQuerySchema = z
  .object({ level: FunnelQuerySchema.shape.level, from: FunnelQuerySchema.shape.from, to: FunnelQuerySchema.shape.to })
  .strict();

type Handler<K extends keyof ProtocolMap> = (data: Parameters<ProtocolMap[K]>[0], sender: Sender) => Promise<ReturnType<ProtocolMap[K]>>;

export type Handlers = { [K in keyof ProtocolMap]: Handler<K> };
// Messages to a tab's content script, which the background neither sends nor answers here.
type BackgroundHandlers = Omit<Handlers, 'funnelChanged' | 'pageHealth'>;

/**
 * One message as the background answers it: what it must look like, who may send it, and what
 * it does. Extension pages (popup, dashboard) may send every message; our content scripts only
 * those that declare `contentScriptPlatform`, and only for the ad manager they run on.
 */
interface Route<In, Out> {
  /** The message as it must look (zod); left out for messages without data, whose data is ignored. */
  schema?: z.ZodType<In>;
  /** Content scripts may send it too: the platform it speaks for, which must be their page's. */
  contentScriptPlatform?(input: In): Platform;
  /**
   * Only a content script may send it, about its own tab (known from the sender, never from the
   * message): a choice the page's user made there, such as the range for that tab. With
   * `contentScriptPlatform` as well, only for the platform of its page.
   */
  ownTabOnly?: true;
  handle(input: In, caller: Caller): Promise<Out>;
}
type Routes = { [K in keyof BackgroundHandlers]: Route<unknown, ReturnType<ProtocolMap[K]>> };

const route = <In, Out>(r: Route<In, Out>): Route<In, Out> => r;

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

/**
 * The handlers as registered with messaging: each route behind the one access check, applied
 * here once for all of them. The sender is classified (access.ts), a content script is refused
 * what it may not send or a platform not its own, and the data is parsed, before a route runs.
 */
export function createHandlers(deps: HandlerDeps): BackgroundHandlers {
  const routes = createRoutes(deps);
  const checked = {} as Record<string, (data: unknown, sender: Sender) => Promise<unknown>>;
  for (const [type, r] of Object.entries(routes) as Array<[string, Route<unknown, unknown>]>) {
    checked[type] = async (data, sender) => {
      const caller = classifySender(sender, deps.extensionId, deps.extensionOrigin);
      if (r.ownTabOnly) {
        if (caller.kind !== 'content_script' || caller.tabId === undefined) throw new RefusedMessageError();
      } else if (caller.kind !== 'extension_page' && !r.contentScriptPlatform) throw new RefusedMessageError();
      const input = r.schema ? parseOrRefuse(r.schema, data) : undefined;
      if (caller.kind === 'content_script' && r.contentScriptPlatform && r.contentScriptPlatform(input) !== caller.platform) throw new RefusedMessageError();
      return r.handle(input, caller);
    };
  }
  return checked as unknown as BackgroundHandlers;
}

function createRoutes(deps: HandlerDeps): Routes {
  const statusReport = async (): Promise<StatusReport> => {
    const [settings, connection, outcomes, importInfo] = await Promise.all([
      deps.readSettings(),
      deps.readConnection(),
      deps.readOutcomes(),
      deps.imports?.info() ?? null,
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

  return {
    getFunnel: route({
      schema: FunnelRequestSchema,
      // A content script asks for its own ad manager only: the platform is the page's, not the message's.
      contentScriptPlatform: (request) => request.platform,
      async handle(request, caller): Promise<FunnelWireAnswer> {
        deps.subscribe(request, caller.tabId);
        const answer = await deps.service.getFunnel(request);
        return answer.ok ? { ...answer, rows: packRows(answer.rows) } : answer;
      },
    }),

    notePlatformLeads: route({
      schema: PlatformLeadsNoteSchema,
      contentScriptPlatform: (note) => note.request.platform,
      async handle(note) {
        await deps.platformLeads?.note(note.request, note.rows);
      },
    }),

    getPlatformLeads: route({
      schema: PlatformLeadsQuerySchema,
      async handle(query) {
        return (await deps.platformLeads?.list(query.level, query.from, query.to)) ?? [];
      },
    }),

    // A tab's own choice only: the tab is the sender's, which the page cannot choose.
    getTabRange: route({
      ownTabOnly: true,
      async handle(_input, caller) {
        return (await deps.tabRanges?.get(caller.tabId as number)) ?? null;
      },
    }),

    setTabRange: route({
      schema: TabRangeChoiceSchema.nullable(),
      ownTabOnly: true,
      async handle(choice, caller) {
        await deps.tabRanges?.set(caller.tabId as number, choice);
      },
    }),

    // Into the sender's own frame only, for its own platform: the page cannot pick another tab or frame.
    loadOverlayUi: route({
      schema: z.enum(PLATFORMS),
      contentScriptPlatform: (platform) => platform,
      ownTabOnly: true,
      async handle(_platform, caller) {
        if (caller.kind !== 'content_script' || caller.frameId === undefined) throw new RefusedMessageError();
        await deps.injectOverlayUi?.(caller.tabId as number, caller.frameId);
      },
    }),

    getStatus: route({ handle: statusReport }),

    testConnection: route({
      schema: z.object({ baseUrl: z.string(), apiKey: z.string() }).strict(),
      async handle(input): Promise<ConnectionResult> {
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
    }),

    saveConnection: route({
      schema: z.object({ baseUrl: z.string().nullable(), apiKey: z.string() }).strict(),
      async handle(input) {
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
    }),

    updateSettings: route({
      schema: SettingsPatchSchema,
      async handle(patch) {
        await deps.updateSettings(patch);
        deps.notifyAll();
        return statusReport();
      },
    }),

    refreshNow: route({
      async handle() {
        deps.service.expireAll();
        deps.notifyAll();
        return statusReport();
      },
    }),

    clearCache: route({
      async handle() {
        await deps.service.clearAll();
        deps.notifyAll();
      },
    }),

    importChanged: route({
      async handle() {
        deps.imports?.forget();
        await deps.updateSettings({ dataSource: 'import' });
        deps.notifyAll();
        return statusReport();
      },
    }),

    getImportMapping: route({
      schema: z.string().min(1).max(MAX_SIGNATURE_LENGTH),
      async handle(signature) {
        return (await deps.imports?.savedMapping(signature)) ?? null;
      },
    }),

    saveImportMapping: route({
      schema: SavedMappingSchema,
      async handle(mapping) {
        await deps.imports?.saveMapping(mapping);
      },
    }),

    deleteImport: route({
      async handle() {
        await deps.imports?.delete();
        deps.imports?.forget();
        if ((await deps.readSettings()).dataSource === 'import') await deps.updateSettings({ dataSource: 'api' });
        deps.notifyAll();
        return statusReport();
      },
    }),
  };
}

export function createMetaFetcher() {
  return (baseUrl: string, apiKey: string) => createApiClient({ baseUrl, apiKey }).getMeta();
}

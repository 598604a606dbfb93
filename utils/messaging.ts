/**
 * The one protocol map between the background and everything else (content scripts, popup, dashboard).
 * Payloads are plain JSON. The API key never travels in an answer: only the popup's
 * save / test calls carry a key, and only towards the background.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ApiError } from './api/errors';
import type { RowColumns } from './api/row-columns';
import { unpackRows } from './api/row-columns';
import type { FunnelRow, Level, MetaResponse, RowProblem } from './api/schema';
import type { Platform } from './api/constants';
import type { PlatformTargets } from './funnel/targets';
import type { ImportInfo, SavedMapping } from './import/import-db';
import type { Settings, SettingsPatch } from './settings/settings';
import type { PlatformLeadsRecord } from './background/cache-db';
import type { HookHealth } from './overlay/hooks';
import type { TabRangeChoice } from './dates/range-choice';

export interface FunnelRequest {
  platform: Platform;
  level: Level;
  /** Digits only; null when the page did not show it. */
  accountId: string | null;
  from: string;
  to: string;
}

export type DataSource = 'demo' | 'import' | 'api';

/** A campaign's lead count as an ad manager's row showed it (issue 20), handed to the background. */
export interface PlatformLeadsNoteRow {
  id: string | null;
  name: string;
  /** As the platform counts them (Google's conversions may be fractional). */
  leads: number;
}

export interface FunnelData {
  ok: true;
  source: DataSource;
  /** The CRM's name from /v1/meta, "Demo CRM", or the imported file's name. */
  sourceName: string;
  currency: string;
  stages: MetaResponse['stages'];
  asOf: string;
  /** When the background fetched this answer (epoch ms). */
  fetchedAt: number;
  /** Older than the cache TTL; a refresh is under way or failed. */
  stale: boolean;
  rows: FunnelRow[];
  /** The first few rows that broke the contract (see RESPONSE_LIMITS), */
  problems: RowProblem[];
  /** and how many did. */
  problemCount: number;
  /** The last refresh failed: the rows are the last good data. */
  refreshError: ApiError | null;
  /** `targets`: this platform's targets, left out when it has none (see funnel/targets.ts). */
  display: Pick<Settings, 'minMql' | 'compareRule'> & { targets?: PlatformTargets };
}

/** Why there is no data: an API failure, or a state of the extension itself. */
export type FunnelFailure = ApiError | { kind: 'disabled' } | { kind: 'background_unavailable' };

export type FunnelAnswer = FunnelData | { ok: false; error: FunnelFailure };

/** FunnelData as it travels: the rows as columns (see api/row-columns.ts for why). */
type FunnelWireData = Omit<FunnelData, 'rows'> & { rows: RowColumns };
export type FunnelWireAnswer = FunnelWireData | { ok: false; error: FunnelFailure };

export interface PlatformStatus {
  enabled: boolean;
  lastUpdate: number | null;
  lastError: ApiError | null;
}

export interface StatusReport {
  configured: boolean;
  apiBaseUrl: string | null;
  hasKey: boolean;
  settings: Settings;
  platforms: Record<Platform, PlatformStatus>;
  /** The imported CRM export, if any (whether it is in use is `settings.dataSource`). */
  importInfo: ImportInfo | null;
}

export type ConnectionResult = { ok: true; meta: MetaResponse } | { ok: false; error: ApiError };

/** How the overlay in a tab reads its page, for the popup (asked of that tab's content script). */
export interface PageHealthReport {
  platform: Platform;
  health: HookHealth | null;
  /** The badges come from the fallback finder. */
  fallback: boolean;
  rows: number;
  layoutUnknown: boolean;
}

export interface ProtocolMap {
  /** Ask through `askFunnel`, which turns the columns back into rows. */
  getFunnel(request: FunnelRequest): FunnelWireAnswer;
  /**
   * Popup → the current tab's content script (never the background): the page's hook health.
   * The only message a content script answers besides `funnelChanged`; it carries no page data.
   */
  pageHealth(): PageHealthReport | null;
  getStatus(): StatusReport;
  /** Calls /v1/meta with the given URL and key (a blank key means the saved one, for the saved origin only). */
  testConnection(input: { baseUrl: string; apiKey: string }): ConnectionResult;
  /** Stores URL and key (a blank key keeps the saved one if the origin stays) and clears the old source's cache. */
  saveConnection(input: { baseUrl: string | null; apiKey: string }): StatusReport;
  updateSettings(patch: SettingsPatch): StatusReport;
  refreshNow(): StatusReport;
  clearCache(): void;
  /** The dashboard's import worker stored a new import: use it from now on. */
  importChanged(): StatusReport;
  /** "Delete imported data": every imported lead record, and the import as a source. */
  deleteImport(): StatusReport;
  /** The dashboard: the column mapping the user saved for exports with this header signature. */
  getImportMapping(signature: string): SavedMapping | null;
  /** The dashboard: remembers the user's column mapping for exports with its header signature. */
  saveImportMapping(mapping: SavedMapping): void;
  /** Content script → background: the lead counts this page's rows show (issue 20). */
  notePlatformLeads(input: { request: FunnelRequest; rows: PlatformLeadsNoteRow[] }): void;
  /** The dashboard: every platform's last lead counts read on ad pages for a level and range. */
  getPlatformLeads(query: { level: Level; from: string; to: string }): PlatformLeadsRecord[];
  /**
   * Content script → background: the range its user picked in the summary for this tab, where the
   * page's own range is not readable (dates/range-choice.ts). Keyed by the sender's tab, never by
   * anything in the message; kept where the page cannot read it, for the tab's life (tab-ranges.ts).
   */
  getTabRange(): TabRangeChoice | null;
  /** null forgets the choice (the page's default range again). */
  setTabRange(choice: TabRangeChoice | null): void;
  /**
   * Content script → background: inject the on-demand UI (entrypoints/overlay-ui.ts) into the
   * sender's own frame, in its content-script world; resolves once it ran there.
   */
  loadOverlayUi(platform: Platform): void;
  /** Background → tab: fresher data (or an error) arrived for this request. */
  funnelChanged(request: FunnelRequest): void;
}

export const messaging = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messaging;

/** How askFunnel tries again when the background does not answer (a stopped worker starting up). */
export interface AskRetry {
  /** Waits between attempts; when they are used up, the answer is `background_unavailable`. */
  delaysMs: readonly number[];
  wait(ms: number): Promise<void>;
  /** False once the asker is gone (a content script orphaned by an extension reload). */
  stillWanted(): boolean;
}

/**
 * The funnel for a request, with its rows as objects again. Without `retry` a failure to reach
 * the background is thrown (extension pages show it); with it, it is retried and then answered.
 */
export async function askFunnel(request: FunnelRequest, retry?: AskRetry): Promise<FunnelAnswer> {
  if (!retry) return fromWire(await sendMessage('getFunnel', request));
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await sendMessage('getFunnel', request);
      if (answer) return fromWire(answer);
    } catch {
      // The worker may be starting up, or the extension was reloaded (then the asker is gone).
    }
    const delay = retry.delaysMs[attempt];
    if (delay === undefined || !retry.stillWanted()) return { ok: false, error: { kind: 'background_unavailable' } };
    await retry.wait(delay);
  }
}

export function fromWire(answer: FunnelWireAnswer): FunnelAnswer {
  return answer.ok ? { ...answer, rows: unpackRows(answer.rows) } : answer;
}

export function funnelRequestKey(r: FunnelRequest): string {
  return [r.platform, r.accountId ?? '*', r.level, r.from, r.to].join('|');
}

/**
 * Serves funnels to the rest of the extension: demo data when no API is configured, otherwise
 * the Dexie cache with stale-while-revalidate in front of the API client.
 * Everything it touches comes in through `deps`, so unit tests run it with fake-indexeddb,
 * a fake clock and a real HTTP server.
 */
import type { ApiError } from '../api/errors';
import { toApiError } from '../api/errors';
import type { FunnelQuery, MetaResponse, ParsedFunnel } from '../api/schema';
import type { FunnelAnswer, FunnelData, FunnelRequest } from '../messaging';
import { funnelRequestKey } from '../messaging';
import { targetsForPlatform } from '../funnel/targets';
import { ownStages } from '../i18n/stages';
import type { Settings } from '../settings/settings';
import { isPlatformEnabled } from '../settings/settings';
import type { CachedFunnel, FunnelLensDB } from './cache-db';
import type { Connection } from './connection';
import type { ImportedLeads } from './imported-leads';
import { MAX_CACHED_RESPONSES, RECENT_ENTRIES_IN_MEMORY, RECENT_ROWS_IN_MEMORY, SWEEP_AFTER_MS } from './cache-db';

export interface FunnelApi {
  getMeta(signal?: AbortSignal): Promise<MetaResponse>;
  getFunnel(query: FunnelQuery, signal?: AbortSignal): Promise<ParsedFunnel>;
}

export interface FunnelServiceDeps {
  db: FunnelLensDB;
  /** Resolves once `db` is open (or was recreated); nothing touches it before. */
  dbReady?: Promise<unknown>;
  readSettings(): Promise<Settings>;
  /** The API's URL and key; null = not configured, demo data is shown. */
  readConnection(): Promise<Connection | null>;
  createApi(baseUrl: string, apiKey: string): FunnelApi;
  /** Whether the browser lets us send requests to this API origin. */
  hasOriginPermission(baseUrl: string): Promise<boolean>;
  /** The demo CRM's name. Its stage labels are ours (ownStages), so they follow the UI language. */
  demoMeta: Pick<MetaResponse, 'name'>;
  /** The imported CRM export, served when the settings choose it (absent in tests of the API path). */
  imported?: ImportedLeads;
  demoFunnel(query: FunnelQuery, asOf: Date): ParsedFunnel;
  /** Fresher data (or a new error) for a request: tell the tabs that showed it. */
  notify(request: FunnelRequest): void;
  /** Records the outcome per platform for the popup's status section. */
  recordOutcome(request: FunnelRequest, outcome: { ok: true; at: number } | { ok: false; error: ApiError; at: number }): void;
  /** Where rate-limit blocks are kept so a restarted worker still honours them (storage.session). */
  rateLimits?: { get(): Promise<Record<string, number>>; set(value: Record<string, number>): Promise<void> };
  now(): number;
  /** [0, 1), for jitter. */
  random?(): number;
}

/**
 * After a failed refresh, stale answers are served without asking the API again for this long
 * (unless the user presses "refresh now"): otherwise every tab told about the failure would ask
 * again, fail again, and be told again.
 */
export const RETRY_FAILED_REFRESH_AFTER_MS = 60_000;

/**
 * A 429 without Retry-After leaves the API alone for 30–60 s, a random point in that span, so
 * that the tabs and browsers the API just refused do not all come back at the same moment.
 */
export const RATE_LIMIT_BACKOFF_MS = [30_000, 60_000] as const;

export function sourceId(baseUrl: string): string {
  return `api:${baseUrl}`;
}

function toQuery(request: FunnelRequest): FunnelQuery {
  return {
    platform: request.platform,
    level: request.level,
    from: request.from,
    to: request.to,
    ...(request.accountId ? { account_id: request.accountId } : {}),
  };
}

export class FunnelService {
  private readonly inFlight = new Map<string, Promise<CachedFunnel>>();
  /** Background refreshes (stale-while-revalidate) until they have told the tabs. */
  private readonly refreshing = new Set<Promise<void>>();
  private readonly metaInFlight = new Map<string, Promise<MetaResponse | null>>();
  /** The last failed refresh per cache key, shown with the cached rows it could not replace. */
  private readonly refreshErrors = new Map<string, { error: ApiError; at: number }>();
  /** After a 429 the API is left alone until then (epoch ms), per source; kept in deps.rateLimits too. */
  private readonly blockedUntil = new Map<string, number>();
  private readonly blocksLoaded: Promise<void>;
  /** Set by "refresh now": entries fetched before it are stale whatever the TTL says. */
  private staleBefore = 0;
  /**
   * The last few cache entries served or stored, kept in the worker's memory in front of
   * IndexedDB: a tab that asks again (new page, date switch and back) skips reading and
   * cloning thousands of rows. Lost when the worker stops; IndexedDB stays the cache of record.
   */
  private readonly recent = new Map<string, CachedFunnel>();

  constructor(private readonly deps: FunnelServiceDeps) {
    this.blocksLoaded = (deps.rateLimits?.get() ?? Promise.resolve({}))
      .then((saved) => {
        for (const [source, until] of Object.entries(saved ?? {})) {
          if (typeof until === 'number' && until > deps.now()) this.blockedUntil.set(source, Math.max(until, this.blockedUntil.get(source) ?? 0));
        }
      })
      .catch(() => undefined);
  }

  private block(source: string, until: number): void {
    this.blockedUntil.set(source, until);
    this.saveBlocks();
  }

  private saveBlocks(): void {
    void this.deps.rateLimits?.set(Object.fromEntries(this.blockedUntil)).catch(() => undefined);
  }

  async getFunnel(request: FunnelRequest): Promise<FunnelAnswer> {
    await this.deps.dbReady?.catch(() => undefined);
    const [settings, connection] = await Promise.all([this.deps.readSettings(), this.deps.readConnection()]);
    if (!isPlatformEnabled(settings, request.platform)) {
      return { ok: false, error: { kind: 'disabled' } };
    }
    const targets = targetsForPlatform(settings.targets, request.platform);
    const display = { minMql: settings.minMql, compareRule: settings.compareRule, ...(targets ? { targets } : {}) };
    const now = this.deps.now();

    if (settings.dataSource === 'import' && this.deps.imported) {
      const imported = await this.deps.imported.funnel(request);
      if (imported) {
        const { info, rows } = imported;
        return {
          ok: true,
          source: 'import',
          sourceName: info.fileName,
          currency: info.currency,
          stages: ownStages(),
          asOf: new Date(info.importedAt).toISOString(),
          fetchedAt: info.importedAt,
          stale: false,
          rows,
          problems: [],
          problemCount: 0,
          refreshError: null,
          display,
        };
      }
    }

    if (!connection || settings.dataSource !== 'api') {
      const demo = this.deps.demoFunnel(toQuery(request), new Date(now));
      return {
        ok: true,
        source: 'demo',
        sourceName: this.deps.demoMeta.name,
        currency: demo.currency,
        stages: ownStages(),
        asOf: demo.asOf,
        fetchedAt: now,
        stale: false,
        rows: demo.rows,
        problems: demo.problems,
        problemCount: demo.problemCount,
        refreshError: null,
        display,
      };
    }

    const { baseUrl } = connection;
    const source = sourceId(baseUrl);
    const key = `${source}|${funnelRequestKey(request)}`;
    const ttlMs = settings.cacheTtlMinutes * 60_000;
    const cached = await this.readCached(key);

    let entry: CachedFunnel;
    let stale = false;
    if (cached && this.isRecent(cached.fetchedAt, ttlMs)) {
      entry = cached;
    } else if (cached) {
      // Stale-while-revalidate: answer now, refresh behind, tell the tab when the refresh lands.
      entry = cached;
      stale = true;
      const failed = this.refreshErrors.get(key);
      const recentlyFailed = failed !== undefined && this.isRecent(failed.at, RETRY_FAILED_REFRESH_AFTER_MS);
      if (!recentlyFailed) {
        const refresh = this.fetchShared(key, source, baseUrl, request).then(
          () => this.deps.notify(request),
          () => this.deps.notify(request),
        );
        this.refreshing.add(refresh);
        void refresh.finally(() => this.refreshing.delete(refresh));
      }
    } else {
      try {
        entry = await this.fetchShared(key, source, baseUrl, request);
      } catch (error) {
        return { ok: false, error: toApiError(error) };
      }
    }

    const meta = await this.readMeta(source, baseUrl, ttlMs);
    return {
      ok: true,
      source: 'api',
      sourceName: meta?.name ?? new URL(baseUrl).host,
      currency: entry.currency,
      stages: meta?.stages ?? ownStages(), // ours while /v1/meta cannot be read
      asOf: entry.asOf,
      fetchedAt: entry.fetchedAt,
      stale,
      rows: entry.rows,
      problems: entry.problems,
      problemCount: entry.problemCount ?? entry.problems.length,
      refreshError: this.refreshErrors.get(key)?.error ?? null,
      display,
    } satisfies FunnelData;
  }

  /** Resolves once no request is in flight and every background refresh has told its tabs. */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0 || this.refreshing.size > 0) await Promise.allSettled([...this.inFlight.values(), ...this.refreshing]);
  }

  /** One network request per cache key at a time; concurrent askers share it. */
  private fetchShared(key: string, source: string, baseUrl: string, request: FunnelRequest): Promise<CachedFunnel> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = this.fetchAndStore(key, source, baseUrl, request).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  private async fetchAndStore(key: string, source: string, baseUrl: string, request: FunnelRequest): Promise<CachedFunnel> {
    try {
      const api = await this.apiFor(source, baseUrl);
      const parsed = await api.getFunnel(toQuery(request));
      const entry: CachedFunnel = {
        key,
        source,
        fetchedAt: this.deps.now(),
        currency: parsed.currency,
        asOf: parsed.asOf,
        rows: parsed.rows,
        problems: parsed.problems,
        problemCount: parsed.problemCount,
      };
      // Good data is never thrown away for want of disk space: it is served from memory.
      this.remember(entry);
      if (await this.store(entry)) {
        this.refreshErrors.delete(key);
        this.deps.recordOutcome(request, { ok: true, at: entry.fetchedAt });
        void this.sweep().catch(() => undefined);
      } else {
        const storageError: ApiError = { kind: 'storage' };
        this.refreshErrors.set(key, { error: storageError, at: this.deps.now() });
        this.deps.recordOutcome(request, { ok: false, error: storageError, at: this.deps.now() });
      }
      return entry;
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.kind === 'rate_limited') {
        const [shortest, longest] = RATE_LIMIT_BACKOFF_MS;
        const waitMs = apiError.retryAfterSec ? apiError.retryAfterSec * 1000 : shortest + (this.deps.random ?? Math.random)() * (longest - shortest);
        this.block(source, this.deps.now() + waitMs);
        apiError.retryAfterSec ??= Math.ceil(waitMs / 1000);
      }
      this.refreshErrors.set(key, { error: apiError, at: this.deps.now() });
      this.deps.recordOutcome(request, { ok: false, error: apiError, at: this.deps.now() });
      throw apiError;
    }
  }

  /** Puts an answer in IndexedDB; when that fails (quota), sweeps and tries once more. */
  private async store(entry: CachedFunnel): Promise<boolean> {
    try {
      await this.deps.db.funnels.put(entry);
      return true;
    } catch {
      try {
        await this.sweep();
        await this.deps.db.funnels.put(entry);
        return true;
      } catch {
        return false;
      }
    }
  }

  private async readCached(key: string): Promise<CachedFunnel | undefined> {
    const entry = this.recent.get(key) ?? (await this.deps.db.funnels.get(key));
    if (entry) this.remember(entry);
    return entry;
  }

  /** Most recently used last; the oldest go first when there are too many entries or rows. */
  private remember(entry: CachedFunnel): void {
    this.recent.delete(entry.key);
    this.recent.set(entry.key, entry);
    let rows = 0;
    for (const kept of this.recent.values()) rows += kept.rows.length;
    for (const [key, kept] of this.recent) {
      if (this.recent.size <= RECENT_ENTRIES_IN_MEMORY && rows <= RECENT_ROWS_IN_MEMORY) break;
      this.recent.delete(key);
      rows -= kept.rows.length;
    }
  }

  private async apiFor(source: string, baseUrl: string): Promise<FunnelApi> {
    await this.blocksLoaded;
    const blockedUntil = this.blockedUntil.get(source) ?? 0;
    const now = this.deps.now();
    if (blockedUntil > now) {
      throw { kind: 'rate_limited', retryAfterSec: Math.ceil((blockedUntil - now) / 1000) } satisfies ApiError;
    }
    // Read again rather than passed along: the user may have disconnected or moved meanwhile,
    // and the key goes only to the URL it was saved with.
    const connection = await this.deps.readConnection();
    if (!connection || connection.baseUrl !== baseUrl) throw { kind: 'not_configured' } satisfies ApiError;
    if (!(await this.deps.hasOriginPermission(baseUrl))) throw { kind: 'permission_missing' } satisfies ApiError;
    return this.deps.createApi(baseUrl, connection.apiKey);
  }

  /**
   * Stage labels and the CRM's name. A cached copy, even an old one, is used at once (and
   * refreshed behind when old): labels rarely change, and a slow or failing /v1/meta must never
   * delay or hide the numbers.
   */
  private async readMeta(source: string, baseUrl: string, ttlMs: number): Promise<MetaResponse | null> {
    const cached = await this.deps.db.metas.get(source);
    if (cached && this.isRecent(cached.fetchedAt, ttlMs)) return cached.meta;
    // fetchMeta never rejects: an old copy answers now and the refresh lands behind it.
    const refresh = this.fetchMeta(source, baseUrl);
    return cached ? cached.meta : refresh;
  }

  /**
   * Younger than maxAgeMs, and not from before the last "refresh now". A time in the future is
   * not recent: the clock was ahead when it was taken, and it would otherwise never expire.
   */
  private isRecent(at: number, maxAgeMs: number): boolean {
    const age = this.deps.now() - at;
    return age >= 0 && age < maxAgeMs && at > this.staleBefore;
  }

  private fetchMeta(source: string, baseUrl: string): Promise<MetaResponse | null> {
    let running = this.metaInFlight.get(source);
    if (!running) {
      running = (async () => {
        try {
          const meta = await (await this.apiFor(source, baseUrl)).getMeta();
          await this.deps.db.metas.put({ source, fetchedAt: this.deps.now(), meta });
          return meta;
        } catch {
          return null;
        }
      })().finally(() => this.metaInFlight.delete(source));
      this.metaInFlight.set(source, running);
    }
    return running;
  }

  /** Drops entries nobody has refreshed for a week, and the oldest beyond the cap. */
  async sweep(): Promise<void> {
    await this.deps.dbReady?.catch(() => undefined);
    const { funnels } = this.deps.db;
    const expired = await funnels
      .where('fetchedAt')
      .below(this.deps.now() - SWEEP_AFTER_MS)
      .primaryKeys();
    await funnels.bulkDelete(expired);
    const excess = (await funnels.count()) - MAX_CACHED_RESPONSES;
    const oldest = excess > 0 ? await funnels.orderBy('fetchedAt').limit(excess).primaryKeys() : [];
    await funnels.bulkDelete(oldest);
    for (const key of [...expired, ...oldest]) this.recent.delete(key);
  }

  /** A new URL or key: nothing from the old source may be shown again. */
  async clearAll(): Promise<void> {
    this.inFlight.clear();
    this.recent.clear();
    this.refreshErrors.clear();
    this.blockedUntil.clear();
    this.saveBlocks();
    await Promise.all([this.deps.db.funnels.clear(), this.deps.db.metas.clear()]);
  }

  /** "Refresh now": everything fetched before this moment counts as stale (and stays as a fallback). */
  expireAll(): void {
    this.staleBefore = this.deps.now();
  }
}

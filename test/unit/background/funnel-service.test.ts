/**
 * The background's data layer with a real HTTP stats server on 127.0.0.1, Dexie on
 * fake-indexeddb, WXT's fake browser storage and a fake clock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../utils/api/client';
import type { FunnelRequest } from '../../../utils/messaging';
import {
  FunnelLensDB,
  openOrRecreate,
  MAX_CACHED_RESPONSES,
  RECENT_ENTRIES_IN_MEMORY,
  RECENT_ROWS_IN_MEMORY,
  SWEEP_AFTER_MS,
} from '../../../utils/background/cache-db';
import { FunnelService, type FunnelServiceDeps } from '../../../utils/background/funnel-service';
import { DEMO_META, demoFunnel } from '../../../utils/demo/dataset';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings/settings';
import { makeWorld } from '../../fixtures/world';
import { startStatsServer, type StatsServer } from '../../support/stats-server';

const ACCOUNT = '1234567890';
const world = makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT, count: 40, seed: 3 });
/** An account with more rows than the worker keeps in memory. */
const BIG_ACCOUNT = '1234567891';
const bigWorld = makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: BIG_ACCOUNT, count: RECENT_ROWS_IN_MEMORY + 1, seed: 4 });
const request: FunnelRequest = { platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT, from: '2026-10-01', to: '2026-10-31' };

let server: StatsServer;
let dbCounter = 0;

beforeAll(async () => {
  server = await startStatsServer({ world: [...world, ...bigWorld], name: 'Acme CRM', currency: 'EUR' });
});
afterAll(() => server.close());
beforeEach(() => {
  server.setFault(null);
  server.requests.length = 0;
});

interface Harness {
  service: FunnelService;
  clock: { now: number };
  notified: FunnelRequest[];
  outcomes: Array<{ ok: boolean; kind?: string }>;
  settings: Settings;
  deps: FunnelServiceDeps;
  db: FunnelLensDB;
}

function harness(overrides: Partial<FunnelServiceDeps> & { settings?: Partial<Settings>; dbName?: string } = {}): Harness {
  const clock = { now: Date.parse('2026-11-23T10:00:00Z') };
  const notified: FunnelRequest[] = [];
  const outcomes: Harness['outcomes'] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, ...overrides.settings };
  const db = new FunnelLensDB(overrides.dbName ?? `test-${++dbCounter}`);
  const deps: FunnelServiceDeps = {
    db,
    readSettings: async () => settings,
    readConnection: async () => ({ baseUrl: server.baseUrl, apiKey: server.apiKey }),
    // No retries and a short timeout keep the fault cases fast; the client's own tests cover retries.
    createApi: (baseUrl, apiKey) => createApiClient({ baseUrl, apiKey, maxRetries: 0, timeoutMs: 500 }),
    hasOriginPermission: async () => true,
    demoMeta: DEMO_META,
    demoFunnel,
    notify: (r) => notified.push(r),
    recordOutcome: (_r, o) => outcomes.push(o.ok ? { ok: true } : { ok: false, kind: o.error.kind }),
    now: () => clock.now,
    ...overrides,
  };
  return { service: new FunnelService(deps), clock, notified, outcomes, settings, deps, db };
}

const funnelCalls = () => server.requests.filter((r) => r.path.endsWith('/v1/funnel'));

describe('FunnelService', () => {
  it('serves the demo data, labelled demo, when no API is configured, without any request', async () => {
    const { service } = harness({ readConnection: async () => null });
    const answer = await service.getFunnel(request);
    expect(answer.ok && answer.source).toBe('demo');
    expect(answer.ok && answer.sourceName).toBe('Demo CRM');
    expect(server.requests).toHaveLength(0);
  });

  it('fetches with the key once, then serves the same request from IndexedDB within the TTL', async () => {
    const { service, clock } = harness();
    const first = await service.getFunnel(request);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.source).toBe('api');
    expect(first.sourceName).toBe('Acme CRM');
    expect(first.rows).toEqual(server.expectedRows({ platform: 'meta_ads', level: 'campaign', account_id: ACCOUNT, from: request.from, to: request.to }));
    expect(funnelCalls()).toHaveLength(1);
    expect(funnelCalls()[0]?.headers.authorization).toBe(`Bearer ${server.apiKey}`);

    clock.now += 14 * 60_000;
    const second = await service.getFunnel(request);
    expect(second.ok && second.stale).toBe(false);
    expect(second.ok && second.rows).toEqual(first.rows);
    expect(funnelCalls()).toHaveLength(1);
  });

  it.each([
    // The TTL has passed.
    ['after the TTL answers at once from the cache (stale) and refreshes behind, then tells the tabs', 16 * 60_000],
    // Fetched "in the future": the clock was ahead, then set back two hours.
    ['counts an entry fetched in the future (the clock was corrected) as stale, and refreshes it', -2 * 60 * 60_000],
  ])('%s', async (_name, clockMoves) => {
    const { service, clock, notified } = harness();
    await service.getFunnel(request);
    clock.now += clockMoves;
    const stale = await service.getFunnel(request);
    expect(stale.ok && stale.stale).toBe(true);
    await service.whenIdle();
    expect(funnelCalls()).toHaveLength(2);
    expect(notified).toEqual([request]);
    const fresh = await service.getFunnel(request);
    expect(fresh.ok && fresh.stale).toBe(false);
    expect(fresh.ok && fresh.fetchedAt).toBe(clock.now);
    expect(funnelCalls()).toHaveLength(2);
  });

  it('serves an answer it could not store (quota exceeded) from memory, and says it is a storage problem, not the API', async () => {
    const { service, db, outcomes } = harness();
    let puts = 0;
    db.funnels.put = (async () => {
      puts++;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }) as unknown as typeof db.funnels.put;
    const answer = await service.getFunnel(request);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.rows).toEqual(server.expectedRows({ platform: 'meta_ads', level: 'campaign', account_id: ACCOUNT, from: request.from, to: request.to }));
    expect(answer.refreshError).toEqual({ kind: 'storage' });
    expect(outcomes).toEqual([{ ok: false, kind: 'storage' }]);
    expect(puts).toBe(2); // once, then once more after a sweep
    // Still in memory: no second request.
    expect((await service.getFunnel(request)).ok).toBe(true);
    expect(funnelCalls()).toHaveLength(1);
  });

  it('stores the answer when the write fails once and succeeds after the sweep', async () => {
    const { service, db, outcomes } = harness();
    const put = db.funnels.put.bind(db.funnels);
    let failures = 1;
    db.funnels.put = ((...args: Parameters<typeof put>) => {
      if (failures-- > 0) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      return put(...args);
    }) as unknown as typeof db.funnels.put;
    const answer = await service.getFunnel(request);
    expect(answer.ok && answer.refreshError).toBeNull();
    expect(outcomes).toEqual([{ ok: true }]);
    expect(await db.funnels.count()).toBe(1);
  });

  it('deletes and recreates a cache database it cannot open (left by a newer version)', async () => {
    const name = `newer-${++dbCounter}`;
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name, 999);
      // A later version's layout: the same store without the index this version sweeps by.
      open.onupgradeneeded = () => open.result.createObjectStore('funnels', { keyPath: 'id' });
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
    const db = new FunnelLensDB(name);
    // As it is, the cache cannot be used.
    const asItIs = new FunnelLensDB(name);
    await expect(asItIs.open().then(() => asItIs.funnels.where('fetchedAt').below(1).primaryKeys())).rejects.toThrow();
    asItIs.close();
    await openOrRecreate(db);
    const { service } = harness({ db, dbReady: Promise.resolve() });
    expect((await service.getFunnel(request)).ok).toBe(true);
    expect(await db.funnels.count()).toBe(1);
  });

  it('shares one request between identical asks in flight', async () => {
    const { service } = harness();
    server.setFault({ kind: 'delay', ms: 150 });
    const answers = await Promise.all([service.getFunnel(request), service.getFunnel(request), service.getFunnel(request)]);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(funnelCalls()).toHaveLength(1);
  });

  it('keeps the last good data on screen, with the error, when a refresh fails', async () => {
    const { service, clock } = harness();
    await service.getFunnel(request);
    server.setFault({ kind: 'status', status: 500 });
    clock.now += 20 * 60_000;
    await service.getFunnel(request);
    await service.whenIdle();
    const answer = await service.getFunnel(request);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.rows.length).toBe(40);
    expect(answer.refreshError?.kind).toBe('server_error');
    expect(answer.stale).toBe(true);
  });

  it('does not retry a failed refresh on every ask (no loop with the tabs it notifies), until a minute passes or "refresh now"', async () => {
    const { service, clock, notified } = harness();
    await service.getFunnel(request);
    server.setFault({ kind: 'status', status: 500 });
    clock.now += 20 * 60_000;
    await service.getFunnel(request);
    await service.whenIdle();
    const afterFailure = funnelCalls().length;
    expect(notified).toEqual([request]);
    for (let i = 0; i < 3; i++) {
      clock.now += 5_000;
      const answer = await service.getFunnel(request);
      expect(answer.ok && answer.refreshError?.kind).toBe('server_error');
      await service.whenIdle();
    }
    expect(funnelCalls().length).toBe(afterFailure);
    expect(notified).toHaveLength(1);

    service.expireAll();
    clock.now += 1_000;
    await service.getFunnel(request);
    await service.whenIdle();
    expect(funnelCalls().length).toBeGreaterThan(afterFailure);
  });

  it('returns a typed error when there is nothing cached, and records it for the popup', async () => {
    const { service, outcomes } = harness();
    server.setFault({ kind: 'status', status: 401 });
    const answer = await service.getFunnel(request);
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ kind: 'unauthorized', status: 401 }) });
    expect(outcomes.at(-1)).toEqual({ ok: false, kind: 'unauthorized' });
  });

  it('does not call the API again before Retry-After has passed', async () => {
    const { service, clock } = harness();
    server.setFault({ kind: 'rate_limit', retryAfterSec: 120 });
    const first = await service.getFunnel(request);
    expect(!first.ok && first.error.kind).toBe('rate_limited');
    const calls = funnelCalls().length;
    server.setFault(null);
    clock.now += 60_000;
    const second = await service.getFunnel(request);
    expect(!second.ok && second.error.kind).toBe('rate_limited');
    expect(funnelCalls()).toHaveLength(calls);
    clock.now += 61_000;
    expect((await service.getFunnel(request)).ok).toBe(true);
  });

  it('after a 429 without Retry-After, leaves the API alone for 30–60 s, at a random point in that span', async () => {
    for (const [random, blockedSec] of [
      [0, 30],
      [0.5, 45],
      [0.999, 60],
    ] as const) {
      const { service, clock } = harness({ random: () => random });
      server.setFault({ kind: 'rate_limit', retryAfterSec: null });
      const first = await service.getFunnel(request);
      expect(first).toEqual({ ok: false, error: expect.objectContaining({ kind: 'rate_limited', retryAfterSec: blockedSec }) });
      const calls = funnelCalls().length;
      server.setFault(null);
      clock.now += (blockedSec - 1) * 1000;
      expect(await service.getFunnel(request)).toEqual({ ok: false, error: expect.objectContaining({ kind: 'rate_limited' }) });
      expect(funnelCalls()).toHaveLength(calls);
      clock.now += 2_000;
      expect((await service.getFunnel(request)).ok).toBe(true);
      await service.clearAll();
    }
  });

  it('keeps a rate-limit block when the worker restarts', async () => {
    let saved: Record<string, number> = {};
    const rateLimits = { get: async () => ({ ...saved }), set: async (value: Record<string, number>) => void (saved = { ...value }) };
    const name = `blocked-${++dbCounter}`;
    const before = harness({ dbName: name, rateLimits });
    server.setFault({ kind: 'rate_limit', retryAfterSec: 120 });
    expect((await before.service.getFunnel(request)).ok).toBe(false);
    const calls = funnelCalls().length;
    server.setFault(null);

    const after = harness({ dbName: name, rateLimits });
    after.clock.now = before.clock.now + 60_000;
    expect(await after.service.getFunnel(request)).toEqual({ ok: false, error: expect.objectContaining({ kind: 'rate_limited', retryAfterSec: 60 }) });
    expect(funnelCalls()).toHaveLength(calls);
    after.clock.now += 61_000;
    expect((await after.service.getFunnel(request)).ok).toBe(true);
  });

  it('sends nothing without the origin permission, and says why', async () => {
    const { service } = harness({ hasOriginPermission: async () => false });
    const answer = await service.getFunnel(request);
    expect(!answer.ok && answer.error.kind).toBe('permission_missing');
    expect(server.requests).toHaveLength(0);
  });

  it('answers "disabled" for a platform turned off in the settings, without a request', async () => {
    const { service } = harness({ settings: { enabledPlatforms: { google_ads: true, meta_ads: false, linkedin_ads: true } } });
    expect(await service.getFunnel(request)).toEqual({ ok: false, error: { kind: 'disabled' } });
    expect(server.requests).toHaveLength(0);
  });

  it('survives a restart: a new worker with the same database serves the cache without a request', async () => {
    const name = `restart-${++dbCounter}`;
    const before = harness({ dbName: name });
    await before.service.getFunnel(request);
    before.db.close();
    const after = harness({ dbName: name });
    after.clock.now = before.clock.now + 60_000;
    const answer = await after.service.getFunnel(request);
    expect(answer.ok && answer.rows.length).toBe(40);
    expect(funnelCalls()).toHaveLength(1);
  });

  it('keeps the last few answers in memory, in front of IndexedDB, and forgets them when swept', async () => {
    const { service, db, clock } = harness();
    const reads: string[] = [];
    const get = db.funnels.get.bind(db.funnels);
    db.funnels.get = ((key: string) => {
      reads.push(key);
      return get(key);
    }) as typeof db.funnels.get;
    const requestFor = (day: number): FunnelRequest => ({ ...request, to: `2026-10-${String(day).padStart(2, '0')}` });

    const first = await service.getFunnel(request);
    const again = await service.getFunnel(request);
    expect(again).toEqual(first);
    expect(reads).toHaveLength(1); // the miss before the fetch; the second answer came from memory

    // More distinct answers than memory holds: the oldest one is read from IndexedDB again.
    for (let day = 10; day < 10 + RECENT_ENTRIES_IN_MEMORY; day++) await service.getFunnel(requestFor(day));
    reads.length = 0;
    const fromDisk = await service.getFunnel(request);
    expect(reads).toHaveLength(1);
    expect(fromDisk.ok && fromDisk.rows).toEqual(first.ok && first.rows);
    expect(funnelCalls()).toHaveLength(1 + RECENT_ENTRIES_IN_MEMORY);

    // A week later the sweep drops the entry from IndexedDB, and memory must not bring it back.
    clock.now += SWEEP_AFTER_MS + 1;
    await service.sweep();
    expect(await db.funnels.count()).toBe(0);
    await service.getFunnel(request);
    expect(funnelCalls()).toHaveLength(2 + RECENT_ENTRIES_IN_MEMORY);
  });

  it('does not keep an answer bigger than its row budget in memory', async () => {
    // 25,001 rows take longer than the harness's 500 ms on a busy machine: the client's real timeout.
    const { service, db } = harness({ createApi: (baseUrl, apiKey) => createApiClient({ baseUrl, apiKey, maxRetries: 0 }) });
    let reads = 0;
    const get = db.funnels.get.bind(db.funnels);
    db.funnels.get = ((key: string) => (reads++, get(key))) as typeof db.funnels.get;
    const big = { ...request, accountId: BIG_ACCOUNT };
    const first = await service.getFunnel(big);
    expect(first.ok && first.rows.length).toBe(RECENT_ROWS_IN_MEMORY + 1);
    const again = await service.getFunnel(big);
    expect(again.ok && again.rows.length).toBe(RECENT_ROWS_IN_MEMORY + 1);
    expect(reads).toBe(2);
    expect(funnelCalls()).toHaveLength(1);
  }, 30_000);

  it('sweeps entries nobody refreshed for a week, and keeps at most the cap', async () => {
    const { service, db, clock } = harness();
    const entry = (key: string, fetchedAt: number) => ({ key, source: 's', fetchedAt, currency: 'EUR', asOf: '2026-11-01T00:00:00Z', rows: [], problems: [] });
    await db.funnels.bulkPut([entry('old', clock.now - SWEEP_AFTER_MS - 1), entry('recent', clock.now - 1000)]);
    await service.sweep();
    expect(await db.funnels.get('old')).toBeUndefined();
    expect(await db.funnels.get('recent')).toBeDefined();

    await db.funnels.bulkPut(Array.from({ length: MAX_CACHED_RESPONSES + 5 }, (_, i) => entry(`k${i}`, clock.now - 10_000 + i)));
    await service.sweep();
    expect(await db.funnels.count()).toBe(MAX_CACHED_RESPONSES);
    // 306 entries, cap 300: the six oldest (k0…k5) went; the newest stayed.
    for (let i = 0; i < 6; i++) expect(await db.funnels.get(`k${i}`)).toBeUndefined();
    expect(await db.funnels.get('k6')).toBeDefined();
    expect(await db.funnels.get('recent')).toBeDefined();
  });

  it('forgets everything from the old source on clearAll', async () => {
    const { service, db } = harness();
    await service.getFunnel(request);
    await service.clearAll();
    expect(await db.funnels.count()).toBe(0);
    await service.getFunnel(request);
    expect(funnelCalls()).toHaveLength(2);
  });

  it('"refresh now" makes cached answers stale but keeps them as a fallback', async () => {
    const { service, clock } = harness();
    await service.getFunnel(request);
    clock.now += 1000;
    service.expireAll();
    clock.now += 1000;
    const answer = await service.getFunnel(request);
    expect(answer.ok && answer.stale).toBe(true);
    await service.whenIdle();
    expect(funnelCalls()).toHaveLength(2);
  });
});

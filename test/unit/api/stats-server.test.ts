import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseFunnelResponse } from '../../../utils/api/schema';
import type { FunnelQuery } from '../../../utils/api/schema';
import { makeWorld, makeWorldTree } from '../../fixtures/world';
import { DEFAULT_API_KEY, startStatsServer } from '../../support/stats-server';
import type { StatsServer } from '../../support/stats-server';

const QUERY: FunnelQuery = { platform: 'google_ads', level: 'campaign', account_id: '5551234567', from: '2026-10-01', to: '2026-10-30' };
const AUTH = { Authorization: `Bearer ${DEFAULT_API_KEY}` };

let server: StatsServer;

beforeAll(async () => {
  server = await startStatsServer({
    world: makeWorldTree({ platform: 'google_ads', accountId: '5551234567', campaigns: 4, seed: 11 }),
    pathPrefix: '/api',
  });
});
afterAll(() => server.close());
afterEach(() => {
  server.setFault(null);
  server.requests.length = 0;
});

const funnelUrl = (query: Record<string, string>) => `${server.baseUrl}/v1/funnel?${new URLSearchParams(query)}`;

describe('stats server', () => {
  it('serves the 30-day numbers unchanged for a 30-day range, and only the asked level and account', async () => {
    const response = await fetch(funnelUrl({ ...QUERY }), { headers: AUTH });
    const parsed = parseFunnelResponse(await response.json());
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toHaveLength(4);
    expect(parsed.rows).toEqual(server.expectedRows(QUERY));
    expect(server.expectedRows({ ...QUERY, level: 'ad' })).toHaveLength(24);
    expect(server.expectedRows({ ...QUERY, account_id: '1' })).toEqual([]);
  });

  it('a status fault limited by `only` fails the requests it accepts and answers every other one', async () => {
    server.setFault({ kind: 'status', status: 500, only: (url) => url.searchParams.get('from') === '2026-10-01' });
    const failed = await fetch(funnelUrl({ ...QUERY }), { headers: AUTH });
    expect(failed.status).toBe(500);
    const other = await fetch(funnelUrl({ ...QUERY, from: '2026-09-01', to: '2026-09-30' }), { headers: AUTH, signal: AbortSignal.timeout(3000) });
    expect(other.status).toBe(200);
  });

  it('gives different numbers for a different range', () => {
    const month = server.expectedRows(QUERY);
    const week = server.expectedRows({ ...QUERY, to: '2026-10-07' });
    expect(week.map((row) => row.id)).toEqual(month.map((row) => row.id));
    expect(week.reduce((sum, row) => sum + row.leads, 0)).toBeLessThan(month.reduce((sum, row) => sum + row.leads, 0) / 3);
  });

  it('refuses a missing or wrong key with an error body', async () => {
    for (const headers of [{}, { Authorization: 'Bearer nope' }] as Array<Record<string, string>>) {
      const response = await fetch(`${server.baseUrl}/v1/meta`, { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('answers a CORS preflight and records every request', async () => {
    const response = await fetch(`${server.baseUrl}/v1/meta`, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(server.requests).toEqual([
      { method: 'OPTIONS', path: '/api/v1/meta', query: {}, headers: expect.any(Object), time: expect.any(Number), status: 204 },
    ]);
  });

  it('rejects a query that breaks the contract with 400', async () => {
    const response = await fetch(funnelUrl({ ...QUERY, level: 'adset' }), { headers: AUTH });
    expect(response.status).toBe(400);
  });

  it('recovers from a status fault after `times` requests', async () => {
    server.setFault({ kind: 'status', status: 503, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${server.baseUrl}/v1/meta`, { headers: AUTH })).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('lets a test replace the world', async () => {
    server.setWorld(makeWorld({ platform: 'google_ads', level: 'campaign', accountId: '5551234567', count: 2, seed: 5 }));
    try {
      expect(server.expectedRows(QUERY)).toHaveLength(2);
    } finally {
      server.setWorld(makeWorldTree({ platform: 'google_ads', accountId: '5551234567', campaigns: 4, seed: 11 }));
    }
  });
});

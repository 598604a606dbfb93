import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { abortableSleep, createApiClient, exponentialBackoffMs, parseRetryAfterSec, validateBaseUrl } from '../../../utils/api/client';
import type { ApiClientOptions } from '../../../utils/api/client';
import { ApiRequestError, isApiError, toApiError } from '../../../utils/api/errors';
import type { ApiError } from '../../../utils/api/errors';
import type { FunnelQuery } from '../../../utils/api/schema';
import { makeWorld } from '../../fixtures/world';
import { badRowsBody, startStatsServer } from '../../support/stats-server';
import type { StatsServer } from '../../support/stats-server';

const API_KEY = 'sk_live_7Hq2Zr9Xw4';
const QUERY: FunnelQuery = { platform: 'meta_ads', level: 'campaign', account_id: '1234567890', from: '2026-10-01', to: '2026-10-31' };
const WORLD = [
  ...makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: '1234567890', count: 6, seed: 1 }),
  ...makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: '9999999999', count: 2, seed: 2 }),
  ...makeWorld({ platform: 'google_ads', level: 'campaign', accountId: '5551234567', count: 3, seed: 3 }),
];

let server: StatsServer;
/** What the client waited for between attempts, instead of really waiting. */
let sleeps: number[];

beforeAll(async () => {
  server = await startStatsServer({ apiKey: API_KEY, world: WORLD, asOf: '2026-11-22T08:00:00Z' });
});
afterAll(() => server.close());
afterEach(() => {
  server.setFault(null);
  server.requests.length = 0;
});

function client(overrides: Partial<ApiClientOptions> = {}) {
  sleeps = [];
  return createApiClient({
    baseUrl: server.baseUrl,
    apiKey: API_KEY,
    backoffMs: (attempt) => 100 * 2 ** attempt,
    sleep: async (ms) => void sleeps.push(ms),
    ...overrides,
  });
}

/** The plain ApiError a request rejects with; fails the test if it resolves or rejects otherwise. */
async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => expect.unreachable('expected the request to fail'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiRequestError);
  assertNoKey(error);
  return toApiError(error);
}

function assertNoKey(error: unknown): void {
  const texts = [JSON.stringify(error), String(error), error instanceof Error ? (error.stack ?? '') : ''];
  for (const text of texts) expect(text).not.toContain(API_KEY);
}

describe('requests', () => {
  it('sends the Bearer key and Accept, and nothing that identifies a page', async () => {
    const meta = await client().getMeta();
    expect(meta.name).toBe('Acme CRM');
    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/v1/meta');
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.headers.accept).toBe('application/json');
    for (const header of ['cookie', 'referer', 'origin']) expect(request?.headers).not.toHaveProperty(header);
  });

  it('asks /v1/funnel with the query and returns the server rows', async () => {
    const funnel = await client().getFunnel(QUERY);
    expect(server.requests[0]?.path).toBe('/v1/funnel');
    expect(server.requests[0]?.query).toEqual({ ...QUERY });
    expect(funnel).toEqual({ currency: 'EUR', asOf: '2026-11-22T08:00:00Z', rows: server.expectedRows(QUERY), problems: [], problemCount: 0 });
    expect(funnel.rows).toHaveLength(6);
  });

  it('leaves account_id out when the query has none', async () => {
    const { account_id: _omitted, ...withoutAccount } = QUERY;
    const funnel = await client().getFunnel(withoutAccount);
    expect(server.requests[0]?.query).not.toHaveProperty('account_id');
    expect(funnel.rows).toHaveLength(8);
  });

  it.each(['/funnel-lens', '/funnel-lens/', '/funnel-lens//'])('keeps the path prefix of a base URL ending %s', async (suffix) => {
    const prefixed = await startStatsServer({ apiKey: API_KEY, world: WORLD, pathPrefix: '/funnel-lens' });
    try {
      const meta = await client({ baseUrl: `${prefixed.origin}${suffix}` }).getMeta();
      expect(meta.currency).toBe('EUR');
      expect(prefixed.requests.map((request) => request.path)).toEqual(['/funnel-lens/v1/meta']);
    } finally {
      await prefixed.close();
    }
  });

  it('does not follow a redirect, which would carry the key to another origin', async () => {
    const redirector = createServer((_req, res) => {
      res.writeHead(302, { Location: `${server.origin}/v1/meta` });
      res.end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = redirector.address() as AddressInfo;
      const error = await failure(client({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 }).getMeta());
      expect(error.kind).toBe('network');
      expect(server.requests).toEqual([]);
    } finally {
      await new Promise((resolve) => redirector.close(resolve));
    }
  });

  it('handles 100,000 rows', async () => {
    server.setFault({ kind: 'huge', rows: 100_000 });
    const funnel = await client({ timeoutMs: 30_000 }).getFunnel(QUERY);
    expect(funnel.rows).toHaveLength(100_000);
    expect(funnel.problems).toEqual([]);
  }, 30_000);

  it('waits for a slow answer within the timeout', async () => {
    server.setFault({ kind: 'delay', ms: 100 });
    await expect(client({ timeoutMs: 2_000 }).getMeta()).resolves.toMatchObject({ name: 'Acme CRM' });
  });
});

describe('timeouts and aborts', () => {
  it('reports a timeout after retrying twice', async () => {
    server.setFault({ kind: 'hang' });
    const error = await failure(client({ timeoutMs: 100 }).getMeta());
    expect(error).toEqual({ kind: 'timeout' });
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it('rethrows a caller abort as an AbortError, not an ApiError', async () => {
    server.setFault({ kind: 'hang' });
    const controller = new AbortController();
    const pending = client({ timeoutMs: 5_000 })
      .getMeta(controller.signal)
      .catch((thrown: unknown) => thrown);
    // Abort while the server holds the request.
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    const error: unknown = await pending;
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(isApiError(error)).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it('stops waiting between retries when the caller aborts', async () => {
    server.setFault({ kind: 'status', status: 503 });
    const controller = new AbortController();
    let backoffStarted!: () => void;
    const backingOff = new Promise<void>((resolve) => (backoffStarted = resolve));
    const sleep = (ms: number, signal?: AbortSignal) => {
      backoffStarted();
      return abortableSleep(ms, signal);
    };
    const api = createApiClient({ baseUrl: server.baseUrl, apiKey: API_KEY, backoffMs: () => 60_000, sleep });
    const pending = api.getMeta(controller.signal);
    await backingOff;
    controller.abort();
    const started = Date.now();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(1);
  });

  it('does not send anything when the signal is already aborted', async () => {
    await expect(client().getMeta(AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.requests).toEqual([]);
  });
});

describe('HTTP errors', () => {
  it('maps a refused key to unauthorized without retrying, and redacts the key the server echoed', async () => {
    const error = await failure(client({ apiKey: `${API_KEY}-old` }).getMeta());
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(error.serverMessage).toBe('API key refused: Bearer [redacted]');
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [403, 'forbidden'],
    [404, 'not_found'],
    [401, 'unauthorized'],
  ] as const)('maps %i to %s without retrying', async (status, kind) => {
    server.setFault({ kind: 'status', status });
    const error = await failure(client().getFunnel(QUERY));
    expect(error).toEqual({ kind, status, serverMessage: `simulated HTTP ${status}` });
    expect(server.requests).toHaveLength(1);
  });

  it('maps an unknown endpoint (wrong base URL) to not_found', async () => {
    const error = await failure(client({ baseUrl: `${server.origin}/wrong-prefix` }).getMeta());
    expect(error.kind).toBe('not_found');
  });

  it('does not retry a 400, and keeps the server message', async () => {
    const error = await failure(client().getFunnel({ ...QUERY, from: '2026-11-01', to: '2026-10-01' }));
    expect(error).toMatchObject({ kind: 'server_error', status: 400 });
    expect(error.serverMessage).toContain('from must not be after to');
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 500 and returns the answer that follows', async () => {
    server.setFault({ kind: 'status', status: 500, times: 1 });
    const funnel = await client().getFunnel(QUERY);
    expect(funnel.rows).toEqual(server.expectedRows(QUERY));
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([100]);
  });

  it.each([500, 503] as const)('gives up on a persistent %i after two retries (three requests)', async (status) => {
    server.setFault({ kind: 'status', status });
    const error = await failure(client().getFunnel(QUERY));
    expect(error).toMatchObject({ kind: 'server_error', status });
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it('uses the default exponential backoff when none is given', async () => {
    server.setFault({ kind: 'status', status: 503 });
    await failure(client({ backoffMs: undefined }).getMeta());
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(250);
    expect(sleeps[0]).toBeLessThanOrEqual(500);
    expect(sleeps[1]).toBeGreaterThanOrEqual(500);
    expect(sleeps[1]).toBeLessThanOrEqual(1000);
  });
});

describe('rate limiting', () => {
  it('waits as long as Retry-After (seconds) says, then retries', async () => {
    server.setFault({ kind: 'rate_limit', retryAfterSec: 7, times: 1 });
    const funnel = await client().getFunnel(QUERY);
    expect(funnel.rows).toHaveLength(6);
    expect(sleeps).toEqual([7_000]);
    expect(server.requests).toHaveLength(2);
  });

  it('understands Retry-After as an HTTP date', async () => {
    server.setFault({ kind: 'rate_limit', retryAfterSec: 5, asHttpDate: true, times: 1 });
    await client().getMeta();
    expect(sleeps).toHaveLength(1);
    // The date has whole seconds, so up to one second is lost.
    expect(sleeps[0]).toBeGreaterThanOrEqual(4_000);
    expect(sleeps[0]).toBeLessThanOrEqual(5_000);
  });

  it('fails at once with retryAfterSec when the wait exceeds the cap, so the caller can reschedule', async () => {
    server.setFault({ kind: 'rate_limit', retryAfterSec: 120 });
    const error = await failure(client().getMeta());
    expect(error).toEqual({ kind: 'rate_limited', status: 429, retryAfterSec: 120, serverMessage: 'slow down' });
    expect(sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after two retries when the limit persists', async () => {
    server.setFault({ kind: 'rate_limit', retryAfterSec: 2 });
    const error = await failure(client().getMeta());
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterSec: 2 });
    expect(sleeps).toEqual([2_000, 2_000]);
    expect(server.requests).toHaveLength(3);
  });
});

describe('bodies', () => {
  it('stops reading a body that never ends at the byte cap: invalid_response that says so, not retried', async () => {
    server.setFault({ kind: 'endless' });
    server.endless.sentBytes = 0;
    server.endless.closed = false;
    const started = Date.now();
    const error = await failure(client({ maxResponseBytes: 2 * 2 ** 20, timeoutMs: 5_000 }).getFunnel(QUERY));
    expect(error).toEqual({ kind: 'invalid_response', tooLarge: 'bytes' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(1);
    // The client hung up: the server stops writing.
    await expect.poll(() => server.endless.closed).toBe(true);
  });

  it('refuses a body whose Content-Length is over the cap without reading it', async () => {
    server.setFault({ kind: 'huge', rows: 20_000 });
    const error = await failure(client({ maxResponseBytes: 1_000_000 }).getFunnel(QUERY));
    expect(error).toEqual({ kind: 'invalid_response', tooLarge: 'bytes' });
    expect(server.requests).toHaveLength(1);
  });

  it('reports invalid JSON as invalid_response without retrying', async () => {
    server.setFault({ kind: 'malformed' });
    const error = await failure(client().getFunnel(QUERY));
    expect(error).toEqual({ kind: 'invalid_response' });
    expect(server.requests).toHaveLength(1);
  });

  it.each(['getMeta', 'getFunnel'] as const)('reports JSON of the wrong shape from %s as invalid_response', async (method) => {
    server.setFault({ kind: 'wrong_shape' });
    const api = client();
    const error = await failure(method === 'getMeta' ? api.getMeta() : api.getFunnel(QUERY));
    expect(error.kind).toBe('invalid_response');
  });

  it('keeps the good rows and reports each bad one with its index and field', async () => {
    server.setFault({ kind: 'bad_rows' });
    const funnel = await client().getFunnel(QUERY);
    const valid = server.expectedRows(QUERY);
    expect(funnel.rows).toEqual(valid);
    const { broken } = badRowsBody(valid);
    expect(funnel.problems.map(({ index, field }) => ({ index, field }))).toEqual(broken);
    expect(new Set(broken.map((problem) => problem.field))).toEqual(new Set(['leads', 'mql', 'won', 'sql', 'revenue', 'spend', 'id', 'name']));
  });
});

describe('network failures', () => {
  it('retries a dropped connection, then reports network', async () => {
    server.setFault({ kind: 'down' });
    const error = await failure(client().getMeta());
    expect(error).toEqual({ kind: 'network' });
    expect(server.requests).toHaveLength(3);
  });

  it('reports a refused connection as network', async () => {
    const gone = await startStatsServer({ world: [] });
    await gone.close();
    const error = await failure(client({ baseUrl: gone.baseUrl, maxRetries: 0 }).getMeta());
    expect(error.kind).toBe('network');
  });

  it('reports offline when the browser says so', async () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: { onLine: false }, configurable: true });
    try {
      server.setFault({ kind: 'down' });
      const error = await failure(client({ maxRetries: 0 }).getMeta());
      expect(error.kind).toBe('offline');
    } finally {
      if (original) Object.defineProperty(globalThis, 'navigator', original);
    }
  });
});

describe('createApiClient configuration', () => {
  it.each([
    ['an insecure base URL', { baseUrl: 'http://stats.example.com' }],
    ['an empty key', { apiKey: '' }],
    ['a key with a line break', { apiKey: `${API_KEY}\nX-Injected: 1` }],
    ['a key with a space', { apiKey: `Bearer ${API_KEY}` }],
  ])('refuses %s with not_configured, without quoting the key', (_label, overrides) => {
    let thrown: unknown;
    try {
      createApiClient({ baseUrl: server.baseUrl, apiKey: API_KEY, ...overrides });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ kind: 'not_configured' });
    assertNoKey(thrown);
  });
});

describe('validateBaseUrl', () => {
  it.each([
    ['https://stats.example.com', 'https://stats.example.com'],
    ['https://stats.example.com/funnel-lens/', 'https://stats.example.com'],
    ['  https://stats.example.com:8443/api  ', 'https://stats.example.com:8443'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:8787/prefix', 'http://127.0.0.1:8787'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
  ])('accepts %s', (input, origin) => {
    const result = validateBaseUrl(input);
    expect(result.ok && result.origin).toBe(origin);
  });

  it.each([
    ['', 'invalid'],
    ['stats.example.com', 'invalid'],
    ['ftp://stats.example.com', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
    ['http://stats.example.com', 'insecure'],
    ['http://192.168.1.10:8787', 'insecure'],
    ['http://localhost.example.com', 'insecure'],
    ['https://user:pass@stats.example.com', 'credentials'],
    ['https://user@stats.example.com', 'credentials'],
    ['https://stats.example.com/#/api', 'fragment'],
    ['https://stats.example.com/#', 'fragment'],
    ['https://stats.example.com/?tenant=1', 'query'],
    ['https://stats.example.com/?', 'query'],
  ])('rejects %j as %s', (input, reason) => {
    expect(validateBaseUrl(input)).toEqual({ ok: false, reason });
  });
});

describe('retry timing helpers', () => {
  it('backs off exponentially with jitter in the upper half', () => {
    expect([0, 1, 2].map((attempt) => exponentialBackoffMs(attempt, () => 0))).toEqual([250, 500, 1000]);
    expect([0, 1, 2].map((attempt) => exponentialBackoffMs(attempt, () => 0.999_999))).toEqual([
      expect.closeTo(500, 0),
      expect.closeTo(1000, 0),
      expect.closeTo(2000, 0),
    ]);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-22T08:00:00Z');
    expect(parseRetryAfterSec('30', now)).toBe(30);
    expect(parseRetryAfterSec(' 0 ', now)).toBe(0);
    expect(parseRetryAfterSec('Sun, 22 Nov 2026 08:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfterSec('Sun, 22 Nov 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterSec('soon', now)).toBeUndefined();
    expect(parseRetryAfterSec('-5', now)).toBeUndefined();
    expect(parseRetryAfterSec(null, now)).toBeUndefined();
  });
});

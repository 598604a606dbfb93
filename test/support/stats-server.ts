/**
 * A real Funnel Stats API v1 server on 127.0.0.1 for unit and E2E tests, with switchable faults.
 * Standalone: `npx tsx test/support/stats-server.ts --port 8787 --world demo [--key K] [--prefix /p]`.
 */
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { FunnelQuerySchema } from '../../utils/api/schema';
import type { FunnelQuery, FunnelRow, MetaResponse } from '../../utils/api/schema';
import { DEMO_META } from '../../utils/demo/dataset';
import { inclusiveDays, scaledRow } from '../../utils/demo/scale';
import { demoWorld } from '../fixtures/world';
import type { WorldEntity } from '../fixtures/types';

export type Fault =
  /** Answer with this status (and an error body) `times` times, then recover; forever without `times`. */
  | {
      kind: 'status';
      status: 500 | 401 | 403 | 404 | 503;
      times?: number;
      /** Only the requests this accepts (e.g. one range's funnel). */ only?: (url: URL) => boolean;
    }
  /** 429 with Retry-After, as seconds or (asHttpDate) as an HTTP date that many seconds ahead; without one when retryAfterSec is null. */
  | { kind: 'rate_limit'; retryAfterSec: number | null; asHttpDate?: boolean; times?: number }
  /** Never answer; the socket stays open until close(). */
  | { kind: 'hang' }
  | { kind: 'delay'; ms: number }
  /** 200 with a body that is not JSON. */
  | { kind: 'malformed' }
  /** 200 with JSON that is not the contract. */
  | { kind: 'wrong_shape' }
  /** /v1/funnel answers `rows` generated rows. */
  | { kind: 'huge'; rows: number }
  /** /v1/funnel mixes the real rows with rows that each break one rule (see badRowsBody). */
  | { kind: 'bad_rows' }
  /** Destroy every request's socket without an answer. */
  | { kind: 'down' }
  /** 200, chunked (no Content-Length), a body that never ends; `sentBytes` counts what went out. */
  | { kind: 'endless' };

export interface RecordedRequest {
  method: string;
  /** Path as received, with the prefix, without the query. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Date.now() on arrival. */
  time: number;
  /** The HTTP status answered, once the answer is sent (absent for hung or dropped requests). */
  status?: number;
}

export interface StatsServerOptions {
  apiKey?: string;
  name?: string;
  currency?: string;
  stages?: MetaResponse['stages'];
  world: WorldEntity[];
  /** e.g. `/funnel-lens`: the API then lives under `{origin}/funnel-lens/v1/…`. */
  pathPrefix?: string;
  /** Fixed `as_of`; the time of each request when absent. */
  asOf?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /**
   * Serve HTTPS with this certificate, as a remote API would; the base URL then names `hostname`
   * (a browser must resolve it to 127.0.0.1). Without it, plain HTTP on 127.0.0.1.
   */
  tls?: { key: string; cert: string; hostname: string };
}

export interface StatsServer {
  /** `{origin}{pathPrefix}`: what a user would paste into the settings. */
  baseUrl: string;
  origin: string;
  apiKey: string;
  requests: RecordedRequest[];
  /** The `endless` fault's progress: bytes written, and whether the client hung up. */
  endless: { sentBytes: number; closed: boolean };
  setFault(fault: Fault | null): void;
  setWorld(world: WorldEntity[]): void;
  /** Which identity the rows carry: both (default), IDs only, or names only (the contract needs one). */
  setIdentity(identity: RowIdentity): void;
  /** The rows the server answers for `query` when no fault is set. */
  expectedRows(query: FunnelQuery): FunnelRow[];
  close(): Promise<void>;
}

export const DEFAULT_API_KEY = 'test-key';

/** The stage labels this CRM sends in /v1/meta unless a test gives others: English, as many CRMs name them. */
export const API_STAGES: MetaResponse['stages'] = [
  { key: 'lead', label: 'Lead' },
  { key: 'mql', label: 'MQL' },
  { key: 'sql', label: 'SQL' },
  { key: 'meeting', label: 'Meeting' },
  { key: 'won', label: 'Won' },
];

export type RowIdentity = 'both' | 'id' | 'name';

/** One broken row per rule of the contract, each tagged with the field a validator should blame. */
function brokenRows(firstValid: FunnelRow | undefined): Array<{ field: string; row: unknown }> {
  const ok = { leads: 100, mql: 50, sql: 20, meetings: 10, won: 5, lost: 10, revenue: 5000 };
  const cases: Array<{ field: string; row: unknown }> = [
    { field: 'leads', row: { id: 'neg1', name: 'Negative leads', ...ok, leads: -1 } },
    { field: 'mql', row: { id: 'frac1', name: 'Fractional MQL', ...ok, mql: 2.5 } },
    { field: 'won', row: { id: 'won1', name: 'Won above MQL', ...ok, mql: 10, sql: 10, meetings: 10, won: 11 } },
    { field: 'sql', row: { id: 'sql1', name: 'SQL above MQL', ...ok, sql: 60 } },
    { field: 'revenue', row: { id: 'nan1', name: 'NaN revenue', ...ok, revenue: 'NaN' } },
    { field: 'spend', row: { id: 'inf1', name: 'Infinite spend', ...ok, spend: 'Infinity' } },
    { field: 'id', row: { ...ok } },
    { field: 'name', row: { id: 'long1', name: 'x'.repeat(5000), ...ok } },
  ];
  if (firstValid) cases.push({ field: 'id', row: { ...firstValid, name: `${firstValid.name ?? ''} (copy)` } });
  return cases;
}

/**
 * The `bad_rows` body: valid and broken rows interleaved (valid first, so the duplicate-ID row comes
 * after the row it copies). `broken` lists where each broken row landed and which field it breaks.
 */
export function badRowsBody(valid: FunnelRow[]): { rows: unknown[]; broken: Array<{ index: number; field: string }> } {
  const cases = brokenRows(valid[0]);
  const rows: unknown[] = [];
  const broken: Array<{ index: number; field: string }> = [];
  for (let i = 0; i < Math.max(valid.length, cases.length); i++) {
    if (i < valid.length) rows.push(valid[i]);
    const brokenCase = cases[i];
    if (brokenCase) {
      broken.push({ index: rows.length, field: brokenCase.field });
      rows.push(brokenCase.row);
    }
  }
  return { rows, broken };
}

function generatedRows(count: number): FunnelRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(120200000000000000 + i * 7919),
    name: `Generated campaign ${i + 1}`,
    leads: 50 + (i % 50),
    mql: 20 + (i % 20),
    sql: 10,
    meetings: 5,
    won: i % 5,
    lost: 3,
    revenue: (i % 5) * 1000,
  }));
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Accept',
  'Access-Control-Max-Age': '600',
};

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...CORS_HEADERS, ...headers });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, code: string, message: string, headers?: Record<string, string>): void {
  send(res, status, JSON.stringify({ error: { code, message } }), headers);
}

export async function startStatsServer(options: StatsServerOptions): Promise<StatsServer> {
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '');
  const meta: MetaResponse = {
    name: options.name ?? 'Acme CRM',
    currency: options.currency ?? 'EUR',
    stages: options.stages ?? API_STAGES,
  };
  let world = options.world;
  let fault: Fault | null = null;
  let identity: RowIdentity = 'both';
  const requests: RecordedRequest[] = [];
  const endless = { sentBytes: 0, closed: false };
  const sockets = new Set<Socket>();
  const pendingTimers = new Set<ReturnType<typeof setTimeout>>();

  function expectedRows(query: FunnelQuery): FunnelRow[] {
    const days = inclusiveDays(query.from, query.to);
    return world
      .filter((entity) => entity.platform === query.platform && entity.level === query.level)
      .filter((entity) => query.account_id === undefined || entity.accountId === query.account_id)
      .map((entity) => scaledRow(entity, days))
      .map((row) => {
        if (identity === 'both') return row;
        const { id, name, ...counts } = row;
        return identity === 'id' ? { id, ...counts } : { name, ...counts };
      });
  }

  /** Consume one use of a fault that recovers after `times` requests. */
  function countDown(current: Extract<Fault, { times?: number }>): void {
    if (current.times === undefined) return;
    current.times -= 1;
    if (current.times <= 0) fault = null;
  }

  function funnelBody(query: FunnelQuery): unknown {
    const asOf = options.asOf ?? new Date().toISOString();
    const rows = fault?.kind === 'huge' ? generatedRows(fault.rows) : fault?.kind === 'bad_rows' ? badRowsBody(expectedRows(query)).rows : expectedRows(query);
    return { currency: meta.currency, as_of: asOf, rows };
  }

  function route(res: ServerResponse, path: string, searchParams: URLSearchParams): void {
    let body: unknown;
    if (path === `${prefix}/v1/meta`) {
      body = meta;
    } else if (path === `${prefix}/v1/funnel`) {
      const parsed = FunnelQuerySchema.safeParse(Object.fromEntries(searchParams));
      if (!parsed.success || parsed.data.from > parsed.data.to) {
        return sendError(res, 400, 'bad_request', 'platform, level, from and to are required; from must not be after to');
      }
      body = funnelBody(parsed.data);
    } else {
      return sendError(res, 404, 'not_found', `no such endpoint: ${path}`);
    }
    if (fault?.kind === 'malformed') return send(res, 200, '{"currency": "EUR", "rows": [');
    if (fault?.kind === 'endless') return sendEndless(res);
    if (fault?.kind === 'wrong_shape') return send(res, 200, JSON.stringify({ data: [{ campaign: 'x', leads: '12' }] }));
    send(res, 200, JSON.stringify(body));
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const entry: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      time: Date.now(),
    };
    requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    const current = fault;
    if (current?.kind === 'down') return void req.socket.destroy();
    if (req.method === 'OPTIONS') return send(res, 204, '');
    if (req.method !== 'GET') return sendError(res, 405, 'method_not_allowed', 'only GET is supported');

    // Transport-level faults act before the key check, like a proxy or gateway in front of the API.
    switch (current?.kind) {
      case 'hang':
        return;
      case 'delay': {
        const timer = setTimeout(() => {
          pendingTimers.delete(timer);
          respond(req, res, url);
        }, current.ms);
        pendingTimers.add(timer);
        return;
      }
      case 'status':
        // A request the fault does not concern is answered as usual (it used to get no answer at all).
        if (current.only && !current.only(url)) return respond(req, res, url);
        countDown(current);
        return sendError(res, current.status, `http_${current.status}`, `simulated HTTP ${current.status}`);
      case 'rate_limit': {
        countDown(current);
        if (current.retryAfterSec === null) return sendError(res, 429, 'rate_limited', 'slow down');
        const retryAfter = current.asHttpDate ? new Date(Date.now() + current.retryAfterSec * 1000).toUTCString() : String(current.retryAfterSec);
        return sendError(res, 429, 'rate_limited', 'slow down', { 'Retry-After': retryAfter });
      }
      default:
        respond(req, res, url);
    }
  }

  function respond(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const presented = req.headers.authorization;
    if (presented !== `Bearer ${apiKey}`) {
      // Echoes the presented credentials, as careless real servers do: the client must redact them.
      return sendError(res, 401, 'unauthorized', `API key refused: ${presented ?? '(no Authorization header)'}`);
    }
    route(res, url.pathname, url.searchParams);
  }

  /** Streams rows for as long as the client reads; stops when it hangs up. */
  function sendEndless(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'application/json', ...CORS_HEADERS });
    const row = JSON.stringify(generatedRows(1)[0]);
    const chunk = `${row},`.repeat(Math.ceil((64 * 1024) / (row.length + 1)));
    res.write(`{"currency":"${meta.currency}","as_of":"2026-11-22T08:00:00Z","rows":[`);
    const pump = () => {
      while (!res.destroyed && !res.writableEnded) {
        endless.sentBytes += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
    };
    res.on('close', () => (endless.closed = true));
    pump();
  }

  const server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handle) : createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('stats server has no TCP address');
  const origin = options.tls ? `https://${options.tls.hostname}:${address.port}` : `http://127.0.0.1:${address.port}`;

  return {
    baseUrl: `${origin}${prefix}`,
    origin,
    apiKey,
    requests,
    endless,
    setFault: (next) => {
      // A copy, so counting down `times` does not mutate the caller's object.
      fault = next === null ? null : { ...next };
    },
    setWorld: (next) => {
      world = next;
    },
    expectedRows,
    setIdentity(next) {
      identity = next;
    },
    close: () => {
      for (const timer of pendingTimers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      world: { type: 'string', default: 'demo' },
      key: { type: 'string', default: DEFAULT_API_KEY },
      prefix: { type: 'string', default: '' },
    },
  });
  if (values.world !== 'demo') throw new Error(`unknown world "${values.world}"; only "demo" is available`);
  const server = await startStatsServer({
    world: demoWorld(),
    apiKey: values.key,
    pathPrefix: values.prefix,
    name: DEMO_META.name,
    port: Number(values.port),
  });
  console.log(`Funnel Stats API (demo world) at ${server.baseUrl}`);
  console.log(`API key: ${server.apiKey}`);
  process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

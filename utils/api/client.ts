/**
 * HTTP client for the Funnel Stats API v1. Every failure becomes an ApiRequestError with a kind from
 * ./errors, except a caller's abort, which stays a DOMException named AbortError so callers can
 * tell "cancelled" from "failed". The API key is sent in one header and is never put in an error.
 */
import { ApiRequestError, apiError, sanitizeServerMessage } from './errors';
import type { ApiError } from './errors';
import { ApiErrorBodySchema, RESPONSE_LIMITS, parseFunnelResponse, parseMetaResponse } from './schema';
import type { FunnelQuery, MetaResponse, ParsedFunnel } from './schema';

export type BaseUrlCheck = { ok: true; url: URL; origin: string } | { ok: false; reason: 'invalid' | 'insecure' | 'credentials' | 'fragment' | 'query' };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Is this a usable API base URL? https anywhere; plain http only on this machine, where nothing
 * can eavesdrop on the key. No user:pass@ (the key is the only credential), and no query or
 * fragment, since request paths and parameters are appended to it.
 */
export function validateBaseUrl(input: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'invalid' };
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return { ok: false, reason: 'insecure' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'credentials' };
  // URL drops an empty "#" or "?", so look at the text as well.
  if (url.hash !== '' || input.includes('#')) return { ok: false, reason: 'fragment' };
  if (url.search !== '' || input.includes('?')) return { ok: false, reason: 'query' };
  return { ok: true, url, origin: url.origin };
}

export interface ApiClientOptions {
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  /** Extra attempts after the first, for network errors, timeouts, 5xx and 429. */
  maxRetries?: number;
  /** Wait before retry number `attempt` (0-based). */
  backoffMs?: (attempt: number) => number;
  /** Longest Retry-After we wait for; a longer one fails at once with its value so the caller can reschedule. */
  maxRetryAfterSec?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock for Retry-After given as an HTTP date. */
  now?: () => number;
  /** Longest body read; a longer one is an `invalid_response` (tooLarge: 'bytes'), not retried. */
  maxResponseBytes?: number;
}

export interface ApiClient {
  getMeta(signal?: AbortSignal): Promise<MetaResponse>;
  getFunnel(query: FunnelQuery, signal?: AbortSignal): Promise<ParsedFunnel>;
}

/** Exponential backoff with jitter: 250–500 ms, 500–1000 ms, 1–2 s, …, so tabs retrying together do not hit the API in step. */
export function exponentialBackoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = 500 * 2 ** attempt;
  return ceiling / 2 + random() * (ceiling / 2);
}

/** Parse Retry-After: delta-seconds or an HTTP date. Returns whole seconds from now, or undefined. */
export function parseRetryAfterSec(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  // Every HTTP date format names the day or month; this keeps Date.parse from reading "-5" as a year.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/** A token68-style key: visible ASCII only, so it can go in a header and cannot inject another. */
const API_KEY_PATTERN = /^[\x21-\x7e]+$/;

export function createApiClient(options: ApiClientOptions): ApiClient {
  const {
    apiKey,
    fetch: fetchImpl = globalThis.fetch.bind(globalThis),
    timeoutMs = 10_000,
    maxRetries = 2,
    backoffMs = exponentialBackoffMs,
    maxRetryAfterSec = 60,
    sleep = abortableSleep,
    now = Date.now,
    maxResponseBytes = RESPONSE_LIMITS.bytes,
  } = options;
  const base = validateBaseUrl(options.baseUrl);
  if (!base.ok || !API_KEY_PATTERN.test(apiKey)) throw new ApiRequestError(apiError('not_configured'));
  const baseUrl = base.url;
  // Keep a path prefix such as /funnel-lens, without the trailing or doubled slashes users paste.
  const basePath = baseUrl.pathname.replace(/\/{2,}/g, '/').replace(/\/$/, '');

  function endpoint(path: string, params: Record<string, string | undefined> = {}): string {
    const url = new URL(baseUrl.href);
    url.pathname = `${basePath}${path}`;
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    return url.href;
  }

  /** One request: resolves with the JSON body of a 2xx answer, throws ApiRequestError otherwise. */
  async function attempt(url: string, signal: AbortSignal | undefined): Promise<unknown> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forwardAbort = () => controller.abort();
    signal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      const response = await fetchImpl(url, {
        method: 'GET',
        headers: { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' },
        credentials: 'omit',
        cache: 'no-store',
        // A redirect would resend the Authorization header to wherever the API points us, possibly
        // another origin; a genuine API has no reason to redirect, so refuse instead of following.
        redirect: 'error',
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
      });
      // An error body is read only for its message, which is short.
      const text = await readBodyCapped(response, response.ok ? maxResponseBytes : ERROR_BODY_BYTES);
      if (!response.ok) throw new ApiRequestError(httpError(response, text ?? ''));
      if (text === null) throw new ApiRequestError(apiError('invalid_response', { tooLarge: 'bytes' }));
      try {
        return JSON.parse(text);
      } catch {
        throw new ApiRequestError(apiError('invalid_response'));
      }
    } catch (error) {
      if (signal?.aborted) throw abortError();
      if (error instanceof ApiRequestError) throw error;
      if (timedOut) throw new ApiRequestError(apiError('timeout'));
      // The original error is dropped on purpose: some fetch implementations quote header values
      // (and so the key) in their messages.
      const offline = globalThis.navigator?.onLine === false;
      throw new ApiRequestError(apiError(offline ? 'offline' : 'network'));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  function httpError(response: Response, bodyText: string): ApiError {
    const { status } = response;
    const serverMessage = errorBodyMessage(bodyText);
    if (status === 429) {
      const retryAfterSec = parseRetryAfterSec(response.headers.get('Retry-After'), now());
      return apiError('rate_limited', { status, retryAfterSec, serverMessage });
    }
    const kind = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 404 ? 'not_found' : 'server_error';
    return apiError(kind, { status, serverMessage });
  }

  function errorBodyMessage(bodyText: string): string | undefined {
    let body: unknown;
    try {
      body = JSON.parse(bodyText);
    } catch {
      return undefined;
    }
    const parsed = ApiErrorBodySchema.safeParse(body);
    return parsed.success ? sanitizeServerMessage(parsed.data.error.message, apiKey) : undefined;
  }

  /** How long to wait before retrying after `error`, or undefined when it must not be retried. */
  function retryDelayMs(error: ApiRequestError, retryIndex: number): number | undefined {
    if (error.kind === 'rate_limited') {
      if (error.retryAfterSec === undefined) return backoffMs(retryIndex);
      return error.retryAfterSec <= maxRetryAfterSec ? error.retryAfterSec * 1000 : undefined;
    }
    const transient = error.kind === 'network' || error.kind === 'timeout' || (error.status ?? 0) >= 500;
    return transient ? backoffMs(retryIndex) : undefined;
  }

  async function getJson(url: string, signal: AbortSignal | undefined): Promise<unknown> {
    for (let retryIndex = 0; ; retryIndex++) {
      if (signal?.aborted) throw abortError();
      try {
        return await attempt(url, signal);
      } catch (error) {
        if (!(error instanceof ApiRequestError) || retryIndex >= maxRetries) throw error;
        const delay = retryDelayMs(error, retryIndex);
        if (delay === undefined) throw error;
        try {
          await sleep(delay, signal);
        } catch (sleepError) {
          throw signal?.aborted ? abortError() : sleepError;
        }
      }
    }
  }

  /** Run a schema parse; a mismatch means the server does not speak the contract. */
  function parseOrInvalid<T>(parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      // A limit the parse itself enforces (too many rows) says which one.
      throw error instanceof ApiRequestError ? error : new ApiRequestError(apiError('invalid_response'));
    }
  }

  return {
    async getMeta(signal) {
      const body = await getJson(endpoint('/v1/meta'), signal);
      return parseOrInvalid(() => parseMetaResponse(body));
    },
    async getFunnel(query, signal) {
      const url = endpoint('/v1/funnel', {
        platform: query.platform,
        level: query.level,
        account_id: query.account_id,
        from: query.from,
        to: query.to,
      });
      const body = await getJson(url, signal);
      return parseOrInvalid(() => parseFunnelResponse(body));
    },
  };
}

/** Of an error answer, only this much is read: enough for `{"error": {…}}`. */
const ERROR_BODY_BYTES = 16 * 1024;

/**
 * The body as text, read as a stream and given up on past `maxBytes` (then null; an error body
 * is cut there instead). Never trusts Content-Length alone: it can be absent, or describe a
 * compressed body that inflates far beyond it.
 */
async function readBodyCapped(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('Content-Length'));
  if (response.ok && Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.byteLength > maxBytes) {
      await reader.cancel().catch(() => undefined);
      if (response.ok) return null;
      chunks.push(value.subarray(0, maxBytes - length));
      length = maxBytes;
      break;
    }
    chunks.push(value);
    length += value.byteLength;
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function abortError(): DOMException {
  return new DOMException('The request was aborted.', 'AbortError');
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

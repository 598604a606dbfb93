/**
 * Everything that can go wrong when talking to the Funnel Stats API, as data.
 * An ApiError is a plain JSON object so it survives extension messaging (background → content script → UI);
 * the UI turns `kind` into text via `errorMessageKey`, so no user-facing wording lives here.
 */

export const API_ERROR_KINDS = [
  /** No base URL or API key saved, or the saved ones are unusable. */
  'not_configured',
  /** The browser has not granted host permission for the API's origin. */
  'permission_missing',
  /** 401: the key was refused. */
  'unauthorized',
  /** 403: the key is valid but may not read this data. */
  'forbidden',
  /** 404: wrong base URL or path prefix. */
  'not_found',
  /** 429 after the retries, or a Retry-After too long to wait for; see `retryAfterSec`. */
  'rate_limited',
  /** 5xx after the retries, or any other unexpected status (e.g. 400); see `status`. */
  'server_error',
  /** No answer within the time limit. */
  'timeout',
  /** The request never got an HTTP answer: DNS, TLS, refused connection, CORS, redirect. */
  'network',
  /** Like `network`, but the browser reports that it is offline. */
  'offline',
  /** A 2xx answer that is not JSON or not the contract's shape. */
  'invalid_response',
  /** Not the API's fault: the browser could not store its answer (disk full); it is served from memory. */
  'storage',
] as const;
export type ApiErrorKind = (typeof API_ERROR_KINDS)[number];

export interface ApiError {
  kind: ApiErrorKind;
  /** HTTP status, when there was an HTTP answer. */
  status?: number;
  /** Seconds the server asked us to wait (429 Retry-After). */
  retryAfterSec?: number;
  /** The server's own `error.message`, shortened and with any API key removed. */
  serverMessage?: string;
  /** An `invalid_response` because the answer was over a limit (see RESPONSE_LIMITS in schema.ts). */
  tooLarge?: 'bytes' | 'rows';
}

export const MAX_SERVER_MESSAGE_LENGTH = 300;

/** Build a plain ApiError, leaving out absent details so it is JSON-identical after a round trip. */
export function apiError(kind: ApiErrorKind, details: Omit<ApiError, 'kind'> = {}): ApiError {
  const error: ApiError = { kind };
  if (details.status !== undefined) error.status = details.status;
  if (details.retryAfterSec !== undefined) error.retryAfterSec = details.retryAfterSec;
  if (details.serverMessage !== undefined) error.serverMessage = details.serverMessage;
  if (details.tooLarge !== undefined) error.tooLarge = details.tooLarge;
  return error;
}

/**
 * What the API client throws: a real Error (stack traces, `instanceof`) that also satisfies `ApiError`,
 * so `isApiError` accepts it directly. Use `toJSON()` (or `apiError(...)`) before sending it over messaging.
 * Its `message` is built from kind and status only, never from server text or request data.
 */
export class ApiRequestError extends Error implements ApiError {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly retryAfterSec?: number;
  readonly serverMessage?: string;
  readonly tooLarge?: 'bytes' | 'rows';

  constructor(error: ApiError) {
    super(`Funnel Stats API: ${error.kind}${error.status === undefined ? '' : ` (HTTP ${error.status})`}`);
    this.name = 'ApiRequestError';
    this.kind = error.kind;
    this.status = error.status;
    this.retryAfterSec = error.retryAfterSec;
    this.serverMessage = error.serverMessage;
    this.tooLarge = error.tooLarge;
  }

  toJSON(): ApiError {
    return toApiError(this);
  }
}

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    (API_ERROR_KINDS as readonly unknown[]).includes(candidate.kind) &&
    (candidate.status === undefined || typeof candidate.status === 'number') &&
    (candidate.retryAfterSec === undefined || typeof candidate.retryAfterSec === 'number') &&
    (candidate.serverMessage === undefined || typeof candidate.serverMessage === 'string') &&
    (candidate.tooLarge === undefined || candidate.tooLarge === 'bytes' || candidate.tooLarge === 'rows')
  );
}

/**
 * The plain ApiError for whatever a `catch` received, ready for messaging or storage. Anything that
 * is not an ApiError (a bug, a storage failure) becomes `network` without details: the request did
 * not complete, and its message might hold anything, so it is not passed on.
 */
export function toApiError(thrown: unknown): ApiError {
  return isApiError(thrown) ? apiError(thrown.kind, thrown) : apiError('network');
}

const REDACTED = '[redacted]';

/**
 * Make a server-supplied message safe to store and show: some servers echo the request's
 * Authorization header back in their error text, so the key (and any bearer token) is removed
 * before the text is shortened. Control characters go too, as they only garble the UI.
 */
export function sanitizeServerMessage(message: string, apiKey: string): string {
  let text = message;
  if (apiKey !== '') text = text.split(apiKey).join(REDACTED);
  text = text
    .replace(/Bearer\s+[\w.~+/-]+=*/gi, `Bearer ${REDACTED}`) // RFC 6750 token68 characters
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  return text.length > MAX_SERVER_MESSAGE_LENGTH ? `${text.slice(0, MAX_SERVER_MESSAGE_LENGTH - 1)}…` : text;
}

/** The i18n key (see utils/i18n/locales) of the explanation shown for each kind. */
export function errorMessageKey<K extends ApiErrorKind>(kind: K): `error.${K}` {
  return `error.${kind}`;
}

import { describe, expect, it } from 'vitest';
import {
  API_ERROR_KINDS,
  ApiRequestError,
  MAX_SERVER_MESSAGE_LENGTH,
  apiError,
  errorMessageKey,
  isApiError,
  sanitizeServerMessage,
  toApiError,
} from '../../../utils/api/errors';

describe('apiError', () => {
  it('leaves out absent details so a JSON round trip gives the same object', () => {
    const error = apiError('rate_limited', { status: 429, retryAfterSec: undefined });
    expect(error).toStrictEqual({ kind: 'rate_limited', status: 429 });
    expect(JSON.parse(JSON.stringify(error))).toStrictEqual(error);
  });
});

describe('ApiRequestError', () => {
  const thrown = new ApiRequestError({ kind: 'server_error', status: 503, serverMessage: 'maintenance' });

  it('is an Error that isApiError accepts', () => {
    expect(thrown).toBeInstanceOf(Error);
    expect(isApiError(thrown)).toBe(true);
    expect(thrown.message).toBe('Funnel Stats API: server_error (HTTP 503)');
  });

  it('serialises to the plain ApiError', () => {
    expect(JSON.parse(JSON.stringify(thrown))).toStrictEqual({ kind: 'server_error', status: 503, serverMessage: 'maintenance' });
    expect(thrown.toJSON()).not.toBeInstanceOf(Error);
  });
});

describe('isApiError', () => {
  it.each(API_ERROR_KINDS)('accepts kind %s', (kind) => {
    expect(isApiError({ kind })).toBe(true);
  });

  it.each([
    ['null', null],
    ['a string', 'timeout'],
    ['an unknown kind', { kind: 'disabled' }],
    ['a non-numeric status', { kind: 'timeout', status: '500' }],
    ['a non-numeric retryAfterSec', { kind: 'rate_limited', retryAfterSec: '5' }],
    ['a non-string serverMessage', { kind: 'server_error', serverMessage: 42 }],
    ['a plain Error', new Error('timeout')],
  ])('rejects %s', (_label, value) => {
    expect(isApiError(value)).toBe(false);
  });
});

describe('toApiError', () => {
  it('turns an ApiRequestError into a plain object', () => {
    const plain = toApiError(new ApiRequestError({ kind: 'not_found', status: 404 }));
    expect(plain).toStrictEqual({ kind: 'not_found', status: 404 });
    expect(plain).not.toBeInstanceOf(Error);
  });

  it('reports anything else as network without passing its message on', () => {
    expect(toApiError(new TypeError('Headers.append: "Bearer secret" is an invalid header value'))).toStrictEqual({ kind: 'network' });
  });
});

describe('sanitizeServerMessage', () => {
  it('removes the API key wherever it appears, and bearer tokens', () => {
    const text = sanitizeServerMessage('key k3y-123 rejected (header: Bearer other-token), k3y-123 again', 'k3y-123');
    expect(text).toBe('key [redacted] rejected (header: Bearer [redacted]), [redacted] again');
  });

  it(`shortens to ${MAX_SERVER_MESSAGE_LENGTH} characters`, () => {
    const text = sanitizeServerMessage('a'.repeat(1000), 'key');
    expect(text).toHaveLength(MAX_SERVER_MESSAGE_LENGTH);
    expect(text.endsWith('…')).toBe(true);
  });

  it('redacts before shortening, so a key at the cut cannot survive in part', () => {
    const key = 'SECRETKEY-0123456789';
    const text = sanitizeServerMessage(`${'a'.repeat(290)}${key}`, key);
    expect(text).not.toContain('SECRET');
  });

  it('replaces control characters with spaces', () => {
    expect(sanitizeServerMessage('line one\r\nline\ttwo\u0007', 'key')).toBe('line one line two');
  });
});

describe('errorMessageKey', () => {
  it('maps every kind to its error.* i18n key', () => {
    expect(API_ERROR_KINDS.map(errorMessageKey)).toEqual(API_ERROR_KINDS.map((kind) => `error.${kind}`));
    expect(errorMessageKey('unauthorized')).toBe('error.unauthorized');
  });
});

import type { FunnelFailure } from '../messaging';
import { RESPONSE_LIMITS } from '../api/constants';
import { t, type MessageKey } from './t';

const formatLimit = (n: number) => n.toLocaleString(globalThis.navigator?.language);

/** The plain-words explanation of an API error, with what to do next. */
export function errorText(error: FunnelFailure): string {
  if ('tooLarge' in error && error.tooLarge === 'rows') return t('error.tooManyRows', { limit: formatLimit(RESPONSE_LIMITS.rows) });
  if ('tooLarge' in error && error.tooLarge === 'bytes') return t('error.tooManyBytes', { limit: formatLimit(RESPONSE_LIMITS.bytes / 2 ** 20) });
  return t(`error.${error.kind}` as MessageKey) || t('error.unknown');
}

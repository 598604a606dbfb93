import type { FunnelFailure } from '../messaging';
import { t, type MessageKey } from './t';

/** The plain-words explanation of an API error, with what to do next. */
export function errorText(error: FunnelFailure): string {
  return t(`error.${error.kind}` as MessageKey) || t('error.unknown');
}

/**
 * The one way user-facing text is produced: @wxt-dev/i18n messages (utils/i18n/locales/*.yml),
 * English and Finnish, following the browser's UI language.
 */
import { i18n, type GeneratedI18nStructure } from '#i18n';

export type MessageKey = keyof GeneratedI18nStructure;
export type Substitutions = Record<string, string | number>;
export type Translate = (key: MessageKey, substitutions?: Substitutions) => string;

export const t: Translate = (key, substitutions) => {
  const translate = i18n.t as unknown as (key: string, subs?: Record<string, string>) => string;
  if (!substitutions) return translate(key);
  return translate(key, Object.fromEntries(Object.entries(substitutions).map(([k, v]) => [k, String(v)])));
};

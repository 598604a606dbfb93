/**
 * The one way user-facing text is produced: @wxt-dev/i18n messages (utils/i18n/locales/*.yml),
 * English and Finnish, following the browser's UI language.
 */
import { i18n, type GeneratedI18nStructure } from '#i18n';

export type MessageKey = keyof GeneratedI18nStructure;
export type Substitutions = Record<string, string | number>;
export type Translate = (key: MessageKey, substitutions?: Substitutions) => string;

/** `{name}` placeholders, as @wxt-dev/i18n writes them into messages.json. */
const NAMED_SUBSTITUTION = /\{([A-Za-z0-9_]+)\}/g;

/**
 * Message templates by key. The browser's UI language is fixed for the life of a page, and a
 * native getMessage call costs far more than a Map lookup: badges of a scrolling table ask for
 * the same few messages thousands of times.
 */
const templates = new Map<string, string>();

export const t: Translate = (key, substitutions) => {
  let template = templates.get(key);
  if (template === undefined) {
    template = (i18n.t as unknown as (key: string) => string)(key);
    templates.set(key, template);
  }
  if (!substitutions) return template;
  return template.replace(NAMED_SUBSTITUTION, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(substitutions, name) ? String(substitutions[name]) : match,
  );
};

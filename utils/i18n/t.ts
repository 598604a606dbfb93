/**
 * The one way user-facing text is produced: @wxt-dev/i18n messages (utils/i18n/locales/*.yml),
 * English and Finnish, following the browser's UI language.
 */
import { i18n, type GeneratedI18nStructure } from '#i18n';

export type MessageKey = keyof GeneratedI18nStructure;
export type Substitutions = Record<string, string | number>;
export type Translate = (key: MessageKey, substitutions?: Substitutions) => string;

/** `{name}` placeholders, as @wxt-dev/i18n writes them into messages.json. */
const NAMED_SUBSTITUTION = /\{([A-Za-z0-9_]+)\}/;

/**
 * Message templates by key, split at their placeholders: [text, name, text, name, …, text].
 * The browser's UI language is fixed for the life of a page, and a native getMessage call costs
 * far more than a Map lookup: badges of a scrolling table ask for the same few messages
 * thousands of times, with up to eight substitutions each.
 */
const templates = new Map<string, string[]>();

export const t: Translate = (key, substitutions) => {
  let parts = templates.get(key);
  if (parts === undefined) {
    parts = (i18n.t as unknown as (key: string) => string)(key).split(NAMED_SUBSTITUTION);
    templates.set(key, parts);
  }
  let text = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const value = substitutions && Object.prototype.hasOwnProperty.call(substitutions, name) ? substitutions[name] : undefined;
    text += (value === undefined ? `{${name}}` : String(value)) + (parts[i + 1] as string);
  }
  return text;
};

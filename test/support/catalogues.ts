/**
 * The extension's message catalogues (utils/i18n/locales/{en,fi}.yml) as tests read them: every
 * message by its dotted key (`badge.rate`). The unit tests' fake browser serves them, and the
 * language checks compare what the UI shows against them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYAML } from 'confbox/yaml';

export type UiLanguage = 'en' | 'fi';
export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'fi'];

function flatten(tree: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') Object.assign(out, flatten(value as Record<string, unknown>, name));
    else out[name] = String(value);
  }
  return out;
}

/** Every message of `lang`, by dotted key. */
export function catalogue(lang: UiLanguage): Record<string, string> {
  const file = path.resolve(import.meta.dirname, `../../utils/i18n/locales/${lang}.yml`);
  return flatten(parseYAML(readFileSync(file, 'utf8')) as Record<string, unknown>);
}

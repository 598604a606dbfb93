import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { catalogue, type UiLanguage } from '../support/catalogues';

/**
 * The fake browser has no i18n. Serve the real messages from utils/i18n/locales/*.yml (English
 * unless a test file asks for another UI language), named the way @wxt-dev/i18n names them
 * (`badge.rate` → `badge_rate`), so unit tests see the same text a user does.
 */
let uiLanguage: UiLanguage = 'en';
const served = new Map<UiLanguage, Record<string, string>>();

/**
 * Sets this test file's UI language. Call it at the top of the file, before anything reads a
 * message: utils/i18n/t keeps each message it read for the life of the page, as the browser's
 * UI language cannot change under it.
 */
export function useUiLanguage(lang: UiLanguage): void {
  uiLanguage = lang;
  installI18n();
}

function installI18n(): void {
  let messages = served.get(uiLanguage);
  if (!messages) {
    messages = Object.fromEntries(Object.entries(catalogue(uiLanguage)).map(([key, text]) => [key.replaceAll('.', '_'), text]));
    served.set(uiLanguage, messages);
  }
  const current = messages;
  fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => {
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return (current[name] ?? '').replace(/\$(\d)/g, (_, i: string) => subs[Number(i) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => (uiLanguage === 'fi' ? 'fi' : 'en-US');
}

installI18n();
beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

/** The UI language: the browser's, like browser.i18n. Finnish or English. */
import { browser } from 'wxt/browser';

export type UiLocale = 'en' | 'fi';

export function uiLocale(): UiLocale {
  try {
    return browser.i18n.getUILanguage().toLowerCase().startsWith('fi') ? 'fi' : 'en';
  } catch {
    return 'en';
  }
}

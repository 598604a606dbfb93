import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYAML } from 'confbox/yaml';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * The fake browser has no i18n. Serve the real English messages from utils/i18n/locales/en.yml,
 * flattened the way @wxt-dev/i18n names them (`badge.rate` → `badge_rate`), so unit tests see
 * the same text a user does.
 */
function flatten(tree: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}_${key}` : key;
    if (value !== null && typeof value === 'object') Object.assign(out, flatten(value as Record<string, unknown>, name));
    else out[name] = String(value);
  }
  return out;
}
const messages = flatten(parseYAML(readFileSync(path.resolve(import.meta.dirname, '../../utils/i18n/locales/en.yml'), 'utf8')) as Record<string, unknown>);

function installI18n(): void {
  fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => {
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return (messages[name] ?? '').replace(/\$(\d)/g, (_, i: string) => subs[Number(i) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
}

installI18n();
beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

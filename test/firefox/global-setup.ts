/**
 * The Firefox tests drive the built Firefox extension. `npm test` builds it first; a developer
 * running `npx vitest run --project firefox` alone gets a build here when none exists.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ensureFirefox } from '../support/ensure-firefox';
import { FIREFOX_EXTENSION_DIR } from './support/firefox';

export default function setup(): void {
  if (!existsSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    execSync('npx wxt build -b firefox', { stdio: 'inherit', cwd: path.resolve(import.meta.dirname, '../..') });
  }
  ensureFirefox();
}

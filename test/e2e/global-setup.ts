/**
 * The E2E suite tests the built extension. `npm test` builds it first; a developer running
 * `npx vitest --project e2e` alone gets a build here when none exists.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR } from './support/browser';

export default function setup(): void {
  const manifest = path.join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifest)) {
    execSync('npx wxt build', { stdio: 'inherit', cwd: path.resolve(import.meta.dirname, '../..') });
  }
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    throw new Error('Chromium is missing: run `npm test` (it installs Debian chromium) or `apt-get install -y chromium`.');
  }
}

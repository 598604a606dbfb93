/** Makes sure Debian's Chromium is there (tests and the demo drive it); installs it when missing. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  console.log(`Chromium not found at ${CHROMIUM_PATH}: installing Debian's chromium package.`);
  const asRoot = process.getuid?.() === 0;
  const run = (args: string[]) => spawnSync(asRoot ? args[0]! : 'sudo', asRoot ? args.slice(1) : args, { stdio: 'inherit' });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', 'chromium']);
  if (!existsSync(CHROMIUM_PATH)) {
    console.error('Could not install Chromium. Install it (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.');
    process.exit(1);
  }
}

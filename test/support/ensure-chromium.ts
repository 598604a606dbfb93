/** Makes sure Debian's Chromium is there (tests and the demo drive it); installs it when missing. */
import { ensureDebianPackage } from './debian-package';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium(): void {
  ensureDebianPackage(CHROMIUM_PATH, 'chromium', 'Install it (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.');
}

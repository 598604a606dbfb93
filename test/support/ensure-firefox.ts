/** Makes sure Debian's Firefox ESR is there (the Firefox tests drive it); installs it when missing. */
import { ensureDebianPackage } from './debian-package';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function ensureFirefox(): void {
  ensureDebianPackage(FIREFOX_PATH, 'firefox-esr', 'Install it (apt-get install firefox-esr) or set FIREFOX_PATH to a Firefox binary.');
}

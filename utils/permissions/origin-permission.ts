/** Host-permission patterns for the user's API origin, and asking the user for one. */
import { browser } from 'wxt/browser';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `https://stats.example.com/*` for a base URL; null when it is not a URL. */
export function originPattern(baseUrl: string): string | null {
  try {
    const url = new URL(baseUrl);
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}

/** Loopback is granted at install; every other origin is requested when the user saves it. */
export function needsOptionalPermission(baseUrl: string): boolean {
  try {
    return !LOOPBACK_HOSTS.has(new URL(baseUrl).hostname);
  } catch {
    return false;
  }
}

export type PermissionOutcome = 'granted' | 'denied' | 'failed';

/**
 * Asks for the API origin, if it is not loopback (granted at install). Must run inside the
 * user's click: browsers only show the prompt for a user gesture. `failed` means the browser
 * refused to ask at all (an origin the manifest does not declare as optional, no gesture), which
 * the popup must say rather than silently do nothing.
 */
export async function requestOriginPermission(baseUrl: string): Promise<PermissionOutcome> {
  if (!needsOptionalPermission(baseUrl)) return 'granted';
  const pattern = originPattern(baseUrl);
  if (!pattern) return 'failed';
  try {
    return (await browser.permissions.request({ origins: [pattern] })) ? 'granted' : 'denied';
  } catch {
    return 'failed';
  }
}

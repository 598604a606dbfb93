/** Host-permission patterns for the user's API origin. */

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

/**
 * Which ad manager a page URL belongs to, by the content scripts' own match patterns. The
 * background uses it to classify a sender, the popup to know whether the active tab has an
 * overlay to ask.
 */
import type { Platform } from '../api/constants';
import { GOOGLE_ADS_MATCHES } from './google-ads';
import { LINKEDIN_MATCHES } from './linkedin-ads';
import { META_MATCHES } from './meta-ads';

/** The content scripts' match patterns, per platform (the same lists their entrypoints use). */
const MATCHES_BY_PLATFORM: Record<Platform, readonly string[]> = {
  google_ads: GOOGLE_ADS_MATCHES,
  meta_ads: META_MATCHES,
  linkedin_ads: LINKEDIN_MATCHES,
};

/** `https://host/path/*` patterns only, which is all the manifest uses. */
function matchesPattern(url: URL, pattern: string): boolean {
  const match = /^(https):\/\/([^/*]+)(\/.*)$/.exec(pattern);
  if (!match) return false;
  const [, scheme, host, path] = match as unknown as [string, string, string, string];
  const pathPrefix = path.endsWith('*') ? path.slice(0, -1) : null;
  return url.protocol === `${scheme}:` && url.host === host && (pathPrefix === null ? url.pathname === path : url.pathname.startsWith(pathPrefix));
}

/** The ad manager a page URL belongs to, by the content scripts' own match patterns. */
export function platformOfPage(pageUrl: string): Platform | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  for (const [platform, patterns] of Object.entries(MATCHES_BY_PLATFORM) as Array<[Platform, readonly string[]]>) {
    if (patterns.some((pattern) => matchesPattern(url, pattern))) return platform;
  }
  return null;
}

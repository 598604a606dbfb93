/**
 * Which ad platform a lead came from, read from a source or utm_source value through a table the
 * user can edit. The default table is the issue's; matching is case-insensitive, first on the
 * whole value, then on each word of it ("Google AdWords", "lnkd.in", "Facebook Ads").
 */
import type { Platform } from '../api/constants';

export type PlatformTable = Record<string, Platform>;

export const DEFAULT_PLATFORM_TABLE: PlatformTable = {
  facebook: 'meta_ads',
  fb: 'meta_ads',
  instagram: 'meta_ads',
  ig: 'meta_ads',
  meta: 'meta_ads',
  google: 'google_ads',
  adwords: 'google_ads',
  cpc: 'google_ads',
  gclid: 'google_ads',
  linkedin: 'linkedin_ads',
  lnkd: 'linkedin_ads',
};

export function normaliseKey(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The platform a value names, or null when the table does not know it. */
export function platformOf(value: string, table: PlatformTable): Platform | null {
  const key = normaliseKey(value);
  if (key === '') return null;
  const whole = table[key];
  if (whole) return whole;
  for (const word of key.split(/[^\p{L}\p{N}]+/u)) {
    const found = word ? table[word] : undefined;
    if (found) return found;
  }
  return null;
}

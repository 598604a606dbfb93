/**
 * Which ad platform a lead came from, read from a source or utm_source value through a table the
 * user can edit. The default table is the issue's; matching is case-insensitive, first on the
 * whole value, then on each word of it ("Google AdWords", "lnkd.in", "Facebook Ads").
 */
import { PLATFORMS, type Platform } from '../api/constants';

export type PlatformTable = Record<string, Platform>;

export const DEFAULT_PLATFORM_TABLE: PlatformTable = {
  facebook: 'meta_ads', fb: 'meta_ads', instagram: 'meta_ads', ig: 'meta_ads', meta: 'meta_ads',
  google: 'google_ads', adwords: 'google_ads', cpc: 'google_ads', gclid: 'google_ads',
  linkedin: 'linkedin_ads', lnkd: 'linkedin_ads',
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

/** A user-edited table, keeping only entries that name a real platform. */
export function cleanPlatformTable(raw: Record<string, unknown>): PlatformTable {
  const table: PlatformTable = {};
  for (const [key, value] of Object.entries(raw)) {
    const k = normaliseKey(key);
    if (k && typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value)) table[k] = value as Platform;
  }
  return table;
}

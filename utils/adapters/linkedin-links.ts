/**
 * LinkedIn Campaign Manager's URLs and links, read without the DOM: which list page a URL shows
 * (A1), which entity a row's name link names (A3), and the page's own name for the level (A2).
 * The assumptions A1–A9 and their evidence are listed in linkedin-ads.ts.
 */
import type { Level } from '../api/schema';
import { collapseSpaces } from './shared/text';

/** The list page's path segment (after `/accounts/{acct}/`) for each level. */
const SEGMENT_BY_LEVEL: Record<Level, string> = { campaign: 'campaign-groups', ad_group: 'campaigns', ad: 'creatives' };
/** Query parameter that filters a list to entities of the level (`campaigns?campaignGroupIds=[1]`). */
const FILTER_PARAM_BY_LEVEL: Record<Level, string> = {
  campaign: 'campaignGroupIds',
  ad_group: 'campaignIds',
  ad: 'creativeIds',
};

const ACCOUNT_PATH = /^\/campaignmanager\/accounts\/(\d{1,20})(?:\/(.*))?$/;
const ENTITY_ID = /^\d{1,20}$/;

export interface LinkedInUrlInfo {
  level: Level;
  accountId: string;
  /** The path segment the level's list lives at, for finding the page's label (A2). */
  segment: string;
}

/** A1: which list page a URL shows, or null for any other page. */
export function readLinkedInUrl(url: URL): LinkedInUrlInfo | null {
  if (url.hostname !== 'www.linkedin.com') return null;
  const match = ACCOUNT_PATH.exec(url.pathname.replace(/\/+$/, ''));
  if (!match) return null;
  const accountId = match[1] as string;
  const rest = (match[2] ?? '').split('/').filter(Boolean);
  if (rest.length === 1) {
    const level = levelOfSegment(rest[0] as string);
    return level ? { level, accountId, segment: rest[0] as string } : null;
  }
  // A campaign's (ad set's) own creatives list.
  if (rest.length === 3 && rest[0] === 'campaigns' && ENTITY_ID.test(rest[1] as string) && rest[2] === 'creatives') {
    return { level: 'ad', accountId, segment: 'creatives' };
  }
  return null;
}

function levelOfSegment(segment: string): Level | null {
  for (const [level, s] of Object.entries(SEGMENT_BY_LEVEL)) if (s === segment) return level as Level;
  return null;
}

/**
 * A3: the ID of the entity of `level` a name link points at, or null when the link points at
 * anything else (another level, another account, a list of several).
 * `/campaign-groups/123`, `/campaigns/123/details`, `/creatives/123`, `/campaigns?campaignGroupIds=[123]`.
 */
export function entityIdFromHref(href: string, level: Level, accountId: string | null): string | null {
  let url: URL;
  try {
    url = new URL(href, 'https://www.linkedin.com');
  } catch {
    return null;
  }
  const match = ACCOUNT_PATH.exec(url.pathname.replace(/\/+$/, ''));
  if (!match || (accountId !== null && match[1] !== accountId)) return null;
  const rest = (match[2] ?? '').split('/').filter(Boolean);
  if (rest[0] === SEGMENT_BY_LEVEL[level] && rest.length >= 2) {
    const id = rest[1] as string;
    return ENTITY_ID.test(id) ? id : null;
  }
  // A list filtered to one entity of this level (the link drills down into it).
  const filter = url.searchParams.get(FILTER_PARAM_BY_LEVEL[level]);
  if (filter !== null) {
    const ids = filter
      .replace(/^(?:List)?[[(]|[\])]$/g, '')
      .split(',')
      .map((s) => s.trim().replace(/^urn:li:\w+:/, ''));
    if (ids.length === 1 && ENTITY_ID.test(ids[0] as string)) return ids[0] as string;
  }
  return null;
}

/** A2: a level label as printed on a tab or nav link: counts such as "(12)" dropped. */
export function cleanLevelLabel(text: string): string {
  return collapseSpaces(text)
    .replace(/\s*\(\d[\d,.\s]*\)$/, '')
    .replace(/\s+\d[\d,.\s]*$/, '');
}

export interface LevelLink {
  /** The link's URL path, without query. */
  path: string;
  text: string;
  /** Marked as the current page (`aria-current="page"`, `aria-selected="true"`). */
  current: boolean;
}

/**
 * A2: the page's own name for the level: the text of a link (tab, nav) to this level's list,
 * the current one first (a breadcrumb to the same list may say "All campaign groups").
 */
export function pickLevelLabel(links: readonly LevelLink[], accountId: string, segment: string): string | null {
  const listPath = `/campaignmanager/accounts/${accountId}/${segment}`;
  const ordered = [...links.filter((l) => l.current), ...links.filter((l) => !l.current)];
  for (const link of ordered) {
    if (link.path.replace(/\/+$/, '') !== listPath) continue;
    const label = cleanLevelLabel(link.text);
    if (label) return label;
  }
  return null;
}

/**
 * Google Ads' page context from its URL and the texts the DOM gives (google-ads.ts reads those):
 * the list level from the path, the customer ID from the account picker's text, the range from the
 * date picker's label, and a row's own ID from its name link. Pure: no DOM, `today` passed in.
 * Evidence: shared/reference/ad-ui-dom.md (Google section). The `ocid` URL parameter is an
 * internal ID, not the customer ID, and is never sent as one.
 */
import type { Level } from '../api/schema';
import type { PageContext } from '../overlay/adapter';
import { firstRangeOf, rangeFields } from './shared/context';

const LEVEL_BY_PATH: Record<string, Level> = { campaigns: 'campaign', adgroups: 'ad_group', ads: 'ad' };

/**
 * The drill-down parameter that names a row's own object in its name link. An ad group's link
 * carries its campaign's `campaignId` too, so each level reads only its own parameter.
 * (`adGroupId` and `adId` are guesses following `campaignId`; the reference names only the latter.)
 */
const ID_PARAM_BY_LEVEL: Record<Level, string> = { campaign: 'campaignId', ad_group: 'adGroupId', ad: 'adId' };

/** The list level from a Google Ads URL; null for overview, settings and every other page. */
export function googleLevelFromUrl(url: URL): Level | null {
  if (url.hostname !== 'ads.google.com') return null;
  const match = /^\/aw\/(campaigns|adgroups|ads)\/?$/.exec(url.pathname);
  return match ? (LEVEL_BY_PATH[match[1] as string] as Level) : null;
}

/**
 * The customer ID printed in the account picker (`123-456-7890`, any hyphen or space between the
 * groups) as digits. Null when the text shows none, or more than one different ID (a manager and
 * a client account side by side: which one the table shows is not certain).
 */
export function parseCustomerId(text: string): string | null {
  const ids = new Set<string>();
  for (const m of text.matchAll(/(?<![\d-])(\d{3})[-\u2010\u2011\u2013\s\u00a0](\d{3})[-\u2010\u2011\u2013\s\u00a0](\d{4})(?![\d-])/g)) {
    ids.add(`${m[1]}${m[2]}${m[3]}`);
  }
  return ids.size === 1 ? ([...ids][0] as string) : null;
}

/**
 * Links already parsed, per level: `new URL` was the adapter's largest cost while rows scroll by,
 * and a scroll shows the same few hundred links again and again. Emptied when it gets this big.
 */
const PARSED_LINKS_MAX = 10_000;
const parsedLinks = new Map<string, string | null>();

/** The ID a name link names for this level: `campaignId=` on campaign rows, and so on. */
export function idFromHref(href: string, level: Level, base = 'https://ads.google.com/'): string | null {
  const key = `${level} ${base} ${href}`;
  const known = parsedLinks.get(key);
  if (known !== undefined) return known;
  if (parsedLinks.size >= PARSED_LINKS_MAX) parsedLinks.clear();
  const param = ID_PARAM_BY_LEVEL[level];
  let value = plainQueryParam(href, param);
  if (value === undefined) {
    try {
      value = new URL(href, base).searchParams.get(param);
    } catch {
      value = null; // Not a URL: no ID.
    }
  }
  const id = value && /^\d{1,20}$/.test(value) ? value : null;
  parsedLinks.set(key, id);
  return id;
}

/** Any character up to U+0020 (controls and space), by code: a regex would name the controls. */
function hasSpaceOrControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) <= 0x20) return true;
  return false;
}

/**
 * The first value of `name` in the href's query, as URLSearchParams reads it, when nothing in the
 * query needs decoding (no `%`, no `+`, no spaces or controls); undefined otherwise, for the URL
 * parser to answer.
 */
export function plainQueryParam(href: string, name: string): string | null | undefined {
  const hash = href.indexOf('#');
  const withoutHash = hash < 0 ? href : href.slice(0, hash);
  const start = withoutHash.indexOf('?');
  if (start < 0) return null;
  const query = withoutHash.slice(start + 1);
  // Escapes, and spaces or controls (which the URL parser strips), are the parser's to read.
  if (query.includes('%') || query.includes('+') || hasSpaceOrControl(href)) return undefined;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if ((eq < 0 ? pair : pair.slice(0, eq)) === name) return eq < 0 ? '' : pair.slice(eq + 1);
  }
  return null;
}

/** The pure part of the context: everything but what only the DOM knows. */
export function googleContext(
  url: URL,
  input: { accountText: string | null; rangeLabels: string[]; levelLabel: string | null },
  today: Date,
): PageContext | null {
  const level = googleLevelFromUrl(url);
  if (!level) return null;
  return {
    platform: 'google_ads',
    level,
    levelLabel: input.levelLabel || null,
    accountId: input.accountText === null ? null : parseCustomerId(input.accountText),
    ...rangeFields(firstRangeOf(input.rangeLabels, today), 'label', today),
  };
}

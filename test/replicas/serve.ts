/**
 * Serves the ad-manager replicas at the real ad-manager URLs, through Playwright request routing,
 * so the extension's content scripts match and run exactly as on the live sites.
 *
 * The core, `routeReplica`, knows nothing about Meta: a replica is a directory with index.html
 * (holding a `<!--REPLICA_DATA-->` marker) and a few static assets. Google Ads and LinkedIn
 * replicas plug in with their own `ReplicaSite`, as `routeMetaReplica` does below.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Route } from 'playwright-core';
import type { ReplicaCampaign } from '../fixtures/types';

const REPLICAS_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Where a replica lives and which URLs it answers. */
export interface ReplicaSite {
  /** Directory name under test/replicas/, also the asset prefix: `/__replica__/<name>/<file>`. */
  name: string;
  /** Patterns handed to `context.route`; every URL they match is answered (unknown ones with 404). */
  routes: string[];
  /** Whether a routed URL is one of the app's pages, answered with index.html and the data. */
  isPage: (url: URL) => boolean;
  /** Files of the replica directory served under the asset prefix. Anything else there is 404. */
  assets: string[];
}

const DATA_MARKER = '<!--REPLICA_DATA-->';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * JSON that is safe inside a `<script>` element: `<`, `>` and `&` are escaped, so a hostile name
 * such as `</script><img onerror=…>` cannot end the element; U+2028/9 are escaped for old parsers.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** What a replica answers for one URL. */
export interface ReplicaResponse {
  status: number;
  contentType: string;
  body: string | Buffer;
}

/**
 * A replica as a function from URL to answer, for any browser driver: null for URLs outside the
 * site's routes (let them through), else the page, an asset, or a 404. Files are read once here,
 * so a test sees the replica as it was when the responder was made.
 */
export async function replicaResponder(site: ReplicaSite, data: unknown): Promise<(url: string) => ReplicaResponse | null> {
  const dir = path.join(REPLICAS_DIR, site.name);
  const template = await readFile(path.join(dir, 'index.html'), 'utf8');
  if (!template.includes(DATA_MARKER)) throw new Error(`${site.name}/index.html lacks ${DATA_MARKER}`);
  // A replacer function, not a string: names may contain `$&` and similar replacement patterns.
  const html = template.replace(DATA_MARKER, () => `<script id="replica-data" type="application/json">${scriptSafeJson(data)}</script>`);
  const assets = new Map<string, Buffer>();
  for (const file of site.assets) assets.set(file, await readFile(path.join(dir, file)));
  const assetPrefix = `/__replica__/${site.name}/`;

  return (href) => {
    if (!site.routes.some((pattern) => routeMatches(pattern, href))) return null;
    const url = new URL(href);
    if (url.pathname.startsWith(assetPrefix)) {
      const file = url.pathname.slice(assetPrefix.length);
      const body = assets.get(file);
      if (body) return { status: 200, contentType: contentType(file), body };
    } else if (site.isPage(url)) {
      return { status: 200, contentType: CONTENT_TYPES['.html']!, body: html };
    }
    return { status: 404, contentType: 'text/plain; charset=utf-8', body: `Not found in the ${site.name} replica: ${url.pathname}` };
  };
}

/** The one glob form the sites use, `https://host/path/**`: everything under that prefix. */
function routeMatches(pattern: string, href: string): boolean {
  if (!pattern.endsWith('/**') || pattern.slice(0, -3).includes('*')) throw new Error(`unsupported route pattern ${pattern}`);
  return href.startsWith(pattern.slice(0, -2));
}

/** Routes a replica into a Playwright browser context (see `replicaResponder`). */
export async function routeReplica(context: BrowserContext, site: ReplicaSite, data: unknown): Promise<void> {
  const respond = await replicaResponder(site, data);
  const handler = async (route: Route): Promise<void> => {
    const answer = respond(route.request().url());
    if (!answer) return route.fallback();
    // no-store: each test's data must be what the page gets, never a cached earlier page.
    return route.fulfill({ status: answer.status, headers: { 'content-type': answer.contentType, 'cache-control': 'no-store' }, body: answer.body });
  };
  for (const pattern of site.routes) await context.route(pattern, handler);
}

function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
}

// -------------------------------------------------------------------------------------------------
// Meta Ads Manager
// -------------------------------------------------------------------------------------------------

export type ReplicaCurrency = 'USD' | 'EUR' | 'GBP' | 'SEK' | 'NOK' | 'DKK' | 'JPY' | 'VND';

export interface MetaReplicaVariant {
  /**
   * Where row IDs live: 'data-surface' (A: `/am/table/table_row:<id>unit` keys, Meta until about
   * March 2026), 'react' (B: only in React's properties on the row's nodes), 'none' (C).
   */
  ids: 'data-surface' | 'react' | 'none';
  /** Default true; false: no data-surface attribute in the table or on the date label (C). */
  dataSurface?: boolean;
  /** Loading skeleton after load and after each date/level change; default 800 ms. */
  skeletonMs?: number;
  /** Default true; false renders a table markup our adapter does not know (a simulated redesign). */
  knownTableMarkup?: boolean;
  /** Row height in px; default 48. */
  rowHeight?: number;
  /** Rows visible at once; default 12 (15 recycled row nodes with the buffer). */
  visibleRows?: number;
  /** Default true; false drops role=table/columnheader/presentation (reference: "Meta has dropped ARIA roles"). */
  ariaRoles?: boolean;
  /** Default false; true prints counts of 1,000 and more abbreviated (`1.2K`, `1,2 t.`) in Results. */
  abbreviateCounts?: boolean;
}

export interface MetaReplicaData {
  /** Digits only; used when the URL has no `act=`. */
  accountId: string;
  currency: ReplicaCurrency;
  locale: 'en' | 'fi';
  levels: { campaign: ReplicaCampaign[]; ad_group: ReplicaCampaign[]; ad: ReplicaCampaign[] };
  variant: MetaReplicaVariant;
  /** "Today" for the date presets, YYYY-MM-DD; default the browser's date. Set it for deterministic tests. */
  today?: string;
}

export const META_REPLICA: ReplicaSite = {
  name: 'meta',
  routes: [
    'https://adsmanager.facebook.com/**',
    'https://business.facebook.com/**',
    'https://www.facebook.com/adsmanager/**',
    // Assets are requested from the page's own origin, which on www.facebook.com is outside /adsmanager/.
    'https://www.facebook.com/__replica__/**',
  ],
  isPage: (url) => url.pathname === '/adsmanager' || url.pathname.startsWith('/adsmanager/'),
  assets: ['replica.js', 'replica.css'],
};

/** Serves the Meta Ads Manager replica on adsmanager.facebook.com, business.facebook.com and www.facebook.com/adsmanager. */
export async function routeMetaReplica(context: BrowserContext, data: MetaReplicaData): Promise<void> {
  await routeReplica(context, META_REPLICA, data);
}

/** The Ads Manager URL for a level and date range, as Meta writes it. */
export function metaAdsManagerUrl(opts: {
  accountId: string;
  level?: 'campaign' | 'ad_group' | 'ad';
  from?: string;
  to?: string;
  host?: 'adsmanager.facebook.com' | 'business.facebook.com' | 'www.facebook.com';
}): string {
  const segment = { campaign: 'campaigns', ad_group: 'adsets', ad: 'ads' }[opts.level ?? 'campaign'];
  const date = opts.from && opts.to ? `&date=${opts.from}_${opts.to}` : '';
  return `https://${opts.host ?? 'adsmanager.facebook.com'}/adsmanager/manage/${segment}?act=${opts.accountId}${date}`;
}

// -------------------------------------------------------------------------------------------------
// Google Ads
// -------------------------------------------------------------------------------------------------

export interface GoogleReplicaVariant {
  /** Splash before the table; the header appears half-way through. Default 1500 ms. */
  splashMs?: number;
  /** Loading bar before a new table after SPA navigation; default 400 ms. */
  tableReloadMs?: number;
  /** Loading bar before rows re-render after a date change; default 250 ms. */
  rangeReloadMs?: number;
  /** Rows per lazily loaded chunk (default 50) and the delay before a chunk arrives (default 250 ms). */
  chunkSize?: number;
  chunkDelayMs?: number;
  /** Row height in px (default 44) and rows visible at once (default 12; 16 pooled row nodes). */
  rowHeight?: number;
  visibleRows?: number;
  /** Default true; false hides the Cost column (no `stats.cost` anywhere). */
  costColumn?: boolean;
  /** The campaign name cell's essfield: `name` (default) or `campaign.name`. */
  nameField?: 'name' | 'campaign.name';
  /** Default false; true adds the optional `campaign_id` column. */
  campaignIdColumn?: boolean;
  /** Default true; false prints names as plain text (IDs then only in the campaign_id column). */
  nameLinks?: boolean;
  /** 'id' (default): name and customer ID; 'name-only': the picker without the ID; 'none': no picker. */
  accountPicker?: 'id' | 'name-only' | 'none';
  /** Background class/attribute churn interval; default 500 ms. */
  churnMs?: number;
  /** Display index of the "Removed campaigns" separator row on the campaigns page; null for none. Default 120. */
  joinedRowAt?: number | null;
  /** The label shows a preset's name without its dates (`Last 30 days`). Default false. */
  presetOnlyLabel?: boolean;
  /** Default false; true prints conversions of 1,000 and more abbreviated (`1.2K`, `1,2 t.`). */
  abbreviateCounts?: boolean;
  /**
   * Issue 17's drifted table: no essfield, no grid/row/cell roles, the table's classes and its
   * custom tags renamed (the header keeps its own). Default false.
   */
  drifted?: boolean;
  /** The splash (progressbar, spinner) stays in the DOM hidden instead of being removed. Default false. */
  hiddenSpinner?: boolean;
  /** The name component is a CSS grid: no spot beside the name inside the row (issue 17's own layer). Default false. */
  nameGrid?: boolean;
}

export interface GoogleReplicaData {
  /** Digits only, shown as `123-456-7890` in the account picker. */
  customerId: string;
  accountName?: string;
  /** Google's internal `ocid` URL parameter: deliberately not the customer ID. */
  ocid?: string;
  currency: 'USD' | 'EUR' | 'GBP' | 'SEK' | 'VND';
  /** `de`: a UI language whose date labels the extension does not read (issue 17). */
  locale: 'en' | 'fi' | 'de';
  levels: { campaign: ReplicaCampaign[]; ad_group: ReplicaCampaign[] };
  variant?: GoogleReplicaVariant;
  /** The range the picker starts with; without it, the preset (default `last_30d`). */
  range?: { from: string; to: string };
  preset?: 'last_30d' | 'last_7d' | 'this_month' | 'last_month';
  /** "Today" for presets, YYYY-MM-DD; default the browser's date. */
  today?: string;
}

export const GOOGLE_REPLICA: ReplicaSite = {
  name: 'google',
  routes: ['https://ads.google.com/**'],
  isPage: (url) => url.pathname.startsWith('/aw/'),
  assets: ['replica.js', 'replica.css'],
};

/** Serves the Google Ads replica on ads.google.com/aw/*. */
export async function routeGoogleAdsReplica(context: BrowserContext, data: GoogleReplicaData): Promise<void> {
  await routeReplica(context, GOOGLE_REPLICA, data);
}

/** A Google Ads URL as the UI writes it: the page, an optional campaignId drill-down, and the internal ocid. */
export function googleAdsUrl(opts: { page?: 'campaigns' | 'adgroups' | 'ads' | 'overview'; campaignId?: string; ocid?: string } = {}): string {
  const params = new URLSearchParams();
  if (opts.campaignId) params.set('campaignId', opts.campaignId);
  params.set('ocid', opts.ocid ?? '398112345');
  return `https://ads.google.com/aw/${opts.page ?? 'campaigns'}?${params.toString()}`;
}

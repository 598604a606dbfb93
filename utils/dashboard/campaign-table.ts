/**
 * The dashboard's campaign table as data: one row per (platform, campaign) across channels, and its
 * filter and sort. The rates come from the funnel math (utils/funnel); nothing is re-derived here.
 *
 * Default order is "quality": MQL→Won by the LOWER bound of its 95% interval, so a lucky 1-of-1
 * (point 100%, lower bound 21%) does not outrank 30 of 100 (lower bound 22%), and rows below the
 * minimum MQLs ("low sample") always come after rows with enough data, in either direction.
 */
import { PLATFORMS, type Platform } from '../api/constants';
import type { FunnelRow } from '../api/schema';
import { maturity } from '../funnel/maturity';
import { roas } from '../funnel/money';
import type { Rate } from '../funnel/types';
import { rate } from '../funnel/wilson';
import { platformGap, type PlatformGap } from '../funnel/platform-gap';

/** A lead count read on an ad page (issue 20), as the background remembers it. */
export interface PlatformLeadsSeen {
  platform: Platform;
  campaignId: string | null;
  name: string;
  leads: number;
  readAt: number;
}

export interface CampaignSource {
  platform: Platform;
  rows: readonly FunnelRow[];
  currency: string;
  minMql: number;
}

export interface CampaignRow {
  /** Unique across channels: platform + the row's ID (or name when the API sent no ID). */
  key: string;
  platform: Platform;
  row: FunnelRow;
  currency: string;
  mqlToWon: Rate;
  /** Revenue / spend; null when the API sent no spend or the spend is 0. */
  roas: number | null;
  /** Fewer MQLs than the minimum: the rate is shown as counts and marked. */
  lowSample: boolean;
  /** More than half the leads still open: the rates are a lower bound for now. */
  provisional: boolean;
  /** The platform's own lead count for this campaign and range, when a row was seen on an ad page. */
  platformLeads: { gap: PlatformGap; readAt: number } | null;
}

export const CAMPAIGN_SORT_KEYS = ['channel', 'name', 'leads', 'mql', 'sql', 'meetings', 'won', 'mqlToWon', 'revenue', 'roas', 'platformVsCrm'] as const;
export type CampaignSortKey = (typeof CAMPAIGN_SORT_KEYS)[number];
export interface CampaignSort {
  key: CampaignSortKey;
  dir: 'asc' | 'desc';
}
export const DEFAULT_SORT: CampaignSort = { key: 'mqlToWon', dir: 'desc' };

/**
 * The platform's last count for a CRM row: by the campaign ID, else by the exact name (the ad page
 * or the CRM had no ID). `seen` is newest first, so the newest read wins.
 */
function platformLeadsFinder(seen: readonly PlatformLeadsSeen[]): (platform: Platform, row: FunnelRow) => PlatformLeadsSeen | null {
  const byId = new Map<string, PlatformLeadsSeen>();
  const byName = new Map<string, PlatformLeadsSeen>();
  for (const record of seen) {
    if (record.campaignId && !byId.has(`${record.platform}|${record.campaignId}`)) byId.set(`${record.platform}|${record.campaignId}`, record);
    const nameKey = `${record.platform}|${record.name.trim()}`;
    if (!byName.has(nameKey)) byName.set(nameKey, record);
  }
  return (platform, row) => {
    const exact = row.id ? byId.get(`${platform}|${row.id}`) : undefined;
    if (exact) return exact;
    const named = row.name ? byName.get(`${platform}|${row.name.trim()}`) : undefined;
    // A name is not enough when both sides have IDs and they differ: two campaigns, one name.
    return named && !(row.id && named.campaignId && named.campaignId !== row.id) ? named : null;
  };
}

export function buildCampaignRows(sources: readonly CampaignSource[], platformLeadsSeen: readonly PlatformLeadsSeen[] = []): CampaignRow[] {
  const platformLeadsOf = platformLeadsFinder(platformLeadsSeen);
  return sources.flatMap((source) =>
    source.rows.map((row, index): CampaignRow => {
      const mqlToWon = rate(row.won, row.mql, { minDenominator: source.minMql });
      const seen = platformLeadsOf(source.platform, row);
      return {
        key: `${source.platform}|${row.id ?? `name:${row.name ?? index}`}`,
        platform: source.platform,
        row,
        currency: source.currency,
        mqlToWon,
        roas: row.spend === undefined ? null : roas(row.revenue, row.spend),
        lowSample: !mqlToWon.enoughData,
        provisional: maturity(row).provisional,
        platformLeads: seen ? { gap: platformGap(seen.leads, row.leads), readAt: seen.readAt } : null,
      };
    }),
  );
}

export interface CampaignFilter {
  channel: Platform | null;
  /** Every word must appear in the name or the ID, ignoring case and accents. */
  query: string;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function filterCampaigns(rows: readonly CampaignRow[], filter: CampaignFilter): CampaignRow[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (filter.channel && r.platform !== filter.channel) return false;
    if (words.length === 0) return true;
    const haystack = fold(`${r.row.name ?? ''} ${r.row.id ?? ''}`);
    return words.every((w) => haystack.includes(w));
  });
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Compares two values of one column; null (no figure) is handled by the caller. */
type Value = number | string;

function columnValue(r: CampaignRow, key: CampaignSortKey): Value | null {
  switch (key) {
    case 'channel':
      return PLATFORMS.indexOf(r.platform);
    case 'name':
      return r.row.name ?? r.row.id ?? '';
    case 'leads':
    case 'mql':
    case 'sql':
    case 'meetings':
    case 'won':
    case 'revenue':
      return r.row[key];
    case 'roas':
      return r.roas;
    case 'platformVsCrm':
      return r.platformLeads?.gap.share ?? null;
    case 'mqlToWon':
      return r.mqlToWon.value === null ? null : r.mqlToWon.low;
  }
}

function compareValues(a: Value, b: Value): number {
  return typeof a === 'string' || typeof b === 'string' ? collator.compare(String(a), String(b)) : a - b;
}

/**
 * Sorted copy. Rows without a figure in the column go last in both directions, as do low-sample
 * rows when sorting by MQL→Won. Ties: the point rate (for MQL→Won), then the name, then the channel.
 */
export function sortCampaigns(rows: readonly CampaignRow[], sort: CampaignSort): CampaignRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byName = (a: CampaignRow, b: CampaignRow) =>
    collator.compare(a.row.name ?? a.row.id ?? '', b.row.name ?? b.row.id ?? '') || PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform);
  return [...rows].sort((a, b) => {
    if (sort.key === 'mqlToWon' && a.lowSample !== b.lowSample) return a.lowSample ? 1 : -1;
    const va = columnValue(a, sort.key);
    const vb = columnValue(b, sort.key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
      return byName(a, b);
    }
    const primary = compareValues(va, vb);
    if (primary !== 0) return sign * primary;
    if (sort.key === 'mqlToWon') {
      const point = (a.mqlToWon.value ?? 0) - (b.mqlToWon.value ?? 0);
      if (point !== 0) return sign * point;
    }
    return sort.key === 'name' ? sign * byName(a, b) : byName(a, b);
  });
}

/** Clicking a column: the same column flips direction; a new one starts descending for numbers. */
export function nextSort(current: CampaignSort, key: CampaignSortKey): CampaignSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'name' || key === 'channel' ? 'asc' : 'desc' };
}

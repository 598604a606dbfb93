/**
 * The dashboard's view state in the URL hash, so a view can be bookmarked and shared:
 * `#tab=campaigns&range=last_90d` or `#tab=channels&from=2026-01-01&to=2026-03-31`, plus the
 * campaign table's filter and sort. Pure: parsing never throws, anything unknown falls back to
 * the default, and "today" is passed in.
 */
import { PLATFORMS, type Platform } from '../api/constants';
import { isValidIsoDate, resolvePreset, type DateRange } from '../dates/range';
import { GRAINS, type Grain } from '../trends/periods';
import { CAMPAIGN_SORT_KEYS, DEFAULT_SORT, type CampaignSort, type CampaignSortKey } from './campaign-table';

export const TABS = ['channels', 'campaigns', 'trends', 'settings', 'import'] as const;
export type Tab = (typeof TABS)[number];

/** The presets, spelled as resolvePreset (utils/dates/range.ts) knows them. */
export const RANGE_PRESETS = ['last_30d', 'last_90d', 'last_180d', 'last_365d', 'this_quarter', 'last_quarter'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export type RangeChoice = { preset: RangePreset } | { preset: 'custom'; from: string; to: string };

export interface DashboardState {
  tab: Tab;
  range: RangeChoice;
  /** Campaign table: one channel or all (null). */
  channel: Platform | null;
  /** Campaign table: free-text filter on the campaign name or ID. */
  query: string;
  sort: CampaignSort;
  /** Trends: weeks, months or quarters. */
  grain: Grain;
}

export const DEFAULT_STATE: DashboardState = {
  tab: 'channels',
  range: { preset: 'last_90d' },
  channel: null,
  query: '',
  sort: DEFAULT_SORT,
  grain: 'month',
};

/** Longest filter text kept from a URL: a bookmark is not a place for an essay. */
const MAX_QUERY_LENGTH = 200;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

export function parseHash(hash: string): DashboardState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const tab = oneOf(TABS, params.get('tab')) ?? DEFAULT_STATE.tab;
  const from = params.get('from');
  const to = params.get('to');
  let range: RangeChoice = DEFAULT_STATE.range;
  const preset = oneOf(RANGE_PRESETS, params.get('range'));
  if (from !== null && to !== null && isValidIsoDate(from) && isValidIsoDate(to) && from <= to) {
    range = { preset: 'custom', from, to };
  } else if (preset) {
    range = { preset };
  }
  const sortKey = oneOf<CampaignSortKey>(CAMPAIGN_SORT_KEYS, params.get('sort'));
  const dir = oneOf(['asc', 'desc'] as const, params.get('dir'));
  const sort: CampaignSort = sortKey ? { key: sortKey, dir: dir ?? 'desc' } : DEFAULT_SORT;
  return {
    tab,
    range,
    channel: oneOf(PLATFORMS, params.get('channel')),
    query: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
    sort,
    grain: oneOf(GRAINS, params.get('grain')) ?? DEFAULT_STATE.grain,
  };
}

/** The hash for a state, leaving out whatever is at its default (short, readable bookmarks). */
export function serialiseHash(state: DashboardState): string {
  const params = new URLSearchParams();
  params.set('tab', state.tab);
  if (state.range.preset === 'custom') {
    params.set('from', state.range.from);
    params.set('to', state.range.to);
  } else {
    params.set('range', state.range.preset);
  }
  if (state.channel) params.set('channel', state.channel);
  if (state.query) params.set('q', state.query);
  if (state.sort.key !== DEFAULT_SORT.key || state.sort.dir !== DEFAULT_SORT.dir) {
    params.set('sort', state.sort.key);
    params.set('dir', state.sort.dir);
  }
  if (state.grain !== DEFAULT_STATE.grain) params.set('grain', state.grain);
  return `#${params.toString()}`;
}

/** The dates a range choice stands for on `today` (local calendar). */
export function resolveRange(choice: RangeChoice, today: Date): DateRange {
  if (choice.preset === 'custom') return { from: choice.from, to: choice.to };
  // Every preset is known to resolvePreset; the fallback only guards against a future typo.
  return resolvePreset(choice.preset, today) ?? (resolvePreset('last_90d', today) as DateRange);
}

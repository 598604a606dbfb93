/**
 * Meta Ads Manager adapter: Meta's URLs and page context here, its table in meta-table.ts.
 * Evidence for every hook is in shared/reference/ad-ui-dom.md (Meta section, corrected 2026-12):
 * one recycled row node per row, moved by `transform`, holding a frozen block (selector, toggle,
 * name) and the metric cells; IDs in data-surface keys until about March 2026, since then only in
 * React's properties (read by the page-world script, entrypoints/meta-ads-ids.content).
 */
import type { Level } from '../api/schema';
import { parseRangeLabel } from '../dates/parse-range-label';
import { isValidIsoDate, resolvePreset, type DateRange } from '../dates/range';
import type { PageContext, PlatformAdapter } from '../overlay/adapter';
import type { HookCatalogue } from '../overlay/hooks';
import {
  createMetaTableMemory,
  nameBoxesIn,
  nameHook,
  readMetaLeads,
  readMetaRow,
  readMetaSpend,
  rowNodesOf,
  spendHook,
  type MetaRow,
  type ObjectIdOf,
} from './meta-table';
import { rangeFields } from './shared/context';

export const META_MATCHES = [
  'https://adsmanager.facebook.com/adsmanager/*',
  'https://business.facebook.com/adsmanager/*',
  'https://www.facebook.com/adsmanager/*',
];

const LEVEL_BY_PATH: Record<string, Level> = { campaigns: 'campaign', adsets: 'ad_group', ads: 'ad' };
/** Drilling into a campaign or ad set selects it in one of these parameters. */
const SELECTION_PARAMS = ['selected_campaign_ids', 'selected_adset_ids', 'selected_ad_ids'];

const SELECTORS = {
  table: '[data-surface="/am/table"]',
  roleTable: '[role="table"]',
  loading: '[role="progressbar"][aria-busy="true"]',
  nameBox: '[data-tooltip-content]',
  dateLabel: '[data-surface="/am/table/stats_range"]',
  levelTab: '[role="tab"][aria-selected="true"]',
} as const;

export function readMetaContext(url: URL, today: Date): Omit<PageContext, 'levelLabel'> | null {
  const match = /\/adsmanager\/manage\/(campaigns|adsets|ads)\/?$/.exec(url.pathname);
  if (!match) return null;
  const level = LEVEL_BY_PATH[match[1] as string] as Level;
  const act = url.searchParams.get('act')?.replace(/^act_/, '') ?? '';
  const accountId = /^\d{1,20}$/.test(act) ? act : null;
  // Drilling into a campaign or ad set selects it: the list shows only part of the account.
  const filtered = SELECTION_PARAMS.some((param) => url.searchParams.has(param));
  return { platform: 'meta_ads', level, accountId, ...rangeFields(readMetaRange(url, today), 'url', today), filtered };
}

/**
 * `date=2026-10-01_2026-10-31` gives the range; `date=2026-05-07_2026-05-08,last_30d` means the
 * preset wins (the dates before it can be stale); older URLs carry `date_preset=`.
 */
export function readMetaRange(url: URL, today: Date): DateRange | null {
  const date = url.searchParams.get('date');
  if (date) {
    const [dates, preset] = date.split(',');
    if (preset) {
      const resolved = resolvePreset(preset.trim(), today);
      if (resolved) return resolved;
    }
    const m = /^(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})$/.exec(dates ?? '');
    if (m && isValidIsoDate(m[1] as string) && isValidIsoDate(m[2] as string) && (m[1] as string) <= (m[2] as string)) {
      return { from: m[1] as string, to: m[2] as string };
    }
  }
  const preset = url.searchParams.get('date_preset');
  return preset ? resolvePreset(preset, today) : null;
}

/** The table when its data-surface and roles are gone: the scroll container around the name boxes. */
function tableAroundNames(doc: Document): Element | null {
  const boxes = [...doc.querySelectorAll(SELECTORS.nameBox)].filter((box) => box.querySelector('a'));
  let common: Element | null = boxes[0]?.parentElement ?? null;
  for (const box of boxes.slice(1)) while (common && !common.contains(box)) common = common.parentElement;
  for (let node = common, depth = 0; node && node !== doc.body && depth < 12; node = node.parentElement, depth++) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node;
  }
  return common;
}

/** Meta's hooks and their alternatives, strongest first (hook health; README, "How the Meta adapter reads a row"). */
export const META_HOOKS: HookCatalogue = {
  table: ['data-surface', 'role', 'structure'],
  row: ['structure'],
  name: ['data-surface', 'tooltip'],
  id: ['data-surface', 'react'],
  spend: ['data-surface', 'header text'],
  date: ['url', 'label'],
  account: ['url'],
  level: ['url'],
};

function tableHook(table: Element): 'data-surface' | 'role' | 'structure' {
  return table.matches(SELECTORS.table) ? 'data-surface' : table.matches(SELECTORS.roleTable) ? 'role' : 'structure';
}

export interface MetaAdapterDeps {
  /** React's object ID for a row element, from the page-world script; null when it has none. */
  objectIdOf: ObjectIdOf;
}

/**
 * A fresh adapter for one overlay run: what it remembers of the table (row nodes, name boxes,
 * header labels) lives and dies with the run, never in the module.
 */
export function createMetaAdapter(deps: MetaAdapterDeps): PlatformAdapter {
  const memory = createMetaTableMemory();
  /** Row nodes found in the last full read, per table: a changed element's row is its ancestor among them. */
  const knownRows = new WeakMap<Element, WeakSet<Element>>();
  return {
    platform: 'meta_ads',
    // What a row is read by: the name cell's and row's keys, and the tooltip's full name. Not
    // `href`: Meta's name link is `#` (the ID is in the row key or React's properties).
    watchAttributes: ['data-surface', 'data-tooltip-content'],
    // Not `style`: a recycled row's transform only moves it. What it shows changes in its name cell
    // (watched) and its row key; watching the transform cost a record per row per scrolling frame.
    watchRowAttributes: ['data-surface'],

    readContext(url, doc, today) {
      let base = readMetaContext(url, today);
      if (!base) return null;
      if (base.rangeAssumed) {
        // No date in the URL: the date button still prints the account's default range.
        const label = doc.querySelector(SELECTORS.dateLabel)?.textContent ?? '';
        const range = label ? parseRangeLabel(label, today) : null;
        if (range) base = { ...base, ...rangeFields(range, 'label', today) };
      }
      // The active level tab ("Campaigns", "Ad sets", "Kampanjat") is the page's plural name.
      const tab = doc.querySelector(SELECTORS.levelTab)?.textContent?.trim();
      return { ...base, levelLabel: tab || null };
    },

    findTable(doc) {
      const keyed = doc.querySelector(SELECTORS.table);
      if (keyed) return keyed;
      const role = [...doc.querySelectorAll(SELECTORS.roleTable)].find((t) => t.querySelector(SELECTORS.nameBox));
      return role ?? tableAroundNames(doc);
    },

    contextSources(doc) {
      const label = doc.querySelector(SELECTORS.dateLabel);
      return label ? [label] : [];
    },

    isLoading(doc) {
      return doc.querySelector(SELECTORS.loading) !== null;
    },

    readRows(table) {
      const boxes = nameBoxesIn(table);
      const rowOfBox = rowNodesOf(boxes, table);
      const rows: MetaRow[] = [];
      const known = new WeakSet<Element>();
      for (const row of new Set(rowOfBox.values())) {
        known.add(row);
        const read = readMetaRow(row, deps.objectIdOf, memory);
        if (read) rows.push(read);
      }
      knownRows.set(table, known);
      return rows;
    },

    rowOf(element, table) {
      const known = knownRows.get(table);
      if (!known) return null;
      for (let node: Element | null = element; node && node !== table; node = node.parentElement) if (known.has(node)) return node;
      return null;
    },

    readRow(row) {
      return readMetaRow(row, deps.objectIdOf, memory);
    },

    readSpend(row, table) {
      return readMetaSpend(row, table, memory);
    },

    readPlatformLeads(row, table) {
      return readMetaLeads(row, table, memory);
    },

    hooks: META_HOOKS,

    matchHooks(_doc, table, rows, context) {
      // The strongest ID source any row used: one row keyed by data-surface is enough to say so.
      const idSources = (rows as MetaRow[]).map((r) => r.idSource);
      return {
        table: table ? tableHook(table) : null,
        row: table && rows.length > 0 ? 'structure' : null,
        name: table ? nameHook(table, rows) : null,
        id: idSources.includes('data-surface') ? 'data-surface' : idSources.includes('react') ? 'react' : null,
        spend: table ? spendHook(table, memory) : null,
        date: context.rangeAssumed ? null : (context.rangeSource ?? null),
        account: context.accountId !== null ? 'url' : null,
        level: 'url',
      };
    },
  };
}

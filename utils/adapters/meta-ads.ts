/**
 * Meta Ads Manager adapter: the only file that knows Meta's URLs and DOM.
 * Evidence for every hook is in shared/reference/ad-ui-dom.md (Meta section); hooks are ranked
 * by stability: the URL, then IDs in `data-surface` keys and in the name link's URL, then
 * ARIA roles and inline geometry. Meta's obfuscated class names (`_1gda`, `_4lg0`…) are never used.
 *
 * Meta splits the table into a frozen left panel (names) and a scrolling right panel (metrics)
 * that share nothing but the rows' `top`; off-screen columns are not rendered at all.
 */
import type { Level } from '../api/schema';
import { parseRangeLabel } from '../dates/parse-range-label';
import { defaultRange, isValidIsoDate, resolvePreset, type DateRange } from '../dates/range';
import type { PageContext, PageRow, PlatformAdapter } from '../overlay/adapter';

export const META_MATCHES = [
  'https://adsmanager.facebook.com/adsmanager/*',
  'https://business.facebook.com/adsmanager/*',
  'https://www.facebook.com/adsmanager/*',
];

const LEVEL_BY_PATH: Record<string, Level> = { campaigns: 'campaign', adsets: 'ad_group', ads: 'ad' };
/** The name link of a row drills down with the row's ID in one of these parameters. */
const ID_PARAM_BY_LEVEL: Record<Level, string> = {
  campaign: 'selected_campaign_ids',
  ad_group: 'selected_adset_ids',
  ad: 'selected_ad_ids',
};
const FALLBACK_LEVEL_LABEL: Record<Level, string> = { campaign: 'Campaigns', ad_group: 'Ad sets', ad: 'Ads' };

const SELECTORS = {
  table: '[data-surface="/am/table"]',
  loading: '[role="progressbar"][aria-busy="true"]',
  rowKey: '[data-surface*="/table_row:"]',
  nameCell: '[data-surface*="table_cell:forObjectType(name"]',
  spendCell: '[data-surface$="table_cell:spend"]',
  spendHeader: '[data-surface="/am/table/table_column_header:spend"]',
  columnHeader: '[role="columnheader"]',
  dateLabel: '[data-surface="/am/table/stats_range"]',
} as const;

/** Header texts of the spend column where its data-surface is missing (English, Finnish). */
const SPEND_HEADER_TEXTS = new Set(['amount spent', 'käytetty summa', 'spend', 'kulutettu summa']);
/** A header and a cell belong together when their centres are this close (px). */
const COLUMN_TOLERANCE_PX = 40;

/** Elements whose inline style may position them (rows of both panels). */
const POSITIONED = '[style*="top"]';

const ROW_KEY_ID = /\/table_row:(\d{5,20})unit/;

export function readMetaContext(url: URL, today: Date): Omit<PageContext, 'levelLabel'> | null {
  const match = /\/adsmanager\/manage\/(campaigns|adsets|ads)\/?$/.exec(url.pathname);
  if (!match) return null;
  const level = LEVEL_BY_PATH[match[1] as string] as Level;
  const act = url.searchParams.get('act')?.replace(/^act_/, '') ?? '';
  const accountId = /^\d{1,20}$/.test(act) ? act : null;
  const range = readMetaRange(url, today);
  // Drilling into a campaign or ad set selects it: the list shows only part of the account.
  const filtered = Object.values(ID_PARAM_BY_LEVEL).some((param) => url.searchParams.has(param));
  return { platform: 'meta_ads', level, accountId, range: range ?? defaultRange(today), rangeAssumed: range === null, filtered };
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

/** Name link → its row node, for one table. Rows keep their links while recycled. */
let rowNodeByLink = new WeakMap<Element, HTMLElement>();
let rowNodesOfTable: Element | null = null;

/**
 * The nearest ancestor positioned by an inline `top`: a virtualised row node. It runs for every
 * visible row on every scrolling frame, and matching `[style*=…]` makes the browser serialise
 * inline styles the host rewrites while scrolling: the answer is remembered per link (and
 * table) and only checked (still an ancestor) afterwards.
 */
function rowNodeOf(element: Element, stop: Element): HTMLElement | null {
  if (rowNodesOfTable !== stop) {
    rowNodesOfTable = stop;
    rowNodeByLink = new WeakMap();
  }
  const known = rowNodeByLink.get(element);
  if (known && known.contains(element)) return known;
  const found = findRowNode(element, stop);
  if (found) rowNodeByLink.set(element, found);
  return found;
}

function findRowNode(element: Element, stop: Element): HTMLElement | null {
  for (let node = element.closest<HTMLElement>(POSITIONED); node && node !== stop && stop.contains(node); node = node.parentElement?.closest<HTMLElement>(POSITIONED) ?? null) {
    if (node.style.position === 'absolute' && node.style.top !== '') return node;
  }
  return null;
}

/** The right panel's row at the same `top` as a name row: its metrics. */
function metricsRowOf(row: HTMLElement, table: Element): HTMLElement | undefined {
  const top = row.style.top;
  for (const node of table.querySelectorAll<HTMLElement>(POSITIONED)) {
    if (node !== row && node.style.position === 'absolute' && node.style.top === top && !node.querySelector('a')) return node;
  }
  return undefined;
}

function idFromLink(link: HTMLAnchorElement, level: Level): string | null {
  try {
    const value = new URL(link.href).searchParams.get(ID_PARAM_BY_LEVEL[level]);
    return value && /^\d{5,20}$/.test(value) ? value : null;
  } catch {
    return null;
  }
}

/** The spend column's horizontal centre, for rows whose cells carry no data-surface. */
function spendColumnCentre(table: Element): number | null {
  let header = table.querySelector(SELECTORS.spendHeader);
  if (!header) {
    header = [...table.querySelectorAll(SELECTORS.columnHeader)].find((h) =>
      SPEND_HEADER_TEXTS.has((h.textContent ?? '').trim().toLowerCase()),
    ) ?? null;
  }
  if (!header) return null;
  const rect = header.getBoundingClientRect();
  return rect.left + rect.width / 2;
}

function spendTextOf(metricsRow: Element | undefined, centre: number | null): string | null {
  if (!metricsRow) return null;
  const byKey = metricsRow.querySelector(SELECTORS.spendCell);
  if (byKey) return cellValueText(byKey);
  if (centre === null) return null;
  // Same row, the cell under the "Amount spent" header (leaf-most elements with text).
  for (const cell of metricsRow.querySelectorAll('[style*="left"]')) {
    const rect = cell.getBoundingClientRect();
    if (Math.abs(rect.left + rect.width / 2 - centre) <= COLUMN_TOLERANCE_PX) return cellValueText(cell);
  }
  return null;
}

/** Two-line cells print the value first (`[geotextcolor="value"]`) and a description under it. */
function cellValueText(cell: Element): string {
  const value = cell.querySelector('[geotextcolor="value"]') ?? cell;
  return (value.textContent ?? '').trim();
}

const NAME_LINK_BY_LEVEL = Object.fromEntries(
  Object.entries(ID_PARAM_BY_LEVEL).map(([level, param]) => [level, `${SELECTORS.nameCell} a, a[href*="${param}="]`]),
) as Record<Level, string>;

function readMetaRow(row: HTMLElement, link: HTMLAnchorElement, level: Level): PageRow | null {
  const name = (link.textContent ?? '').trim();
  if (!name) return null;
  const keyed = row.querySelector(SELECTORS.rowKey)?.getAttribute('data-surface') ?? '';
  const id = ROW_KEY_ID.exec(keyed)?.[1] ?? idFromLink(link, level);
  const anchor = link.parentElement && link.parentElement !== row ? link.parentElement : link;
  return { row, anchor, id, name };
}

export const metaAdsAdapter: PlatformAdapter = {
  platform: 'meta_ads',

  readContext(url, doc, today) {
    let base = readMetaContext(url, today);
    if (!base) return null;
    if (base.rangeAssumed) {
      // No date in the URL: the date button still prints the account's default range.
      const label = doc.querySelector(SELECTORS.dateLabel)?.textContent ?? '';
      const range = label ? parseRangeLabel(label, today) : null;
      if (range) base = { ...base, range, rangeAssumed: false };
    }
    // The active level tab ("Campaigns", "Ad sets", "Kampanjat") is the page's plural name.
    const tab = doc.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.trim();
    return { ...base, levelLabel: tab || FALLBACK_LEVEL_LABEL[base.level] };
  },

  findTable(doc) {
    return doc.querySelector(SELECTORS.table);
  },

  contextSources(doc) {
    const label = doc.querySelector(SELECTORS.dateLabel);
    return label ? [label] : [];
  },

  isLoading(doc) {
    return doc.querySelector(SELECTORS.loading) !== null;
  },

  readRows(table, context) {
    // Name links identify the campaign rows; the totals row and headers have none.
    const links = table.querySelectorAll<HTMLAnchorElement>(NAME_LINK_BY_LEVEL[context.level]);
    const rows: PageRow[] = [];
    const done = new Set<Element>();
    for (const link of links) {
      const row = rowNodeOf(link, table);
      if (!row || done.has(row)) continue;
      done.add(row);
      const read = readMetaRow(row, link, context.level);
      if (read) rows.push(read);
    }
    return rows;
  },

  rowOf(element, table) {
    return element !== table ? rowNodeOf(element, table) : null;
  },

  readRow(row, context) {
    // The row's first name link, as readRows takes it (metrics-panel rows have none).
    const link = row.querySelector<HTMLAnchorElement>(NAME_LINK_BY_LEVEL[context.level]);
    return link ? readMetaRow(row as HTMLElement, link, context.level) : null;
  },

  readSpend(row, table) {
    // Metrics rows (right panel) share nothing with name rows but their `top`.
    const metrics = metricsRowOf(row as HTMLElement, table);
    if (!metrics) return null;
    return spendTextOf(metrics, metrics.querySelector(SELECTORS.spendCell) ? null : spendColumnCentre(table));
  },
};

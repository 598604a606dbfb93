/**
 * Google Ads adapter: the only file that knows Google Ads' URLs and DOM.
 * Evidence for every hook is in shared/reference/ad-ui-dom.md (Google section). Hooks are ranked by
 * stability as the reference ranks them: the URL path and the `campaignId=` in name links, then
 * `essfield` attributes, then ARIA roles and labels, then AngularDart's custom tags, then classes.
 * The `_ngcontent-*` / `_nghost-*` classes change with every build and are never used.
 *
 * Google keeps the date range in UI state, not the URL, so it is read from the picker's label; the
 * customer ID (`123-456-7890`) from the account picker. The `ocid` URL parameter is an internal ID,
 * not the customer ID, and is never sent as one.
 */
import type { Level } from '../api/schema';
import { defaultRange, type DateRange } from '../dates/range';
import { parseRangeLabel } from '../dates/parse-range-label';
import type { PageContext, PageRow, PlatformAdapter } from '../overlay/adapter';
import type { HookCatalogue } from '../overlay/hooks';

export const GOOGLE_ADS_MATCHES = ['https://ads.google.com/aw/*'];

const LEVEL_BY_PATH: Record<string, Level> = { campaigns: 'campaign', adgroups: 'ad_group', ads: 'ad' };
const FALLBACK_LEVEL_LABEL: Record<Level, string> = { campaign: 'Campaigns', ad_group: 'Ad groups', ad: 'Ads' };

/**
 * The drill-down parameter that names a row's own object in its name link. An ad group's link
 * carries its campaign's `campaignId` too, so each level reads only its own parameter.
 * (`adGroupId` and `adId` are guesses following `campaignId`; the reference names only the latter.)
 */
const ID_PARAM_BY_LEVEL: Record<Level, string> = { campaign: 'campaignId', ad_group: 'adGroupId', ad: 'adId' };
/**
 * `essfield` of the row's own name cell. The campaign name is seen as `name` and `campaign.name`
 * (reference); on ad group and ad pages `campaign.name` is the parent campaign's column, so it
 * only counts on campaign pages. The `ad_group.name` / `ad.name` spellings are guesses by analogy.
 */
const NAME_FIELDS_BY_LEVEL: Record<Level, string[]> = {
  campaign: ['name', 'campaign.name'],
  ad_group: ['name', 'ad_group.name'],
  ad: ['name', 'ad.name'],
};
const NAME_SELECTOR_BY_LEVEL = Object.fromEntries(
  Object.entries(NAME_FIELDS_BY_LEVEL).map(([level, fields]) => [level, fields.map((f) => `[essfield="${f}"]`).join(', ')]),
) as Record<Level, string>;
/** The optional ID column (reference: `essfield="campaign_id"`); the others by analogy. */
const ID_FIELD_BY_LEVEL: Record<Level, string> = { campaign: 'campaign_id', ad_group: 'ad_group_id', ad: 'ad_id' };

const SELECTORS = {
  /** AngularDart component tag, then the grid role inside it, then the canvas class. */
  table: ['ess-particle-table [role="grid"]', 'ess-table [role="grid"]', 'div.ess-table-canvas'],
  row: '[role="row"]',
  headerCell: '[role="columnheader"]',
  cell: '[role="gridcell"], ess-cell',
  costField: 'stats.cost',
  /** Rows that are not objects: totals, "Removed campaigns" separators, lazy-load placeholders. */
  nonDataRow: '.particle-table-summary-row, .particle-joined-row, .particle-table-placeholder',
  /** Most specific first: a debug ID, then the picker's component tags, then classes. */
  accountPicker: ['[debugid="account-picker"]', 'mcc-customer-picker', '.particle-header-account-picker', 'awsm-breadcrumbs'],
  /** The primary range only: the comparison range has its own dropdown. */
  dateLabel: [
    '.dropdown-and-comparison .button-text',
    'dropdown-button.primary-range .button-text',
    'dropdown-button.menu-trigger.primary-range .button',
    '.date-range .button',
  ],
  /** The stable element around the label, observed for range changes. */
  dateHost: 'dropdown-button, .date-range, .dropdown-and-comparison',
  /** Loading: the splash, progress bars and spinners (AngularDart material tags), placeholder rows. */
  loading: '[role="progressbar"], material-progress, material-spinner, .particle-table-placeholder',
} as const;

/**
 * Google's hooks and their alternatives, strongest first (hook health). Table and account
 * alternatives name SELECTORS.table and SELECTORS.accountPicker, in the same order.
 */
const TABLE_HOOKS = ['ess-particle-table', 'ess-table', 'canvas class'] as const;
const ACCOUNT_HOOKS = ['debugid', 'picker tag', 'picker class', 'breadcrumbs'] as const;
export const GOOGLE_HOOKS: HookCatalogue = {
  table: TABLE_HOOKS,
  row: ['role'],
  name: ['essfield'],
  id: ['link', 'ID column'],
  spend: ['essfield', 'header text'],
  date: ['label'],
  account: ACCOUNT_HOOKS,
  level: ['url'],
};

/** Cost column header texts, for tables whose cells lack `essfield` (English, Finnish). */
const COST_HEADER_TEXTS = new Set(['cost', 'kustannus', 'kustannukset']);
/**
 * The Conversions column: the platform's own lead count on a lead-generation account. Its field
 * is in the reference (2026-12 update: `essfield="stats.conversions"`); the header texts are the
 * UI's English and Finnish names.
 */
const CONVERSIONS_FIELD = 'stats.conversions';
const CONVERSIONS_HEADER_TEXTS = new Set(['conversions', 'konversiot']);
/** Icon ligatures (`arrow_drop_down`) and hidden text are not part of a label. */
const NON_TEXT = 'material-icon, [aria-hidden="true"], script, style';

/** Rendered and not hidden by CSS (where the browser can tell: checkVisibility). */
function isShown(element: Element): boolean {
  const check = (element as Element & { checkVisibility?(options?: { visibilityProperty?: boolean }): boolean }).checkVisibility;
  return typeof check === 'function' ? check.call(element, { visibilityProperty: true }) : true;
}

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

/** The ID a name link names for this level: `campaignId=` on campaign rows, and so on. */
export function idFromHref(href: string, level: Level, base = 'https://ads.google.com/'): string | null {
  try {
    const value = new URL(href, base).searchParams.get(ID_PARAM_BY_LEVEL[level]);
    return value && /^\d{1,20}$/.test(value) ? value : null;
  } catch {
    return null;
  }
}

/** The pure part of the context: everything but what only the DOM knows. */
export function googleContext(
  url: URL,
  input: { accountText: string | null; rangeLabels: string[]; levelLabel: string | null },
  today: Date,
): PageContext | null {
  const level = googleLevelFromUrl(url);
  if (!level) return null;
  let range: DateRange | null = null;
  for (const label of input.rangeLabels) {
    range = parseRangeLabel(label, today);
    if (range) break;
  }
  return {
    platform: 'google_ads',
    level,
    levelLabel: input.levelLabel || FALLBACK_LEVEL_LABEL[level],
    accountId: input.accountText === null ? null : parseCustomerId(input.accountText),
    range: range ?? defaultRange(today),
    rangeAssumed: range === null,
    ...(range ? { rangeSource: 'label' as const } : {}),
  };
}

/** Visible text of an element, text nodes joined by spaces, without icon ligatures. */
function labelText(element: Element): string {
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest(NON_TEXT)) continue;
    const text = node.textContent?.trim();
    if (text) parts.push(text);
  }
  return parts.join(' ');
}

function first(doc: ParentNode, selectors: readonly string[]): Element | null {
  const index = firstIndex(doc, selectors);
  return index < 0 ? null : doc.querySelector(selectors[index] as string);
}

/** Which of `selectors` finds something first; -1 for none. */
function firstIndex(doc: ParentNode, selectors: readonly string[]): number {
  return selectors.findIndex((selector) => doc.querySelector(selector) !== null);
}

function dateLabels(doc: Document): Element[] {
  return SELECTORS.dateLabel.flatMap((selector) => [...doc.querySelectorAll(selector)]);
}

function findGrid(doc: Document): Element | null {
  return findGridBy(doc)?.grid ?? null;
}

function findGridBy(doc: Document): { grid: Element; selectorIndex: number } | null {
  for (const [selectorIndex, selector] of SELECTORS.table.entries()) {
    // The first grid that holds Google's table fields, not any grid (a date picker's calendar is one too).
    const grid = [...doc.querySelectorAll(selector)].find((g) => g.querySelector('[essfield]'));
    if (grid) return { grid, selectorIndex };
  }
  return null;
}

/** The cell's direct child that holds `inner` (the name component's host element). */
function cellChildHolding(cell: Element, inner: Element): Element {
  let node = inner;
  while (node.parentElement && node.parentElement !== cell) node = node.parentElement;
  return node;
}

function cellValueText(cell: Element): string {
  const inner = cell.querySelector('.ess-cell-ellipsis') ?? cell;
  return labelText(inner);
}

/** Index, among a row's cells, of the column found by its header text (cells without essfield). */
function columnIndexByHeader(table: Element, texts: ReadonlySet<string>): number {
  const headers = [...table.querySelectorAll(SELECTORS.headerCell)];
  return headers.findIndex((h) => texts.has((h.getAttribute('aria-label') ?? labelText(h)).trim().toLowerCase()));
}

/** A column's text in this row: by the cell's essfield, or by the header's position. */
function columnTextOf(row: Element, table: Element, field: string, headerTexts: ReadonlySet<string>): string | null {
  const byField = row.querySelector(`[essfield="${field}"]`);
  if (byField) return cellValueText(byField);
  const index = columnIndexByHeader(table, headerTexts);
  if (index < 0) return null;
  const cell = row.querySelectorAll(SELECTORS.cell)[index];
  return cell ? cellValueText(cell) : null;
}

function readGoogleRow(row: Element, level: Level): PageRow | null {
  if (row.matches(SELECTORS.nonDataRow) || row.querySelector(SELECTORS.headerCell)) return null;
  const nameCell = row.querySelector(NAME_SELECTOR_BY_LEVEL[level]);
  if (!nameCell) return null;
  const link = nameCell.querySelector<HTMLAnchorElement>('a[href]');
  const idCellText = row.querySelector(`[essfield="${ID_FIELD_BY_LEVEL[level]}"]`)?.textContent?.trim() ?? '';
  const id = (link && idFromHref(link.getAttribute('href') ?? '', level)) || (/^\d{1,20}$/.test(idCellText) ? idCellText : null);
  // An object row has its own ID; totals and separators, whatever their classes, have none.
  if (!id) return null;
  const name = link ? labelText(link) : labelText(nameCell);
  if (!name) return null;
  // After the name component (e.g. <campaign-name>), inside the cell: out of the link and of
  // the component's own template, which Angular re-renders.
  const anchor = link ? cellChildHolding(nameCell, link) : nameCell.lastElementChild ?? nameCell;
  return { row, anchor, id, name };
}

export const googleAdsAdapter: PlatformAdapter = {
  platform: 'google_ads',
  // The name cell's essfield and its link: the row's name and ID are read from these.
  watchAttributes: ['href', 'essfield'],

  readContext(url, doc, today) {
    if (!googleLevelFromUrl(url)) return null;
    const picker = first(doc, SELECTORS.accountPicker);
    const labels = dateLabels(doc);
    const grid = findGrid(doc);
    // The app shell is still booting (splash): no header, no table. Wait rather than send a
    // request with an assumed range and no account, to be replaced a moment later.
    if (!picker && labels.length === 0 && !grid) return null;
    return googleContext(
      url,
      {
        accountText: picker ? labelText(picker) : null,
        rangeLabels: labels.map(labelText),
        levelLabel: grid?.getAttribute('aria-label')?.trim() ?? null,
      },
      today,
    );
  },

  findTable(doc) {
    return findGrid(doc);
  },

  isLoading(doc) {
    // Only a spinner the user can see: Google leaves hidden ones in the page (issue 17).
    return [...doc.querySelectorAll(SELECTORS.loading)].some(isShown);
  },

  readRows(table, context) {
    const rows: PageRow[] = [];
    for (const row of table.querySelectorAll(SELECTORS.row)) {
      const read = readGoogleRow(row, context.level);
      if (read) rows.push(read);
    }
    return rows;
  },

  rowOf(element, table) {
    const row = element.closest(SELECTORS.row);
    return row && row !== table && table.contains(row) ? row : null;
  },

  readRow(row, context) {
    return readGoogleRow(row, context.level);
  },

  readSpend(row, table) {
    return columnTextOf(row, table, SELECTORS.costField, COST_HEADER_TEXTS);
  },

  readPlatformLeads(row, table) {
    return columnTextOf(row, table, CONVERSIONS_FIELD, CONVERSIONS_HEADER_TEXTS);
  },

  hooks: GOOGLE_HOOKS,

  matchHooks(doc, table, rows, context) {
    const found = findGridBy(doc);
    const tableHook = found && found.grid === table ? (TABLE_HOOKS[found.selectorIndex] ?? null) : null;
    const firstRow = rows[0];
    const nameLink = firstRow?.row.querySelector(NAME_SELECTOR_BY_LEVEL[context.level])?.querySelector('a[href]');
    const accountIndex = firstIndex(doc, SELECTORS.accountPicker);
    const spend = table?.querySelector(`[essfield="${SELECTORS.costField}"]`) ? 'essfield' : table && columnIndexByHeader(table, COST_HEADER_TEXTS) >= 0 ? 'header text' : null;
    return {
      table: tableHook,
      row: rows.length > 0 ? 'role' : null,
      name: rows.length > 0 ? 'essfield' : null,
      id: !firstRow ? null : nameLink && idFromHref(nameLink.getAttribute('href') ?? '', context.level) === firstRow.id ? 'link' : 'ID column',
      spend,
      date: context.rangeAssumed ? null : 'label',
      account: context.accountId !== null && accountIndex >= 0 ? (ACCOUNT_HOOKS[accountIndex] ?? null) : null,
      level: 'url',
    };
  },

  contextSources(doc) {
    const sources = new Set<Element>();
    for (const label of dateLabels(doc)) sources.add(label.closest(SELECTORS.dateHost) ?? label);
    const picker = first(doc, SELECTORS.accountPicker);
    if (picker) sources.add(picker);
    return [...sources];
  },
};

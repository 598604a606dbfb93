/**
 * Google Ads adapter: a declaration of Google Ads' DOM hooks; its URLs and the pure part of the
 * page context are in google-context.ts.
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
import type { PageRow, PlatformAdapter } from '../overlay/adapter';
import type { HookCatalogue } from '../overlay/hooks';
import { gridColumnIndex } from './shared/columns';
import { childHolding, firstMatching, firstMatchingIndex, isShown } from './shared/dom';
import { visibleText } from './shared/text';
import { googleContext, googleLevelFromUrl, idFromHref } from './google-context';

export const GOOGLE_ADS_MATCHES = ['https://ads.google.com/aw/*'];

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

/** Visible text of an element, without icon ligatures and hidden text (looked for up to `within`, else the root). */
function labelText(element: Element, within: Element | null = null): string {
  return visibleText(element, NON_TEXT, within);
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

function cellValueText(cell: Element): string {
  const inner = cell.querySelector('.ess-cell-ellipsis') ?? cell;
  return labelText(inner);
}

/** Index, among a row's cells, of the column found by its header text (cells without essfield). */
function columnIndexByHeader(table: Element, texts: ReadonlySet<string>): number {
  return gridColumnIndex(table, SELECTORS.headerCell, texts, (h) => h.getAttribute('aria-label') ?? labelText(h));
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

/** The row's ID column, when shown and holding an ID. */
function idCellOf(row: Element, level: Level): string | null {
  const text = row.querySelector(`[essfield="${ID_FIELD_BY_LEVEL[level]}"]`)?.textContent?.trim() ?? '';
  return /^\d{1,20}$/.test(text) ? text : null;
}

function readGoogleRow(row: Element, level: Level): PageRow | null {
  if (row.matches(SELECTORS.nonDataRow) || row.querySelector(SELECTORS.headerCell)) return null;
  const nameCell = row.querySelector(NAME_SELECTOR_BY_LEVEL[level]);
  if (!nameCell) return null;
  const link = nameCell.querySelector<HTMLAnchorElement>('a[href]');
  // The ID column only when the link has none: it is searched for through the whole row.
  const id = (link && idFromHref(link.getAttribute('href') ?? '', level)) || idCellOf(row, level);
  // An object row has its own ID; totals and separators, whatever their classes, have none.
  if (!id) return null;
  const name = labelText(link ?? nameCell, row);
  if (!name) return null;
  // After the name component (e.g. <campaign-name>), inside the cell: out of the link and of
  // the component's own template, which Angular re-renders.
  const anchor = link ? childHolding(nameCell, link) : (nameCell.lastElementChild ?? nameCell);
  return { row, anchor, id, name };
}

export const googleAdsAdapter: PlatformAdapter = {
  platform: 'google_ads',
  // What a row is read by: the name and ID cells' `essfield`, and the name link's `campaignId=`.
  watchAttributes: ['essfield', 'href'],

  readContext(url, doc, today) {
    if (!googleLevelFromUrl(url)) return null;
    const picker = firstMatching(doc, SELECTORS.accountPicker);
    const labels = dateLabels(doc);
    const grid = findGrid(doc);
    // The app shell is still booting (splash): no header, no table. Wait rather than send a
    // request with an assumed range and no account, to be replaced a moment later.
    if (!picker && labels.length === 0 && !grid) return null;
    return googleContext(
      url,
      {
        accountText: picker ? labelText(picker) : null,
        rangeLabels: labels.map((label) => labelText(label)),
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
    const accountIndex = firstMatchingIndex(doc, SELECTORS.accountPicker);
    const spend = table?.querySelector(`[essfield="${SELECTORS.costField}"]`)
      ? 'essfield'
      : table && columnIndexByHeader(table, COST_HEADER_TEXTS) >= 0
        ? 'header text'
        : null;
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
    const picker = firstMatching(doc, SELECTORS.accountPicker);
    if (picker) sources.add(picker);
    return [...sources];
  },
};

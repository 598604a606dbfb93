/**
 * LinkedIn Campaign Manager adapter: a declaration of LinkedIn's URLs and DOM hooks. The pure
 * reading of its URLs and links (A1–A3) is in linkedin-links.ts.
 *
 * ASSUMPTIONS (all of them, in one place). Evidence: shared/reference/ad-ui-dom.md, LinkedIn
 * section, which is thin ("weak evidence"); nothing here was checked against the live site.
 * The replica in test/replicas/linkedin/ models exactly these; its ASSUMPTIONS.md says which are
 * from the reference and which are guesses.
 *
 *  A1 URL (ref, verified shapes): `/campaignmanager/accounts/{acct}/…`. List pages:
 *     `…/campaign-groups` → level `campaign`; `…/campaigns` (optionally `?campaignGroupIds=[…]`)
 *     → level `ad_group`; `…/creatives` and `…/campaigns/{id}/creatives` → level `ad`.
 *     Anything else (`…/campaigns/{id}/details`, the account overview…) is not a list page.
 *  A2 Naming (ref + LinkedIn help): URLs keep the old names. A URL "campaign group" is a UI
 *     "Campaign" (new naming) and a URL "campaign" is a UI "Ad set"; both namings exist in the
 *     wild, so the level's label is read from the page: the text of the link (tab/nav) that points
 *     at the current list page. No such link: no label (the UI names the level in its language).
 *  A3 Rows (ref, inferred): a real `<table>`; a campaign row is the `<tr>` in a `<tbody>` holding
 *     a name link to that row's own entity: `/accounts/{acct}/campaign-groups/{id}`,
 *     `/campaigns/{id}[/…]`, `/creatives/{id}`, or a list URL filtered to exactly that one entity
 *     (`campaigns?campaignGroupIds=[id]`). The ID comes from the link. Links to *other* entity
 *     types in the row (the parent column: "Campaign group", "Campaign") are never used for it.
 *     Rows without such a link (totals, "No records to show", loading) are skipped.
 *  A4 Spend (ref: metric "Spent"; guess: column position shared by `<th>` and `<td>`): the column
 *     whose header reads "Spent" (Finnish "Käytetty"), matched by header text, including text
 *     the header cell holds next to it (sort icons, screen-reader hints). No such column: null.
 *  A9 Platform leads: see LEADS_HEADER_TEXTS.
 *  A5 Date range (ref: `#date-range-control`, `input[name=startName|endName]`): first the label
 *     the control's toggle button shows (the applied range: `Aug 1, 2026 – Aug 30, 2026` etc.);
 *     then the start/end inputs' values (`MM/DD/YYYY`, `D.M.YYYY` or ISO). The label comes first
 *     because the inputs can hold a range the user is still editing and has not applied.
 *     Unreadable: the last 30 days, marked as assumed. The range lives in UI state, not the URL.
 *  A6 Ember (ref): `id="emberNNN"` and `.ember-view` are generated and never used; nor is any
 *     class. Hooks are IDs and names from LinkedIn's own forms (`#date-range-control`, input
 *     names, `aria-label="Update"`), URLs in `href`, table structure, ARIA, and visible text.
 *  A7 Loading (guess): the table is `aria-busy="true"` or shows a `role="progressbar"`.
 *  A8 SPA (ref): navigation by pushState; table bodies (and whole tables on a level change) are
 *     re-rendered with new nodes. The engine follows both; nothing here keeps element state.
 */
import type { PageContext, PageRow, PlatformAdapter } from '../overlay/adapter';
import type { HookCatalogue } from '../overlay/hooks';
import { parseRangeLabel } from '../dates/parse-range-label';
import type { DateRange } from '../dates/range';
import { anyNamesColumn, tableCellAt, tableColumnByHeader } from './shared/columns';
import { parseInputDate, rangeFields } from './shared/context';
import { collapseSpaces } from './shared/text';
import { entityIdFromHref, pickLevelLabel, readLinkedInUrl, type LevelLink, type LinkedInUrlInfo } from './linkedin-links';

export const LINKEDIN_MATCHES = ['https://www.linkedin.com/campaignmanager/*'];

const SELECTORS = {
  dateControl: '#date-range-control',
  dateToggle: 'button[aria-expanded], button[aria-haspopup]',
  startInput: 'input[name="startName"]',
  endInput: 'input[name="endName"]',
  loading: 'table[aria-busy="true"], [role="progressbar"]',
  accountLink: 'a[href*="/campaignmanager/accounts/"]',
} as const;

/** LinkedIn's hooks and their alternatives, strongest first (hook health): A1–A5 above. */
export const LINKEDIN_HOOKS: HookCatalogue = {
  table: ['table element'],
  row: ['tbody rows'],
  name: ['link'],
  id: ['link'],
  spend: ['header text'],
  date: ['label', 'inputs'],
  account: ['url'],
  level: ['url'],
};

/** Header texts of the spend column (A4): English, Finnish. Compared lower-cased. */
const SPEND_HEADER_TEXTS = new Set(['spent', 'käytetty', 'amount spent', 'käytetty summa']);
/**
 * A9 Platform leads (ref: the "Conversions & Leads" columns view has Conversions and Leads; guess:
 * Finnish "Konversiot", "Liidit"): the Leads column, else Conversions. "Leads (Work email)" is a
 * subset and never counts (exact header texts only).
 */
const LEADS_HEADER_TEXTS = new Set(['leads', 'liidit']);
const CONVERSIONS_HEADER_TEXTS = new Set(['conversions', 'konversiot']);

/** A4: whether a column header's text (or one of its text pieces) names the spend column. */
export function isSpendHeader(texts: readonly string[]): boolean {
  return anyNamesColumn(texts, SPEND_HEADER_TEXTS);
}

/** A5: the applied range from the label, else from the inputs; null when neither reads. */
export function readLinkedInRange(source: { label: string | null; start: string | null; end: string | null }, today: Date): DateRange | null {
  return readLinkedInRangeFrom(source, today)?.range ?? null;
}

/** readLinkedInRange, saying which of the two it was read from (hook health). */
export function readLinkedInRangeFrom(
  source: { label: string | null; start: string | null; end: string | null },
  today: Date,
): { range: DateRange; from: 'label' | 'inputs' } | null {
  if (source.label) {
    const range = parseRangeLabel(collapseSpaces(source.label), today);
    if (range) return { range, from: 'label' };
  }
  const from = source.start ? parseInputDate(source.start) : null;
  const to = source.end ? parseInputDate(source.end) : null;
  return from && to && from <= to ? { range: { from, to }, from: 'inputs' } : null;
}

function pageLevelLabel(doc: Document, info: LinkedInUrlInfo): string | null {
  const links: LevelLink[] = [];
  for (const link of doc.querySelectorAll<HTMLAnchorElement>(SELECTORS.accountLink)) {
    if (link.closest('table')) continue;
    try {
      links.push({ path: new URL(link.href, 'https://www.linkedin.com').pathname, text: link.textContent ?? '', current: isCurrent(link) });
    } catch {
      // An href that is not a URL is not a tab.
    }
  }
  return pickLevelLabel(links, info.accountId, info.segment);
}

function isCurrent(link: Element): boolean {
  return link.getAttribute('aria-current') === 'page' || link.getAttribute('aria-selected') === 'true';
}

function dateSource(doc: Document): { label: string | null; start: string | null; end: string | null } {
  const control = doc.querySelector(SELECTORS.dateControl);
  const toggle = control?.querySelector(SELECTORS.dateToggle) ?? control?.querySelector('button') ?? null;
  const start = doc.querySelector<HTMLInputElement>(SELECTORS.startInput);
  const end = doc.querySelector<HTMLInputElement>(SELECTORS.endInput);
  return { label: toggle?.textContent ?? null, start: start?.value ?? null, end: end?.value ?? null };
}

/** A row's text in the first of these columns that the table shows; null when none is shown. */
function columnText(row: Element, table: Element, ...columns: ReadonlyArray<ReadonlySet<string>>): string | null {
  if (!(table instanceof HTMLTableElement) || !(row instanceof HTMLTableRowElement)) return null;
  for (const names of columns) {
    const column = tableColumnByHeader(table, names);
    if (column === null) continue;
    const cell = tableCellAt(row, column);
    return cell ? collapseSpaces(cell.textContent ?? '') || null : null;
  }
  return null;
}

/** A body row's campaign: the first link into the account that names an entity of this level. */
function readLinkedInRow(row: Element, context: PageContext): PageRow | null {
  for (const link of row.querySelectorAll<HTMLAnchorElement>(SELECTORS.accountLink)) {
    if (link.closest('tr') !== row) continue;
    const id = entityIdFromHref(link.getAttribute('href') ?? '', context.level, context.accountId);
    const name = collapseSpaces(link.textContent ?? '');
    if (id && name) return { row, anchor: link, id, name };
  }
  return null;
}

export const linkedInAdsAdapter: PlatformAdapter = {
  platform: 'linkedin_ads',
  // What a row is read by (A3): its name link's `href`, which names the row's own entity.
  watchAttributes: ['href'],

  readContext(url, doc, today) {
    const info = readLinkedInUrl(url);
    if (!info) return null;
    const read = readLinkedInRangeFrom(dateSource(doc), today);
    return {
      platform: 'linkedin_ads',
      level: info.level,
      levelLabel: pageLevelLabel(doc, info),
      accountId: info.accountId,
      ...rangeFields(read?.range ?? null, read?.from ?? 'label', today),
    };
  },

  findTable(doc) {
    // The campaign table is the one with links into the account; the date picker's calendar
    // (also a table) has none. While it loads it has none either: then the first headed table
    // outside the date control and dialogs, so it is observed from the start.
    const tables = [...doc.querySelectorAll('table')];
    return (
      tables.find((t) => t.querySelector(SELECTORS.accountLink)) ??
      tables.find((t) => t.tHead !== null && !t.closest(`${SELECTORS.dateControl}, [role="dialog"]`)) ??
      null
    );
  },

  isLoading(doc) {
    return doc.querySelector(SELECTORS.loading) !== null;
  },

  readRows(table, context) {
    if (!(table instanceof HTMLTableElement)) return [];
    const rows: PageRow[] = [];
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        const read = readLinkedInRow(row, context);
        if (read) rows.push(read);
      }
    }
    return rows;
  },

  rowOf(element, table) {
    const row = element.closest('tr');
    // Body rows of this table only: the header's and a nested table's rows are not campaigns.
    return row?.parentElement?.parentElement === table && row.parentElement.tagName === 'TBODY' ? row : null;
  },

  readRow(row, context) {
    return readLinkedInRow(row, context);
  },

  readSpend(row, table) {
    return columnText(row, table, SPEND_HEADER_TEXTS);
  },

  readPlatformLeads(row, table) {
    return columnText(row, table, LEADS_HEADER_TEXTS, CONVERSIONS_HEADER_TEXTS);
  },

  contextSources(doc) {
    const control = doc.querySelector(SELECTORS.dateControl);
    return control ? [control] : [];
  },

  hooks: LINKEDIN_HOOKS,

  matchHooks(_doc, table, rows, context) {
    const isTable = table instanceof HTMLTableElement;
    return {
      table: isTable ? 'table element' : null,
      row: isTable && rows.length > 0 ? 'tbody rows' : null,
      name: rows.length > 0 ? 'link' : null,
      id: rows.some((r) => r.id !== null) ? 'link' : null,
      spend: isTable && tableColumnByHeader(table, SPEND_HEADER_TEXTS) !== null ? 'header text' : null,
      date: context.rangeAssumed ? null : (context.rangeSource ?? null),
      account: 'url',
      level: 'url',
    };
  },
};

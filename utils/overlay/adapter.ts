/**
 * What a platform adapter is: a small module that knows one ad manager's URLs and DOM, and
 * nothing else. The overlay engine does everything else (observing, batching, data, badges).
 */
import type { FunnelRow, Level } from '../api/schema';
import type { Platform } from '../api/constants';
import type { DateRange } from '../dates/range';
import type { HookCatalogue, HookHealth } from './hooks';

export interface PageContext {
  platform: Platform;
  level: Level;
  /**
   * How the page in front of the user names this level ("Campaigns", "Ad sets", "Kampanjat");
   * null when the page shows no name for it (the UI then names the level in its own language).
   */
  levelLabel: string | null;
  /** Digits only; null when the page does not show it (the request then goes without it). */
  accountId: string | null;
  range: DateRange;
  /** The range could not be read from the page: the default (last 30 days) is used and said so. */
  rangeAssumed: boolean;
  /**
   * Where the range was read: the URL, or a label on the page (for the summary's signal report);
   * `chosen`: not readable, and the user picked it in the summary for this tab (tab-range.ts).
   */
  rangeSource?: 'url' | 'label' | 'inputs' | 'chosen';
  /**
   * The list is narrowed to part of the account (e.g. one campaign's ad sets): CRM rows missing
   * from the page are expected then, so the summary does not count them as "not seen".
   */
  filtered?: boolean;
}

export interface PageRow {
  /** The row element. Hosts recycle these for other campaigns: never key anything by it alone. */
  row: Element;
  /** The badge is inserted right after this element, inside the row. */
  anchor: Element;
  /** The platform's object ID when the row shows one. */
  id: string | null;
  name: string;
  /**
   * The part of the row whose changes can change which campaign it shows (the name cell). When
   * every row gives one, the engine watches only these, and the row node's own attributes
   * (`watchRowAttributes`), instead of the whole row with its metric cells.
   */
  watch?: Element;
}

export interface PlatformAdapter {
  platform: Platform;
  /** The list page's context, or null when this is not a list page (overview, settings…). */
  readContext(url: URL, doc: Document, today: Date): PageContext | null;
  /** The element that holds the rows. Only it is observed, never the whole page. */
  findTable(doc: Document): Element | null;
  /** The host still shows its loading skeleton: no rows yet, and that is expected. */
  isLoading(doc: Document): boolean;
  /** The campaign rows on screen now (header, totals and placeholders skipped). */
  readRows(table: Element, context: PageContext): PageRow[];
  /**
   * The row node holding `element` (where the host changed something: a changed text's parent),
   * or null when the change is
   * not inside a single row (rows added or removed, the table re-rendered). With rowOf and
   * readRow the engine re-reads only the rows that changed; a null makes it re-read them all.
   */
  rowOf(element: Element, table: Element): Element | null;
  /** What one row node (from rowOf) shows now, as readRows would read it; null when no campaign. */
  readRow(row: Element, context: PageContext): PageRow | null;
  /**
   * After re-reading changed rows: true when only a read of every row can settle what they show
   * (the fallback finder found two rows naming one campaign). The engine reads them all at once.
   */
  fullReadDue?(): boolean;
  /**
   * The spend cell's text as printed in this row (a `PageRow.row`), or null when the column is not
   * rendered. Read only when a card opens: it is not needed while rows scroll by.
   */
  readSpend(row: Element, table: Element): string | null;
  /**
   * The row's lead count as the platform itself reports it, as printed (`120`, `1.2K`, `1 234`):
   * Meta's Results when its result type is a lead type, Google's Conversions, LinkedIn's Leads or
   * Conversions. Null when the column is not rendered, or counts something other than leads. Read
   * like readSpend, when a card opens and now and then for the summary, never on every frame.
   */
  readPlatformLeads?(row: Element, table: Element): string | null;
  /** Elements outside the table whose text feeds readContext (a date picker's label). */
  contextSources?(doc: Document): Element[];
  /**
   * Attributes inside rows that can change which campaign a row shows (the ones the adapter reads
   * a row's ID and name from). Only these are observed, besides text and added or removed nodes.
   */
  watchAttributes: string[];
  /** Attributes of the row node itself that change when it is recycled (with PageRow.watch). */
  watchRowAttributes?: string[];
  /** The hooks this adapter reads the page by, each with its alternatives (see hooks.ts). */
  hooks?: HookCatalogue;
  /**
   * Which declared alternative of each hook matched on this page now (null: none did). Read once
   * per page context and when the summary's details or the popup ask, never while rows scroll.
   */
  matchHooks?(doc: Document, table: Element | null, rows: readonly PageRow[], context: PageContext): HookHealth;
  /** The CRM rows of the current page context arrived (null: none yet, or none to be had). */
  onCrmRows?(rows: readonly FunnelRow[] | null): void;
  /** The rows on screen now come from the platform-blind fallback finder (with-fallback.ts). */
  usingFallback?(): boolean;
}

/**
 * An adapter with the platform-blind fallback finder behind it (fallback-finder.ts). The adapter's
 * own hooks come first; the finder takes over while they read no rows, or clearly fewer than the
 * names of the page context the page shows, and hands back as soon as they read as many again.
 * The engine sees one ordinary adapter, plus `onCrmRows` (the names and IDs to look for) and
 * `usingFallback` (for the summary).
 */
import type { PageContext, PageRow, PlatformAdapter } from './adapter';
import { browserLayout, fallbackTargets, findNames, type FallbackTargets, type Layout, type SpotFor } from './fallback-finder';
import { nameColumn, readBand, rowsOfColumn, type ColumnBands } from './fallback-rows';
import type { FallbackLayer } from './fallback-layer';
import { FALLBACK_HOOK } from './hooks';
import { isOwnNode } from './shadow';
import type { UiLoader } from './ui-loader';

/** While the adapter reads rows, the finder checks that it reads them all at most this often. */
const RECHECK_MS = 2000;
/**
 * ...and this often while it reads the very campaigns it read at the last check, which found it
 * reading them all: on a still page the check (a read of every name in the table) was most of
 * what the page cost us while nobody touched it.
 */
const UNCHANGED_RECHECK_MS = 10_000;
/**
 * ...and only in a pass that follows this long a pause of passes: the check reads every name in
 * the table (tens of milliseconds on a large one), which must not land in a scrolling frame. A
 * scroll makes a pass every frame; the first pass after it stops checks. Shorter than the
 * engine's poll (POLL_MS in engine.ts, 400 ms), whose passes are the ones a still page gets.
 */
const QUIET_MS = 250;

/** How long a name element's measured box and display are reused (see cachedLayout). */
const LAYOUT_TTL_MS = 1000;

/**
 * The layout, read at most once per element and second. The finder runs in the mutation
 * microtask right after the host rewrote rows; measuring there forces a synchronous layout on
 * every scrolling frame. A recycled row's name keeps its column and display, so a second-old
 * measure groups it just as well (a stale one can only cost a badge, never misplace one: the badge
 * still follows the name's own text).
 *
 * With `refreshLater` (an idle callback), a shown box past its second is used once more and
 * measured again later, when the frame's own layout is done and measuring costs no extra layout:
 * at a measure per second and name, a 15-row table forced 15 layouts a second while scrolling. A
 * hidden (zero-sized) one is measured at once: the name may have just appeared.
 */
export function cachedLayout(layout: Layout, now: () => number, ttlMs = LAYOUT_TTL_MS, refreshLater?: (refresh: () => void) => void): Layout {
  const boxes = new WeakMap<Element, { at: number; box: ReturnType<Layout['rectOf']> }>();
  const displays = new WeakMap<Element, { at: number; display: string }>();
  const due = new Set<Element>();
  const measure = (element: Element) => {
    const box = layout.rectOf(element);
    boxes.set(element, { at: now(), box: { left: box.left, top: box.top, width: box.width, height: box.height } });
    return box;
  };
  const refresh = () => {
    for (const element of due) if (element.isConnected) measure(element);
    due.clear();
  };
  return {
    rectOf(element) {
      const known = boxes.get(element);
      if (!known) return measure(element);
      if (now() - known.at < ttlMs) return known.box;
      if (!refreshLater || known.box.width <= 0 || known.box.height <= 0) return measure(element);
      if (due.size === 0) refreshLater(refresh);
      due.add(element);
      return known.box;
    },
    displayOf(element) {
      const t = now();
      const known = displays.get(element);
      if (known && t - known.at < ttlMs) return known.display;
      const display = layout.displayOf(element);
      displays.set(element, { at: t, display });
      return display;
    },
  };
}

/** The campaigns rows show, in order: their IDs, or names where they have none. */
function campaignsOf(rows: readonly PageRow[]): string {
  return rows.map((row) => row.id ?? `\u0000${row.name}`).join('\n');
}

/** "Clearly fewer": the page shows at least twice the adapter's rows, and two more. */
export function clearlyFewer(adapterRows: number, pageNames: number): boolean {
  return pageNames >= adapterRows * 2 + 2;
}

export interface FallbackAdapter extends PlatformAdapter {
  usingFallback(): boolean;
}

/**
 * `signal` and `ui`: the overlay's life and its on-demand UI (ui-loader.ts), which holds our own
 * layer (fallback-layer.ts). With them, names with no safe spot in their row get a badge in that
 * layer, removed when the signal aborts: the layer's code is asked for the first time a name needs
 * it, and such names get their badge in the first read after it arrived (the engine's next poll
 * asks for that read, within about 0.4 s). Without them they get none.
 */
export function withFallback(
  adapter: PlatformAdapter,
  options: { layout?: Layout; now?: () => number; signal?: AbortSignal; ui?: UiLoader } = {},
): FallbackAdapter {
  const now = options.now ?? Date.now;
  const { signal, ui } = options;
  /** Made the first time a name needs it. */
  let layer: FallbackLayer | null = null;
  /** The row bands given a spot by the current read: every other spot goes. */
  let spotted = new Set<Element>();
  /** Where a name with no safe spot goes, once the layer's code is there (undefined: nowhere yet). */
  function spotFor(): SpotFor | undefined {
    const parts = ui?.ui;
    if (!signal || !parts) return undefined;
    return (row, name) => {
      layer ??= parts.createFallbackLayer(signal);
      spotted.add(row);
      return layer.spotFor(row, name);
    };
  }
  /** The rows `read` gives, with the spots of rows it no longer gives dropped. */
  const withSpotsOf = (read: () => PageRow[]): PageRow[] => {
    spotted = new Set();
    const rows = read();
    layer?.keepOnly(spotted);
    return rows;
  };
  // On a real page (no layout given), shown boxes are measured again in idle time.
  const refreshWhenIdle = (task: () => void) => requestIdleCallback(() => signal?.aborted || task(), { timeout: LAYOUT_TTL_MS });
  const layout = options.layout ? cachedLayout(options.layout, now) : cachedLayout(browserLayout, now, LAYOUT_TTL_MS, refreshWhenIdle);
  let targets: FallbackTargets | null = null;
  let active = false;
  let checkedAt = -Infinity;
  /** When the engine last read rows (a pass, whole or by row). */
  let readAt = -Infinity;
  /** The container the finder found when the adapter found no table at all. */
  let ownContainer: Element | null = null;
  /** When the page was last searched for a name column (no table from the adapter). */
  let searchedAt = -Infinity;
  /**
   * The name column's bands as the last whole read found them, while the finder reads the rows:
   * a band the host changes (a recycled row) is read again alone, as the adapters' rows are,
   * instead of the whole table on every scrolling frame.
   */
  let bands: ColumnBands | null = null;
  /** A band read alone named a CRM row another band names too: a whole read must settle it. */
  let namedTwice = false;
  /** The last whole read had names that need our layer, before its code was there. */
  let layerAwaited = false;
  /** The campaigns the adapter read when the last check found it reading them all (see campaignsOf). */
  let agreedCampaigns: string | null = null;

  const finderOptions = (minGroup: number) => ({ layout, isOwn: isOwnNode, minGroup });

  /** The common ancestor of the page's name column, when the adapter knows no table. */
  function containerOfNames(doc: Document): Element | null {
    if (!targets || !doc.body) return null;
    const column = nameColumn(findNames(doc.body, targets, finderOptions(2)), 2);
    let common: Element | null = column[0]?.element.parentElement ?? null;
    for (const item of column.slice(1)) while (common && !common.contains(item.element)) common = common.parentElement;
    return common;
  }

  function readRows(table: Element, context: PageContext): PageRow[] {
    const own = table === ownContainer ? [] : adapter.readRows(table, context);
    if (!targets) {
      active = false;
      layer?.keepOnly(new Set());
      return own;
    }
    const t = now();
    const afterPause = t - readAt >= QUIET_MS;
    readAt = t;
    if (own.length > 0 && !active) {
      // Cheapest first: while passes come without a pause (a scroll), the campaigns are not compared.
      if (!afterPause || t - checkedAt < RECHECK_MS) return own;
      if (t - checkedAt < UNCHANGED_RECHECK_MS && agreedCampaigns !== null && campaignsOf(own) === agreedCampaigns) return own;
    }
    checkedAt = t;
    const minGroup = table === ownContainer ? 2 : 1;
    const column = nameColumn(findNames(table, targets, finderOptions(minGroup)), minGroup);
    active = own.length === 0 ? column.length > 0 : clearlyFewer(own.length, column.length);
    agreedCampaigns = own.length > 0 && !active ? campaignsOf(own) : null;
    const needsLayer = active && column.some((item) => item.needsLayer);
    if (needsLayer && signal && ui?.state === 'idle') ui.load().catch(() => undefined);
    layerAwaited = needsLayer && !ui?.ui;
    namedTwice = false;
    const crmRowByBand = new Map<Element, number | null>();
    bands = active && column[0] ? { left: column[0].left, crmRowByBand } : null;
    return withSpotsOf(() => (active ? rowsOfColumn(column, table, spotFor(), crmRowByBand) : own));
  }

  return {
    ...adapter,
    findTable(doc) {
      const table = adapter.findTable(doc);
      if (table) return table;
      // The whole page is searched, and the engine asks on every pass until a table is found:
      // at most once per RECHECK_MS, unless new CRM rows arrived (onCrmRows resets the clock).
      if (now() - searchedAt < RECHECK_MS) return null;
      searchedAt = now();
      ownContainer = containerOfNames(doc);
      return ownContainer;
    },
    readRows,
    rowOf(element, table) {
      if (!active) return adapter.rowOf(element, table);
      // A change inside one band of the column; anything else (rows added, a name moved out of
      // its band) makes the engine read every row.
      for (let node: Element | null = element; node && node !== table; node = node.parentElement) if (bands?.crmRowByBand.has(node)) return node;
      return null;
    },
    readRow(row, context) {
      readAt = now();
      if (!active) return adapter.readRow(row, context);
      if (!bands || !targets) return null;
      const read = readBand(row, targets, finderOptions(1), bands, spotFor());
      if (read.twice) namedTwice = true;
      return read.row;
    },
    // Also once the layer's code arrives for names waiting for it: a still page is otherwise
    // re-read only every 2 s (engine.ts, FULL_READ_GAP_MS).
    fullReadDue: () => active && (namedTwice || (layerAwaited && !!ui?.ui)),
    readSpend(row, table) {
      return active ? null : adapter.readSpend(row, table);
    },
    matchHooks(doc, table, rows, context) {
      const health = adapter.matchHooks?.(doc, table === ownContainer ? null : table, rows, context) ?? {};
      if (!active) return health;
      return { ...health, row: FALLBACK_HOOK, name: FALLBACK_HOOK, id: rows.some((r) => r.id !== null) ? FALLBACK_HOOK : null, spend: null };
    },
    onCrmRows(rows) {
      targets = rows && rows.length > 0 ? fallbackTargets(rows) : null;
      checkedAt = -Infinity;
      searchedAt = -Infinity;
      agreedCampaigns = null;
      if (!targets) active = false;
      adapter.onCrmRows?.(rows);
    },
    usingFallback: () => active,
  };
}

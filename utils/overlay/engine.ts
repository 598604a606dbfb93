/**
 * The overlay engine, shared by the three ad managers. It runs one adapter inside the WXT
 * content-script context and composes the overlay's parts, each given the context's signal:
 * - page-context.ts: which page context (platform, level, account, range) the page shows;
 * - funnel-source.ts: its funnel, asked once per page context, never per row;
 * - row-watcher.ts: observes only the table and batches its changes into passes;
 * - badge-registry.ts: one badge per row node, showing what its campaign's key says;
 * - lead-counts.ts, card-driver.ts, summary-driver.ts: the platform's lead counts, the card, the summary.
 * Each pass re-reads which campaign each changed row shows now, so a recycled row node never
 * keeps another campaign's numbers. The engine ignores its own nodes, only ever inserts its own
 * elements, and tears everything down when WXT invalidates the context (an extension reload or
 * update, or a newer instance of this content script). No exception reaches the host page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FunnelAnswer, FunnelRequest, PageHealthReport, PlatformLeadsNoteRow } from '../messaging';
import type { PageContext, PageRow, PlatformAdapter } from './adapter';
import type { Badge } from './badge';
import { createBadgeRegistry } from './badge-registry';
import { createCardDriver } from './card-driver';
import { createFunnelSource } from './funnel-source';
import { createLeadCounts } from './lead-counts';
import { uiLocale } from '../i18n/locale';
import { trackPageContext } from './page-context';
import { createRowWatcher } from './row-watcher';
import { campaignKey, createSeenCampaigns } from './seen-row';
import { createSummaryDriver } from './summary-driver';
import type { TabRange } from './tab-range';
import type { UiLoader } from './ui-loader';

export interface OverlayDeps {
  askFunnel(request: FunnelRequest): Promise<FunnelAnswer>;
  /** Subscribes to "fresher data for this request"; returns the unsubscribe. */
  onFunnelChanged(listener: (request: FunnelRequest) => void): () => void;
  now(): Date;
  warn(message: string): void;
  /** Hands the platform's lead counts read on this page to the background (issue 20); optional. */
  notePlatformLeads?(request: FunnelRequest, rows: PlatformLeadsNoteRow[]): void;
  /** The extension's version, for the diagnostics a user can copy. */
  version?: string;
  /** The range picked for this tab where the page's is not readable (tab-range.ts; the adapter is wrapped with it). */
  tabRange?: TabRange;
  /** The on-demand UI (ui-loader.ts): the card, the summary's details, the range picker. */
  ui: UiLoader;
}

/**
 * How often the context and every row are re-read, and the table looked for. Navigation needs no
 * poll (wxt:locationchange), but the page changes what the context is read from without one and
 * outside anything observed: Google's account picker and date label render after the table
 * (google-overlay.e2e.ts fails without this re-read). And a change the host made without a
 * mutation record we listen to (a class turning a row into a placeholder) is corrected by the
 * poll's next re-read of every row (see QUIET_MS).
 */
const POLL_MS = 400;
/**
 * While the host keeps rewriting rows (a scroll), every row it changes is re-read as it changes,
 * and the poll's re-read of every row (with the platform's lead counts and the summary's tallies)
 * waits for a pause of QUIET_MS: on a scroll through thousands of campaigns it was a third of our
 * script time. A host that never pauses still gets one every FULL_READ_GAP_MS.
 *
 * On a still page (nothing observed changed since the last whole read) every row is re-read only
 * every FULL_READ_GAP_MS too: that read is then only a safety net for what the observer cannot
 * see, as it is during a scroll. Re-reading on every poll cost a still Meta page about 6 ms of
 * main thread a second, all day long. The poll keeps its pace where a read can find something
 * new: while no table (or no row) is found, the table left the page, or the adapter asks.
 */
const QUIET_MS = 250;
const FULL_READ_GAP_MS = 2000;
/** A complete page context (see PageContextTracker.incomplete) is re-read on every 5th poll (2 s) when nothing says it changed. */
const COMPLETE_CHECK_EVERY = 5;

/** What the running overlay answers from outside the page (the popup). */
export interface OverlayHandle {
  pageHealth(): PageHealthReport | null;
}

export function runOverlay(ctx: ContentScriptContext, adapter: PlatformAdapter, deps: OverlayDeps): OverlayHandle {
  const locale = uiLocale();
  const signal = ctx.signal;

  /** Anything thrown in our code stops here: logged for us, never seen by the host page. */
  function guard(fn: () => void): void {
    if (signal.aborted) return;
    try {
      fn();
    } catch (error) {
      deps.warn(`Funnel Lens: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const seen = createSeenCampaigns();
  const page = trackPageContext(ctx, signal, {
    adapter,
    now: deps.now,
    guard,
    onChange: contextChanged,
    onPossibleChange: () => watcher.schedule(),
  });
  const source = createFunnelSource(ctx, signal, {
    askFunnel: deps.askFunnel,
    onFunnelChanged: deps.onFunnelChanged,
    context: () => page.current,
    seen: () => seen.rows.values(),
    onCleared() {
      adapter.onCrmRows?.(null);
      badges.invalidateViews();
      watcher.schedule();
    },
    onAnswer(answer) {
      adapter.onCrmRows?.(answer.ok ? answer.rows : null);
      badges.invalidateViews();
      // Shown at once rather than at the next frame: the rows are on screen, waiting for exactly this.
      watcher.readAllNext();
      guard(pass);
      if (answer.ok) badges.warm(answer);
    },
  });
  const leads = createLeadCounts({ adapter, seen: seen.rows, send: deps.notePlatformLeads });
  const card = createCardDriver(signal, {
    locale,
    adapter,
    seen: seen.rows,
    data: source,
    leads,
    badges: () => badges,
    table: () => watcher.table,
    context: () => page.current,
    guard,
    ui: deps.ui,
  });
  const badges = createBadgeRegistry(ctx, signal, { locale, data: source, seen: seen.rows, onOpen: card.open, onClose: card.scheduleClose, guard });
  const watcher = createRowWatcher(ctx, signal, { adapter, pass, onUnsure: (rows) => badges.markUnsure(rows), guard });
  const summary = createSummaryDriver(signal, {
    locale,
    adapter,
    context: () => page.current,
    dataKey: () => `${page.key}|${badges.dataVersion}`,
    table: () => watcher.table,
    data: source,
    seen,
    leads,
    version: deps.version,
    tabRange: deps.tabRange,
    ui: deps.ui,
  });
  // A range picked (or read back after a reload) is a new page context: read it now, not at the next poll.
  const stopFollowingTabRange = deps.tabRange?.onChange(() => {
    page.markDirty();
    watcher.schedule();
  });

  function pass(): void {
    // Reading the context parses the URL and a few labels: only when something it depends on
    // may have changed, not on every scrolling frame.
    // The URL is compared on passes that read every row (a navigation re-renders the table) and on
    // the poll; a scrolling frame's pass only asks whether a source it is read from changed.
    // (Chromium reports navigation at once; Firefox has no Navigation API: its poll does.)
    if (watcher.readAllRows || !watcher.table ? page.stale : page.dirty) page.check();
    const context = page.current;
    if (!context) return;
    // Some adapters read the context from the table (Google's level label is the grid's name).
    if (watcher.ensureTable()) page.markDirty();
    if (!watcher.readAllRows && watcher.table) {
      reconcileChangedRows(context);
      if (adapter.fullReadDue?.()) reconcileAll(context);
    } else reconcileAll(context);
    summary.update();
  }

  function contextChanged(context: PageContext | null): void {
    seen.clear();
    leads.clear();
    card.close();
    summary.resetRows();
    if (!context) {
      badges.clear();
      summary.hide();
      watcher.disconnect();
      return;
    }
    source.load(context);
  }

  /** When every row was last re-read (performance.now()), and how many rows that read found. */
  let fullReadAt = Number.NEGATIVE_INFINITY;
  let fullReadRows = 0;

  function reconcileAll(context: PageContext): void {
    fullReadAt = performance.now();
    watcher.startFullRead();
    const table = watcher.table;
    const rows: PageRow[] = table ? adapter.readRows(table, context) : [];
    fullReadRows = rows.length;
    const touched = new Set<Badge>();
    for (const row of rows) touched.add(showRow(row, campaignKey(row)));
    // A row node that no longer shows a campaign (reused for a placeholder or the totals row)
    // must not keep the last campaign's badge.
    badges.retireAllBut(touched);
    card.keepIfShown(rows);
    watcher.narrow(rows);
    if (table) leads.readDue(rows, table, context);
    summary.noteRows(rows.length, rows.length === 0 && adapter.isLoading(document));
  }

  /** Only the row nodes the host changed since the last pass; the others still show what they showed. */
  function reconcileChangedRows(context: PageContext): void {
    for (const node of watcher.changedRows) {
      const row = node.isConnected ? adapter.readRow(node, context) : null;
      if (row) {
        watcher.reread(row);
        const previous = badges.badgeIn(node)?.key;
        const key = campaignKey(row);
        showRow(row, key);
        card.rowChanged(previous, key);
        continue;
      }
      card.rowChanged(badges.retireIn(node), null);
    }
    watcher.changedRowsDone();
  }

  /** Notes the row's campaign as seen, and puts (or keeps) its badge showing that campaign. */
  function showRow(row: PageRow, key: string): Badge {
    if (seen.note(key, row) && source.index?.notePageRow({ key, id: row.id, name: row.name })) badges.invalidateViews();
    return badges.show(row, key);
  }

  /** Whether the poll should re-read every row now (see QUIET_MS). */
  function fullReadDue(): boolean {
    const table = watcher.table;
    if (!table || !table.isConnected || fullReadRows === 0 || adapter.fullReadDue?.()) return true;
    if (watcher.changedSince(fullReadAt) && watcher.quietFor(QUIET_MS)) return true;
    return performance.now() - fullReadAt >= FULL_READ_GAP_MS;
  }

  // The poll (see POLL_MS). A context change starts its own load and pass.
  let polls = 0;
  ctx.setInterval(() => {
    // A complete context is re-read every COMPLETE_CHECK_EVERY polls unless it may have changed:
    // reading Google's header on every poll was a tenth of our script time while scrolling.
    if (page.stale || page.incomplete || ++polls % COMPLETE_CHECK_EVERY === 0) guard(page.check);
    if (fullReadDue()) watcher.schedule();
  }, POLL_MS);

  // Teardown removes our DOM (each part on the signal): in an orphaned script (extension
  // reloaded) every extension API throws "Extension context invalidated", and that must not
  // leave badges behind.
  signal.addEventListener('abort', () => {
    for (const step of [badges.clear, card.destroy, summary.destroy, () => stopFollowingTabRange?.()]) {
      try {
        step();
      } catch {
        // Nothing useful to do: the page must not see it.
      }
    }
  });

  watcher.schedule();

  return { pageHealth: () => summary.pageHealth() };
}

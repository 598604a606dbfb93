/**
 * The overlay engine, shared by the three ad managers. It runs one adapter inside the WXT
 * content-script context:
 * - finds the table by a cheap poll, then observes only the table (never the whole page);
 * - batches every change into one pass per animation frame;
 * - asks the background once per page context (platform, level, account, range), never per row;
 * - keeps one badge per row node, and every pass re-reads which campaign the row shows now,
 *   so a recycled row node never keeps another campaign's numbers;
 * - ignores its own nodes, only ever inserts its own elements, follows SPA navigation, and tears
 *   everything down when the context is invalidated. No exception reaches the host page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FunnelRow } from '../api/schema';
import type { FunnelAnswer, FunnelRequest, PageHealthReport, PlatformLeadsNoteRow } from '../messaging';
import { funnelRequestKey } from '../messaging';
import type { MatchIndex } from '../matching/lookup';
import { createMatchIndex } from '../matching/lookup';
import type { PageContext, PageRow, PlatformAdapter } from './adapter';
import { createBadge, type Badge } from './badge';
import { badgeFigures, buildBadgeView, poolBaseline, type BadgeFigures, type BadgeView, type Baseline, type FiguresInput } from './badge-view';
import { t } from '../i18n/t';
import { createCard, type Card } from './card';
import { uiLocale } from './locale';
import { isOwnNode } from './shadow';
import { createSummary, type PageSignals, type Summary, type SummaryState } from './summary';
import { readPlatformLeads, type PlatformLeads } from './platform-leads';
import { checkedHealth, type HookHealth } from './hooks';
import { diagnosticsText } from './diagnostics';
import type { TabRange } from './tab-range';

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
}

/**
 * How often every row on screen has its platform lead count read, at most (on the poll's full
 * pass, never on a scrolling frame's): the column's header may be found by layout, which costs.
 */
const PLATFORM_LEADS_EVERY_MS = 1000;

const OVERLAY_STARTED_EVENT = 'funnel-lens:overlay-started';
/** Where the running overlays are kept, per platform, in the content scripts' own global. */
const RUNNING_OVERLAYS = Symbol.for('funnel-lens:running-overlays');

/** A list page whose table has not shown a single readable row for this long is "not recognised". */
const LAYOUT_GRACE_MS = 4000;
/** How often the page is polled for the table and for URL changes the Navigation API missed. */
const POLL_MS = 400;
/** How many rows of an answer get their badge figures made ahead, in idle time (5,000 campaigns: a very large account). */
const WARM_ROWS = 5000;

/** Inside rows: text, and the attributes that carry a campaign's ID. */
function watchRowContent(attributeFilter: string[]): MutationObserverInit {
  // Not 'style': virtualised rows move on every scroll frame, and a move alone changes no campaign.
  return { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter };
}
const DEFAULT_WATCHED_ATTRIBUTES = ['href', 'data-surface', 'essfield'];
const WATCH_ROWS_ADDED_OR_REMOVED: MutationObserverInit = { childList: true, subtree: true };

export interface SeenRow {
  key: string;
  id: string | null;
  name: string;
}

export function campaignKey(row: { id: string | null; name: string }): string {
  return row.id ? `id:${row.id}` : `name:${row.name.trim()}`;
}

/** What the running overlay answers from outside the page (the popup). */
export interface OverlayHandle {
  pageHealth(): PageHealthReport | null;
}

export function runOverlay(ctx: ContentScriptContext, adapter: PlatformAdapter, deps: OverlayDeps): OverlayHandle {
  const locale = uiLocale();
  const WATCH_ROW_CONTENT = watchRowContent(adapter.watchAttributes ?? DEFAULT_WATCHED_ATTRIBUTES);
  /** A recycled row node's own attributes (its transform, its row key), when rows name a `watch` part. */
  const WATCH_ROW_NODE: MutationObserverInit | null = adapter.watchRowAttributes ? { attributes: true, attributeFilter: adapter.watchRowAttributes } : null;
  const teardown = new AbortController();
  ctx.onInvalidated(() => teardown.abort());
  const signal = teardown.signal;

  // Only one overlay per platform and tab, so a row never gets two badges.
  // - Injected twice by the same version: the older instance is found in a global of the content
  //   scripts' isolated world, which the page can neither see nor touch.
  const running = globalThis as { [RUNNING_OVERLAYS]?: Partial<Record<string, AbortController>> };
  const overlays = (running[RUNNING_OVERLAYS] ??= {});
  overlays[adapter.platform]?.abort();
  overlays[adapter.platform] = teardown;
  // - After an update, the new version is injected while the old one may still think it is
  //   alive. The newest announces itself before it listens (dispatch is synchronous, so it never
  //   hears itself), with a plain event, whose type crosses isolated worlds. Any page can send the
  //   same event, so an instance steps aside only once its own extension context is gone, which
  //   is exactly the old version's state, and which a page cannot fake.
  const startedEvent = `${OVERLAY_STARTED_EVENT}:${adapter.platform}`;
  document.dispatchEvent(new Event(startedEvent));
  document.addEventListener(startedEvent, () => {
    if (ctx.isInvalid) teardown.abort();
  }, { signal });

  let context: PageContext | null = null;
  let contextKey = '';
  let lastHref = '';
  /** Something the context is read from may have changed (a context source, a new table). */
  let contextDirty = true;
  let answer: FunnelAnswer | null = null;
  let index: MatchIndex | null = null;
  let baseline: Baseline | null = null;
  /** Bumped whenever the data behind the badges changes, so every badge re-renders once. */
  let dataVersion = 0;
  /** Bumped whenever a campaign is seen for the first time (the summary's coverage changes). */
  let seenVersion = 0;
  let loadToken = 0;

  let table: Element | null = null;
  let tableObserver: MutationObserver | null = null;
  /** Where row content is watched (see narrowObservation); null: the whole table. */
  let rowContainer: Element | null = null;
  /** In per-row watching: the row nodes and watched parts registered, in order. */
  let watchedParts: Element[] = [];
  let sourcesObserver: MutationObserver | null = null;
  let observedSources: Element[] = [];
  let noRowsSince: number | null = null;
  /** No rows yet, and the host shows that it is still loading them (Google: 40 s to minutes). */
  let waitingForTable = false;

  const badgesByRow = new WeakMap<Element, Badge>();
  /** Badge host → the row node it sits in: the card reads that row's spend when it opens. */
  const rowByBadgeHost = new WeakMap<Element, Element>();
  const liveBadges = new Set<Badge>();
  const views = new Map<string, BadgeView>();
  /**
   * The figures of each row of the answer (text, tone, accessible name but the page's name): the
   * same for every badge showing that campaign. Made in idle time after an answer arrives (see
   * warmFigures), so a scroll through a large account finds them ready instead of formatting
   * several campaigns per frame.
   */
  // Keyed by the answer's own row objects: a new answer has new rows, so nothing here goes stale.
  const figures = new WeakMap<FunnelRow, BadgeFigures>();
  const figuresOf = (row: FunnelRow, input: FiguresInput): BadgeFigures => {
    let made = figures.get(row);
    if (!made) figures.set(row, (made = badgeFigures(row, input)));
    return made;
  };
  /** Every campaign seen on this page context, by campaign: for the summary, the badge views and the card. */
  const seen = new Map<string, SeenRow>();
  /** The platform's lead count last read from each campaign's row on this page context (issue 20). */
  const platformLeads = new Map<string, PlatformLeads>();
  let platformLeadsVersion = 0;
  let platformLeadsReadAt = 0;
  /** Campaigns whose count changed since the background was last told. */
  const platformLeadsUnsent = new Set<string>();

  /** What a badge shows while its row changed and has not been re-read yet. */
  const loadingView: BadgeView = buildBadgeView({ answer: null, match: null, baseline: null, locale, name: '', t });

  const summary: Summary = createSummary({ locale, signal, onRetry: () => reload(), signals: () => pageSignals(), diagnostics: () => diagnostics(), tabRange: deps.tabRange });
  // A range picked (or read back after a reload) is a new page context: read it now, not at the next poll.
  const stopFollowingTabRange = deps.tabRange?.onChange(() => {
    contextDirty = true;
    schedule();
  });
  const card: Card = createCard({ locale, signal });

  /**
   * What the next pass re-reads: every row (after anything but a change inside rows: new data,
   * a new context, rows added or removed, the poll), or only the row nodes the host changed.
   * A virtualised scroll rewrites a few rows per frame; re-reading only those keeps the cost
   * per frame independent of how many rows are on screen.
   */
  let readAllRows = true;
  const changedRows = new Set<Element>();

  let frameRequested = false;
  const requestFrame = () => {
    if (frameRequested || signal.aborted) return;
    frameRequested = true;
    ctx.requestAnimationFrame(() => {
      frameRequested = false;
      guard(pass);
    });
  };
  /** A pass over every row at the next frame. */
  const schedule = () => {
    readAllRows = true;
    requestFrame();
  };

  /**
   * The host changed its table. The first change of a frame is handled at once, in the observer's
   * microtask: a recycled row then shows its new campaign's badge in the very frame the host
   * rewrote it, without waiting for the next one. Further changes in the same frame are batched
   * into one pass at that frame, so a host that mutates in many small tasks costs at most two
   * passes per frame.
   */
  /** The frame (document timeline time) of the last immediate pass. */
  let immediatePassFrame: CSSNumberish | null = null;
  const onHostChange = () => {
    if (signal.aborted) return;
    const frame = (document.timeline as DocumentTimeline | undefined)?.currentTime ?? null;
    if (frameRequested || frame === null || frame === immediatePassFrame) {
      // Until that pass re-reads them, the changed rows may show another campaign (an in-place
      // re-sort rewrites every row), and the next frame can be far off on a busy machine: their
      // badges go neutral now rather than keep the previous campaign's numbers (issue #26).
      // No row is read here, so the cost cap holds; the pass re-renders them before any paint.
      for (const node of changedRows) badgesByRow.get(node)?.showUnsure(loadingView);
      requestFrame();
      return;
    }
    immediatePassFrame = frame;
    guard(pass);
  };

  /** Anything thrown in our code stops here: logged for us, never seen by the host page. */
  function guard(fn: () => void): void {
    if (signal.aborted) return;
    try {
      fn();
    } catch (error) {
      deps.warn(`Funnel Lens: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function pass(): void {
    // Reading the context parses the URL and a few labels: only when something it depends on
    // may have changed, not on every scrolling frame (the poll re-reads it anyway).
    if (contextDirty || location.href !== lastHref) checkContext();
    if (!context) return;
    ensureTable();
    reconcile();
    summary.update(summaryState());
  }

  function checkContext(): void {
    contextDirty = false;
    // Date pickers get replaced too: re-check what we watch (cheap when nothing changed).
    watchContextSources();
    const href = location.href;
    const next = adapter.readContext(new URL(href), document, deps.now());
    lastHref = href;
    const key = next ? `${funnelRequestKey(toRequest(next))}|${next.rangeAssumed}` : '';
    if (key === contextKey) return;
    context = next;
    contextKey = key;
    seen.clear();
    seenVersion++;
    platformLeads.clear();
    platformLeadsUnsent.clear();
    platformLeadsVersion++;
    platformLeadsReadAt = 0;
    card.close();
    noRowsSince = null;
    if (!context) {
      clearBadges();
      summary.hide();
      disconnectTable();
      return;
    }
    void load(context);
  }

  function toRequest(c: PageContext): FunnelRequest {
    return { platform: c.platform, level: c.level, accountId: c.accountId, from: c.range.from, to: c.range.to };
  }

  /**
   * Asks for the context's funnel. A refresh of the same context keeps the numbers on screen
   * until the new answer arrives; a new context shows the loading state at once.
   */
  async function load(forContext: PageContext, keepCurrent = false): Promise<void> {
    const token = ++loadToken;
    if (!keepCurrent) {
      answer = null;
      index = null;
      baseline = null;
      adapter.onCrmRows?.(null);
      invalidateViews();
      schedule();
    }
    const result = await deps.askFunnel(toRequest(forContext));
    if (token !== loadToken || signal.aborted) return;
    answer = result;
    adapter.onCrmRows?.(result.ok ? result.rows : null);
    scheduleRetryAfterRateLimit(result, token);
    if (result.ok) {
      const fresh = createMatchIndex(result.rows);
      for (const row of seen.values()) fresh.notePageRow(row.key, row.name);
      index = fresh;
      baseline = poolBaseline(result.rows);
    }
    invalidateViews();
    // Shown at once rather than at the next frame: the rows are on screen, waiting for exactly this.
    readAllRows = true;
    guard(pass);
    if (result.ok) warmFigures();
  }

  /**
   * Makes the answer's rows' badge figures in idle time, a few milliseconds at a time, giving way
   * to the page whenever it has work. Up to WARM_ROWS rows: beyond the largest accounts we plan
   * for, a row's figures are made when its campaign first shows up, as they are for rows not
   * warmed yet.
   */
  function warmFigures(): void {
    const warming = answer;
    let next = 0;
    const step = (deadline: IdleDeadline) => {
      guard(() => {
        if (answer !== warming || !answer?.ok || !baseline) return;
        const input: FiguresInput = { answer, baseline, locale, t };
        const rows = answer.rows;
        const end = Math.min(rows.length, WARM_ROWS);
        while (next < end && deadline.timeRemaining() > 1) figuresOf(rows[next++] as FunnelRow, input);
        if (next < end) ctx.requestIdleCallback(step);
      });
    };
    ctx.requestIdleCallback(step);
  }

  /** The summary promises "Funnel Lens will try again shortly" after a 429: keep that promise. */
  function scheduleRetryAfterRateLimit(result: FunnelAnswer, token: number): void {
    const error = result.ok ? result.refreshError : result.error;
    if (error?.kind !== 'rate_limited') return;
    const retryAfterSec = 'retryAfterSec' in error ? error.retryAfterSec : undefined;
    ctx.setTimeout(() => {
      if (token === loadToken) reload();
    }, rateLimitRetryDelayMs(retryAfterSec, Math.random));
  }

  function invalidateViews(): void {
    views.clear();
    dataVersion++;
  }

  function reload(): void {
    if (context) void load(context, true);
  }

  function ensureTable(): void {
    if (table && table.isConnected) return;
    disconnectTable();
    table = adapter.findTable(document);
    if (!table) return;
    // Some adapters read the context from the table (Google's level label is the grid's name).
    contextDirty = true;
    readAllRows = true;
    const observed = table;
    rowContainer = null;
    watchedParts = [];
    tableObserver = new MutationObserver((records) => handleTableRecords(records, observed));
    tableObserver.observe(table, WATCH_ROW_CONTENT);
  }

  function handleTableRecords(records: MutationRecord[], observed: Element): void {
    let changed = false;
    // A host rewrites a row with many records in a row: those inside the row just found
    // need no lookup of their own.
    let lastRow: Element | null = null;
    for (const record of records) {
      if (!isHostChange(record)) continue;
      changed = true;
      // Rows are noted even when a full pass is due: until it runs, their badges must not keep
      // another campaign's numbers (see onHostChange).
      const target = record.target;
      if (lastRow !== null && lastRow.contains(target)) continue;
      // Text changes are reported on the text node: its parent element is where they happened.
      const element: Element | null = target.nodeType === Node.ELEMENT_NODE ? (target as Element) : target.parentElement;
      lastRow = element ? adapter.rowOf(element, observed) : null;
      if (lastRow) changedRows.add(lastRow);
      else readAllRows = true;
    }
    if (changed) onHostChange();
  }

  /**
   * Narrows what is watched to the rows' nearest common ancestor: text and attribute changes
   * only there, rows added or removed anywhere in the table. Meta's metrics panel (a separate
   * subtree beside the names) rewrites its cells on every scrolling frame and can never change
   * which campaign a row shows; watching it made three quarters of all mutation records.
   * Re-derived after every full pass, so rows that appear elsewhere (always by a childList
   * change, which is still watched table-wide) widen the container again.
   */
  function narrowObservation(rows: readonly PageRow[]): void {
    if (!tableObserver || !table) return;
    if (WATCH_ROW_NODE && rows.length > 0 && rows.every((r) => r.watch)) {
      watchRowParts(rows);
      return;
    }
    watchedParts = [];
    let container: Element | null = rows[0]?.row.parentElement ?? null;
    for (let i = 1; i < rows.length && container; i++) {
      const { row } = rows[i] as PageRow;
      while (container && !container.contains(row)) container = container.parentElement;
    }
    if (container && !table.contains(container)) container = table;
    if (container === rowContainer) return;
    // Records already queued belong to the old registration: handle them before it goes.
    const pending = tableObserver.takeRecords();
    if (pending.length > 0) handleTableRecords(pending, table);
    tableObserver.disconnect();
    if (container && container !== table) {
      tableObserver.observe(table, WATCH_ROWS_ADDED_OR_REMOVED);
      tableObserver.observe(container, WATCH_ROW_CONTENT);
    } else {
      tableObserver.observe(table, WATCH_ROW_CONTENT);
    }
    rowContainer = container;
  }

  /**
   * Per-row watching, for adapters whose rows name the part that identifies them (Meta's name
   * cell): each row node's own attributes (a recycled node gets a new transform or row key) and
   * that part's content, plus rows added or removed table-wide. The metric cells beside the name,
   * rewritten on every recycle, then make no records at all.
   */
  function watchRowParts(rows: readonly PageRow[]): void {
    if (!tableObserver || !table || !WATCH_ROW_NODE) return;
    const parts = rows.flatMap((r) => [r.row, r.watch as Element]);
    if (rowContainer === null && parts.length === watchedParts.length && parts.every((p, i) => p === watchedParts[i])) return;
    const pending = tableObserver.takeRecords();
    if (pending.length > 0) handleTableRecords(pending, table);
    tableObserver.disconnect();
    tableObserver.observe(table, WATCH_ROWS_ADDED_OR_REMOVED);
    for (const row of rows) {
      tableObserver.observe(row.row, WATCH_ROW_NODE);
      tableObserver.observe(row.watch as Element, WATCH_ROW_CONTENT);
    }
    watchedParts = parts;
    rowContainer = null;
  }

  function watchContextSources(): void {
    const sources = adapter.contextSources?.(document) ?? [];
    if (sources.length === observedSources.length && sources.every((s, i) => s === observedSources[i])) return;
    sourcesObserver?.disconnect();
    observedSources = sources;
    if (!sources.length) return;
    sourcesObserver = new MutationObserver(() => {
      contextDirty = true;
      schedule();
    });
    for (const source of sources) sourcesObserver.observe(source, { childList: true, subtree: true, characterData: true });
  }

  function disconnectTable(): void {
    tableObserver?.disconnect();
    tableObserver = null;
    table = null;
  }

  function reconcile(): void {
    if (!readAllRows && table && context) {
      reconcileChangedRows(context);
      return;
    }
    readAllRows = false;
    changedRows.clear();
    const rows: PageRow[] = table && context ? adapter.readRows(table, context) : [];
    const touched = new Set<Badge>();
    for (const row of rows) touched.add(showRow(row));
    // A row node that no longer shows a campaign (reused for a placeholder or the totals row)
    // must not keep the last campaign's badge.
    for (const badge of liveBadges) if (!touched.has(badge)) retire(badge);
    if (card.openKey && !rows.some((r) => campaignKey(r) === card.openKey)) card.close();
    narrowObservation(rows);
    if (table && Date.now() - platformLeadsReadAt >= PLATFORM_LEADS_EVERY_MS) notePlatformLeads(rows, table);

    const loading = rows.length === 0 && adapter.isLoading(document);
    waitingForTable = loading;
    if (rows.length > 0 || loading) noRowsSince = null;
    else noRowsSince ??= Date.now();
  }

  /** Only the row nodes the host changed since the last pass; the others still show what they showed. */
  function reconcileChangedRows(pageContext: PageContext): void {
    for (const node of changedRows) {
      const row = node.isConnected ? adapter.readRow(node, pageContext) : null;
      if (row) {
        const previous = badgesByRow.get(node)?.key;
        showRow(row);
        if (previous !== undefined && previous === card.openKey && campaignKey(row) !== previous) card.close();
        continue;
      }
      const badge = badgesByRow.get(node);
      if (badge && liveBadges.has(badge)) {
        if (badge.key === card.openKey) card.close();
        retire(badge);
      }
    }
    changedRows.clear();
  }

  /** Puts (or keeps) the row's badge right after its anchor, showing the row's campaign. */
  function showRow(row: PageRow): Badge {
    const key = campaignKey(row);
    if (!seen.has(key)) {
      seen.set(key, { key, id: row.id, name: row.name });
      seenVersion++;
      if (index?.notePageRow(key, row.name)) invalidateViews();
    }
    let badge = badgesByRow.get(row.row);
    // Right after the anchor (inside the row): the usual case, checked first because it is cheap.
    if (!badge || badge.host.previousElementSibling !== row.anchor) {
      if (badge && badge.host.isConnected && row.row.contains(badge.host)) {
        // The host re-rendered the cell around us: keep the badge right after the name.
        row.anchor.after(badge.host);
      } else {
        if (badge) retire(badge);
        badge = createBadge({ signal, onOpen: openCard, onClose: () => card.scheduleClose() });
        row.anchor.after(badge.host);
        badgesByRow.set(row.row, badge);
        rowByBadgeHost.set(badge.host, row.row);
        liveBadges.add(badge);
      }
    }
    badge.show(key, dataVersion, () => viewFor(key));
    return badge;
  }

  /**
   * Reads the platform's lead count of every row on screen and remembers it by campaign. A row
   * whose cell is not rendered now (scrolled out of view, still loading) keeps the last count.
   */
  function notePlatformLeads(rows: readonly PageRow[], from: Element): void {
    if (!adapter.readPlatformLeads) return;
    platformLeadsReadAt = Date.now();
    for (const row of rows) rememberPlatformLeads(campaignKey(row), adapter.readPlatformLeads(row.row, from));
    sendPlatformLeads();
  }

  function rememberPlatformLeads(key: string, text: string | null): PlatformLeads | null {
    const read = readPlatformLeads(text);
    if (!read) return platformLeads.get(key) ?? null;
    if (platformLeads.get(key)?.count !== read.count) {
      platformLeads.set(key, read);
      platformLeadsUnsent.add(key);
      platformLeadsVersion++;
    }
    return read;
  }

  function sendPlatformLeads(): void {
    if (!deps.notePlatformLeads || !context || platformLeadsUnsent.size === 0) return;
    const rows: PlatformLeadsNoteRow[] = [];
    for (const key of platformLeadsUnsent) {
      const row = seen.get(key);
      const leads = platformLeads.get(key);
      if (row && leads) rows.push({ id: row.id, name: row.name, leads: leads.count });
    }
    platformLeadsUnsent.clear();
    if (rows.length > 0) deps.notePlatformLeads(toRequest(context), rows);
  }

  function retire(badge: Badge): void {
    badge.destroy();
    liveBadges.delete(badge);
  }

  function clearBadges(): void {
    for (const badge of liveBadges) badge.destroy();
    liveBadges.clear();
  }

  function viewFor(key: string): BadgeView {
    let view = views.get(key);
    if (!view) {
      const row = seen.get(key);
      view = buildBadgeView({
        figures: figuresOf,
        answer,
        match: answer?.ok && index && row ? index.lookup(row.id, row.name) : null,
        baseline,
        locale,
        name: row?.name ?? '',
        t,
      });
      views.set(key, view);
    }
    return view;
  }

  function openCard(key: string, anchor: HTMLElement, how: 'hover' | 'focus' | 'click'): void {
    guard(() => {
      const row = seen.get(key);
      if (!row || !answer?.ok || !index) return;
      const rowNode = rowByBadgeHost.get((anchor.getRootNode() as ShadowRoot).host);
      const spendText = rowNode && table ? adapter.readSpend(rowNode, table) : null;
      const leads = rowNode && table && adapter.readPlatformLeads ? rememberPlatformLeads(key, adapter.readPlatformLeads(rowNode, table)) : (platformLeads.get(key) ?? null);
      card.open({ key, anchor, how, row: { name: row.name, spendText, platformLeads: leads }, answer, match: index.lookup(row.id, row.name), context });
    });
  }

  /** What the adapter's hooks find on the page now: read when the summary shows its details. */
  function pageSignals(): PageSignals | null {
    if (!context) return null;
    const rows = table ? adapter.readRows(table, context) : [];
    const hooks = table && adapter.describeSignals ? adapter.describeSignals(table, rows) : null;
    return {
      health: hookHealth(rows),
      table: table !== null,
      rows: rows.length,
      rowHook: hooks?.rows ?? null,
      ids: rows.filter((r) => r.id !== null).length,
      idSource: hooks?.ids ?? null,
      spend: hooks ? hooks.spend : null,
      date: context.rangeAssumed ? 'assumed' : (context.rangeSource ?? 'url'),
    };
  }

  /** The redacted report behind "Copy diagnostics" (diagnostics.ts): the table's shape, never its data. */
  function diagnostics(): string {
    const rows = table && context ? adapter.readRows(table, context) : [];
    return diagnosticsText(
      { version: deps.version ?? 'unknown', context, path: location.pathname, health: hookHealth(rows), fallback: adapter.usingFallback?.() ?? false, rowsRead: rows.length, table },
      isOwnNode,
    );
  }

  /** Which alternative of each declared hook matched on this page context (see hooks.ts). */
  function hookHealth(rows: readonly PageRow[]): HookHealth | null {
    if (!context || !adapter.hooks || !adapter.matchHooks) return null;
    return checkedHealth(adapter.hooks, adapter.matchHooks(document, table, rows, context));
  }

  function summaryState(): SummaryState {
    return {
      context,
      answer,
      layoutUnknown: noRowsSince !== null && Date.now() - noRowsSince > LAYOUT_GRACE_MS,
      fallback: adapter.usingFallback?.() ?? false,
      waitingForTable,
      seen,
      index,
      dataKey: `${contextKey}|${dataVersion}`,
      seenVersion,
      platformLeads,
      platformLeadsVersion,
    };
  }

  function isHostChange(record: MutationRecord): boolean {
    if (record.type === 'childList') {
      const { addedNodes, removedNodes } = record;
      if (addedNodes.length + removedNodes.length > 0) {
        let allOwn = true;
        for (let i = 0; i < addedNodes.length && allOwn; i++) allOwn = isOwnNode(addedNodes[i] as Node);
        for (let i = 0; i < removedNodes.length && allOwn; i++) allOwn = isOwnNode(removedNodes[i] as Node);
        if (allOwn) return false;
      }
    }
    return !isOwnNode(record.target);
  }

  // SPA navigation: the Navigation API sees pushState from the page's world; a poll covers the rest.
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  // The new URL's context (a date range, a level) is read at once, so its request leaves now, not a frame later.
  if (nav) {
    ctx.addEventListener(nav, 'currententrychange' as keyof WindowEventMap, () => {
      guard(checkContext);
      schedule();
    });
  }
  ctx.setInterval(() => {
    guard(() => {
      // A context change starts its own load and pass.
      checkContext();
      // And every row is re-read now and then: a change the host made without a mutation record
      // we listen to (a class turning a row into a placeholder) is corrected within POLL_MS.
      schedule();
    });
  }, POLL_MS);

  const unsubscribe = deps.onFunnelChanged((request) => {
    if (context && funnelRequestKey(request) === funnelRequestKey(toRequest(context))) reload();
  });

  // Teardown removes our DOM first: in an orphaned script (extension reloaded) every extension
  // API throws "Extension context invalidated", and that must not leave badges behind.
  signal.addEventListener('abort', () => {
    for (const step of [disconnectTable, () => sourcesObserver?.disconnect(), clearBadges, () => card.destroy(), () => summary.destroy(), unsubscribe, () => stopFollowingTabRange?.()]) {
      try {
        step();
      } catch {
        // Nothing useful to do: the page must not see it.
      }
    }
  });

  schedule();

  return {
    pageHealth() {
      if (!context || signal.aborted) return null;
      try {
        const rows = table ? adapter.readRows(table, context) : [];
        return { platform: adapter.platform, health: hookHealth(rows), fallback: adapter.usingFallback?.() ?? false, rows: rows.length, layoutUnknown: summaryState().layoutUnknown };
      } catch {
        return null;
      }
    },
  };
}

/**
 * When a tab asks again after a 429: once the block has passed (30 s when the answer did not
 * say, at most 10 min), plus a random part of up to a fifth of the wait (at least 1 s), so that
 * every open tab does not come back in the same instant.
 */
export function rateLimitRetryDelayMs(retryAfterSec: number | undefined, random: () => number): number {
  const waitMs = Math.min(Math.max(1, retryAfterSec ?? 30), 600) * 1000;
  return waitMs + 250 + random() * Math.max(1000, waitMs / 5);
}

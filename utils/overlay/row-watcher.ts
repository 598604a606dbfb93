/**
 * Watches the host's table, and only the table (never the whole page), and turns its mutation
 * records into passes: one pass per animation frame at most (plus one immediate pass at the first
 * change of a frame), each re-reading every row or only the row nodes the host changed. The
 * attributes watched are the adapter's own (`watchAttributes`): the engine knows no platform.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageRow, PlatformAdapter } from './adapter';
import { isOwnNode } from './shadow';

export interface RowWatcher {
  /** The observed table; null until the adapter finds one. */
  readonly table: Element | null;
  /**
   * What the next pass re-reads: every row (after anything but a change inside rows: new data,
   * a new context, rows added or removed, the poll), or only `changedRows`. A virtualised scroll
   * rewrites a few rows per frame; re-reading only those keeps the cost per frame independent
   * of how many rows are on screen.
   */
  readonly readAllRows: boolean;
  readonly changedRows: ReadonlySet<Element>;
  /** Finds and observes the table when there is none (or it left the page); true when a new one was found. */
  ensureTable(): boolean;
  /** A pass starts reading every row: the changes noted so far are read by it. */
  startFullRead(): void;
  /** After a full read of `rows`: observes only what can change which campaign a row shows. */
  narrow(rows: readonly PageRow[]): void;
  /**
   * A changed row was re-read. In per-row watching, a part the host replaced (a re-mounted name
   * cell) is watched from now on rather than from the next whole-table read, which a scroll can
   * put off for up to 2 s (engine.ts, FULL_READ_GAP_MS): until then the new cell's rewrites made
   * no record, and its row kept the previous campaign's badge. A row that names no part ends
   * per-row watching.
   */
  reread(row: PageRow): void;
  /** The changed rows were re-read. */
  changedRowsDone(): void;
  /** A pass over every row at the next frame. */
  schedule(): void;
  /** The next pass (run by the caller now) re-reads every row. */
  readAllNext(): void;
  /** Handles the host's queued records now, then stops observing. */
  disconnect(): void;
  /** True when the host has not changed the table for `ms` (a scroll rewrites rows every frame). */
  quietFor(ms: number): boolean;
  /** True when the host changed the table at or after `time` (performance.now()). */
  changedSince(time: number): boolean;
}

export interface RowWatcherOptions {
  adapter: Pick<PlatformAdapter, 'findTable' | 'rowOf' | 'watchAttributes' | 'watchRowAttributes'>;
  /** Reads what the watcher says changed (see readAllRows), guarded by the caller. */
  pass(): void;
  /** Rows changed and wait for the next frame's pass: their badges must not keep another campaign's numbers meanwhile. */
  onUnsure(rows: ReadonlySet<Element>): void;
  guard(fn: () => void): void;
}

/** Inside rows: text, and the attributes that carry a campaign's ID. */
function watchRowContent(attributeFilter: string[]): MutationObserverInit {
  // Not 'style': virtualised rows move on every scroll frame, and a move alone changes no campaign.
  return { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter };
}
const WATCH_ROWS_ADDED_OR_REMOVED: MutationObserverInit = { childList: true, subtree: true };

/** A record of the host's, not one our own badges caused by being added, removed or rendered. */
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

export function createRowWatcher(ctx: ContentScriptContext, signal: AbortSignal, options: RowWatcherOptions): RowWatcher {
  const { adapter, guard } = options;
  const WATCH_ROW_CONTENT = watchRowContent(adapter.watchAttributes);
  /** A recycled row node's own attributes (its transform, its row key), when rows name a `watch` part. */
  const WATCH_ROW_NODE: MutationObserverInit | null = adapter.watchRowAttributes ? { attributes: true, attributeFilter: adapter.watchRowAttributes } : null;

  let table: Element | null = null;
  let tableObserver: MutationObserver | null = null;
  /** Where row content is watched (see narrow); null: the whole table. */
  let rowContainer: Element | null = null;
  /** In per-row watching: the row nodes and watched parts registered, in order. */
  let watchedParts: Element[] = [];
  /** The same as a set (and the parts registered since), for a re-read row's "already watched?". */
  let watchedSet = new WeakSet<Element>();
  let readAllRows = true;
  const changedRows = new Set<Element>();

  let frameRequested = false;
  const requestFrame = () => {
    if (frameRequested || signal.aborted) return;
    frameRequested = true;
    ctx.requestAnimationFrame(() => {
      frameRequested = false;
      guard(options.pass);
    });
  };
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
  /** When the host last changed the table (performance.now()); -Infinity: not since we watch it. */
  let lastHostChangeAt = Number.NEGATIVE_INFINITY;
  const onHostChange = () => {
    if (signal.aborted) return;
    lastHostChangeAt = performance.now();
    const frame = (document.timeline as DocumentTimeline | undefined)?.currentTime ?? null;
    if (frameRequested || frame === null || frame === immediatePassFrame) {
      // Until that pass re-reads them, the changed rows may show another campaign (an in-place
      // re-sort rewrites every row), and the next frame can be far off on a busy machine: their
      // badges go neutral now rather than keep the previous campaign's numbers (issue #26).
      // No row is read here, so the cost cap holds; the pass re-renders them before any paint.
      options.onUnsure(changedRows);
      requestFrame();
      return;
    }
    immediatePassFrame = frame;
    guard(options.pass);
  };

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

  function ensureTable(): boolean {
    if (table && table.isConnected) return false;
    disconnect();
    table = adapter.findTable(document);
    if (!table) return false;
    readAllRows = true;
    const observed = table;
    rowContainer = null;
    watchedParts = [];
    tableObserver = new MutationObserver((records) => handleTableRecords(records, observed));
    tableObserver.observe(table, WATCH_ROW_CONTENT);
    return true;
  }

  /** Records already queued belong to the current registration: handle them before it goes. */
  function flush(observer: MutationObserver, observed: Element): void {
    const pending = observer.takeRecords();
    if (pending.length > 0) handleTableRecords(pending, observed);
    observer.disconnect();
  }

  /**
   * Narrows what is watched to the rows' nearest common ancestor: text and attribute changes
   * only there, rows added or removed anywhere in the table. Meta's metrics panel (a separate
   * subtree beside the names) rewrites its cells on every scrolling frame and can never change
   * which campaign a row shows; watching it made three quarters of all mutation records.
   * Re-derived after every full pass, so rows that appear elsewhere (always by a childList
   * change, which is still watched table-wide) widen the container again.
   */
  function narrow(rows: readonly PageRow[]): void {
    if (!tableObserver || !table) return;
    if (WATCH_ROW_NODE && rows.length > 0 && rows.every((r) => r.watch)) {
      watchRowParts(rows, tableObserver, table, WATCH_ROW_NODE);
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
    flush(tableObserver, table);
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
  function watchRowParts(rows: readonly PageRow[], observer: MutationObserver, observed: Element, rowNode: MutationObserverInit): void {
    const parts = rows.flatMap((r) => [r.row, r.watch as Element]);
    if (rowContainer === null && parts.length === watchedParts.length && parts.every((p, i) => p === watchedParts[i])) return;
    flush(observer, observed);
    observer.observe(observed, WATCH_ROWS_ADDED_OR_REMOVED);
    watchedSet = new WeakSet();
    for (const row of rows) watchParts(observer, row, rowNode);
    watchedParts = parts;
    rowContainer = null;
  }

  function watchParts(observer: MutationObserver, row: PageRow, rowNode: MutationObserverInit): void {
    if (!watchedSet.has(row.row)) observer.observe(row.row, rowNode);
    observer.observe(row.watch as Element, WATCH_ROW_CONTENT);
    watchedSet.add(row.row);
    watchedSet.add(row.watch as Element);
  }

  function reread(row: PageRow): void {
    // Only in per-row watching: a whole-table or container watch already sees every part.
    if (!tableObserver || !WATCH_ROW_NODE || rowContainer !== null || watchedParts.length === 0) return;
    if (!row.watch) {
      // Only a wider watch sees this row's changes: the next whole read sets it up.
      schedule();
      return;
    }
    if (!watchedSet.has(row.watch) || !watchedSet.has(row.row)) watchParts(tableObserver, row, WATCH_ROW_NODE);
  }

  function disconnect(): void {
    tableObserver?.disconnect();
    tableObserver = null;
    table = null;
  }

  signal.addEventListener('abort', disconnect);

  return {
    get table() {
      return table;
    },
    get readAllRows() {
      return readAllRows;
    },
    changedRows,
    ensureTable,
    startFullRead() {
      readAllRows = false;
      changedRows.clear();
    },
    narrow,
    reread,
    changedRowsDone() {
      changedRows.clear();
    },
    schedule,
    quietFor: (ms) => performance.now() - lastHostChangeAt >= ms,
    changedSince: (time) => lastHostChangeAt >= time,
    readAllNext() {
      readAllRows = true;
    },
    disconnect,
  };
}

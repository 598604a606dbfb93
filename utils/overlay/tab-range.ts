/**
 * The range a user picked for this tab in the summary, applied to the page context where the
 * page's own range is not readable (`rangeAssumed`). Platform-blind: it wraps any adapter, so a
 * Google label in German, a LinkedIn page without date inputs and a Meta URL without `date=` all
 * get the same control. The page's own range always wins when it can be read.
 *
 * The choice is kept by the background per tab (background/tab-ranges.ts), so it survives a
 * reload of the tab; this module only holds the tab's copy.
 */
import { resolveTabRange, type TabRangeChoice } from '../dates/range-choice';
import type { PageContext, PlatformAdapter } from './adapter';

export interface TabRangeStore {
  read(): Promise<TabRangeChoice | null>;
  write(choice: TabRangeChoice | null): Promise<void>;
}

/** The tab's choice as the overlay uses it (the summary's control, the adapter wrapper). */
export interface TabRange {
  /** False until the stored choice was read (or could not be). */
  readonly ready: boolean;
  current(): TabRangeChoice | null;
  /** Takes effect at once in this tab, and is stored for the tab's next page loads. */
  choose(choice: TabRangeChoice | null): void;
  /** Called whenever `ready` or the choice changes; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

export function createTabRange(store: TabRangeStore | null, warn: (message: string) => void = () => undefined): TabRange {
  let ready = store === null;
  let choice: TabRangeChoice | null = null;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  store
    ?.read()
    .then((stored) => {
      // A choice made while the stored one was on its way is newer: keep it.
      if (!ready) choice = stored;
    })
    .catch(() => undefined)
    .finally(() => {
      ready = true;
      changed();
    });
  return {
    get ready() {
      return ready;
    },
    current: () => choice,
    choose(next) {
      choice = next;
      ready = true;
      changed();
      store?.write(next).catch(() => warn('Funnel Lens: the range choice could not be stored for this tab'));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The page context with the tab's choice applied: only where the page's range is assumed, and
 * only for a choice that names a real range today. Pure.
 */
export function applyTabRange(context: PageContext, choice: TabRangeChoice | null, today: Date): PageContext {
  if (!context.rangeAssumed || !choice) return context;
  const range = resolveTabRange(choice, today);
  return range ? { ...context, range, rangeAssumed: false, rangeSource: 'chosen' } : context;
}

/** The context as the page itself gave it: what the adapter's own hook health is about. */
function pageOwnContext(context: PageContext): PageContext {
  if (context.rangeSource !== 'chosen') return context;
  const { rangeSource: _chosen, ...rest } = context;
  return { ...rest, rangeAssumed: true };
}

/**
 * An adapter whose contexts carry the tab's range choice. While the stored choice is still on its
 * way and the page's range is not readable, there is no context yet: better a moment's wait than
 * a request for the assumed range replaced a moment later.
 */
export function withTabRange(adapter: PlatformAdapter, tabRange: TabRange): PlatformAdapter {
  const wrapped: PlatformAdapter = Object.create(adapter) as PlatformAdapter;
  wrapped.readContext = (url, doc, today) => {
    const context = adapter.readContext(url, doc, today);
    if (!context) return null;
    if (context.rangeAssumed && !tabRange.ready) return null;
    return applyTabRange(context, tabRange.current(), today);
  };
  if (adapter.matchHooks) {
    const matchHooks = adapter.matchHooks.bind(adapter);
    wrapped.matchHooks = (doc, table, rows, context) => matchHooks(doc, table, rows, pageOwnContext(context));
  }
  return wrapped;
}

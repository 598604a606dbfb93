/**
 * The page context (platform, level, account, range) the overlay shows, and when it changes:
 * SPA navigation (WXT's `wxt:locationchange`), a changed date picker (the adapter's context
 * sources, observed), or a hint from the engine that something it is read from may have
 * changed (a new table). Reading it parses the URL and a few labels, so it is read only then,
 * and on the engine's poll, never on every scrolling frame.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FunnelRequest } from '../messaging';
import { funnelRequestKey } from '../messaging';
import type { PageContext, PlatformAdapter } from './adapter';

export interface PageContextTracker {
  /** The context now; null when this is not a list page. */
  readonly current: PageContext | null;
  /** Identifies the current context (its request, and whether its range is assumed); '' for none. */
  readonly key: string;
  /** A re-read is due: something it is read from may have changed, or the URL did. */
  readonly stale: boolean;
  /** Something it is read from may have changed (the URL is not compared: reading it costs, see stale). */
  readonly dirty: boolean;
  /**
   * The context is not complete yet (none, an assumed range, no account): what completes it may
   * render later without a URL change or an observed source (Google's header), so it is re-read
   * on every poll, where a complete one is re-read every few polls only.
   */
  readonly incomplete: boolean;
  /** Something the context is read from may have changed (a new table carries Google's level label). */
  markDirty(): void;
  /** Re-reads the context (from `url` when navigation said where to); calls onChange when it changed. */
  check(url?: URL): void;
}

export interface PageContextOptions {
  adapter: Pick<PlatformAdapter, 'readContext' | 'contextSources'>;
  now(): Date;
  /** Runs our callbacks so that nothing thrown reaches the host page. */
  guard(fn: () => void): void;
  /** The context changed (or went): called after `current` and `key` are updated. */
  onChange(context: PageContext | null): void;
  /** The URL or a context source changed: the engine re-reads the rows. */
  onPossibleChange(): void;
}

/** The funnel request a page context makes (one per context, never per row). */
export function funnelRequestOf(c: PageContext): FunnelRequest {
  return { platform: c.platform, level: c.level, accountId: c.accountId, from: c.range.from, to: c.range.to };
}

export function trackPageContext(ctx: ContentScriptContext, signal: AbortSignal, options: PageContextOptions): PageContextTracker {
  const { adapter } = options;
  let current: PageContext | null = null;
  let key = '';
  let lastHref = '';
  let dirty = true;
  let sourcesObserver: MutationObserver | null = null;
  let observedSources: Element[] = [];

  function watchContextSources(): void {
    const sources = adapter.contextSources?.(document) ?? [];
    if (sources.length === observedSources.length && sources.every((s, i) => s === observedSources[i])) return;
    sourcesObserver?.disconnect();
    observedSources = sources;
    if (!sources.length) return;
    sourcesObserver = new MutationObserver(() => {
      dirty = true;
      options.onPossibleChange();
    });
    for (const source of sources) sourcesObserver.observe(source, { childList: true, subtree: true, characterData: true });
  }

  function check(url?: URL): void {
    dirty = false;
    // Date pickers get replaced too: re-check what we watch (cheap when nothing changed).
    watchContextSources();
    const at = url ?? new URL(location.href);
    const next = adapter.readContext(at, document, options.now());
    lastHref = at.href;
    const nextKey = next ? `${funnelRequestKey(funnelRequestOf(next))}|${next.rangeAssumed}` : '';
    if (nextKey === key) return;
    current = next;
    key = nextKey;
    options.onChange(next);
  }

  // SPA navigation. WXT reports it from the Navigation API's `navigate` event where there is one
  // (before the URL commits: hence the event's own newUrl), else from a 1 s poll; the engine's
  // poll re-reads the context too. The new context's request leaves now, not a frame later. The
  // event's type is visible to the page, which can send one without a URL: then location is read.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    const url = (event as { newUrl?: unknown }).newUrl;
    options.guard(() => check(url instanceof URL ? url : undefined));
    options.onPossibleChange();
  });
  signal.addEventListener('abort', () => sourcesObserver?.disconnect());

  return {
    get current() {
      return current;
    },
    get key() {
      return key;
    },
    get stale() {
      return dirty || location.href !== lastHref;
    },
    get dirty() {
      return dirty;
    },
    get incomplete() {
      return current === null || current.rangeAssumed || current.accountId === null;
    },
    markDirty() {
      dirty = true;
    },
    check,
  };
}

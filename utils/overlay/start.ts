/**
 * Starts the overlay for one adapter inside a WXT content script: connects the engine to the
 * background through the protocol map, with retries for a service worker that is restarting.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { askFunnel, onMessage, sendMessage } from '../messaging';
import type { PlatformAdapter } from './adapter';
import { runOverlay } from './engine';
import { MAX_NAME_LENGTH } from '../api/constants';
import { withFallback } from './with-fallback';
import { createTabRange, withTabRange } from './tab-range';
import { createUiLoader, registeredUi } from './ui-loader';

/** Waits between attempts when the background does not answer (stopped worker, update). */
const RETRY_DELAYS_MS = [250, 1000, 3000];

export function startOverlay(ctx: ContentScriptContext, adapter: PlatformAdapter): void {
  const retry = {
    delaysMs: RETRY_DELAYS_MS,
    wait: (ms: number) => new Promise<void>((resolve) => ctx.setTimeout(() => resolve(), ms)),
    stillWanted: () => !ctx.isInvalid,
  };

  // The range picked in the summary for this tab, kept by the background (tab-ranges.ts).
  const tabRange = createTabRange(
    {
      read: async () => (await sendMessage('getTabRange', undefined)) ?? null,
      write: (choice) => sendMessage('setTabRange', choice),
    },
    (message) => console.warn(message),
  );
  // The background injects the UI script into this frame's content-script world, then it is registered.
  const ui = createUiLoader({ inject: () => sendMessage('loadOverlayUi', adapter.platform), registered: registeredUi });
  const overlay = runOverlay(ctx, withTabRange(withFallback(adapter, { signal: ctx.signal, ui }), tabRange), {
    askFunnel: (request) => askFunnel(request, retry),
    onFunnelChanged: (listener) => onMessage('funnelChanged', ({ data }) => listener(data)),
    now: () => new Date(),
    warn: (message) => console.warn(message),
    // Best effort: a batch a restarting worker misses is sent again only when a count changes or the page is visited again.
    // Names longer than the contract allows would make the background refuse the whole batch.
    notePlatformLeads: (request, rows) =>
      void sendMessage('notePlatformLeads', { request, rows: rows.filter((r) => r.name.length <= MAX_NAME_LENGTH) }).catch(() => undefined),
    version: browser.runtime.getManifest().version,
    tabRange,
    ui,
  });
  // The popup asks the current tab how its page is read (only extension pages can send this).
  const stopAnsweringHealth = onMessage('pageHealth', () => overlay.pageHealth());
  ctx.onInvalidated(() => {
    try {
      stopAnsweringHealth();
    } catch {
      // Orphaned by an extension reload: the runtime, and the listener with it, is already gone.
      // Throwing here would be an error on the host page.
    }
  });
}

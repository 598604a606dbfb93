/**
 * After an update or reload, Chrome does not put the new content scripts into tabs that are
 * already open: the old scripts there are orphaned (they remove their badges and stop). The new
 * version injects itself into the open ad-manager tabs so it takes over without a page reload.
 * Needs `scripting` and host access to exactly the content scripts' origins (no `tabs`).
 */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

export async function injectIntoOpenTabs(): Promise<void> {
  const scripting = (browser as { scripting?: typeof browser.scripting }).scripting;
  if (!scripting?.executeScript) return;
  for (const entry of browser.runtime.getManifest().content_scripts ?? []) {
    if (!entry.js?.length || !entry.matches?.length) continue;
    // A page-world script outlives an update (the page's world is not the extension's): the copy
    // already in the tab keeps answering, and a second one would only answer twice.
    if ((entry as { world?: string }).world === 'MAIN') continue;
    const tabs = await browser.tabs.query({ url: entry.matches }).catch(() => []);
    for (const tab of tabs) {
      if (tab.id === undefined || tab.discarded) continue;
      // A tab may be closing or navigating; nothing to do then.
      // The manifest lists exactly the built files, so they are valid public paths.
      await scripting.executeScript({ target: { tabId: tab.id }, files: entry.js as ScriptPublicPath[] }).catch(() => undefined);
    }
  }
}

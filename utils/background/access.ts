/**
 * Who is asking. Every sender of `runtime.sendMessage` within the extension carries the
 * extension's own ID, content scripts included, so the ID alone says nothing about trust. The
 * browser sets `sender.url`, though, and a content script cannot change it: extension pages
 * have a URL in the extension's own origin, our content scripts the ad-manager page's URL.
 *
 * Content scripts run inside pages that we must treat as hostile, so they get only what the
 * overlay needs; everything else requires an extension page (popup, dashboard).
 */
import { platformOfPage } from '../adapters/page-platform';
import type { Platform } from '../api/constants';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  /** The frame the message came from (0: the tab's top frame). */
  frameId?: number;
}

export type Caller =
  /** The popup, or the dashboard (which runs in a tab, `tabId`). */
  | { kind: 'extension_page'; tabId: number | undefined }
  /** One of our content scripts, on a page of `platform`, in tab `tabId`. */
  | { kind: 'content_script'; platform: Platform; tabId: number | undefined; frameId: number | undefined };

export class RefusedMessageError extends Error {
  constructor() {
    super('Funnel Lens: message refused');
  }
}

/**
 * Classifies a sender, or throws RefusedMessageError: another extension, a page of no ad
 * manager, or anything without a URL.
 * @param extensionOrigin `browser.runtime.getURL('/')`, e.g. `chrome-extension://<id>/`.
 */
export function classifySender(sender: Sender, extensionId: string, extensionOrigin: string): Caller {
  if (sender.id !== extensionId || typeof sender.url !== 'string') throw new RefusedMessageError();
  if (sender.url.startsWith(extensionOrigin)) return { kind: 'extension_page', tabId: sender.tab?.id };
  const platform = platformOfPage(sender.url);
  if (platform === null || sender.tab === undefined) throw new RefusedMessageError();
  return { kind: 'content_script', platform, tabId: sender.tab.id, frameId: sender.frameId };
}

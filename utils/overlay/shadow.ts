/**
 * Our elements in the host page: a custom-named element with a closed shadow root, so our styles
 * and the host's stay apart both ways. Custom elements cannot be *registered* from a content
 * script's isolated world (its `customElements` is null in Chromium), but a valid custom element
 * name may still host a shadow root, which is all we need.
 *
 * Closed, because the host page is hostile (issue #18): the ad manager's own scripts must not read
 * won revenue per campaign out of our badges. Its `host.shadowRoot` is null; only the `root`
 * returned here reaches inside, so keep it where the element is made, and put nothing about the
 * data on the host itself (no attributes, no light-DOM text): everything lives in the root.
 */
import { uiLocale } from '../i18n/locale';

export const OWN_TAGS = ['funnel-lens-badge', 'funnel-lens-card', 'funnel-lens-summary', 'funnel-lens-layer'] as const;
export type OwnTag = (typeof OWN_TAGS)[number];

const OWN_TAG_SET = new Set<string>(OWN_TAGS.map((t) => t.toUpperCase()));
/** The UI language, read once: a table makes thousands of badges, and it cannot change under a page. */
let hostLang: string | undefined;

export function isOwnNode(node: Node): boolean {
  // Text nodes first: most mutation records of a table are about text.
  return node.nodeType === 1 && OWN_TAG_SET.has((node as Element).tagName);
}

export function createShadowHost(tag: OwnTag, css: string): { host: HTMLElement; root: ShadowRoot; mount: HTMLElement } {
  const { host, root } = createBareShadowHost(tag, css);
  // Preact renders into `mount`, never into the root itself, so it cannot touch the <style>.
  const mount = document.createElement('div');
  root.append(mount);
  return { host, root, mount };
}

/** The same without a mount point, for a few nodes of our own (a badge: no block box around its button). */
export function createBareShadowHost(tag: OwnTag, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  // Our text is in the UI language, whatever the host page's: screen readers pronounce it so.
  host.lang = hostLang ??= uiLocale();
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

/** Keeps pointer and key events inside our element from reaching the host's row handlers. */
export function containEvents(host: HTMLElement, signal: AbortSignal): void {
  for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'keydown']) {
    host.addEventListener(type, (event) => event.stopPropagation(), { signal });
  }
}

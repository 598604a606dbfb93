/**
 * One badge: `<funnel-lens-badge>` with a closed shadow root holding a button.
 * It remembers which campaign (key) and which data version it shows, so a pass over the table
 * costs nothing for rows that did not change, and a recycled row re-renders at once.
 */
import type { BadgeView } from './badge-view';
import { containEvents, createBareShadowHost } from './shadow';
import { BADGE_CSS } from './styles';

export interface Badge {
  host: HTMLElement;
  /** Removes the badge and drops every listener, so nothing keeps it alive once retired. */
  destroy(): void;
  /** The campaign this badge shows now. */
  readonly key: string | null;
  show(key: string, version: number, view: () => BadgeView): void;
  /**
   * Shows `view` (the neutral loading state) while the row may have changed campaign and is not
   * re-read yet; the next `show` then renders again, even for the same campaign and version.
   */
  showUnsure(view: BadgeView): void;
}

export interface BadgeOptions {
  signal: AbortSignal;
  onOpen(key: string, anchor: HTMLElement, how: 'hover' | 'focus' | 'click'): void;
  onClose(): void;
}

const HOVER_DELAY_MS = 250;

export function createBadge(options: BadgeOptions): Badge {
  const { host, root } = createBareShadowHost('funnel-lens-badge', BADGE_CSS);
  const button = document.createElement('button');
  button.type = 'button';
  const text = document.createTextNode('');
  button.append(text);
  root.append(button);
  // Each badge owns its listeners: a retired badge must not stay reachable from the overlay's
  // long-lived signal (virtualised tables retire thousands of them). The link to the overlay's
  // signal is itself removed when the badge goes.
  const own = new AbortController();
  options.signal.addEventListener('abort', () => own.abort(), { signal: own.signal });
  const signal = own.signal;
  containEvents(host, signal);

  let key: string | null = null;
  let version = -1;
  // What is written now, kept here: reading it back from the DOM (dataset, getAttribute) costs
  // more than the comparison saves.
  let shownText = '';
  let shownTone = '';
  let shownLabel = '';
  let shownPopup = '';
  let hasDetails = false;
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;

  const open = (how: 'hover' | 'focus' | 'click') => {
    if (key !== null && hasDetails) options.onOpen(key, button, how);
  };
  button.addEventListener('click', () => open('click'), { signal });
  button.addEventListener('focus', () => open('focus'), { signal });
  button.addEventListener('blur', () => options.onClose(), { signal });
  button.addEventListener(
    'pointerenter',
    () => {
      clearTimeout(hoverTimer);
      hoverTimer = setTimeout(() => open('hover'), HOVER_DELAY_MS);
    },
    { signal },
  );
  button.addEventListener(
    'pointerleave',
    () => {
      clearTimeout(hoverTimer);
      options.onClose();
    },
    { signal },
  );
  signal.addEventListener('abort', () => clearTimeout(hoverTimer));

  // Recycled rows re-render every scrolling frame: write only what changed, since every DOM
  // write costs style work. textContent only: names and API strings are never parsed as HTML.
  const render = (v: BadgeView) => {
    hasDetails = v.hasDetails;
    if (v.text !== shownText) text.data = shownText = v.text;
    if (v.tone !== shownTone) button.setAttribute('data-tone', (shownTone = v.tone));
    if (v.ariaLabel !== shownLabel) button.setAttribute('aria-label', (shownLabel = v.ariaLabel));
    const popup = v.hasDetails ? 'dialog' : 'false';
    if (popup !== shownPopup) button.setAttribute('aria-haspopup', (shownPopup = popup));
  };

  return {
    host,
    destroy() {
      own.abort();
      clearTimeout(hoverTimer);
      host.remove();
    },
    get key() {
      return key;
    },
    show(nextKey, nextVersion, view) {
      if (nextKey === key && nextVersion === version) return;
      // The key stays in here: a host attribute would cost a write per recycled row, and would
      // hand the host page which campaign (ID) each row shows (issue #18).
      key = nextKey;
      version = nextVersion;
      render(view());
    },
    showUnsure(view) {
      // The next show() must render, whatever it is asked to show.
      version = -1;
      render(view);
    },
  };
}

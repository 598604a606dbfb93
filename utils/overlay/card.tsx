/**
 * The detail card: one `<funnel-lens-card>` per page, opened from a badge by hover, focus or
 * click, showing the whole funnel of the campaign that badge shows. It is keyed by campaign:
 * if the row under it is recycled for another campaign, the engine closes it.
 */
import { render } from 'preact';
import { CardPanel, type CardContent } from './card-panel';
import type { UiLocale } from '../i18n/locale';
import { containEvents, createShadowHost } from './shadow';
import { PANEL_CSS } from './styles';

export interface Card {
  readonly openKey: string | null;
  open(content: CardContent): void;
  scheduleClose(): void;
  close(): void;
  destroy(): void;
}

const CARD_CSS = `${PANEL_CSS}
.panel { position: fixed; z-index: 2147483646; width: 320px; max-height: 80vh; overflow: auto; }
.name { font-weight: 700; font-size: 13px; margin: 0 0 2px; overflow-wrap: anywhere; max-height: 3.9em; overflow: hidden; }
.bars { margin: 10px 0 4px; display: grid; gap: 4px; }
.bar { display: grid; grid-template-columns: 70px 1fr auto; gap: 6px; align-items: center; }
.track { height: 12px; background: #eef0f3; border-radius: 3px; overflow: hidden; }
.fill { height: 100%; background: #4a78c2; border-radius: 3px; min-width: 1px; }
.bar .n { font-variant-numeric: tabular-nums; font-weight: 600; min-width: 3em; text-align: right; }
.step { grid-column: 2 / 4; color: #5f6368; font-size: 11px; margin: -2px 0 2px; }
.headline { font-size: 15px; font-weight: 700; margin-top: 8px; }
.close { position: absolute; top: 6px; right: 6px; border: 0; background: transparent; font-size: 16px; line-height: 1; padding: 4px; color: #5f6368; }
.note { margin-top: 8px; font-size: 11px; }
.gap { margin-top: 8px; font-weight: 600; }
.demo { background: #fff6d6; border: 1px solid #f0d98a; border-radius: 4px; padding: 4px 6px; margin-top: 8px; font-size: 11px; }
`;

const CLOSE_DELAY_MS = 200;

export function createCard(options: { locale: UiLocale; signal: AbortSignal }): Card {
  const { locale, signal } = options;
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let mount: HTMLElement | null = null;
  let openKey: string | null = null;
  let pinned = false;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;

  const ensureHost = () => {
    if (host && root && mount && host.isConnected) return mount;
    const created = createShadowHost('funnel-lens-card', CARD_CSS);
    host = created.host;
    root = created.root;
    mount = created.mount;
    containEvents(host, signal);
    host.addEventListener('pointerenter', () => clearTimeout(closeTimer), { signal });
    host.addEventListener('pointerleave', () => card.scheduleClose(), { signal });
    host.addEventListener(
      'focusout',
      (event) => {
        if (!host?.contains(event.relatedTarget as Node | null) && !root?.contains(event.relatedTarget as Node | null)) card.scheduleClose();
      },
      { signal },
    );
    host.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape') card.close();
      },
      { signal },
    );
    document.body.append(host);
    return mount;
  };

  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && openKey) card.close();
    },
    { signal, capture: true },
  );
  document.addEventListener(
    'pointerdown',
    (event) => {
      if (openKey && pinned && host && !event.composedPath().includes(host)) card.close();
    },
    { signal, capture: true },
  );

  let returnFocusTo: HTMLElement | null = null;
  /** Focus going back to the badge after a close: the badge's focus must not open the card again. */
  let returningFocus = false;

  const card: Card = {
    get openKey() {
      return openKey;
    },
    open(content) {
      clearTimeout(closeTimer);
      if (returningFocus && content.how === 'focus') return;
      if (openKey === content.key && pinned && content.how !== 'click') return;
      const shadow = ensureHost();
      openKey = content.key;
      pinned = content.how === 'click';
      returnFocusTo = content.anchor;
      render(<CardPanel content={content} locale={locale} onClose={() => card.close()} />, shadow);
      place(shadow.querySelector<HTMLElement>('.panel'), content.anchor);
      if (pinned) shadow.querySelector<HTMLElement>('.close')?.focus({ preventScroll: true });
    },
    scheduleClose() {
      if (pinned) return;
      clearTimeout(closeTimer);
      closeTimer = setTimeout(() => card.close(), CLOSE_DELAY_MS);
    },
    close() {
      clearTimeout(closeTimer);
      if (!openKey) return;
      const hadFocus = host !== null && root?.activeElement != null;
      openKey = null;
      pinned = false;
      if (mount) render(null, mount);
      if (hadFocus && returnFocusTo?.isConnected) {
        returningFocus = true;
        try {
          returnFocusTo.focus({ preventScroll: true });
        } finally {
          returningFocus = false;
        }
      }
    },
    destroy() {
      clearTimeout(closeTimer);
      if (mount) render(null, mount);
      host?.remove();
      host = null;
      root = null;
      mount = null;
      openKey = null;
    },
  };
  return card;
}

/** Below the badge, or above it when there is no room; always inside the viewport. */
function place(panel: HTMLElement | null, anchor: HTMLElement): void {
  if (!panel) return;
  const a = anchor.getBoundingClientRect();
  const { width, height } = panel.getBoundingClientRect();
  const left = Math.max(8, Math.min(a.left, window.innerWidth - width - 8));
  const below = a.bottom + 6;
  const top = below + height <= window.innerHeight - 8 ? below : Math.max(8, a.top - height - 6);
  panel.style.left = `${left}px`;
  panel.style.top = `${top}px`;
}

/**
 * Drives the detail card: opens it for the campaign a badge shows (reading that row's spend and
 * lead count only then), and closes it when its campaign leaves the row it was opened from.
 * The card is part of the on-demand UI (ui-loader.ts): loading starts when a pointer first enters
 * a badge or a badge first gets focus, so that the click (or the card opened by hover) finds it
 * there; a card asked for before it arrived opens when it does, if still wanted.
 */
import type { PageContext, PageRow, PlatformAdapter } from './adapter';
import type { BadgeRegistry } from './badge-registry';
import type { Card } from './card';
import { t } from '../i18n/t';
import { containEvents, createShadowHost } from './shadow';
import { PANEL_CSS } from './styles';
import type { UiLoader } from './ui-loader';
import type { FunnelSource } from './funnel-source';
import type { LeadCounts } from './lead-counts';
import type { UiLocale } from '../i18n/locale';
import { campaignKey, type SeenRow } from './seen-row';

export interface CardDriver {
  readonly openKey: string | null;
  open(key: string, anchor: HTMLElement, how: 'hover' | 'focus' | 'click'): void;
  scheduleClose(): void;
  close(): void;
  /** After a full read: the card closes unless its campaign is still on screen. */
  keepIfShown(rows: readonly PageRow[]): void;
  destroy(): void;
  /** A re-read row node showed `previous` and shows `now` (null: no campaign): a card on it closes. */
  rowChanged(previous: string | null | undefined, now: string | null): void;
}

export interface CardDriverOptions {
  locale: UiLocale;
  adapter: Pick<PlatformAdapter, 'readSpend'>;
  seen: ReadonlyMap<string, SeenRow>;
  data: Pick<FunnelSource, 'answer' | 'index'>;
  leads: Pick<LeadCounts, 'byKey' | 'readRow'>;
  /** The badges' registry: which row a badge sits in. Set once the registry exists. */
  badges: () => Pick<BadgeRegistry, 'rowOf'>;
  table(): Element | null;
  context(): PageContext | null;
  guard(fn: () => void): void;
  /** The on-demand UI, which holds the card. */
  ui: UiLoader;
}

/** Hosts that hold badges, as the document sees events from inside them (retargeted to the host). */
const BADGE_HOSTS = new Set(['FUNNEL-LENS-BADGE', 'FUNNEL-LENS-LAYER']);

const NOTICE_CSS = `${PANEL_CSS}
.panel { position: fixed; z-index: 2147483646; max-width: 320px; }`;

export function createCardDriver(signal: AbortSignal, options: CardDriverOptions): CardDriver {
  const { seen, data, leads, ui } = options;
  let card: Card | null = null;
  /** A card asked for while the UI loads: opened when it arrives, unless closed or replaced first. */
  let pending: { key: string; anchor: HTMLElement; how: 'hover' | 'focus' | 'click' } | null = null;
  /** "Reload the page", where a card was asked for and the UI could not be loaded. */
  let notice: HTMLElement | null = null;

  const cardNow = (): Card | null => (card ??= ui.ui?.createCard({ locale: options.locale, signal }) ?? null);

  // Loading starts on the first pointer over, or focus in, a badge (or the fallback's layer of them).
  const prefetch = new AbortController();
  signal.addEventListener('abort', () => prefetch.abort());
  const onBadgeApproached = (event: Event) => {
    if (!BADGE_HOSTS.has((event.target as Element | null)?.tagName ?? '')) return;
    prefetch.abort();
    ui.load().catch(() => undefined);
  };
  if (ui.state === 'idle') {
    for (const type of ['pointerover', 'focusin'])
      document.addEventListener(type, onBadgeApproached, { capture: true, passive: true, signal: prefetch.signal });
  }

  function openNow(target: Card, key: string, anchor: HTMLElement, how: 'hover' | 'focus' | 'click'): void {
    const row = seen.get(key);
    const { answer, index } = data;
    if (!row || !answer?.ok || !index || !anchor.isConnected) return;
    const rowNode = options.badges().rowOf((anchor.getRootNode() as ShadowRoot).host);
    const table = options.table();
    const spendText = rowNode && table ? options.adapter.readSpend(rowNode, table) : null;
    const platformLeads = rowNode && table ? leads.readRow(key, rowNode, table) : (leads.byKey.get(key) ?? null);
    target.open({
      key,
      anchor,
      how,
      row: { name: row.name, spendText, platformLeads },
      answer,
      match: index.lookup(row.id, row.name),
      context: options.context(),
    });
  }

  function removeNotice(): void {
    notice?.remove();
    notice = null;
  }

  /** Says, by the badge, that the card could not be loaded and what to do. */
  function showNotice(anchor: HTMLElement): void {
    removeNotice();
    const { host, mount } = createShadowHost('funnel-lens-card', NOTICE_CSS);
    containEvents(host, signal);
    const panel = document.createElement('div');
    panel.className = 'panel warn';
    panel.setAttribute('role', 'alert');
    panel.textContent = t('summary.uiFailed');
    const box = anchor.getBoundingClientRect();
    panel.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - 328))}px`;
    panel.style.top = `${Math.min(box.bottom + 6, window.innerHeight - 60)}px`;
    mount.append(panel);
    document.body.append(host);
    notice = host;
  }

  const opened = (): Card | null => card;

  return {
    get openKey() {
      return opened()?.openKey ?? null;
    },
    open(key, anchor, how) {
      options.guard(() => {
        removeNotice();
        const ready = cardNow();
        if (ready) return openNow(ready, key, anchor, how);
        pending = { key, anchor, how };
        ui.load().then(
          () =>
            options.guard(() => {
              const wanted = pending;
              pending = null;
              const loaded = cardNow();
              if (wanted && loaded) openNow(loaded, wanted.key, wanted.anchor, wanted.how);
            }),
          () =>
            options.guard(() => {
              const wanted = pending;
              pending = null;
              // A hover that found nothing says nothing; a click or keyboard focus is told what to do.
              if (wanted && wanted.how !== 'hover' && wanted.anchor.isConnected) showNotice(wanted.anchor);
            }),
        );
      });
    },
    scheduleClose() {
      if (pending?.how !== 'click') pending = null;
      card?.scheduleClose();
    },
    close() {
      pending = null;
      removeNotice();
      card?.close();
    },
    destroy() {
      pending = null;
      removeNotice();
      card?.destroy();
    },
    keepIfShown(rows) {
      const openKey = opened()?.openKey;
      if (openKey && !rows.some((r) => campaignKey(r) === openKey)) card?.close();
      if (pending && !rows.some((r) => campaignKey(r) === pending?.key)) pending = null;
    },
    rowChanged(previous, now) {
      if (previous === undefined || now === previous) return;
      if (previous === card?.openKey) card.close();
      if (previous === pending?.key) pending = null;
    },
  };
}

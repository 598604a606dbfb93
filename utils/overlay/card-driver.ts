/**
 * Drives the detail card: opens it for the campaign a badge shows (reading that row's spend and
 * lead count only then), and closes it when its campaign leaves the row it was opened from.
 */
import type { PageContext, PageRow, PlatformAdapter } from './adapter';
import type { BadgeRegistry } from './badge-registry';
import { createCard, type Card } from './card';
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
}

export function createCardDriver(signal: AbortSignal, options: CardDriverOptions): CardDriver {
  const { seen, data, leads } = options;
  const card: Card = createCard({ locale: options.locale, signal });

  return {
    get openKey() {
      return card.openKey;
    },
    open(key, anchor, how) {
      options.guard(() => {
        const row = seen.get(key);
        const { answer, index } = data;
        if (!row || !answer?.ok || !index) return;
        const rowNode = options.badges().rowOf((anchor.getRootNode() as ShadowRoot).host);
        const table = options.table();
        const spendText = rowNode && table ? options.adapter.readSpend(rowNode, table) : null;
        const platformLeads = rowNode && table ? leads.readRow(key, rowNode, table) : (leads.byKey.get(key) ?? null);
        card.open({
          key,
          anchor,
          how,
          row: { name: row.name, spendText, platformLeads },
          answer,
          match: index.lookup(row.id, row.name),
          context: options.context(),
        });
      });
    },
    scheduleClose: () => card.scheduleClose(),
    close: () => card.close(),
    destroy: () => card.destroy(),
    keepIfShown(rows) {
      if (card.openKey && !rows.some((r) => campaignKey(r) === card.openKey)) card.close();
    },
    rowChanged(previous, now) {
      if (previous !== undefined && previous === card.openKey && now !== previous) card.close();
    },
  };
}

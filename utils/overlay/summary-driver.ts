/**
 * Drives the page summary and answers how the page is read: the summary's state after each pass,
 * "table layout not recognised" once a list page has shown no readable row for LAYOUT_GRACE_MS,
 * the hook health (hooks.ts), the redacted diagnostics, and the popup's page health report.
 */
import type { PageHealthReport } from '../messaging';
import type { PageContext, PageRow, PlatformAdapter } from './adapter';
import type { DiagnosticsInput } from './diagnostics';
import type { FunnelSource } from './funnel-source';
import { checkedHealth, type HookHealth } from './hooks';
import type { LeadCounts } from './lead-counts';
import type { UiLocale } from '../i18n/locale';
import type { SeenCampaigns } from './seen-row';
import { createSummary, type Summary } from './summary';
import type { SummaryState } from './summary-state';
import type { TabRange } from './tab-range';
import type { UiLoader } from './ui-loader';

/** A list page whose table has not shown a single readable row for this long is "not recognised". */
const LAYOUT_GRACE_MS = 4000;

export interface SummaryDriver {
  /** After a full read of the rows: whether any were read, and whether the host still loads them. */
  noteRows(count: number, loading: boolean): void;
  /** A new page context: its layout grace starts again. */
  resetRows(): void;
  update(): void;
  hide(): void;
  destroy(): void;
  pageHealth(): PageHealthReport | null;
}

export interface SummaryDriverOptions {
  locale: UiLocale;
  adapter: Pick<PlatformAdapter, 'platform' | 'readRows' | 'hooks' | 'matchHooks' | 'usingFallback'>;
  context(): PageContext | null;
  /** Identifies the page context and the data behind it (changes with either). */
  dataKey(): string;
  table(): Element | null;
  data: Pick<FunnelSource, 'answer' | 'index' | 'reload'>;
  seen: SeenCampaigns;
  leads: Pick<LeadCounts, 'byKey' | 'version'>;
  /** The extension's version, for the diagnostics a user can copy. */
  version?: string;
  /** The range picked for this tab, offered where the page's is not readable. */
  tabRange?: TabRange;
  /** The on-demand UI: the summary's details, the help under "not recognised", the range picker. */
  ui: UiLoader;
}

export function createSummaryDriver(signal: AbortSignal, options: SummaryDriverOptions): SummaryDriver {
  const { adapter, data, seen, leads } = options;
  let noRowsSince: number | null = null;
  /** No rows yet, and the host shows that it is still loading them (Google: 40 s to minutes). */
  let waitingForTable = false;
  const summary: Summary = createSummary({
    locale: options.locale,
    signal,
    onRetry: () => data.reload(),
    health: () => hookHealth(rowsNow()),
    diagnostics,
    tabRange: options.tabRange,
    ui: options.ui,
  });

  /** The rows on screen now: read only when the details, diagnostics or popup ask. */
  function rowsNow(): PageRow[] {
    const context = options.context();
    const table = options.table();
    return table && context ? adapter.readRows(table, context) : [];
  }

  /** Which alternative of each declared hook matched on this page context (see hooks.ts). */
  function hookHealth(rows: readonly PageRow[]): HookHealth | null {
    const context = options.context();
    if (!context || !adapter.hooks || !adapter.matchHooks) return null;
    return checkedHealth(adapter.hooks, adapter.matchHooks(document, options.table(), rows, context));
  }

  /** What "Copy diagnostics" reports on; diagnostics.ts redacts it to the table's shape, never its data. */
  function diagnostics(): DiagnosticsInput {
    const rows = rowsNow();
    return {
      version: options.version ?? 'unknown',
      context: options.context(),
      path: location.pathname,
      health: hookHealth(rows),
      fallback: adapter.usingFallback?.() ?? false,
      rowsRead: rows.length,
      table: options.table(),
    };
  }

  const layoutUnknown = () => noRowsSince !== null && Date.now() - noRowsSince > LAYOUT_GRACE_MS;

  function state(): SummaryState {
    return {
      context: options.context(),
      answer: data.answer,
      layoutUnknown: layoutUnknown(),
      fallback: adapter.usingFallback?.() ?? false,
      waitingForTable,
      seen: seen.rows,
      index: data.index,
      dataKey: options.dataKey(),
      seenVersion: seen.version,
      platformLeads: leads.byKey,
      platformLeadsVersion: leads.version,
    };
  }

  return {
    noteRows(count, loading) {
      waitingForTable = loading;
      if (count > 0 || loading) noRowsSince = null;
      else noRowsSince ??= Date.now();
    },
    resetRows() {
      noRowsSince = null;
    },
    update: () => summary.update(state()),
    hide: () => summary.hide(),
    destroy: () => summary.destroy(),
    pageHealth() {
      if (!options.context() || signal.aborted) return null;
      try {
        const rows = rowsNow();
        return {
          platform: adapter.platform,
          health: hookHealth(rows),
          fallback: adapter.usingFallback?.() ?? false,
          rows: rows.length,
          layoutUnknown: layoutUnknown(),
        };
      } catch {
        return null;
      }
    },
  };
}

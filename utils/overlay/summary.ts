/**
 * The page summary: one `<funnel-lens-summary>` pinned to the bottom right corner. Collapsed it
 * is one line ("18 of 20 campaigns matched · 3 CRM campaigns not seen on this page · updated
 * 5 min ago"); expanded it lists what did not match. It also carries every honest state:
 * loading, API errors with what to do, stale data, assumptions, and "table layout not recognised".
 * The collapsed panel is plain DOM (summary-panel.ts); what fills its slots (the details, the help
 * under "not recognised", the range picker) is loaded on demand (ui-loader.ts).
 */
import { t } from '../i18n/t';
import { coverageByLookup } from '../matching/lookup';
import type { Coverage } from '../matching/match';
import type { DiagnosticsInput } from './diagnostics';
import type { HookHealth } from './hooks';
import type { UiLocale } from '../i18n/locale';
import { containEvents, createShadowHost } from './shadow';
import { PANEL_CSS } from './styles';
import type { SummaryExtra } from './summary-extras';
import { buildSummaryPanel } from './summary-panel';
import type { SummaryState } from './summary-state';
import type { TabRange } from './tab-range';
import type { UiLoader } from './ui-loader';

/**
 * Coverage (matching every campaign seen against every API row) is the summary's one costly
 * step: milliseconds for a large account. While the user scrolls, new campaigns appear every
 * frame, so it is recounted once the campaigns seen stop changing for COVERAGE_SETTLE_MS, and
 * at least every COVERAGE_MAX_WAIT_MS during a long scroll. New data, or a first count, is
 * counted at once.
 */
const COVERAGE_SETTLE_MS = 400;
const COVERAGE_MAX_WAIT_MS = 3000;

export interface Summary {
  update(state: SummaryState): void;
  hide(): void;
  destroy(): void;
}

const SUMMARY_CSS = `${PANEL_CSS}
.panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483645; max-width: min(420px, calc(100vw - 32px)); padding: 8px 12px; }
.line { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.brand { font-weight: 700; }
.tag { background: #fff6d6; border: 1px solid #f0d98a; border-radius: 4px; padding: 0 5px; font-size: 11px; }
.toggle { border: 0; background: transparent; color: #1a73e8; padding: 0; text-decoration: underline; }
.msg { margin-top: 6px; }
ul { margin: 4px 0 8px; padding-left: 18px; max-height: 160px; overflow: auto; }
li { overflow-wrap: anywhere; }
h3 { font-size: 12px; margin: 8px 0 0; }
.progress { height: 3px; background: #e8eaed; overflow: hidden; border-radius: 2px; margin-top: 6px; }
.progress span { display: block; height: 100%; width: 40%; background: #1a73e8; animation: slide 1.2s infinite ease-in-out; }
@keyframes slide { from { transform: translateX(-100%); } to { transform: translateX(250%); } }
@media (prefers-reduced-motion: reduce) { .progress span { animation: none; width: 100%; opacity: .4; } }
.retry { margin-left: 6px; border: 1px solid #1a73e8; color: #1a73e8; background: #fff; border-radius: 4px; padding: 1px 8px; }
textarea.diagnostics-text { width: 100%; box-sizing: border-box; font: 11px monospace; }
@media print { .panel { display: none; } }
.tab-range { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 4px; }
.tab-range input, .tab-range select { font: inherit; }
.tab-range .range-error { flex-basis: 100%; color: #b3261e; margin: 0; }
`;

export interface SummaryOptions {
  locale: UiLocale;
  signal: AbortSignal;
  onRetry: () => void;
  /** Which alternative of each of the adapter's hooks matches now (null: it declares none); read when the details show. */
  health: () => HookHealth | null;
  /** What "Copy diagnostics" reports on (diagnostics.ts redacts it, in the on-demand UI). */
  diagnostics: () => DiagnosticsInput;
  tabRange?: TabRange;
  ui: UiLoader;
}

type ExtraKind = SummaryExtra['kind'];

export function createSummary(options: SummaryOptions): Summary {
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;
  let lastRender = '';
  let coverage: Coverage | null = null;
  /** Page rows counted when the coverage was computed: the "of N" of "M of N matched". */
  let coverageTotal = 0;
  let coverageKey = '';
  let coverageDataKey = '';
  let lastCoverageAt = 0;
  let coverageTimer: ReturnType<typeof setTimeout> | undefined;
  /** The campaigns seen changed last at this time, to this state (the count not yet made). */
  let pendingKey = '';
  let changedAt = 0;
  let latest: SummaryState | null = null;
  options.signal.addEventListener('abort', () => clearTimeout(coverageTimer));
  const computeCoverage = (state: SummaryState) => {
    if (!state.answer?.ok) return;
    clearTimeout(coverageTimer);
    coverageTimer = undefined;
    if (!state.index) return;
    coverage = coverageByLookup(state.index, state.seen.values(), state.answer.rows);
    coverageTotal = state.seen.size;
    coverageKey = `${state.dataKey}|${state.seenVersion}`;
    coverageDataKey = state.dataKey;
    lastCoverageAt = Date.now();
  };
  const coverageDueAt = () => Math.min(changedAt + COVERAGE_SETTLE_MS, lastCoverageAt + COVERAGE_MAX_WAIT_MS);
  /** One timer for the whole wait (not one per scrolling frame); it re-arms while rows keep coming. */
  const armCoverageTimer = () => {
    if (coverageTimer !== undefined) return;
    coverageTimer = setTimeout(
      () => {
        coverageTimer = undefined;
        if (!latest) return;
        if (Date.now() < coverageDueAt()) {
          armCoverageTimer();
          return;
        }
        computeCoverage(latest);
        summary.update(latest);
      },
      Math.max(0, coverageDueAt() - Date.now()),
    );
  };

  let root: ShadowRoot | null = null;
  let expanded = false;
  /** One slot per kind, kept across renders, so what the on-demand UI shows in it keeps its state. */
  const slots = new Map<ExtraKind, HTMLElement>();
  /** What each slot should show after the latest render. */
  let wanted = new Map<ExtraKind, SummaryExtra>();
  /** Loading failed: the slots say so, and loading is tried again only when the user asks (the toggle). */
  let uiFailed = false;

  const ensure = () => {
    if (host && mount && host.isConnected) return mount;
    const created = createShadowHost('funnel-lens-summary', SUMMARY_CSS);
    host = created.host;
    root = created.root;
    mount = created.mount;
    containEvents(host, options.signal);
    document.body.append(host);
    lastRender = '';
    return mount;
  };

  const slot = (extra: SummaryExtra): HTMLElement => {
    let element = slots.get(extra.kind);
    if (!element) {
      element = document.createElement('div');
      element.className = `extra-${extra.kind}`;
      slots.set(extra.kind, element);
    }
    wanted.set(extra.kind, extra);
    return element;
  };

  /** Renders what each slot should show, once the on-demand UI is there. */
  const fillSlots = () => {
    const ui = options.ui.ui;
    if (ui) {
      for (const [kind, element] of slots) ui.renderSummaryExtra(element, wanted.get(kind) ?? null);
      return;
    }
    if (wanted.size === 0) return;
    if (uiFailed) return showFailure();
    options.ui.load().then(
      () => {
        if (!options.signal.aborted) fillSlots();
      },
      () => {
        uiFailed = true;
        if (!options.signal.aborted) showFailure();
      },
    );
  };

  const showFailure = () => {
    for (const [kind, element] of slots) {
      const message = document.createElement('div');
      message.className = 'msg warn';
      message.setAttribute('role', 'alert');
      message.textContent = t('summary.uiFailed');
      element.replaceChildren(...(wanted.has(kind) ? [message] : []));
    }
  };

  const emptySlots = () => {
    const ui = options.ui.ui;
    for (const element of slots.values()) {
      if (ui) ui.renderSummaryExtra(element, null);
      element.replaceChildren();
    }
    wanted = new Map();
  };

  const render = (state: SummaryState, shown: Coverage | null) => {
    const target = ensure();
    // The panel is rebuilt: a user's focus on one of our buttons goes to its new twin.
    const focused = root?.activeElement;
    const focusedClass = focused && !focused.closest('[class^="extra-"]') ? focused.className : null;
    wanted = new Map();
    const panel = buildSummaryPanel({
      state,
      coverage: shown,
      total: coverageTotal,
      locale: options.locale,
      tabRange: options.tabRange ?? null,
      expanded,
      onToggle() {
        expanded = !expanded;
        uiFailed = false;
        lastRender = '';
        if (latest) summary.update(latest);
      },
      onRetry: options.onRetry,
      slot,
      health: options.health,
      diagnostics: options.diagnostics,
    });
    target.replaceChildren(...(panel ? [panel] : []));
    fillSlots();
    if (focused && !focused.isConnected && focusedClass)
      target.querySelector<HTMLElement>(`.${focusedClass.split(' ').join('.')}`)?.focus({ preventScroll: true });
    else if (focused?.isConnected && root?.activeElement !== focused) (focused as HTMLElement).focus({ preventScroll: true });
  };

  const summary: Summary = {
    update(state) {
      latest = state;
      if (state.answer?.ok) {
        const key = `${state.dataKey}|${state.seenVersion}`;
        if (key !== coverageKey) {
          const now = Date.now();
          if (key !== pendingKey) {
            pendingKey = key;
            changedAt = now;
          }
          // At once for new data, or when nothing was counted yet (rows appeared after the data):
          // waiting only spares the frames of a scroll, never the first figures a user reads.
          if (state.dataKey !== coverageDataKey || coverageTotal === 0 || now >= lastCoverageAt + COVERAGE_MAX_WAIT_MS) computeCoverage(state);
          else armCoverageTimer();
        }
      }
      // The age line changes by the minute; everything else only with the data or the coverage.
      const renderKey = `${state.dataKey}|${coverageKey}|${state.platformLeadsVersion ?? 0}|${state.answer === null}|${state.layoutUnknown}|${state.fallback}|${state.waitingForTable}|${Math.floor(Date.now() / 60_000)}`;
      if (renderKey === lastRender && host?.isConnected) return;
      lastRender = renderKey;
      render(state, state.answer?.ok && coverageDataKey === state.dataKey ? coverage : null);
    },
    hide() {
      emptySlots();
      mount?.replaceChildren();
      lastRender = '';
    },
    destroy() {
      emptySlots();
      mount?.replaceChildren();
      host?.remove();
      host = null;
      root = null;
      mount = null;
    },
  };
  return summary;
}

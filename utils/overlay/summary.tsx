/**
 * The page summary: one `<funnel-lens-summary>` pinned to the bottom right corner. Collapsed it
 * is one line ("18 of 20 campaigns matched · 3 CRM campaigns not seen on this page · updated
 * 5 min ago"); expanded it lists what did not match. It also carries every honest state:
 * loading, API errors with what to do, stale data, assumptions, and "table layout not recognised".
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { errorText } from '../i18n/error-text';
import { t } from '../i18n/t';
import { coverageByLookup, type MatchIndex } from '../matching/lookup';
import type { Coverage } from '../matching/match';
import type { FunnelAnswer } from '../messaging';
import type { PageContext } from './adapter';
import { formatAge } from './age';
import type { HookHealth } from './hooks';
import { healthLine } from './health-line';
import type { SeenRow } from './engine';
import type { UiLocale } from './locale';
import { containEvents, createShadowHost } from './shadow';
import { PANEL_CSS } from './styles';
import { totalGap } from '../funnel/platform-gap';
import { formatCount, formatPercent } from '../money/format';
import { formatLeadCount, type PlatformLeads } from './platform-leads';
import { TAB_RANGE_CSS, TabRangeControl } from './tab-range-control';
import type { TabRange } from './tab-range';

/** Which hooks of the adapter found something: tells "not recognised" apart from "no data". */
export interface PageSignals {
  /** Which alternative of each of the adapter's hooks matched (null: it declares none). */
  health: HookHealth | null;
  table: boolean;
  rows: number;
  /** How rows were found (`data-surface`, `role`, `structure`); null when the adapter does not say. */
  rowHook: string | null;
  ids: number;
  /** Where IDs came from (`data-surface`, `react`, comma-separated); null for none. */
  idSource: string | null;
  /** How the spend column was found; null when not found. */
  spend: string | null;
  date: 'url' | 'label' | 'inputs' | 'chosen' | 'assumed';
}

export interface SummaryState {
  context: PageContext | null;
  answer: FunnelAnswer | null;
  layoutUnknown: boolean;
  /** The badges come from the platform-blind fallback finder, not the adapter's own hooks. */
  fallback: boolean;
  /** No rows yet while the host still shows its loading state: "waiting for the table", not "not recognised". */
  waitingForTable: boolean;
  seen: ReadonlyMap<string, SeenRow>;
  /** The badges' match index: coverage is counted with it, so it says what the badges show. */
  index: MatchIndex | null;
  /** Changes with the page context and with the data behind it. */
  dataKey: string;
  /** Changes whenever a campaign is seen for the first time. */
  seenVersion: number;
  /** The platform's lead count read from each campaign's row (issue 20), by the same keys as `seen`. */
  platformLeads?: ReadonlyMap<string, PlatformLeads>;
  /** Changes whenever one of those counts changes. */
  platformLeadsVersion?: number;
}

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
${TAB_RANGE_CSS}`;

export function createSummary(options: { locale: UiLocale; signal: AbortSignal; onRetry: () => void; signals: () => PageSignals | null; diagnostics: () => string; tabRange?: TabRange }): Summary {
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
    coverageTimer = setTimeout(() => {
      coverageTimer = undefined;
      if (!latest) return;
      if (Date.now() < coverageDueAt()) {
        armCoverageTimer();
        return;
      }
      computeCoverage(latest);
      summary.update(latest);
    }, Math.max(0, coverageDueAt() - Date.now()));
  };

  const ensure = () => {
    if (host && mount && host.isConnected) return mount;
    const created = createShadowHost('funnel-lens-summary', SUMMARY_CSS);
    host = created.host;
    mount = created.mount;
    containEvents(host, options.signal);
    document.body.append(host);
    lastRender = '';
    return mount;
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
      const shadow = ensure();
      // The age line changes by the minute; everything else only with the data or the coverage.
      const renderKey = `${state.dataKey}|${coverageKey}|${state.platformLeadsVersion ?? 0}|${state.answer === null}|${state.layoutUnknown}|${state.fallback}|${state.waitingForTable}|${Math.floor(Date.now() / 60_000)}`;
      if (renderKey === lastRender) return;
      lastRender = renderKey;
      const shown = state.answer?.ok && coverageDataKey === state.dataKey ? coverage : null;
      render(<SummaryPanel state={state} coverage={shown} total={coverageTotal} onRetry={options.onRetry} signals={options.signals} diagnostics={options.diagnostics} locale={options.locale} tabRange={options.tabRange ?? null} />, shadow);
    },
    hide() {
      if (mount) render(null, mount);
      lastRender = '';
    },
    destroy() {
      if (mount) render(null, mount);
      host?.remove();
      host = null;
      mount = null;
    },
  };
  return summary;
}

function SummaryPanel(props: { state: SummaryState; coverage: Coverage | null; total: number; onRetry: () => void; signals: () => PageSignals | null; diagnostics: () => string; locale: UiLocale; tabRange: TabRange | null }) {
  const { state, coverage, total, onRetry } = props;
  const [expanded, setExpanded] = useState(false);
  const { context, answer } = state;
  if (!context) return null;
  // The page's own word for its rows ("ad sets", "campaign groups"), as the user reads it there.
  const level = context.levelLabel ? context.levelLabel.toLocaleLowerCase() : t(`level.${context.level}`);
  const seenByKey = state.seen;
  const nameOf = (key: string) => seenByKey.get(key)?.name ?? key;

  let body;
  if (state.layoutUnknown) {
    body = (
      <>
        <div class="msg warn" role="alert">{t('summary.layoutUnknown')}</div>
        <Signals signals={props.signals()} />
        <CopyDiagnostics diagnostics={props.diagnostics} />
      </>
    );
  } else if (answer === null) {
    body = (
      <div class="msg" role="status">
        {t('summary.loading')}
        <div class="progress" role="progressbar" aria-busy="true" aria-label={t('summary.loading')}><span /></div>
      </div>
    );
  } else if (!answer.ok) {
    body = (
      <div class="msg warn" role="alert">
        {answer.error.kind === 'disabled' ? t('summary.disabled') : errorText(answer.error)}
        {answer.error.kind !== 'disabled' && <button type="button" class="retry" onClick={onRetry}>{t('summary.retry')}</button>}
      </div>
    );
  } else {
    const matched = coverage?.matched.length ?? 0;
    body = (
      <>
        <div class="line" role="status">
          <span>{t('summary.matched', { matched, total, level })}</span>
          {coverage && !context.filtered && coverage.apiOnly.length > 0 && <span>· {t('summary.notOnPage', { count: coverage.apiOnly.length, level })}</span>}
          {coverage && coverage.ambiguous.length > 0 && <span>· {t('summary.ambiguous', { count: coverage.ambiguous.length })}</span>}
          <span class="muted">· {t('summary.updated', { age: formatAge(answer.fetchedAt, Date.now()) })}</span>
          <button type="button" class="toggle" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? t('summary.collapse') : t('summary.expand')}
          </button>
        </div>
        <PlatformTotals state={state} coverage={coverage} level={level} locale={props.locale} />
        {answer.refreshError && (
          <div class="msg warn" role="alert">
            {t('summary.staleError', { age: formatAge(answer.fetchedAt, Date.now()), reason: errorText(answer.refreshError) })}
            <button type="button" class="retry" onClick={onRetry}>{t('summary.retry')}</button>
          </div>
        )}
        {state.fallback && <div class="msg muted fallback">{t('summary.fallback')}</div>}
        {state.waitingForTable && <div class="msg muted" role="status">{t('summary.waitingForTable')}</div>}
        {answer.problemCount > 0 && <div class="msg muted">{t('summary.rowProblems', { count: answer.problemCount })}</div>}
        {expanded && coverage && (
          <div>
            <div class="muted">{t('summary.range', { from: context.range.from, to: context.range.to })}</div>
            <h3>{t('summary.unmatchedTitle')}</h3>
            <List items={coverage.unmatched.map(nameOf)} />
            {!context.filtered && (
              <>
                <h3>{t('summary.apiOnlyTitle')}</h3>
                <List items={coverage.apiOnly.map((r) => r.name ?? r.id ?? '')} />
              </>
            )}
            {coverage.ambiguous.length > 0 && (
              <>
                <h3>{t('summary.ambiguousTitle')}</h3>
                <List items={coverage.ambiguous.map((a) => a.name)} />
              </>
            )}
            <Signals signals={props.signals()} />
            <CopyDiagnostics diagnostics={props.diagnostics} />
          </div>
        )}
      </>
    );
  }

  return (
    <section class="panel" aria-label={t('summary.title')}>
      <div class="line">
        <span class="brand">{t('summary.title')}</span>
        {answer?.ok && answer.source === 'demo' && <span class="tag">{t('summary.demo')}</span>}
      </div>
      {body}
      <TabRangeControl context={context} tabRange={props.tabRange} />
      {context.accountId === null && <div class="msg muted">{t('summary.accountMissing')}</div>}
    </section>
  );
}

/** Hook names as adapters report them → their message keys. */
const SIGNAL_KEYS: Record<string, Parameters<typeof t>[0]> = {
  'data-surface': 'signal.dataSurface',
  role: 'signal.role',
  structure: 'signal.structure',
  react: 'signal.react',
  'header text': 'signal.headerText',
  url: 'signal.url',
  label: 'signal.label',
  inputs: 'signal.inputs',
  chosen: 'signal.chosen',
  assumed: 'signal.assumed',
};
const signalText = (hook: string | null) =>
  hook === null ? t('signal.none') : hook.split(', ').map((h) => (SIGNAL_KEYS[h] ? t(SIGNAL_KEYS[h]) : h)).join(', ');

function Signals({ signals }: { signals: PageSignals | null }) {
  if (!signals) return null;
  return (
    <>
      <h3>{t('summary.signalsTitle')}</h3>
      {signals.health && <div class="health">{healthLine(signals.health)}</div>}
      <ul class="signals">
        <li>{t('summary.signalRows', { count: signals.rows, how: signals.table ? signalText(signals.rowHook) : t('signal.none') })}</li>
        <li>{t('summary.signalIds', { count: signals.ids, how: signalText(signals.idSource) })}</li>
        <li>{t('summary.signalSpend', { how: signalText(signals.spend) })}</li>
        <li>{t('summary.signalDate', { how: signalText(signals.date) })}</li>
      </ul>
    </>
  );
}

/**
 * Copies the redacted diagnostics (diagnostics.ts) for a bug report. Where the page does not let
 * us write the clipboard, the text is shown selected instead, for the user to copy.
 */
function CopyDiagnostics({ diagnostics }: { diagnostics: () => string }) {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; text: string }>({ kind: 'idle' });
  const copy = () => {
    const text = diagnostics();
    const manual = () => setState({ kind: 'manual', text });
    try {
      navigator.clipboard.writeText(text).then(() => setState({ kind: 'copied' }), manual);
    } catch {
      manual();
    }
  };
  return (
    <div class="msg">
      <button type="button" class="retry diagnostics" onClick={copy}>{t('summary.copyDiagnostics')}</button>
      {state.kind === 'copied' && <span class="muted" role="status"> {t('summary.diagnosticsCopied')}</span>}
      {state.kind === 'manual' && (
        <>
          <div class="muted" role="status">{t('summary.diagnosticsManual')}</div>
          <textarea class="diagnostics-text" readOnly rows={6} aria-label={t('summary.copyDiagnostics')} value={state.text} ref={(el) => el?.select()} />
        </>
      )}
    </div>
  );
}

function List({ items }: { items: string[] }) {
  if (items.length === 0) return <div class="muted">{t('summary.none')}</div>;
  const shown = items.slice(0, 50);
  return (
    <ul>
      {shown.map((item, i) => <li key={i}>{item}</li>)}
      {items.length > shown.length && <li class="muted">+{items.length - shown.length}</li>}
    </ul>
  );
}

/**
 * The page's platform lead total next to the CRM's (issue 20): "Meta: 1,240 leads · CRM 1,018
 * (82%)", over the campaigns that show both a platform count and a matched CRM row.
 */
function PlatformTotals(props: { state: SummaryState; coverage: Coverage | null; level: string; locale: UiLocale }) {
  const { state, coverage, locale } = props;
  const leadsByKey = state.platformLeads;
  if (!coverage || !leadsByKey || leadsByKey.size === 0 || !state.index || !state.context) return null;
  const pairs: Array<{ platformLeads: number; crmLeads: number }> = [];
  let approximate = false;
  for (const key of coverage.matched) {
    const leads = leadsByKey.get(key);
    const row = state.seen.get(key);
    if (!leads || !row) continue;
    const match = state.index.lookup(row.id, row.name);
    if (match.kind !== 'match') continue;
    pairs.push({ platformLeads: leads.count, crmLeads: match.row.leads });
    approximate ||= leads.approximate;
  }
  const gap = totalGap(pairs);
  if (!gap) return null;
  const figures = {
    platform: t(`platform.${state.context.platform}`),
    platformLeads: `${approximate ? '≈' : ''}${formatLeadCount(gap.platformLeads, locale)}`,
    crmLeads: formatCount(gap.crmLeads, locale),
  };
  return (
    <div class="msg platform-totals">
      <span class="platform-total">{gap.share === null ? t('summary.platformLeadsNoShare', figures) : t('summary.platformLeads', { ...figures, share: formatPercent(gap.share, locale) })}</span>
      <span class="muted"> {t('summary.platformLeadsOver', { count: pairs.length, level: props.level })}</span>
      {gap.flag && <div class="warn">{t(gap.flag === 'crm-low' ? 'card.gapLow' : 'card.gapHigh')}</div>}
    </div>
  );
}

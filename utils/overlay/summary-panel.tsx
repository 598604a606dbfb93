/**
 * What the page summary shows (summary.tsx decides when): the coverage line with its details,
 * loading, API errors with what to do, stale data, assumptions, and "table layout not recognised".
 */
import { useState } from 'preact/hooks';
import { errorText } from '../i18n/error-text';
import { t } from '../i18n/t';
import type { Coverage } from '../matching/match';
import type { PageContext } from './adapter';
import { formatAge } from './age';
import { healthLine } from './health-line';
import type { HookHealth } from './hooks';
import type { UiLocale } from '../i18n/locale';
import type { SummaryState } from './summary-state';
import { CopyDiagnostics, PlatformTotals } from './summary-details';
import { TabRangeControl } from './tab-range-control';
import type { TabRange } from './tab-range';

/**
 * The page's own word for its rows ("ad sets", "campaign groups"), as the user reads it there;
 * when the page shows none, the level's name in the user's language.
 */
export function levelName(context: Pick<PageContext, 'platform' | 'level' | 'levelLabel'>): string {
  return context.levelLabel ? context.levelLabel.toLocaleLowerCase() : t(`pageLevel.${context.platform}.${context.level}`);
}

export function SummaryPanel(props: {
  state: SummaryState;
  coverage: Coverage | null;
  total: number;
  onRetry: () => void;
  health: () => HookHealth | null;
  diagnostics: () => string;
  locale: UiLocale;
  tabRange: TabRange | null;
}) {
  const { state, coverage, total, onRetry } = props;
  const [expanded, setExpanded] = useState(false);
  const { context, answer } = state;
  if (!context) return null;
  const level = levelName(context);
  const seenByKey = state.seen;
  const nameOf = (key: string) => seenByKey.get(key)?.name ?? key;

  let body;
  if (state.layoutUnknown) {
    body = (
      <>
        <div class="msg warn" role="alert">
          {t('summary.layoutUnknown')}
        </div>
        <HookHealthDetails health={props.health()} />
        <CopyDiagnostics diagnostics={props.diagnostics} />
      </>
    );
  } else if (answer === null) {
    body = (
      <div class="msg" role="status">
        {t('summary.loading')}
        <div class="progress" role="progressbar" aria-busy="true" aria-label={t('summary.loading')}>
          <span />
        </div>
      </div>
    );
  } else if (!answer.ok) {
    body = (
      <div class="msg warn" role="alert">
        {answer.error.kind === 'disabled' ? t('summary.disabled') : errorText(answer.error)}
        {answer.error.kind !== 'disabled' && (
          <button type="button" class="retry" onClick={onRetry}>
            {t('summary.retry')}
          </button>
        )}
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
            <button type="button" class="retry" onClick={onRetry}>
              {t('summary.retry')}
            </button>
          </div>
        )}
        {state.fallback && <div class="msg muted fallback">{t('summary.fallback')}</div>}
        {state.waitingForTable && (
          <div class="msg muted" role="status">
            {t('summary.waitingForTable')}
          </div>
        )}
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
            <HookHealthDetails health={props.health()} />
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

/** Which alternative of each of the adapter's hooks matched: tells "not recognised" apart from "no data". */
function HookHealthDetails({ health }: { health: HookHealth | null }) {
  return (
    <>
      <h3>{t('summary.signalsTitle')}</h3>
      <div class="health">{health ? healthLine(health) : t('summary.noHooks')}</div>
    </>
  );
}

function List({ items }: { items: string[] }) {
  if (items.length === 0) return <div class="muted">{t('summary.none')}</div>;
  const shown = items.slice(0, 50);
  return (
    <ul>
      {shown.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
      {items.length > shown.length && <li class="muted">+{items.length - shown.length}</li>}
    </ul>
  );
}

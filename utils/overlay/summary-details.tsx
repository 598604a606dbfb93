/**
 * Parts of the summary's details: the platform's lead total next to the CRM's, and "Copy
 * diagnostics".
 */
import { useState } from 'preact/hooks';
import { totalGap } from '../funnel/platform-gap';
import { t } from '../i18n/t';
import type { Coverage } from '../matching/match';
import { formatCount, formatPercent } from '../i18n/locale';
import type { UiLocale } from '../i18n/locale';
import { formatLeadCount } from './platform-leads';
import type { SummaryState } from './summary-state';

/**
 * Copies the redacted diagnostics (diagnostics.ts) for a bug report. Where the page does not let
 * us write the clipboard, the text is shown selected instead, for the user to copy.
 */
export function CopyDiagnostics({ diagnostics }: { diagnostics: () => string }) {
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
      <button type="button" class="retry diagnostics" onClick={copy}>
        {t('summary.copyDiagnostics')}
      </button>
      {state.kind === 'copied' && (
        <span class="muted" role="status">
          {' '}
          {t('summary.diagnosticsCopied')}
        </span>
      )}
      {state.kind === 'manual' && (
        <>
          <div class="muted" role="status">
            {t('summary.diagnosticsManual')}
          </div>
          <textarea class="diagnostics-text" readOnly rows={6} aria-label={t('summary.copyDiagnostics')} value={state.text} ref={(el) => el?.select()} />
        </>
      )}
    </div>
  );
}

/**
 * The page's platform lead total next to the CRM's (issue 20): "Meta: 1,240 leads · CRM 1,018
 * (82%)", over the campaigns that show both a platform count and a matched CRM row.
 */
export function PlatformTotals(props: { state: SummaryState; coverage: Coverage | null; level: string; locale: UiLocale }) {
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
      <span class="platform-total">
        {gap.share === null ? t('summary.platformLeadsNoShare', figures) : t('summary.platformLeads', { ...figures, share: formatPercent(gap.share, locale) })}
      </span>
      <span class="muted"> {t('summary.platformLeadsOver', { count: pairs.length, level: props.level })}</span>
      {gap.flag && <div class="warn">{t(gap.flag === 'crm-low' ? 'card.gapLow' : 'card.gapHigh')}</div>}
    </div>
  );
}

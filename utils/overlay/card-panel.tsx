/**
 * What the detail card shows for one campaign (card.tsx opens, places and closes it): its whole
 * funnel, the money figures with the row's spend, targets, and the platform's lead count.
 */
import type { FunnelRow, StageKey } from '../api/schema';
import { maturity } from '../funnel/maturity';
import { moneyFigures } from '../funnel/money';
import { costPerPlatformLead, platformGap } from '../funnel/platform-gap';
import { stageRates } from '../funnel/rates';
import { checkTargets, targetsForRow } from '../funnel/targets';
import { mqlToWonLabel, stageLabel } from '../i18n/stages';
import { t } from '../i18n/t';
import { targetLine } from '../i18n/target-text';
import type { LookupResult } from '../matching/lookup';
import type { FunnelData } from '../messaging';
import { formatCount, formatMoney, formatMultiple, formatPercent, intlTag, NO_FIGURE } from '../i18n/locale';
import { parseSpend } from '../money/parse-spend';
import type { PageContext } from './adapter';
import { formatAge } from './age';
import type { UiLocale } from '../i18n/locale';
import { formatLeadCount, type PlatformLeads } from './platform-leads';

export interface CardContent {
  key: string;
  anchor: HTMLElement;
  how: 'hover' | 'focus' | 'click';
  /** platformLeads: the count the row printed in its lead column (issue 20); null when none. */
  row: { name: string; spendText: string | null; platformLeads?: PlatformLeads | null };
  answer: FunnelData;
  match: LookupResult;
  context: PageContext | null;
}

export function CardPanel({ content, locale, onClose }: { content: CardContent; locale: UiLocale; onClose: () => void }) {
  const { answer, match, row: pageRow } = content;
  if (match.kind !== 'match') return null;
  const row: FunnelRow = match.row;
  const stages = answer.stages;
  const label = (key: StageKey) => stageLabel(stages, key);
  const minMql = answer.display.minMql;
  const rates = stageRates(row, { minDenominator: minMql });
  const mat = maturity(row);
  const spend = pageRow.spendText === null ? null : parseSpend(pageRow.spendText);
  const money = moneyFigures(row, spend?.ok ? spend : null, answer.currency);
  const pct = (v: number | null) => (v === null ? NO_FIGURE : formatPercent(v, locale));
  const cur = (v: number | null) => (v === null ? NO_FIGURE : formatMoney(v, answer.currency, locale));

  const steps = [
    { key: 'lead', n: row.leads, rate: null },
    { key: 'mql', n: row.mql, rate: rates.leadToMql },
    { key: 'sql', n: row.sql, rate: rates.mqlToSql },
    { key: 'meeting', n: row.meetings, rate: rates.sqlToMeeting },
    { key: 'won', n: row.won, rate: rates.meetingToWon },
  ] as const;
  const max = Math.max(1, row.leads);
  const mqlLabel = label('mql');
  const rateLabel = mqlToWonLabel(stages);
  const headline = rates.mqlToWon;

  const targetSet = answer.display.targets ? targetsForRow(answer.display.targets, row) : null;
  const targetChecks = targetSet ? checkTargets({ ...row, spend: money.spend?.amount ?? null }, headline, targetSet) : [];

  let spendNote: string | null = null;
  if (money.spendOmitted === 'no-spend') spendNote = t('card.spendMissing');
  else if (money.spendOmitted === 'currency-mismatch') spendNote = t('card.spendCurrencyMismatch', { currency: answer.currency });
  else if (money.spendOmitted === 'currency-unknown') spendNote = t('card.spendUnknownCurrency');

  return (
    <div class="panel" role="dialog" aria-label={`${t('card.title')}: ${pageRow.name}`}>
      <button class="close" type="button" aria-label={t('card.close')} onClick={onClose}>
        ×
      </button>
      <p class="name">{pageRow.name}</p>
      <div class="muted">{t('card.title')}</div>
      <div class="headline">
        {rateLabel} {headline.enoughData ? pct(headline.value) : `${row.won}/${row.mql}`}
      </div>
      <div class="muted">
        {headline.enoughData ? t('card.interval', { low: pct(headline.low), high: pct(headline.high) }) : t('card.notEnough', { min: minMql, mqlLabel })}
      </div>
      {targetChecks.map((check) => (
        <div class={check.verdict === 'missed' ? 'target warn' : 'target'} data-metric={check.metric} data-verdict={check.verdict}>
          {targetLine(check, rateLabel, answer.currency, locale)}
        </div>
      ))}
      <div class="bars" role="list">
        {steps.map((step) => (
          <div role="listitem" key={step.key}>
            <div class="bar">
              <span>{label(step.key)}</span>
              <span class="track" aria-hidden="true">
                <span class="fill" style={{ width: `${(step.n / max) * 100}%`, display: 'block' }} />
              </span>
              <span class="n">{formatCount(step.n, locale)}</span>
            </div>
            {step.rate && (
              <div class="bar">
                <span />
                <span class="step">{t('card.stageRate', { rate: step.rate.value === null ? NO_FIGURE : formatPercent(step.rate.value, locale) })}</span>
              </div>
            )}
          </div>
        ))}
      </div>
      <dl>
        <dt>{t('card.lost')}</dt>
        <dd>{formatCount(row.lost, locale)}</dd>
        <dt>{t('card.open')}</dt>
        <dd>{formatCount(mat.open, locale)}</dd>
        <dt>{t('card.revenue')}</dt>
        <dd>{cur(money.revenue)}</dd>
        <dt>{t('card.avgDeal')}</dt>
        <dd>{cur(money.avgDeal)}</dd>
        <dt>{t('card.pipeline')}</dt>
        <dd>{cur(money.pipeline)}</dd>
        <dt>{t('card.medianDays')}</dt>
        <dd>{row.median_days_to_won === undefined ? NO_FIGURE : formatCount(row.median_days_to_won, locale)}</dd>
        {money.spend && (
          <>
            <dt>{t('card.roas')}</dt>
            <dd>{money.spend.roas === null ? NO_FIGURE : formatMultiple(money.spend.roas, locale)}</dd>
            <dt>{t('card.costPerLead')}</dt>
            <dd>{cur(money.spend.costPerLead)}</dd>
            <dt>{t('card.costPerMql', { label: mqlLabel })}</dt>
            <dd>{cur(money.spend.costPerMql)}</dd>
            <dt>{t('card.costPerMql', { label: label('sql') })}</dt>
            <dd>{cur(money.spend.costPerSql)}</dd>
            <dt>{t('card.costPerWon')}</dt>
            <dd>{cur(money.spend.costPerWon)}</dd>
          </>
        )}
      </dl>
      <PlatformLeadsLines
        content={content}
        locale={locale}
        spend={money.spend ? (spend?.ok ? spend.amount : null) : null}
        crmCostPerLead={money.spend ? money.spend.costPerLead : null}
      />
      {mat.provisional && mat.openShare !== null && <div class="note warn">{t('card.provisional', { share: formatPercent(mat.openShare, locale) })}</div>}
      {money.spend && pageRow.spendText && <div class="note muted">{t('card.spendFromRow', { spend: pageRow.spendText })}</div>}
      {money.spend?.approximate && <div class="note muted">{t('card.approximate')}</div>}
      {spendNote && <div class="note muted">{spendNote}</div>}
      <div class="note muted">{match.by === 'id' ? t('card.matchedById') : t('card.matchedByName')}</div>
      {answer.source === 'demo' ? (
        <div class="demo">{t('card.demoSource')}</div>
      ) : (
        <div class="note muted">
          {t('card.source', {
            source: answer.sourceName,
            asOf: new Date(answer.asOf).toLocaleString(intlTag(locale)),
            age: formatAge(answer.fetchedAt, Date.now()),
          })}
        </div>
      )}
    </div>
  );
}

/**
 * The platform's own lead count next to the CRM's (issue 20): "Meta reports 120 leads · CRM has
 * 95 (79%)", cost per lead by both counts, and one line on what to check when the gap is large.
 * Nothing when the row shows no lead column of a lead type.
 */
function PlatformLeadsLines(props: { content: CardContent; locale: UiLocale; spend: number | null; crmCostPerLead: number | null }) {
  const { content, locale } = props;
  const leads = content.row.platformLeads;
  const platform = content.context?.platform;
  if (!leads || !platform || content.match.kind !== 'match') return null;
  const crmLeads = content.match.row.leads;
  const gap = platformGap(leads.count, crmLeads);
  const names = { platform: t(`platform.${platform}`), platformPossessive: t(`platformPossessive.${platform}`) };
  const figures = {
    ...names,
    platformLeads: `${leads.approximate ? '≈' : ''}${formatLeadCount(leads.count, locale)}`,
    crmLeads: formatCount(crmLeads, locale),
  };
  const platformCost = costPerPlatformLead(props.spend, leads.count);
  const currency = content.answer.currency;
  return (
    <div class="platform-gap">
      <div class="gap">
        {gap.share === null ? t('card.platformLeadsNoShare', figures) : t('card.platformLeads', { ...figures, share: formatPercent(gap.share, locale) })}
      </div>
      {platformCost !== null && props.crmCostPerLead !== null && (
        <div class="muted">
          {t('card.costPerLeadBoth', {
            ...names,
            platformCost: formatMoney(platformCost, currency, locale),
            crmCost: formatMoney(props.crmCostPerLead, currency, locale),
          })}
        </div>
      )}
      {gap.flag && (
        <div class="note warn" role="note">
          {t(gap.flag === 'crm-low' ? 'card.gapLow' : 'card.gapHigh')}
        </div>
      )}
      {leads.approximate && <div class="note muted">{t('card.platformApproximate')}</div>}
    </div>
  );
}

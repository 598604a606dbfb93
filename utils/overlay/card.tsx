/**
 * The detail card: one `<funnel-lens-card>` per page, opened from a badge by hover, focus or
 * click, showing the whole funnel of the campaign that badge shows. It is keyed by campaign:
 * if the row under it is recycled for another campaign, the engine closes it.
 */
import { render } from 'preact';
import type { FunnelRow, StageKey } from '../api/schema';
import { maturity } from '../funnel/maturity';
import { moneyFigures } from '../funnel/money';
import { stageRates } from '../funnel/rates';
import { t } from '../i18n/t';
import type { LookupResult } from '../matching/lookup';
import type { FunnelData } from '../messaging';
import { formatCount, formatMoney, formatMultiple, formatPercent, intlTag, NO_FIGURE } from '../i18n/locale';
import { parseSpend } from '../money/parse-spend';
import type { PageContext } from './adapter';
import { costPerPlatformLead, platformGap } from '../funnel/platform-gap';
import { formatLeadCount, type PlatformLeads } from './platform-leads';
import { mqlToWonLabel, stageLabel } from '../i18n/stages';
import { formatAge } from './age';
import type { UiLocale } from '../i18n/locale';
import { containEvents, createShadowHost } from './shadow';
import { PANEL_CSS } from './styles';
import { checkTargets, targetsForRow } from '../funnel/targets';
import { targetLine } from '../i18n/target-text';

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
    host.addEventListener('focusout', (event) => {
      if (!host?.contains(event.relatedTarget as Node | null) && !root?.contains(event.relatedTarget as Node | null)) card.scheduleClose();
    }, { signal });
    host.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') card.close();
    }, { signal });
    document.body.append(host);
    return mount;
  };

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && openKey) card.close();
  }, { signal, capture: true });
  document.addEventListener('pointerdown', (event) => {
    if (openKey && pinned && host && !event.composedPath().includes(host)) card.close();
  }, { signal, capture: true });

  let returnFocusTo: HTMLElement | null = null;

  const card: Card = {
    get openKey() {
      return openKey;
    },
    open(content) {
      clearTimeout(closeTimer);
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
      if (hadFocus && returnFocusTo?.isConnected) returnFocusTo.focus({ preventScroll: true });
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

function CardPanel({ content, locale, onClose }: { content: CardContent; locale: UiLocale; onClose: () => void }) {
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
      <button class="close" type="button" aria-label={t('card.close')} onClick={onClose}>×</button>
      <p class="name">{pageRow.name}</p>
      <div class="muted">{t('card.title')}</div>
      <div class="headline">
        {rateLabel}{' '}
        {headline.enoughData ? pct(headline.value) : `${row.won}/${row.mql}`}
      </div>
      <div class="muted">
        {headline.enoughData
          ? t('card.interval', { low: pct(headline.low), high: pct(headline.high) })
          : t('card.notEnough', { min: minMql, mqlLabel })}
      </div>
      {targetChecks.map((check) => (
        <div class={check.verdict === 'missed' ? 'target warn' : 'target'} data-metric={check.metric} data-verdict={check.verdict}>{targetLine(check, rateLabel, answer.currency, locale)}</div>
      ))}
      <div class="bars" role="list">
        {steps.map((step) => (
          <div role="listitem" key={step.key}>
            <div class="bar">
              <span>{label(step.key)}</span>
              <span class="track" aria-hidden="true"><span class="fill" style={{ width: `${(step.n / max) * 100}%`, display: 'block' }} /></span>
              <span class="n">{formatCount(step.n, locale)}</span>
            </div>
            {step.rate && (
              <div class="bar"><span /><span class="step">{t('card.stageRate', { rate: step.rate.value === null ? NO_FIGURE : formatPercent(step.rate.value, locale) })}</span></div>
            )}
          </div>
        ))}
      </div>
      <dl>
        <dt>{t('card.lost')}</dt><dd>{formatCount(row.lost, locale)}</dd>
        <dt>{t('card.open')}</dt><dd>{formatCount(mat.open, locale)}</dd>
        <dt>{t('card.revenue')}</dt><dd>{cur(money.revenue)}</dd>
        <dt>{t('card.avgDeal')}</dt><dd>{cur(money.avgDeal)}</dd>
        <dt>{t('card.pipeline')}</dt><dd>{cur(money.pipeline)}</dd>
        <dt>{t('card.medianDays')}</dt><dd>{row.median_days_to_won === undefined ? NO_FIGURE : formatCount(row.median_days_to_won, locale)}</dd>
        {money.spend && (
          <>
            <dt>{t('card.roas')}</dt><dd>{money.spend.roas === null ? NO_FIGURE : formatMultiple(money.spend.roas, locale)}</dd>
            <dt>{t('card.costPerLead')}</dt><dd>{cur(money.spend.costPerLead)}</dd>
            <dt>{t('card.costPerMql', { label: mqlLabel })}</dt><dd>{cur(money.spend.costPerMql)}</dd>
            <dt>{t('card.costPerMql', { label: label('sql') })}</dt><dd>{cur(money.spend.costPerSql)}</dd>
            <dt>{t('card.costPerWon')}</dt><dd>{cur(money.spend.costPerWon)}</dd>
          </>
        )}
      </dl>
      <PlatformLeadsLines content={content} locale={locale} spend={money.spend ? (spend?.ok ? spend.amount : null) : null} crmCostPerLead={money.spend ? money.spend.costPerLead : null} />
      {mat.provisional && mat.openShare !== null && <div class="note warn">{t('card.provisional', { share: formatPercent(mat.openShare, locale) })}</div>}
      {money.spend && pageRow.spendText && <div class="note muted">{t('card.spendFromRow', { spend: pageRow.spendText })}</div>}
      {money.spend?.approximate && <div class="note muted">{t('card.approximate')}</div>}
      {spendNote && <div class="note muted">{spendNote}</div>}
      <div class="note muted">{match.by === 'id' ? t('card.matchedById') : t('card.matchedByName')}</div>
      {answer.source === 'demo' ? (
        <div class="demo">{t('card.demoSource')}</div>
      ) : (
        <div class="note muted">
          {t('card.source', { source: answer.sourceName, asOf: new Date(answer.asOf).toLocaleString(intlTag(locale)), age: formatAge(answer.fetchedAt, Date.now()) })}
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
  const figures = { ...names, platformLeads: `${leads.approximate ? '≈' : ''}${formatLeadCount(leads.count, locale)}`, crmLeads: formatCount(crmLeads, locale) };
  const platformCost = costPerPlatformLead(props.spend, leads.count);
  const currency = content.answer.currency;
  return (
    <div class="platform-gap">
      <div class="gap">
        {gap.share === null ? t('card.platformLeadsNoShare', figures) : t('card.platformLeads', { ...figures, share: formatPercent(gap.share, locale) })}
      </div>
      {platformCost !== null && props.crmCostPerLead !== null && (
        <div class="muted">{t('card.costPerLeadBoth', { ...names, platformCost: formatMoney(platformCost, currency, locale), crmCost: formatMoney(props.crmCostPerLead, currency, locale) })}</div>
      )}
      {gap.flag && <div class="note warn" role="note">{t(gap.flag === 'crm-low' ? 'card.gapLow' : 'card.gapHigh')}</div>}
      {leads.approximate && <div class="note muted">{t('card.platformApproximate')}</div>}
    </div>
  );
}

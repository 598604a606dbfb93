/**
 * The channel view: one card per channel, side by side, each with its funnel chart (SVG bars with
 * counts and step rates with their 95% intervals), its MQL→Won headline and its money figures.
 * Every chart has a table alternative: always present for screen readers, shown on request.
 */
import { useState } from 'preact/hooks';
import type { ChartStep } from '../../utils/dashboard/funnel-chart';
import { CHART, layoutFunnel } from '../../utils/dashboard/funnel-chart';
import { t } from '../../utils/i18n/t';
import { formatCount, formatPercent, type UiLocale } from '../../utils/i18n/locale';
import { RateRange } from '../RateRange';
import { channelTags, chartSteps, figureLines, findings, leadScale, rateText, type ChannelView } from './channel-view';
import { mqlToWonLabel, stageLabel } from '../../utils/i18n/stages';
import { TargetList } from '../TargetList';

const CHART_WIDTH = 360;

export function FunnelChart({ steps }: { steps: ChartStep[] }) {
  const layout = layoutFunnel(steps, CHART_WIDTH);
  return (
    <svg class="funnel-chart" viewBox={`0 0 ${CHART_WIDTH} ${layout.height}`} width="100%" aria-hidden="true" focusable="false">
      {layout.steps.map((s) => (
        <g>
          <text x="0" y={s.y + 15} class="fc-label">
            {s.shownLabel}
          </text>
          <rect x={s.barX} y={s.y} width={s.trackWidth} height={CHART.barHeight} rx="3" class="fc-track" />
          <rect x={s.barX} y={s.y} width={s.barWidth} height={CHART.barHeight} rx="3" class="fc-bar" />
          <text x={s.countX} y={s.y + 15} class={s.countInside ? 'fc-count inside' : 'fc-count'} text-anchor={s.countInside ? 'end' : 'start'}>
            {s.count}
          </text>
          {s.rate && (
            <text x={s.barX} y={s.rateY} class="fc-rate">
              {t('dashboard.stepRate', { rate: s.rate })}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}

function ChannelCard(props: { view: ChannelView; scaleMax: number; locale: UiLocale; onOpenSettings: () => void }) {
  const { view, locale } = props;
  const [showTable, setShowTable] = useState(false);
  const titleId = `fl-ch-${view.platform}`;
  const tableId = `fl-ch-table-${view.platform}`;
  const f = view.figures;

  if (!f) {
    const fixable =
      view.errorKind === 'disabled' || view.errorKind === 'not_configured' || view.errorKind === 'permission_missing' || view.errorKind === 'unauthorized';
    return (
      <article class={`channel-card empty ${view.errorKind ? 'has-error' : ''}`} data-platform={view.platform} aria-labelledby={titleId}>
        <h3 id={titleId}>{view.name}</h3>
        <p class={view.errorKind ? 'card-error' : 'muted'} role={view.errorKind ? 'alert' : undefined}>
          {view.message}
        </p>
        {fixable && (
          <button type="button" class="secondary" onClick={props.onOpenSettings}>
            {t('dashboard.openSettings')}
          </button>
        )}
      </article>
    );
  }

  const steps = chartSteps(view, props.scaleMax, locale);
  const rateLabel = mqlToWonLabel(view.stages);
  const tags = channelTags(view);
  const lines = figureLines(view, locale);
  return (
    <article class={`channel-card ${f.comparison?.verdict === 'better' ? 'best' : ''}`} data-platform={view.platform} aria-labelledby={titleId}>
      <header class="card-head">
        <h3 id={titleId}>{view.name}</h3>
        {tags.length > 0 && (
          <p class="tags">
            {tags.map((tag) => (
              <span class={`tag ${tag.tone}`}>{tag.text}</span>
            ))}
          </p>
        )}
      </header>
      <div class="headline" data-figure="mqlToWon">
        <span class="headline-label">{rateLabel}</span>
        <RateRange rate={f.rates.mqlToWon} locale={locale} />
        {f.rates.mqlToWon.enoughData && f.rates.mqlToWon.value !== null && (
          <span class="muted small">
            {t('popup.intervalTitle', { low: formatPercent(f.rates.mqlToWon.low, locale), high: formatPercent(f.rates.mqlToWon.high, locale) })}
          </span>
        )}
      </div>
      <TargetList checks={view.targets} rateLabel={rateLabel} currency={view.currency} locale={locale} label={t('target.title')} />
      <FunnelChart steps={steps} />
      <div class="table-toggle">
        <button type="button" class="link" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable(!showTable)}>
          {showTable ? t('dashboard.hideTable') : t('dashboard.showTable')}
        </button>
      </div>
      <div id={tableId} class={showTable ? 'funnel-table-wrap' : 'funnel-table-wrap visually-hidden'}>
        <table class="funnel-table" data-platform={view.platform}>
          <caption>{t('dashboard.funnelCaption', { channel: view.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.colStage')}</th>
              <th scope="col" class="num">
                {t('dashboard.colCount')}
              </th>
              <th scope="col" class="num">
                {t('dashboard.colStepRate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {f.steps.map((step) => (
              <tr data-stage={step.stage}>
                <th scope="row">{stageLabel(view.stages, step.stage)}</th>
                <td class="num" data-count={step.count}>
                  {formatCount(step.count, locale)}
                </td>
                <td class="num">{step.stepRate ? rateText(f.rates[step.stepRate], locale) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl class="figures">
        {lines.map((line) => (
          <div class="figure" data-figure={line.id}>
            <dt>{line.label}</dt>
            <dd>
              {line.value}
              {line.note && <span class="tag provisional">{line.note}</span>}
            </dd>
          </div>
        ))}
      </dl>
      {!f.money.spend && <p class="muted small">{t(f.totals.spendPartial ? 'dashboard.spendPartial' : 'dashboard.spendMissing')}</p>}
    </article>
  );
}

export function ChannelFunnels(props: { views: ChannelView[]; locale: UiLocale; onOpenSettings: () => void }) {
  const { views, locale } = props;
  const scaleMax = leadScale(views);
  const lines = findings(views, locale);
  return (
    <div class="channel-view">
      {lines.length > 0 && (
        <ul class="findings" aria-label={t('dashboard.findingsLabel')}>
          {lines.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      )}
      <div class="channel-grid">
        {views.map((view) => (
          <ChannelCard view={view} scaleMax={scaleMax} locale={locale} onOpenSettings={props.onOpenSettings} />
        ))}
      </div>
      <p class="muted small chart-note">{t('dashboard.chartNote')}</p>
    </div>
  );
}

/**
 * The channel view's text, formatted once for both the on-screen cards and the slide image:
 * the same numbers, the same words.
 */
import type { Platform } from '../../utils/api/constants';
import type { ChannelData } from '../../utils/channels/load-channels';
import { barShares, channelFigures, type ChannelFigures } from '../../utils/dashboard/channel-figures';
import type { ChartStep, SlideChannel } from '../../utils/dashboard/funnel-chart';
import type { Rate } from '../../utils/funnel/types';
import { errorText } from '../../utils/i18n/error-text';
import { t } from '../../utils/i18n/t';
import type { MetaResponse } from '../../utils/api/schema';
import { formatCount, formatMoney, formatMultiple, formatPercent, NO_FIGURE, type UiLocale } from '../../utils/i18n/locale';
import { mqlToWonLabel, stageLabel } from '../../utils/i18n/stages';
import { channelTargetChecks } from '../../utils/channels/channel-targets';
import type { TargetCheck } from '../../utils/funnel/targets';

export interface ChannelView {
  platform: Platform;
  name: string;
  figures: ChannelFigures | null;
  /** Why there is nothing to chart: an error (with what to do), or no leads in the range. */
  message: string | null;
  errorKind: string | null;
  currency: string;
  stages: MetaResponse['stages'];
  /** The channel's totals against its channel targets; empty when it has none. */
  targets: TargetCheck[];
}

/** Every channel's funnel is drawn on one scale: the most leads of any channel. */
export function leadScale(views: readonly ChannelView[]): number {
  return Math.max(0, ...views.map((v) => v.figures?.totals.leads ?? 0));
}

export function channelViews(channels: readonly ChannelData[]): ChannelView[] {
  return channels.map((c) => {
    const name = t(`platform.${c.platform}`);
    const stages = c.answer?.stages ?? [];
    const currency = c.answer?.currency ?? 'EUR';
    if (c.error) return { platform: c.platform, name, figures: null, message: errorText(c.error), errorKind: c.error.kind, currency, stages, targets: [] };
    if (!c.totals || !c.answer || c.totals.leads === 0) {
      return { platform: c.platform, name, figures: null, message: t('dashboard.channelEmpty'), errorKind: null, currency, stages, targets: [] };
    }
    const figures = channelFigures({
      totals: c.totals,
      rows: c.rows,
      currency,
      minMql: c.answer.display.minMql,
      comparison: c.comparison,
    });
    return { platform: c.platform, name, figures, message: null, errorKind: null, currency, stages, targets: channelTargetChecks(c) };
  });
}

/** "34% (31–37%)", or "3/7" when the denominator is below the minimum. */
export function rateText(rate: Rate, locale: UiLocale): string {
  if (!rate.enoughData || rate.value === null) return t('dashboard.rateFew', { num: formatCount(rate.num, locale), den: formatCount(rate.den, locale) });
  return t('dashboard.rateWithInterval', {
    rate: formatPercent(rate.value, locale),
    low: formatPercent(rate.low, locale),
    high: formatPercent(rate.high, locale),
  });
}

/** The chart's steps, all channels on one scale (the largest lead count) so volumes compare. */
export function chartSteps(view: ChannelView, scaleMax: number, locale: UiLocale): ChartStep[] {
  const figures = view.figures;
  if (!figures) return [];
  const shares = barShares([...figures.steps, { stage: 'lead', count: scaleMax, stepRate: null }]);
  return figures.steps.map((step, i) => ({
    label: stageLabel(view.stages, step.stage),
    count: formatCount(step.count, locale),
    share: shares[i] ?? 0,
    ...(step.stepRate ? { rate: rateText(figures.rates[step.stepRate], locale) } : {}),
  }));
}

export interface FigureLine {
  id: string;
  label: string;
  value: string;
  note?: string;
}

/** Revenue, average deal, median days, still open, and the spend-based figures when spend is known. */
export function figureLines(view: ChannelView, locale: UiLocale): FigureLine[] {
  const f = view.figures;
  if (!f) return [];
  const money = (n: number | null) => (n === null ? NO_FIGURE : formatMoney(n, f.money.currency, locale, 0));
  const lines: FigureLine[] = [
    { id: 'revenue', label: t('dashboard.revenue'), value: money(f.money.revenue) },
    { id: 'avgDeal', label: t('dashboard.avgDeal'), value: money(f.money.avgDeal) },
    {
      id: 'medianDays',
      label: t('dashboard.medianDays'),
      value: f.medianDaysToWon === null ? NO_FIGURE : t('dashboard.days', { n: formatCount(f.medianDaysToWon, locale) }),
    },
    {
      id: 'open',
      label: t('dashboard.stillOpen'),
      value: f.maturity.openShare === null ? NO_FIGURE : formatPercent(f.maturity.openShare, locale),
      ...(f.maturity.provisional ? { note: t('dashboard.provisional') } : {}),
    },
  ];
  const spend = f.money.spend;
  if (spend) {
    lines.push(
      { id: 'spend', label: t('dashboard.spend'), value: money(spend.amount) },
      { id: 'roas', label: t('dashboard.roas'), value: spend.roas === null ? NO_FIGURE : formatMultiple(spend.roas, locale) },
      { id: 'costPerLead', label: t('dashboard.costPerLead'), value: money(spend.costPerLead) },
      { id: 'costPerMql', label: t('dashboard.costPerStage', { stage: stageLabel(view.stages, 'mql') }), value: money(spend.costPerMql) },
      { id: 'costPerWon', label: t('dashboard.costPerWon'), value: money(spend.costPerWon) },
    );
  }
  return lines;
}

export interface Tag {
  text: string;
  tone: 'good' | 'bad' | 'provisional';
}

export function channelTags(view: ChannelView): Tag[] {
  const tags: Tag[] = [];
  const verdict = view.figures?.comparison?.verdict;
  if (verdict === 'better') tags.push({ text: t('dashboard.verdictBetter'), tone: 'good' });
  if (verdict === 'worse') tags.push({ text: t('dashboard.verdictWorse'), tone: 'bad' });
  if (view.figures?.maturity.provisional) tags.push({ text: t('dashboard.provisional'), tone: 'provisional' });
  return tags;
}

/** The headline finding across channels: who brings the most leads, whose leads close most often. */
export function findings(views: readonly ChannelView[], locale: UiLocale): string[] {
  const withData = views.filter((v): v is ChannelView & { figures: ChannelFigures } => v.figures !== null);
  if (withData.length < 2) return [];
  const mostLeads = [...withData].sort((a, b) => b.figures.totals.leads - a.figures.totals.leads)[0];
  const rated = withData.filter((v) => v.figures.rates.mqlToWon.enoughData && v.figures.rates.mqlToWon.value !== null);
  const best = [...rated].sort((a, b) => (b.figures.rates.mqlToWon.value ?? 0) - (a.figures.rates.mqlToWon.value ?? 0))[0];
  const lines: string[] = [];
  if (mostLeads) lines.push(t('dashboard.findingLeads', { channel: mostLeads.name, n: formatCount(mostLeads.figures.totals.leads, locale) }));
  if (best && mostLeads && best !== mostLeads) {
    const bestRate = best.figures.rates.mqlToWon.value ?? 0;
    const otherRate = mostLeads.figures.rates.mqlToWon.value;
    const label = mqlToWonLabel(best.stages);
    if (otherRate !== null && otherRate > 0 && mostLeads.figures.rates.mqlToWon.enoughData) {
      lines.push(
        t('dashboard.findingRateTimes', {
          channel: best.name,
          rateLabel: label,
          rate: formatPercent(bestRate, locale),
          times: formatMultiple(bestRate / otherRate, locale),
          other: t(`platformPossessive.${mostLeads.platform}`),
        }),
      );
    } else {
      lines.push(t('dashboard.findingRate', { channel: best.name, rateLabel: label, rate: formatPercent(bestRate, locale) }));
    }
  }
  return lines;
}

export function slideChannels(views: readonly ChannelView[], locale: UiLocale): SlideChannel[] {
  const scaleMax = leadScale(views);
  return views.map((v) => {
    const headline = v.figures ? [{ label: mqlToWonLabel(v.stages), value: rateText(v.figures.rates.mqlToWon, locale) }] : [];
    return {
      name: v.name,
      tags: channelTags(v),
      steps: chartSteps(v, scaleMax, locale),
      figures: [...headline, ...figureLines(v, locale).map((l) => ({ label: l.label, value: l.value }))],
      ...(v.message !== null ? { message: v.message } : {}),
    };
  });
}

/**
 * The trend view's words and numbers, formatted once for the screen, the review PNG and the
 * review CSV: the same figures everywhere. Finnish month names and number formats come from Intl.
 */
import type { Platform } from '../../utils/api/constants';
import type { MetaResponse } from '../../utils/api/schema';
import { toCsv } from '../../utils/dashboard/csv';
import { escapeXml, SLIDE_COLOURS } from '../../utils/dashboard/funnel-chart';
import { TREND_CHART, trendChartSvg, type TrendChartPoint } from '../../utils/dashboard/trend-chart';
import { roas } from '../../utils/funnel/money';
import type { TargetMetric } from '../../utils/funnel/targets';
import { errorText } from '../../utils/i18n/error-text';
import { mqlToWonLabel } from '../../utils/i18n/stages';
import { t, type MessageKey } from '../../utils/i18n/t';
import { targetLine, targetValueText, verdictText } from '../../utils/i18n/target-text';
import { formatMoney, formatMoneyCompact, formatPercent, NO_FIGURE, intlTag, type UiLocale } from '../../utils/i18n/locale';
import type { Period } from '../../utils/trends/periods';
import type { ChannelTrend, TrendPoint } from '../../utils/trends/trend-data';

/** "November 2026" / "marraskuu 2026", "Week 48, 2026", "Q3 2026"; short forms for the chart's axis. */
export function periodLabel(period: Period, locale: UiLocale, form: 'long' | 'short'): string {
  if (period.grain === 'month') {
    const date = new Date(period.year, period.index - 1, 1);
    return new Intl.DateTimeFormat(intlTag(locale), form === 'long' ? { month: 'long', year: 'numeric' } : { month: 'short' }).format(date);
  }
  if (period.grain === 'week') return t(form === 'long' ? 'trends.weekLong' : 'trends.weekShort', { week: period.index, year: period.year });
  return t(form === 'long' ? 'trends.quarterLong' : 'trends.quarterShort', { quarter: period.index, year: period.year });
}

export const TREND_METRICS = ['mqlToWon', 'costPerWon', 'revenue'] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

export interface TrendChartView {
  metric: TrendMetric;
  title: string;
  svg: string;
  alt: string;
}

function chartPoint(point: TrendPoint, metric: TrendMetric, locale: UiLocale): TrendChartPoint {
  const base = { label: periodLabel(point.period, locale, 'short'), provisional: point.provisional, failed: point.error !== null };
  if (metric === 'mqlToWon') {
    const r = point.mqlToWon;
    return r && r.value !== null && r.enoughData ? { ...base, value: r.value, low: r.low, high: r.high } : { ...base, value: null, low: null, high: null };
  }
  if (metric === 'costPerWon') {
    const c = point.costPerWon;
    return c ? { ...base, value: c.value, low: c.low, high: c.high } : { ...base, value: null, low: null, high: null };
  }
  return { ...base, value: point.revenue, low: null, high: null };
}

export function trendCharts(trend: ChannelTrend, stages: MetaResponse['stages'], locale: UiLocale): TrendChartView[] {
  const channel = t(`platform.${trend.platform}`);
  const money = (v: number) => formatMoneyCompact(v, trend.currency, locale);
  const titles: Record<TrendMetric, string> = {
    mqlToWon: t('trends.chartMqlToWon', { channel, rateLabel: mqlToWonLabel(stages) }),
    costPerWon: t('trends.chartCostPerWon', { channel }),
    revenue: t('trends.chartRevenue', { channel }),
  };
  const first = trend.points[0];
  const last = trend.points[trend.points.length - 1];
  return TREND_METRICS.map((metric) => {
    const targetValue = metric === 'revenue' ? undefined : trend.target?.[metric];
    const svg = trendChartSvg({
      title: titles[metric],
      points: trend.points.map((p) => chartPoint(p, metric, locale)),
      target:
        targetValue === undefined
          ? null
          : { value: targetValue, text: t('trends.targetLine', { target: targetValueText(metric as TargetMetric, targetValue, trend.currency, locale) }) },
      format: metric === 'mqlToWon' ? (v) => formatPercent(v, locale) : money,
      provisionalText: t('trends.provisional'),
    });
    const alt = t('trends.chartAlt', {
      title: titles[metric],
      first: first ? periodLabel(first.period, locale, 'long') : '',
      last: last ? periodLabel(last.period, locale, 'long') : '',
    });
    return { metric, title: titles[metric], svg, alt };
  });
}

export interface TrendRowView {
  period: string;
  from: string;
  rate: string;
  cost: string;
  revenue: string;
  notes: string[];
  failed: boolean;
  provisional: boolean;
}

/** "10% (8–12%)", or the counts when too few MQLs. */
function rateCell(point: TrendPoint, locale: UiLocale): string {
  const r = point.mqlToWon;
  if (!r) return NO_FIGURE;
  if (!r.enoughData || r.value === null) return t('dashboard.rateFew', { num: r.num, den: r.den });
  return t('dashboard.rateWithInterval', { rate: formatPercent(r.value, locale), low: formatPercent(r.low, locale), high: formatPercent(r.high, locale) });
}

export function trendRows(trend: ChannelTrend, rateLabel: string, locale: UiLocale): TrendRowView[] {
  const money = (v: number) => formatMoney(v, trend.currency, locale, 0);
  return trend.points.map((point) => {
    const notes: string[] = [];
    if (point.error) notes.push(t('trends.gap', { reason: errorText(point.error) }));
    else if (!point.totals) notes.push(t('trends.empty'));
    if (point.provisional && !point.error) notes.push(t('trends.provisional'));
    for (const check of point.targets) {
      notes.push(targetLine(check, rateLabel, trend.currency, locale));
    }
    const c = point.costPerWon;
    return {
      period: periodLabel(point.period, locale, 'long'),
      from: point.period.from,
      rate: point.error ? NO_FIGURE : rateCell(point, locale),
      cost: c
        ? t('dashboard.rateWithInterval', { rate: money(c.value), low: money(c.low), high: Number.isFinite(c.high) ? money(c.high) : NO_FIGURE })
        : point.totals && point.spend === null
          ? t('trends.noSpend')
          : NO_FIGURE,
      revenue: point.revenue === null ? NO_FIGURE : money(point.revenue),
      notes,
      failed: point.error !== null,
      provisional: point.provisional && !point.error,
    };
  });
}

export interface GapView {
  platform: Platform;
  from: string;
  text: string;
}

/** Every failed period of every channel, in words: "Meta Ads, March 2026: …". */
export function trendGaps(trends: readonly ChannelTrend[], locale: UiLocale): GapView[] {
  return trends.flatMap((trend) =>
    trend.points.flatMap((p) =>
      p.error
        ? [
            {
              platform: trend.platform,
              from: p.period.from,
              text: t('trends.gapLine', {
                channel: t(`platform.${trend.platform}`),
                period: periodLabel(p.period, locale, 'long'),
                reason: errorText(p.error),
              }),
            },
          ]
        : [],
    ),
  );
}

const CSV_HEADERS: MessageKey[] = [
  'trends.csvChannel',
  'trends.csvPeriod',
  'trends.csvFrom',
  'trends.csvTo',
  'trends.csvStatus',
  'dashboard.csvLeads',
  'dashboard.csvMql',
  'dashboard.csvWon',
  'dashboard.csvMqlToWon',
  'dashboard.csvMqlToWonLow',
  'dashboard.csvMqlToWonHigh',
  'trends.csvTargetMqlToWon',
  'trends.csvVerdictMqlToWon',
  'dashboard.csvSpend',
  'trends.csvCostPerWon',
  'trends.csvCostLow',
  'trends.csvCostHigh',
  'trends.csvTargetCostPerWon',
  'trends.csvVerdictCostPerWon',
  'dashboard.csvRevenue',
  'dashboard.csvRoas',
  'trends.csvTargetRoas',
  'trends.csvVerdictRoas',
  'dashboard.csvCurrency',
  'dashboard.csvProvisional',
];

const round = (v: number | null | undefined, digits: number) =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** The review CSV: one line per channel and period, with the targets and the verdicts in words. */
export function trendCsv(trends: readonly ChannelTrend[], locale: UiLocale): string {
  const lines = trends.flatMap((trend) =>
    trend.points.map((p) => {
      const r = p.mqlToWon;
      const known = r !== null && r.value !== null;
      const check = (metric: TargetMetric) => p.targets.find((c) => c.metric === metric);
      const targetCells = (metric: TargetMetric, digits: number) => {
        const target = trend.target?.[metric];
        const found = check(metric);
        return [round(target, digits), found ? verdictText(found.verdict) : null];
      };
      return [
        t(`platform.${trend.platform}`),
        periodLabel(p.period, locale, 'long'),
        p.period.from,
        p.period.to,
        p.error ? `${t('trends.csvStatusFailed')}: ${errorText(p.error)}` : t('trends.csvStatusOk'),
        p.totals?.leads ?? null,
        p.totals?.mql ?? null,
        p.totals?.won ?? null,
        known ? round(r.value, 4) : null,
        known ? round(r.low, 4) : null,
        known ? round(r.high, 4) : null,
        ...targetCells('mqlToWon', 4),
        p.spend,
        round(p.costPerWon?.value, 2),
        round(p.costPerWon?.low, 2),
        round(p.costPerWon?.high, 2),
        ...targetCells('costPerWon', 2),
        p.revenue,
        p.spend !== null && p.revenue !== null ? round(roas(p.revenue, p.spend), 2) : null,
        ...targetCells('roas', 2),
        trend.currency,
        p.provisional ? t('dashboard.answerYes') : t('dashboard.answerNo'),
      ];
    }),
  );
  return toCsv([CSV_HEADERS.map((key) => t(key)), ...lines]);
}

/** The review image: a title, then one row of three charts per channel, then the gaps in words. */
export function reviewSvg(input: { trends: readonly ChannelTrend[]; charts: readonly TrendChartView[][]; subtitle: string; gaps: readonly GapView[] }): {
  svg: string;
  width: number;
  height: number;
} {
  const pad = 40;
  const gap = 20;
  const width = pad * 2 + TREND_CHART.width * 3 + gap * 2;
  const top = 110;
  const rowHeight = TREND_CHART.height + gap;
  const parts: string[] = [];
  input.charts.forEach((row, r) => {
    row.forEach((chart, c) => {
      const x = pad + c * (TREND_CHART.width + gap);
      const y = top + r * rowHeight;
      // A nested <svg> keeps each chart's own coordinates; the whole stays one self-contained SVG.
      parts.push(chart.svg.replace('<svg ', `<svg x="${x}" y="${y}" `));
    });
  });
  let y = top + input.charts.length * rowHeight + 10;
  for (const g of input.gaps) {
    parts.push(`<text x="${pad}" y="${y}" font-size="13" fill="${SLIDE_COLOURS.bad}">× ${escapeXml(g.text)}</text>`);
    y += 20;
  }
  const height = y + 30;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${pad}" y="52" font-size="28" font-weight="700" fill="${SLIDE_COLOURS.text}">${escapeXml(t('trends.slideTitle'))}</text>`,
    `<text x="${pad}" y="82" font-size="15" fill="${SLIDE_COLOURS.muted}">${escapeXml(input.subtitle)}</text>`,
    ...parts,
    `<text x="${pad}" y="${height - 16}" font-size="12" fill="${SLIDE_COLOURS.muted}">${escapeXml(t('dashboard.slideFooter'))}</text>`,
    '</svg>',
  ].join('');
  return { svg, width, height };
}

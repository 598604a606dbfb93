/**
 * Targets in words: "MQL→Won: target 10%, met". The verdict is always spelled out, so colour is
 * never the only signal; the badge, the card, the popup and the dashboard all say it this way.
 */
import type { TargetCheck, TargetMetric, TargetVerdict } from '../funnel/targets';
import { formatMoney, formatMultiple, formatPercent, NO_FIGURE, type UiLocale } from './locale';
import { t as translateDefault, type Translate } from './t';

/** A target's value as the user typed it: "10%", "12.5%", "€1,500", "3×". */
export function targetValueText(metric: TargetMetric, value: number, currency: string, locale: UiLocale): string {
  if (metric === 'mqlToWon') return formatPercent(value, locale, Number.isInteger(Math.round(value * 1e6) / 1e4) ? 0 : 1);
  if (metric === 'costPerWon') return formatMoney(value, currency, locale, 0);
  return formatMultiple(value, locale);
}

export function verdictText(verdict: TargetVerdict, translate: Translate = translateDefault): string {
  return translate(`target.${verdict}`);
}

/** Which way a target points: a rate or ROAS at least, a cost at most. */
const DIRECTION: Record<TargetMetric, string> = { mqlToWon: '≥', costPerWon: '≤', roas: '≥' };

/** One target as a sentence: "MQL→Won: target ≥ 10%, met", "Cost per won deal: target ≤ €1,500, missed". */
export function targetLine(check: TargetCheck, rateLabel: string, currency: string, locale: UiLocale, translate: Translate = translateDefault): string {
  const label = check.metric === 'mqlToWon' ? rateLabel : translate(check.metric === 'roas' ? 'card.roas' : 'card.costPerWon');
  const target = `${DIRECTION[check.metric]}\u00a0${targetValueText(check.metric, check.target, currency, locale)}`;
  return translate('target.line', { label, target, verdict: verdictText(check.verdict, translate) });
}

/** The figure's 95% range in words, or null when there is none: "95% range €608–€2,182". */
export function targetRangeText(check: TargetCheck, currency: string, locale: UiLocale, translate: Translate = translateDefault): string | null {
  if (check.low === null || check.high === null) return null;
  // Interval ends as whole percentages, like every other interval; money and multiples as a target is written.
  const end = (v: number) =>
    !Number.isFinite(v) ? NO_FIGURE : check.metric === 'mqlToWon' ? formatPercent(v, locale) : targetValueText(check.metric, v, currency, locale);
  return translate('target.range', { low: end(check.low), high: end(check.high) });
}

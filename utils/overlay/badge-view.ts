/**
 * What a badge says for one campaign, as plain data: text, tone and accessible name.
 * Pure (text comes through `t`), so every state is unit-tested without a browser.
 */
import type { FunnelRow } from '../api/schema';
import { compareRate, type Comparison, type Verdict, type VerdictRule } from '../funnel/compare';
import { targetsForRow, verdictForRequiredRate, type PlatformTargets } from '../funnel/targets';
import type { Rate } from '../funnel/types';
import { targetValueText } from '../i18n/target-text';
import type { PooledCounts } from '../funnel/totals';
import { mqlToWonLabel, stageLabel } from '../i18n/stages';
import type { Substitutions, Translate } from '../i18n/t';
import type { LookupResult } from '../matching/lookup';
import type { FunnelAnswer } from '../messaging';
import { formatMoneyCompact, formatPercent } from '../i18n/locale';
import type { UiLocale } from '../i18n/locale';

export type BadgeTone = Verdict | 'none' | 'loading';

export interface BadgeView {
  text: string;
  tone: BadgeTone;
  ariaLabel: string;
  /** Whether there is a funnel to open in the card. */
  hasDetails: boolean;
}

/**
 * The campaign's MQL→Won against the rest of its account: the row is left out of its own
 * baseline, so a campaign holding most MQLs is not compared with itself. The comparison's `rate`
 * is the campaign's own MQL→Won, so the badge computes it once.
 */
function compareWithRest(row: FunnelRow, baseline: PooledCounts, minMql: number, rule: VerdictRule): Comparison {
  const rest = { num: baseline.won - row.won, den: baseline.mql - row.mql };
  return compareRate({ num: row.won, den: row.mql }, rest, { minDenominator: minMql, rule });
}

/** The labels every badge of one answer shares, made once per answer rather than once per badge. */
interface AnswerLabels {
  mqlLabel: string;
  rateLabel: string;
}
const labelsByAnswer = new WeakMap<FunnelAnswer, AnswerLabels>();
function labelsFor(answer: FunnelAnswer & { ok: true }, t: Translate): AnswerLabels {
  let labels = labelsByAnswer.get(answer);
  if (!labels) {
    labels = { mqlLabel: stageLabel(answer.stages, 'mql', t), rateLabel: mqlToWonLabel(answer.stages, t) };
    labelsByAnswer.set(answer, labels);
  }
  return labels;
}

export interface BadgeViewInput {
  answer: FunnelAnswer | null;
  match: LookupResult | null;
  baseline: PooledCounts | null;
  locale: UiLocale;
  name: string;
  t: Translate;
  /** Where the figures of the answer's rows are remembered (see BadgeFigures); computed here when absent. */
  figures?: (row: FunnelRow, input: FiguresInput) => BadgeFigures;
}

/**
 * What a badge says of one row of the answer, whichever page row shows it: everything but the
 * page's name, which goes into the accessible name last. A row's figures are the same for every
 * badge and every recycled row that shows its campaign, so the engine makes them once per answer.
 */
export interface BadgeFigures {
  text: string;
  tone: Verdict;
  ariaKey: 'badge.ariaRate' | 'badge.ariaFew';
  /** The accessible name's substitutions, all but `name`. */
  aria: Substitutions;
  /** The MQL→Won target's verdict in words, after the accessible name, when a target is set. */
  ariaTarget?: string;
}

export interface FiguresInput {
  answer: FunnelAnswer & { ok: true };
  baseline: PooledCounts;
  locale: UiLocale;
  t: Translate;
}

export function badgeFigures(row: FunnelRow, input: FiguresInput): BadgeFigures {
  const { answer, baseline, locale, t } = input;
  const { mqlLabel, rateLabel } = labelsFor(answer, t);
  const revenue = formatMoneyCompact(row.revenue, answer.currency, locale);
  const comparison = compareWithRest(row, baseline, answer.display.minMql, answer.display.compareRule);
  const mqlToWon = comparison.rate;
  // Only when a target is set for this platform: no target, no extra work per badge.
  const target = answer.display.targets ? targetMark(answer.display.targets, row, mqlToWon, rateLabel, locale, t) : null;
  const marker = target?.marker ?? '';
  const ariaTarget = target?.ariaText;
  if (!mqlToWon.enoughData || mqlToWon.value === null) {
    const text = t('badge.fewData', { won: row.won, mql: row.mql, mqlLabel }) + marker;
    return { text, tone: 'insufficient', ariaKey: 'badge.ariaFew', aria: { badge: text, revenue }, ariaTarget };
  }
  const verdict = comparison.verdict;
  const ratePct = formatPercent(mqlToWon.value, locale);
  const text = (row.revenue > 0 ? t('badge.rate', { rateLabel, rate: ratePct, revenue }) : t('badge.rateNoRevenue', { rateLabel, rate: ratePct })) + marker;
  return {
    text,
    tone: verdict,
    ariaKey: 'badge.ariaRate',
    // The visible text first, word for word: speech-input users name a button by what it shows (WCAG 2.5.3).
    aria: { badge: text, mqlLabel, won: row.won, mql: row.mql, revenue, verdict: t(`verdict.${verdict}`) },
    ariaTarget,
  };
}

export function buildBadgeView(input: BadgeViewInput): BadgeView {
  const { answer, match, baseline, locale, name, t } = input;
  if (answer === null) {
    return { text: '…', tone: 'loading', ariaLabel: t('badge.ariaLoading'), hasDetails: false };
  }
  if (!answer.ok || !match || match.kind !== 'match' || !baseline) {
    return { text: '–', tone: 'none', ariaLabel: t('badge.ariaNoData', { name }), hasDetails: false };
  }
  const figures = (input.figures ?? badgeFigures)(match.row, { answer, baseline, locale, t });
  const ariaLabel = t(figures.ariaKey, { ...figures.aria, name });
  return { text: figures.text, tone: figures.tone, ariaLabel: figures.ariaTarget ? `${ariaLabel} ${figures.ariaTarget}` : ariaLabel, hasDetails: true };
}

/**
 * The badge's MQL→Won target, if the campaign has one: a one-character marker after the text
 * (the badge stays tiny) and the whole verdict in words for the accessible name. The other
 * targets need the row's spend, which is read only when the card opens: the card shows them.
 */
function targetMark(
  targets: PlatformTargets,
  row: FunnelRow,
  mqlToWon: Rate,
  rateLabel: string,
  locale: UiLocale,
  t: Translate,
): { marker: string; ariaText: string } | null {
  const target = targetsForRow(targets, row)?.mqlToWon;
  if (target === undefined) return null;
  const verdict = verdictForRequiredRate(mqlToWon, target);
  const marker = t(verdict === 'met' ? 'target.badgeMarkerMet' : verdict === 'missed' ? 'target.badgeMarkerMissed' : 'target.badgeMarkerUnclear');
  const ariaText = t('target.badgeAria', { rateLabel, target: targetValueText('mqlToWon', target, '', locale), verdict: t(`target.${verdict}`) });
  return { marker: ` ${marker}`, ariaText };
}

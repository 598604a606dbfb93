/**
 * What a badge says for one campaign, as plain data: text, tone and accessible name.
 * Pure (text comes through `t`), so every state is unit-tested without a browser.
 */
import type { FunnelRow } from '../api/schema';
import { compareRate, type Verdict, type VerdictRule } from '../funnel/compare';
import { targetsForRow, verdictForRequiredRate, type PlatformTargets } from '../funnel/targets';
import type { Rate } from '../funnel/types';
import { targetValueText } from '../i18n/target-text';
import { poolCounts, type PooledCounts } from '../funnel/totals';
import { rate } from '../funnel/wilson';
import { mqlToWonLabel, stageLabel } from '../i18n/stages';
import type { Translate } from '../i18n/t';
import type { LookupResult } from '../matching/lookup';
import type { FunnelAnswer, FunnelData } from '../messaging';
import { formatMoneyCompact, formatPercent } from '../money/format';
import type { UiLocale } from './locale';

export type BadgeTone = Verdict | 'none' | 'loading';

export interface BadgeView {
  text: string;
  tone: BadgeTone;
  ariaLabel: string;
  /** Whether there is a funnel to open in the card. */
  hasDetails: boolean;
}

export type Baseline = PooledCounts;

/** The pool a campaign is compared with: every row of the answer (its platform, account and level). */
export function poolBaseline(rows: readonly FunnelRow[]): Baseline {
  return poolCounts(rows);
}

/**
 * The campaign's MQL→Won against the rest of its account: the row is left out of its own
 * baseline, so a campaign holding most MQLs is not compared with itself.
 */
export function verdictFor(row: FunnelRow, baseline: Baseline, minMql: number, rule: VerdictRule): Verdict {
  const rest = { num: baseline.won - row.won, den: baseline.mql - row.mql };
  return compareRate({ num: row.won, den: row.mql }, rest, { minDenominator: minMql, rule }).verdict;
}

export interface BadgeViewInput {
  answer: FunnelAnswer | null;
  match: LookupResult | null;
  baseline: Baseline | null;
  locale: UiLocale;
  name: string;
  t: Translate;
}

export function buildBadgeView(input: BadgeViewInput): BadgeView {
  const { answer, match, baseline, locale, name, t } = input;
  if (answer === null) {
    return { text: '…', tone: 'loading', ariaLabel: t('badge.ariaLoading'), hasDetails: false };
  }
  if (!answer.ok || !match || match.kind !== 'match' || !baseline) {
    return { text: '–', tone: 'none', ariaLabel: t('badge.ariaNoData', { name }), hasDetails: false };
  }
  const row = match.row;
  const mqlLabel = stageLabel(answer.stages, 'mql', t);
  const revenue = formatMoneyCompact(row.revenue, answer.currency, locale);
  const mqlToWon = rate(row.won, row.mql, { minDenominator: answer.display.minMql });
  // Only when a target is set for this platform: no target, no extra work per badge.
  const target = answer.display.targets ? targetMark(answer.display.targets, row, mqlToWon, answer.stages, locale, t) : null;
  if (!mqlToWon.enoughData || mqlToWon.value === null) {
    const text = t('badge.fewData', { won: row.won, mql: row.mql, mqlLabel }) + (target?.marker ?? '');
    const ariaLabel = t('badge.ariaFew', { badge: text, name, revenue });
    return { text, tone: 'insufficient', ariaLabel: target ? `${ariaLabel} ${target.ariaText}` : ariaLabel, hasDetails: true };
  }
  const verdict = verdictFor(row, baseline, answer.display.minMql, answer.display.compareRule);
  const ratePct = formatPercent(mqlToWon.value, locale);
  const rateLabel = mqlToWonLabel(answer.stages, t);
  const text = (row.revenue > 0 ? t('badge.rate', { rateLabel, rate: ratePct, revenue }) : t('badge.rateNoRevenue', { rateLabel, rate: ratePct }))
    + (target?.marker ?? '');
  // The visible text first, word for word: speech-input users name a button by what it shows (WCAG 2.5.3).
  const ariaLabel = t('badge.ariaRate', { badge: text, name, mqlLabel, won: row.won, mql: row.mql, revenue, verdict: t(`verdict.${verdict}`) });
  return { text, tone: verdict, ariaLabel: target ? `${ariaLabel} ${target.ariaText}` : ariaLabel, hasDetails: true };
}

/**
 * The badge's MQL→Won target, if the campaign has one: a one-character marker after the text
 * (the badge stays tiny) and the whole verdict in words for the accessible name. The other
 * targets need the row's spend, which is read only when the card opens: the card shows them.
 */
function targetMark(targets: PlatformTargets, row: FunnelRow, mqlToWon: Rate, stages: FunnelData['stages'], locale: UiLocale, t: Translate): { marker: string; ariaText: string } | null {
  const target = targetsForRow(targets, row)?.mqlToWon;
  if (target === undefined) return null;
  const verdict = verdictForRequiredRate(mqlToWon, target);
  const marker = t(verdict === 'met' ? 'target.badgeMarkerMet' : verdict === 'missed' ? 'target.badgeMarkerMissed' : 'target.badgeMarkerUnclear');
  const ariaText = t('target.badgeAria', { rateLabel: mqlToWonLabel(stages, t), target: targetValueText('mqlToWon', target, '', locale), verdict: t(`target.${verdict}`) });
  return { marker: ` ${marker}`, ariaText };
}

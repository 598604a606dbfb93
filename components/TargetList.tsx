/**
 * A list of targets with their verdicts, in words ("MQL→Won: target ≥ 10%, met") and with the
 * figure's 95% range: the same element in the popup and the dashboard (the card, whose script
 * size is budgeted, writes the same sentences without the ranges). The verdict's colour comes
 * from `data-verdict`, and the words say it too.
 */
import type { TargetCheck } from '../utils/funnel/targets';
import { targetLine, targetRangeText } from '../utils/i18n/target-text';
import type { UiLocale } from '../utils/i18n/locale';

export function TargetList(props: { checks: readonly TargetCheck[]; rateLabel: string; currency: string; locale: UiLocale; label: string }) {
  const { checks, rateLabel, currency, locale } = props;
  if (checks.length === 0) return null;
  return (
    <ul class="target-list" aria-label={props.label}>
      {checks.map((check) => {
        const range = targetRangeText(check, currency, locale);
        return (
          <li class="target-check" data-metric={check.metric} data-verdict={check.verdict} key={check.metric}>
            <span class="target-text">{targetLine(check, rateLabel, currency, locale)}</span>
            {range && <span class="target-range"> · {range}</span>}
          </li>
        );
      })}
    </ul>
  );
}

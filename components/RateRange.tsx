/** A rate with its 95% interval drawn as a small range bar (0–100%), readable as text too. */
import type { Rate } from '../utils/funnel/types';
import { t } from '../utils/i18n/t';
import { formatPercent, type UiLocale } from '../utils/i18n/locale';

export function RateRange({ rate, locale, scaleMax = 1 }: { rate: Rate; locale: UiLocale; scaleMax?: number }) {
  if (!rate.enoughData || rate.value === null) {
    return (
      <span class="rate-few">
        {rate.num}/{rate.den} <span class="muted">({t('popup.notEnough')})</span>
      </span>
    );
  }
  const WIDTH = 56;
  const x = (v: number) => Math.min(WIDTH, (v / scaleMax) * WIDTH);
  const interval = t('popup.intervalTitle', { low: formatPercent(rate.low, locale), high: formatPercent(rate.high, locale) });
  return (
    <span class="rate">
      <strong>{formatPercent(rate.value, locale)}</strong>
      <svg class="range-bar" width={WIDTH} height="10" role="img" aria-label={interval}>
        <title>{interval}</title>
        <rect x="0" y="4" width={WIDTH} height="2" fill="#dadce0" />
        <rect x={x(rate.low)} y="1" width={Math.max(1, x(rate.high) - x(rate.low))} height="8" fill="#8ab4f8" rx="2" />
        <rect x={Math.max(0, x(rate.value) - 1)} y="0" width="2" height="10" fill="#174ea6" />
      </svg>
    </span>
  );
}

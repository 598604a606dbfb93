/** The range: a preset select, or custom from / to dates applied with a button (or Enter). */
import { useEffect, useState } from 'preact/hooks';
import type { DateRange } from '../../utils/dates/range';
import { customRangeProblem } from '../../utils/dates/range-choice';
import { RANGE_PRESETS, type RangeChoice, type RangePreset } from '../../utils/dashboard/hash-state';
import { t, type MessageKey } from '../../utils/i18n/t';

const PRESET_LABELS: Record<RangePreset | 'custom', MessageKey> = {
  last_30d: 'dashboard.rangeLast30',
  last_90d: 'dashboard.rangeLast90',
  last_180d: 'dashboard.rangeLast180',
  last_365d: 'dashboard.rangeLast365',
  this_quarter: 'dashboard.rangeThisQuarter',
  last_quarter: 'dashboard.rangeLastQuarter',
  custom: 'dashboard.rangeCustom',
};

export function RangeControl(props: { choice: RangeChoice; resolved: DateRange; datesText: string; onChange: (choice: RangeChoice) => void }) {
  const { choice, resolved } = props;
  const [custom, setCustom] = useState(choice.preset === 'custom');
  const [from, setFrom] = useState(resolved.from);
  const [to, setTo] = useState(resolved.to);
  const [error, setError] = useState<string | null>(null);

  // A new range from outside (the URL, a preset) shows in the date fields.
  useEffect(() => {
    setFrom(resolved.from);
    setTo(resolved.to);
    setCustom(choice.preset === 'custom');
    setError(null);
  }, [resolved.from, resolved.to, choice.preset]);

  const onPreset = (value: string) => {
    if (value === 'custom') {
      setCustom(true);
      return;
    }
    setCustom(false);
    props.onChange({ preset: value as RangePreset });
  };

  const apply = (event: Event) => {
    event.preventDefault();
    const problem = customRangeProblem(from, to);
    setError(problem && t(problem === 'invalid' ? 'dashboard.rangeInvalid' : 'dashboard.rangeOrder'));
    if (!problem) props.onChange({ preset: 'custom', from, to });
  };

  return (
    <form class="range-control" onSubmit={apply}>
      <div class="range-field">
        <label for="fl-range-preset">{t('dashboard.rangeLabel')}</label>
        <select id="fl-range-preset" value={custom ? 'custom' : choice.preset} onChange={(e) => onPreset((e.target as HTMLSelectElement).value)}>
          {[...RANGE_PRESETS, 'custom' as const].map((p) => (
            <option value={p}>{t(PRESET_LABELS[p])}</option>
          ))}
        </select>
      </div>
      {custom ? (
        <>
          <div class="range-field">
            <label for="fl-range-from">{t('dashboard.rangeFrom')}</label>
            <input
              id="fl-range-from"
              type="date"
              value={from}
              max={to || undefined}
              required
              aria-invalid={error ? 'true' : 'false'}
              aria-describedby={error ? 'fl-range-error' : undefined}
              onInput={(e) => setFrom((e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="range-field">
            <label for="fl-range-to">{t('dashboard.rangeTo')}</label>
            <input
              id="fl-range-to"
              type="date"
              value={to}
              min={from || undefined}
              required
              aria-invalid={error ? 'true' : 'false'}
              aria-describedby={error ? 'fl-range-error' : undefined}
              onInput={(e) => setTo((e.target as HTMLInputElement).value)}
            />
          </div>
          <button type="submit">{t('dashboard.rangeApply')}</button>
        </>
      ) : (
        <p class="range-dates muted" aria-live="polite">
          {props.datesText}
        </p>
      )}
      {error && (
        <p id="fl-range-error" class="field-error range-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

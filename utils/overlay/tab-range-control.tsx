/**
 * The summary's range picker, shown only where the page's range is not readable (tab-range.ts;
 * the note above it, which range the badges show, is the summary's own): the user picks the range
 * the ad manager shows, for this tab. A preset applies at once (arrow keys on the select); custom
 * dates apply with the button or Enter. Part of the on-demand UI (ui-loader.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import type { DateRange } from '../dates/range';
import { customRangeProblem, TAB_RANGE_PRESETS, type TabRangeChoice, type TabRangePreset } from '../dates/range-choice';
import { t, type MessageKey } from '../i18n/t';

const PRESET_LABELS: Record<TabRangePreset | 'custom', MessageKey> = {
  last_7d: 'summary.rangeLast7',
  last_30d: 'dashboard.rangeLast30',
  this_month: 'summary.rangeThisMonth',
  last_month: 'summary.rangeLastMonth',
  custom: 'dashboard.rangeCustom',
};

/** What the assumed range is (defaultRange): the select shows it until the user picks another. */
const DEFAULT_PRESET: TabRangePreset = 'last_30d';

export function RangePicker(props: { choice: TabRangeChoice | null; range: DateRange; onChoose: (choice: TabRangeChoice) => void }) {
  const { choice, range } = props;
  const [custom, setCustom] = useState(choice?.preset === 'custom');
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [error, setError] = useState<string | null>(null);
  // The range in force shows in the date fields (a preset picked, a choice read after a reload).
  useEffect(() => {
    setFrom(range.from);
    setTo(range.to);
    setError(null);
  }, [range.from, range.to]);

  const onSelect = (value: string) => {
    if (value === 'custom') return setCustom(true);
    setCustom(false);
    props.onChoose({ preset: value as TabRangePreset });
  };
  const apply = (event: Event) => {
    event.preventDefault();
    const problem = customRangeProblem(from, to);
    setError(problem && t(problem === 'invalid' ? 'dashboard.rangeInvalid' : 'dashboard.rangeOrder'));
    if (!problem) props.onChoose({ preset: 'custom', from, to });
  };
  const invalid = error ? 'true' : 'false';
  const describedBy = error ? 'fl-tab-range-error' : undefined;

  return (
    <form class="tab-range" onSubmit={apply}>
      <label for="fl-tab-range-preset">{t('summary.rangePick')}</label>
      <select
        id="fl-tab-range-preset"
        value={custom ? 'custom' : (choice?.preset ?? DEFAULT_PRESET)}
        onChange={(e) => onSelect((e.target as HTMLSelectElement).value)}
      >
        {[...TAB_RANGE_PRESETS, 'custom' as const].map((p) => (
          <option key={p} value={p}>
            {t(PRESET_LABELS[p])}
          </option>
        ))}
      </select>
      {custom && (
        <>
          <label for="fl-tab-range-from">{t('dashboard.rangeFrom')}</label>
          <input
            id="fl-tab-range-from"
            type="date"
            value={from}
            required
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onInput={(e) => setFrom((e.target as HTMLInputElement).value)}
          />
          <label for="fl-tab-range-to">{t('dashboard.rangeTo')}</label>
          <input
            id="fl-tab-range-to"
            type="date"
            value={to}
            required
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onInput={(e) => setTo((e.target as HTMLInputElement).value)}
          />
          <button type="submit" class="retry">
            {t('dashboard.rangeApply')}
          </button>
        </>
      )}
      {error && (
        <p id="fl-tab-range-error" class="range-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

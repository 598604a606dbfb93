/**
 * The summary's range control, shown only where the page's range is not readable (tab-range.ts):
 * it says which range the badges show, and lets the user pick the one the ad manager shows, for
 * this tab. A preset applies at once (arrow keys on the select); custom dates apply with the
 * button or Enter.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DateRange } from '../dates/range';
import { customRangeProblem, TAB_RANGE_PRESETS, type TabRangeChoice, type TabRangePreset } from '../dates/range-choice';
import { t, type MessageKey } from '../i18n/t';
import type { PageContext } from './adapter';
import type { TabRange } from './tab-range';

const PRESET_LABELS: Record<TabRangePreset | 'custom', MessageKey> = {
  last_7d: 'summary.rangeLast7',
  last_30d: 'dashboard.rangeLast30',
  this_month: 'summary.rangeThisMonth',
  last_month: 'summary.rangeLastMonth',
  custom: 'dashboard.rangeCustom',
};

/** What the assumed range is (defaultRange): the select shows it until the user picks another. */
const DEFAULT_PRESET: TabRangePreset = 'last_30d';

export const TAB_RANGE_CSS = `
.tab-range { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 4px; }
.tab-range input, .tab-range select { font: inherit; }
.tab-range .range-error { flex-basis: 100%; color: #b3261e; margin: 0; }
`;

export function TabRangeControl(props: { context: PageContext; tabRange: TabRange | null }) {
  const { context, tabRange } = props;
  const chosen = context.rangeSource === 'chosen';
  if (!context.rangeAssumed && !chosen) return null;
  const dates = { from: context.range.from, to: context.range.to };
  return (
    <div class="msg tab-range-box">
      <div class="muted range-note">{t(chosen ? 'summary.rangeChosen' : 'summary.rangeAssumed', dates)}</div>
      {tabRange && <RangePicker choice={tabRange.current()} range={context.range} onChoose={(choice) => tabRange.choose(choice)} />}
    </div>
  );
}

function RangePicker(props: { choice: TabRangeChoice | null; range: DateRange; onChoose: (choice: TabRangeChoice) => void }) {
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

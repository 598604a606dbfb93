/**
 * The date-range part of a page context, read the same way by every adapter: from the URL, a
 * picker's label, or its inputs; the default range (marked as assumed) when nothing reads.
 */
import { parseRangeLabel } from '../../dates/parse-range-label';
import { defaultRange, isoDate, isValidIsoDate, type DateRange } from '../../dates/range';
import type { PageContext } from '../../overlay/adapter';

type RangeSource = NonNullable<PageContext['rangeSource']>;

/** The context's range fields: the range read from `source`, or the default range, said to be assumed. */
export function rangeFields(range: DateRange | null, source: RangeSource, today: Date): Pick<PageContext, 'range' | 'rangeAssumed' | 'rangeSource'> {
  return { range: range ?? defaultRange(today), rangeAssumed: range === null, ...(range ? { rangeSource: source } : {}) };
}

/** The range of the first label that reads as one (a picker can print a preset's name first). */
export function firstRangeOf(labels: readonly string[], today: Date): DateRange | null {
  for (const label of labels) {
    const range = parseRangeLabel(label, today);
    if (range) return range;
  }
  return null;
}

/**
 * A date as a picker's input holds it: `08/01/2026` (US order, the English UI), `1.8.2026`
 * (Finnish), or ISO. Returns YYYY-MM-DD, or null for anything else and impossible dates.
 */
export function parseInputDate(value: string): string | null {
  const text = value.trim();
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const iso = isoDate(new Date(y, m - 1, d));
  const expected = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return iso === expected && isValidIsoDate(iso) ? iso : null;
}

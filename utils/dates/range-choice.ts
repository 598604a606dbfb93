/**
 * The range a user picks in the page summary when the page's own range cannot be read (a Google
 * Ads date label in a language we do not parse). Kept as the choice, not as dates: "Last 7 days"
 * picked yesterday means the last 7 days today, as the ad manager's own preset would.
 * Pure: "today" is always passed in.
 */
import { isValidIsoDate, resolvePreset, type DateRange } from './range';

/** The ad managers' own presets, spelled as resolvePreset knows them; the default range is `last_30d`. */
export const TAB_RANGE_PRESETS = ['last_7d', 'last_30d', 'this_month', 'last_month'] as const;
export type TabRangePreset = (typeof TAB_RANGE_PRESETS)[number];

export type TabRangeChoice = { preset: TabRangePreset } | { preset: 'custom'; from: string; to: string };

/** What is wrong with typed custom dates (not both real calendar days, or out of order); null: nothing. */
export function customRangeProblem(from: string, to: string): 'invalid' | 'order' | null {
  if (!isValidIsoDate(from) || !isValidIsoDate(to)) return 'invalid';
  return from > to ? 'order' : null;
}

/** The dates a choice stands for today; null for a choice that names no real range. */
export function resolveTabRange(choice: TabRangeChoice, today: Date): DateRange | null {
  if (choice.preset !== 'custom') return resolvePreset(choice.preset, today);
  return customRangeProblem(choice.from, choice.to) === null ? { from: choice.from, to: choice.to } : null;
}

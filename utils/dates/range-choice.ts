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

/** The dates a choice stands for today; null for a choice that names no real range. */
export function resolveTabRange(choice: TabRangeChoice, today: Date): DateRange | null {
  if (choice.preset !== 'custom') return resolvePreset(choice.preset, today);
  return isValidIsoDate(choice.from) && isValidIsoDate(choice.to) && choice.from <= choice.to ? { from: choice.from, to: choice.to } : null;
}

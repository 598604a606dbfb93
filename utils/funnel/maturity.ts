/**
 * Cohort maturity: how much of a cohort's outcome is still unknown.
 *
 * A lead that is neither won nor lost is still open. In a young cohort most leads are open, so
 * its win rate is a lower bound, not an estimate: comparing it with mature cohorts would call a
 * campaign "bad" just because its deals have not had time to close. Such a cohort is marked
 * provisional instead.
 */
import type { StageCounts } from './types';

/**
 * Default share of open leads above which results are provisional. At 0.5, more than half of the
 * leads could still convert, so the eventual won count could easily be double today's.
 */
export const DEFAULT_PROVISIONAL_OPEN_SHARE = 0.5;

export interface Maturity {
  /** Leads neither won nor lost: `leads − won − lost` (never below 0). */
  open: number;
  /** `open / leads`; null when there are no leads. */
  openShare: number | null;
  /** True when `openShare` exceeds the threshold: show the rates as provisional. */
  provisional: boolean;
}

export interface MaturityOptions {
  /** Open share above which a cohort is provisional. Default 0.5. */
  provisionalOpenShare?: number;
}

export function maturity(counts: Pick<StageCounts, 'leads' | 'won' | 'lost'>, options: MaturityOptions = {}): Maturity {
  const { provisionalOpenShare = DEFAULT_PROVISIONAL_OPEN_SHARE } = options;
  const { leads, won, lost } = counts;
  // Inconsistent rows (won + lost > leads) are rejected by the API schema; clamp defensively.
  const open = Math.max(0, leads - won - lost);
  if (!(leads > 0)) return { open, openShare: null, provisional: false };
  const openShare = open / leads;
  return { open, openShare, provisional: openShare > provisionalOpenShare };
}

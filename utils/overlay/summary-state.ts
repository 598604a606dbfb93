/** What the page summary is given after each pass (summary-driver.ts makes it). */
import type { MatchIndex } from '../matching/lookup';
import type { FunnelAnswer } from '../messaging';
import type { PageContext } from './adapter';
import type { PlatformLeads } from './platform-leads';
import type { SeenRow } from './seen-row';

export interface SummaryState {
  context: PageContext | null;
  answer: FunnelAnswer | null;
  layoutUnknown: boolean;
  /** The badges come from the platform-blind fallback finder, not the adapter's own hooks. */
  fallback: boolean;
  /** No rows yet while the host still shows its loading state: "waiting for the table", not "not recognised". */
  waitingForTable: boolean;
  seen: ReadonlyMap<string, SeenRow>;
  /** The badges' match index: coverage is counted with it, so it says what the badges show. */
  index: MatchIndex | null;
  /** Changes with the page context and with the data behind it. */
  dataKey: string;
  /** Changes whenever a campaign is seen for the first time. */
  seenVersion: number;
  /** The platform's lead count read from each campaign's row (issue 20), by the same keys as `seen`. */
  platformLeads?: ReadonlyMap<string, PlatformLeads>;
  /** Changes whenever one of those counts changes. */
  platformLeadsVersion?: number;
}

/**
 * The seed-style campaign from issue #4: "campaign X: 50 leads reached a meeting, 30 won,
 * worth €75,000", completed with plausible earlier stages. Shared by the funnel tests.
 */
import type { FunnelRow } from '../../../utils/api/schema';

export const campaignX: FunnelRow = {
  id: '1001',
  name: 'Campaign X',
  leads: 120,
  mql: 80,
  sql: 60,
  meetings: 50,
  won: 30,
  lost: 40,
  revenue: 75_000,
  pipeline: 40_000,
};

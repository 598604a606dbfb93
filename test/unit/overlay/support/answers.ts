/** Answers of the background, as the overlay's parts receive them, with a few campaigns. */
import type { FunnelRow } from '../../../../utils/api/schema';
import type { FunnelData } from '../../../../utils/messaging';

export const STAGES = [
  { key: 'lead', label: 'Lead' },
  { key: 'mql', label: 'MQL' },
  { key: 'sql', label: 'SQL' },
  { key: 'meeting', label: 'Meeting' },
  { key: 'won', label: 'Won' },
] as FunnelData['stages'];

/** 8 of 80 MQLs won (10%), €75K won revenue. */
export const springSale: FunnelRow = { id: '7', name: 'Spring Sale', leads: 120, mql: 80, sql: 30, meetings: 20, won: 8, lost: 10, revenue: 75000 };
/** 1 of 4 MQLs won: too few for a rate. */
export const tiny: FunnelRow = { id: '9', name: 'Tiny', leads: 10, mql: 4, sql: 2, meetings: 1, won: 1, lost: 0, revenue: 5000 };

export function funnelData(rows: FunnelRow[], overrides: Partial<FunnelData> = {}): FunnelData {
  return {
    ok: true,
    source: 'api',
    sourceName: 'Acme CRM',
    currency: 'EUR',
    stages: STAGES,
    asOf: '2026-11-22T08:00:00Z',
    fetchedAt: 0,
    stale: false,
    rows,
    problems: [],
    problemCount: 0,
    refreshError: null,
    display: { minMql: 10, compareRule: 'interval' },
    ...overrides,
  };
}

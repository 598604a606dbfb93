/**
 * Lead records → the API contract's funnel rows (utils/api/schema.ts FunnelRow), for one
 * platform, level and date range (by lead creation date, inclusive). An import has no ad
 * account, so it answers for all accounts. Pure and linear; see test/bench for its budget.
 */
import type { Level, Platform } from '../api/constants';
import type { FunnelRow } from '../api/schema';
import { WON_RANK, type LeadRecord } from './lead-record';

export interface LeadQuery {
  platform: Platform;
  level: Level;
  from: string;
  to: string;
}

/** A platform's own object IDs are digits (Meta, Google, LinkedIn); anything else is a name. */
const PLATFORM_ID = /^\d{5,20}$/;

interface Tally {
  leads: number;
  mql: number;
  sql: number;
  meetings: number;
  won: number;
  lost: number;
  /** In cents, so sums do not depend on the order of addition. */
  revenueCents: number;
  pipelineCents: number;
  daysToWon: number[];
}

function groupOf(record: LeadRecord, level: Level): string | null {
  return level === 'campaign' ? record.campaign : level === 'ad_group' ? record.adGroup : record.ad;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function aggregateLeads(records: Iterable<LeadRecord>, query: LeadQuery): FunnelRow[] {
  const tallies = new Map<string, Tally>();
  for (const r of records) {
    if (r.platform !== query.platform || r.createdOn < query.from || r.createdOn > query.to) continue;
    const group = groupOf(r, query.level);
    if (group === null) continue;
    let t = tallies.get(group);
    if (!t) {
      t = { leads: 0, mql: 0, sql: 0, meetings: 0, won: 0, lost: 0, revenueCents: 0, pipelineCents: 0, daysToWon: [] };
      tallies.set(group, t);
    }
    t.leads++;
    if (r.reached >= 1) t.mql++;
    if (r.reached >= 2) t.sql++;
    if (r.reached >= 3) t.meetings++;
    const cents = Math.round(r.amount * 100);
    if (r.reached >= WON_RANK) {
      t.won++;
      t.revenueCents += cents;
      if (r.closedOn !== null) {
        const days = daysBetween(r.createdOn, r.closedOn);
        if (days >= 0) t.daysToWon.push(days);
      }
    } else if (r.lost) {
      t.lost++;
    } else {
      t.pipelineCents += cents;
    }
  }
  const rows: FunnelRow[] = [];
  for (const [group, t] of [...tallies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    rows.push({
      ...(PLATFORM_ID.test(group) ? { id: group } : { name: group }),
      leads: t.leads,
      mql: t.mql,
      sql: t.sql,
      meetings: t.meetings,
      won: t.won,
      lost: t.lost,
      revenue: t.revenueCents / 100,
      pipeline: t.pipelineCents / 100,
      ...(t.daysToWon.length > 0 ? { median_days_to_won: median(t.daysToWon) } : {}),
    });
  }
  return rows;
}

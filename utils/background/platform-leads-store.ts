/**
 * What the ad managers' rows claimed (issue 20): the last lead count read per campaign and page
 * context, with the time it was read, in the background's Dexie database. Content scripts hand the
 * counts over (`notePlatformLeads`); the dashboard reads them back (`getPlatformLeads`).
 */
import { PLATFORMS } from '../api/constants';
import type { Level } from '../api/schema';
import type { FunnelRequest, PlatformLeadsNoteRow } from '../messaging';
import { SWEEP_AFTER_MS, type FunnelLensDB, type PlatformLeadsRecord } from './cache-db';

/** What a content script may hand over at once; more is refused (see handlers.ts). */
export const MAX_PLATFORM_LEADS_PER_NOTE = 1000;
/** Old figures are swept at most this often, on a write. */
const SWEEP_EVERY_MS = 60 * 60 * 1000;

export function platformLeadsRange(platform: string, level: Level, from: string, to: string): string {
  return [platform, level, from, to].join('|');
}

export class PlatformLeadsStore {
  private lastSweep = 0;

  constructor(private readonly deps: { db: FunnelLensDB; dbReady: Promise<void>; now(): number }) {}

  async note(request: FunnelRequest, rows: readonly PlatformLeadsNoteRow[]): Promise<void> {
    await this.deps.dbReady;
    const readAt = this.deps.now();
    const range = platformLeadsRange(request.platform, request.level, request.from, request.to);
    const records = rows.map((row): PlatformLeadsRecord => ({
      key: `${request.platform}|${request.accountId ?? '*'}|${request.level}|${request.from}|${request.to}|${row.id ? `id:${row.id}` : `name:${row.name}`}`,
      range,
      platform: request.platform,
      level: request.level,
      accountId: request.accountId,
      from: request.from,
      to: request.to,
      campaignId: row.id,
      name: row.name,
      leads: row.leads,
      readAt,
    }));
    await this.deps.db.platformLeads.bulkPut(records);
    if (readAt - this.lastSweep >= SWEEP_EVERY_MS) {
      this.lastSweep = readAt;
      await this.deps.db.platformLeads
        .where('readAt')
        .below(readAt - SWEEP_AFTER_MS)
        .delete();
    }
  }

  /** Every platform's figures for one level and range, newest first. */
  async list(level: Level, from: string, to: string): Promise<PlatformLeadsRecord[]> {
    await this.deps.dbReady;
    const ranges = PLATFORMS.map((p) => platformLeadsRange(p, level, from, to));
    const records = await this.deps.db.platformLeads.where('range').anyOf(ranges).toArray();
    return records.sort((a, b) => b.readAt - a.readAt);
  }
}

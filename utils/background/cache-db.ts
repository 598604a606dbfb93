/**
 * The background's IndexedDB cache (Dexie). Only the background opens it: a content script
 * would open the host page's IndexedDB instead.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { FunnelRow, Level, MetaResponse, RowProblem } from '../api/schema';
import type { Platform } from '../api/constants';

/** Entries not fetched for this long are swept. */
export const SWEEP_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
/** And never more than this many responses are kept. */
export const MAX_CACHED_RESPONSES = 300;
/** How many of them the background worker also keeps in memory (FunnelService), and how many rows in all (1,000 rows ≈ 0.2 MB). */
export const RECENT_ENTRIES_IN_MEMORY = 8;
export const RECENT_ROWS_IN_MEMORY = 25_000;

export interface CachedFunnel {
  /** source|platform|account|level|from|to */
  key: string;
  source: string;
  fetchedAt: number;
  currency: string;
  asOf: string;
  rows: FunnelRow[];
  problems: RowProblem[];
  /** All broken rows, of which `problems` lists the first few (absent in entries cached before it existed). */
  problemCount?: number;
}

/**
 * The last lead count an ad manager's row showed for a campaign (issue 20), per page context and
 * campaign: what the platform claims, to be shown beside the CRM's figure in the dashboard.
 */
export interface PlatformLeadsRecord {
  /** platform|account|level|from|to|id:<id> or name:<name> */
  key: string;
  /** platform|level|from|to: what the dashboard looks up. */
  range: string;
  platform: Platform;
  level: Level;
  accountId: string | null;
  from: string;
  to: string;
  campaignId: string | null;
  name: string;
  /** As the platform counts them (Google's conversions may be fractional). */
  leads: number;
  /** When the row was read (epoch ms). */
  readAt: number;
}

export interface CachedMeta {
  source: string;
  fetchedAt: number;
  meta: MetaResponse;
}

/**
 * Opens the cache. One that cannot be opened (left by a newer version, or corrupt) is deleted
 * and created again: it holds only copies of what the API can send again.
 */
export async function openOrRecreate(db: FunnelLensDB): Promise<void> {
  try {
    await db.open();
    // Dexie opens a database of a higher version as it is, even when its stores or indexes
    // are not the ones this version queries.
    if (!hasDeclaredLayout(db)) throw new Error('the cache has another layout');
  } catch {
    db.close();
    await Dexie.delete(db.name);
    await db.open();
  }
}

/** Every declared store exists with its primary key and indexes. */
function hasDeclaredLayout(db: FunnelLensDB): boolean {
  const idb = db.backendDB();
  return Object.entries(FunnelLensDB.LAYOUT).every(([name, { keyPath, indexes }]) => {
    if (!idb.objectStoreNames.contains(name)) return false;
    const store = idb.transaction(name, 'readonly').objectStore(name);
    return store.keyPath === keyPath && indexes.every((index) => store.indexNames.contains(index));
  });
}

export class FunnelLensDB extends Dexie {
  /** The stores, each with its primary key and indexes (Dexie's `stores()` is built from it). */
  static readonly LAYOUT = {
    funnels: { keyPath: 'key', indexes: ['source', 'fetchedAt'] },
    metas: { keyPath: 'source', indexes: [] as string[] },
    /** Version 2 (issue 20). */
    platformLeads: { keyPath: 'key', indexes: ['range', 'readAt'] },
  };

  funnels!: EntityTable<CachedFunnel, 'key'>;
  metas!: EntityTable<CachedMeta, 'source'>;
  platformLeads!: EntityTable<PlatformLeadsRecord, 'key'>;

  constructor(name = 'funnel-lens') {
    super(name);
    const stores = (names: ReadonlyArray<keyof typeof FunnelLensDB.LAYOUT>) =>
      Object.fromEntries(names.map((store) => [store, [FunnelLensDB.LAYOUT[store].keyPath, ...FunnelLensDB.LAYOUT[store].indexes].join(', ')]));
    // Version 1 stays declared as it was, so Dexie upgrades a version-1 cache in place and keeps it.
    this.version(1).stores(stores(['funnels', 'metas']));
    this.version(2).stores(stores(['funnels', 'metas', 'platformLeads']));
  }
}

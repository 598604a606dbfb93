/**
 * The background's IndexedDB cache (Dexie). Only the background opens it: a content script
 * would open the host page's IndexedDB instead.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { FunnelRow, MetaResponse, RowProblem } from '../api/schema';

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

export interface CachedMeta {
  source: string;
  fetchedAt: number;
  meta: MetaResponse;
}

export class FunnelLensDB extends Dexie {
  funnels!: EntityTable<CachedFunnel, 'key'>;
  metas!: EntityTable<CachedMeta, 'source'>;

  constructor(name = 'funnel-lens') {
    super(name);
    this.version(1).stores({
      funnels: 'key, source, fetchedAt',
      metas: 'source',
    });
  }
}

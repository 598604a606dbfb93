/**
 * The background's IndexedDB cache (Dexie). Only the background opens it: a content script
 * would open the host page's IndexedDB instead.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { FunnelRow, MetaResponse, RowProblem } from '../api/schema';

export interface CachedFunnel {
  /** source|platform|account|level|from|to */
  key: string;
  source: string;
  fetchedAt: number;
  currency: string;
  asOf: string;
  rows: FunnelRow[];
  problems: RowProblem[];
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

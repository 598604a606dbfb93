/**
 * The platform's lead count of each campaign on this page context (issue 20), by campaign: read
 * from the rows on screen at most once per PLATFORM_LEADS_EVERY_MS (on a full pass, never on a
 * scrolling frame's) and when a card opens; counts that changed are handed to the background.
 */
import type { FunnelRequest, PlatformLeadsNoteRow } from '../messaging';
import type { PageContext } from './adapter';
import type { PageRow, PlatformAdapter } from './adapter';
import { funnelRequestOf } from './page-context';
import { readPlatformLeads, type PlatformLeads } from './platform-leads';
import { campaignKey, type SeenRow } from './seen-row';

/**
 * How often every row on screen has its platform lead count read, at most: the column's header
 * may be found by layout, which costs.
 */
const PLATFORM_LEADS_EVERY_MS = 1000;

export interface LeadCounts {
  /** The last count read from each campaign's row, by the same keys as the campaigns seen. */
  readonly byKey: ReadonlyMap<string, PlatformLeads>;
  /** Changes whenever one of the counts changes. */
  readonly version: number;
  /** Reads every row's count when PLATFORM_LEADS_EVERY_MS have passed, and sends what changed. */
  readDue(rows: readonly PageRow[], table: Element, context: PageContext): void;
  /** Reads one row's count now (a card opens); a row whose cell is not rendered keeps the last count. */
  readRow(key: string, row: Element, table: Element): PlatformLeads | null;
  /** A new page context: its counts start empty. */
  clear(): void;
}

export interface LeadCountsOptions {
  adapter: Pick<PlatformAdapter, 'readPlatformLeads'>;
  seen: ReadonlyMap<string, SeenRow>;
  /** Hands counts to the background; optional. */
  send?(request: FunnelRequest, rows: PlatformLeadsNoteRow[]): void;
}

export function createLeadCounts(options: LeadCountsOptions): LeadCounts {
  const { adapter, seen } = options;
  const byKey = new Map<string, PlatformLeads>();
  /** Campaigns whose count changed since the background was last told. */
  const unsent = new Set<string>();
  let version = 0;
  let readAt = 0;

  function remember(key: string, text: string | null): PlatformLeads | null {
    const read = readPlatformLeads(text);
    if (!read) return byKey.get(key) ?? null;
    if (byKey.get(key)?.count !== read.count) {
      byKey.set(key, read);
      unsent.add(key);
      version++;
    }
    return read;
  }

  function send(context: PageContext): void {
    if (!options.send || unsent.size === 0) return;
    const rows: PlatformLeadsNoteRow[] = [];
    for (const key of unsent) {
      const row = seen.get(key);
      const leads = byKey.get(key);
      if (row && leads) rows.push({ id: row.id, name: row.name, leads: leads.count });
    }
    unsent.clear();
    if (rows.length > 0) options.send(funnelRequestOf(context), rows);
  }

  return {
    byKey,
    get version() {
      return version;
    },
    readDue(rows, table, context) {
      if (!adapter.readPlatformLeads || Date.now() - readAt < PLATFORM_LEADS_EVERY_MS) return;
      readAt = Date.now();
      for (const row of rows) remember(campaignKey(row), adapter.readPlatformLeads(row.row, table));
      send(context);
    },
    readRow(key, row, table) {
      return adapter.readPlatformLeads ? remember(key, adapter.readPlatformLeads(row, table)) : (byKey.get(key) ?? null);
    },
    clear() {
      byKey.clear();
      unsent.clear();
      version++;
      readAt = 0;
    },
  };
}

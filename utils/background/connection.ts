/**
 * The API connection: the base URL and the key, as one record. Read and written by the
 * background only (a lint rule keeps every other module from importing this file).
 *
 * It lives in the extension origin's IndexedDB, not in `storage.local`: Chrome and Firefox let
 * content scripts read and write `storage.local`, while a content script's IndexedDB is the host
 * page's. So a compromised ad-manager page can neither read the key nor change where it is sent.
 * URL and key are stored together, so the key is only ever sent to the URL it was saved with.
 */
import Dexie, { type EntityTable } from 'dexie';
import { storage } from 'wxt/utils/storage';
import { validateBaseUrl } from '../api/client';

export interface Connection {
  /** A URL that passed validateBaseUrl, without a trailing slash. */
  baseUrl: string;
  apiKey: string;
}

interface ConnectionRecord extends Connection {
  id: 'current';
}

class ConnectionDB extends Dexie {
  connection!: EntityTable<ConnectionRecord, 'id'>;

  constructor() {
    super('funnel-lens-connection');
    this.version(1).stores({ connection: 'id' });
  }
}

const db = new ConnectionDB();

/** Where versions up to 0.1 kept them: readable by content scripts. Moved once, then deleted. */
const legacyKey = storage.defineItem<string | null>('local:apiKey', { fallback: null });
const legacySettings = storage.defineItem<Record<string, unknown> | null>('local:settings', { fallback: null });

let migration: Promise<void> | null = null;

async function moveLegacyConnection(): Promise<void> {
  const [apiKey, settings] = await Promise.all([legacyKey.getValue(), legacySettings.getValue()]);
  const baseUrl = settings?.apiBaseUrl;
  if (apiKey && typeof baseUrl === 'string' && validateBaseUrl(baseUrl).ok && !(await db.connection.get('current'))) {
    await db.connection.put({ id: 'current', baseUrl, apiKey });
  }
  if (apiKey !== null) await legacyKey.removeValue();
  if (settings && 'apiBaseUrl' in settings) {
    const { apiBaseUrl: _moved, ...rest } = settings;
    await legacySettings.setValue(rest);
  }
}

/** Runs the one-time move before the first read or write (at most once per worker). */
function migrated(): Promise<void> {
  migration ??= moveLegacyConnection().catch(() => undefined);
  return migration;
}

export async function readConnection(): Promise<Connection | null> {
  await migrated();
  const record = await db.connection.get('current');
  return record ? { baseUrl: record.baseUrl, apiKey: record.apiKey } : null;
}

export async function writeConnection(connection: Connection | null): Promise<void> {
  await migrated();
  if (connection === null) await db.connection.delete('current');
  else await db.connection.put({ id: 'current', ...connection });
}

/** For unit tests: forget that the move already ran in this module instance. */
export function resetConnectionMigrationForTests(): void {
  migration = null;
}

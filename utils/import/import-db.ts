/**
 * Where an import lives: the extension origin's IndexedDB (Dexie), never `storage.local`, which
 * content scripts can read. Its own database, apart from the API cache (cache-db.ts), because
 * the cache may be deleted and rebuilt at any time and an import may not.
 *
 * The dashboard's import worker writes it (a dedicated worker of an extension page shares the
 * extension's origin); the background reads it to answer getFunnel and deletes it on request.
 * No content script can open it: a content script's IndexedDB is the host page's.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { LeadRecord } from './lead-record';
import type { PlatformTable } from './platform-table';
import type { ColumnMapping, PresetId } from './presets';
import type { StageTable } from './stage-table';

/** What the UI shows about the import in use. */
export interface ImportInfo {
  id: 'current';
  importId: string;
  fileName: string;
  /** Epoch ms. */
  importedAt: number;
  /** Lead records stored in all (after a merge, more than this file's). */
  leads: number;
  currency: string;
}

/** A user's mapping for one header signature, so the next export of the same kind maps itself. */
export interface SavedMapping {
  signature: string;
  presetId: PresetId | null;
  mapping: ColumnMapping;
  /** The user's additions to the platform and stage tables (platform-table.ts, stage-table.ts). */
  platforms?: PlatformTable;
  stages?: StageTable;
  savedAt: number;
}

export class ImportDB extends Dexie {
  leads!: EntityTable<LeadRecord, 'key'>;
  info!: EntityTable<ImportInfo, 'id'>;
  mappings!: EntityTable<SavedMapping, 'signature'>;

  constructor(name = 'funnel-lens-import') {
    super(name);
    this.version(1).stores({ leads: 'key, importId', info: 'id', mappings: 'signature' });
  }
}

export async function readImportInfo(db: ImportDB): Promise<ImportInfo | null> {
  return (await db.info.get('current')) ?? null;
}

/** "Delete imported data": every lead record and what the UI says about them (saved mappings hold no data and stay). */
export async function deleteImport(db: ImportDB): Promise<void> {
  await db.transaction('rw', db.leads, db.info, async () => {
    await db.leads.clear();
    await db.info.clear();
  });
}

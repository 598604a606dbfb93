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

/**
 * Lead records are stored a chunk (one parsed CSV chunk, a few thousand leads) per IndexedDB
 * record: one record per lead made a 100,000-row import spend most of its time in IndexedDB.
 * The lead record itself (lead-record.ts) is the unit everything else sees.
 */
export interface LeadChunk {
  /** `<importId>:<sequence>` */
  id: string;
  importId: string;
  records: LeadRecord[];
}

export class ImportDB extends Dexie {
  leadChunks!: EntityTable<LeadChunk, 'id'>;
  info!: EntityTable<ImportInfo, 'id'>;
  mappings!: EntityTable<SavedMapping, 'signature'>;

  constructor(name = 'funnel-lens-import') {
    super(name);
    this.version(1).stores({ leadChunks: 'id, importId', info: 'id', mappings: 'signature' });
  }
}

/** Every stored lead record, chunk by chunk. */
export async function eachLead(db: ImportDB, visit: (record: LeadRecord) => void): Promise<void> {
  await db.leadChunks.each((chunk) => {
    for (const record of chunk.records) visit(record);
  });
}

export async function countLeads(db: ImportDB): Promise<number> {
  let n = 0;
  await db.leadChunks.each((chunk) => void (n += chunk.records.length));
  return n;
}

export async function readImportInfo(db: ImportDB): Promise<ImportInfo | null> {
  return (await db.info.get('current')) ?? null;
}

/** "Delete imported data": every lead record and what the UI says about them (saved mappings hold no data and stay). */
export async function deleteImport(db: ImportDB): Promise<void> {
  await db.transaction('rw', db.leadChunks, db.info, async () => {
    await db.leadChunks.clear();
    await db.info.clear();
  });
}

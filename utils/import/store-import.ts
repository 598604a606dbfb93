/**
 * One import from file to IndexedDB: refuses what is not a CSV or too large, streams the rows
 * into ImportDB under a fresh import ID, and only then replaces (or, with lead IDs, merges into)
 * what was there. A failed or cancelled import removes its own rows and leaves the previous
 * import as it was, except that with lead IDs the rows it had already merged are gone too.
 */
import { countLeads, type ImportDB, type ImportInfo } from './import-db';
import { IMPORT_LIMITS, isSpreadsheetName, runImport, sniffBytes, type ImportFailure, type ImportProgress, type ImportResult } from './run-import';
import type { MapperOptions } from './map-rows';

export interface StoreImportOptions extends Omit<MapperOptions, 'importId'> {
  fileName: string;
  currency: string;
  signal?: AbortSignal;
  onProgress?(progress: ImportProgress): void;
  now(): number;
  chunkSize?: number;
  maxRows?: number;
}

/** Where an import's time went (ms), for the bench. */
export interface ImportTimings {
  total: number;
  /** Waiting for IndexedDB to store the chunks (the rest is reading, parsing and mapping). */
  store: number;
}

export async function storeImport(
  db: ImportDB,
  file: Blob,
  options: StoreImportOptions,
): Promise<{ result: ImportResult; info: ImportInfo; timings: ImportTimings }> {
  const started = performance.now();
  let storing = 0;
  const sniff = sniffBytes(new Uint8Array(await file.slice(0, 4).arrayBuffer()));
  if (sniff.spreadsheet || isSpreadsheetName(options.fileName)) throw { kind: 'xlsx' } satisfies ImportFailure;
  if (file.size > IMPORT_LIMITS.bytes) throw { kind: 'tooLarge', limit: 'bytes' } satisfies ImportFailure;
  const importId = crypto.randomUUID();
  // papaparse streams a Blob with FileReader; Node (unit tests) has none, so it gets the text.
  const input = typeof FileReader === 'undefined' ? new TextDecoder(sniff.encoding).decode(await file.arrayBuffer()) : file;
  const merge = options.mapping.leadId !== undefined;
  const newKeys = new Set<string>();
  let sequence = 0;
  let result: ImportResult;
  try {
    result = await runImport(
      input,
      {
        write: async (records) => {
          if (merge) for (const r of records) newKeys.add(r.key);
          const t0 = performance.now();
          await db.leadChunks.put({ id: `${importId}:${sequence++}`, importId, records });
          storing += performance.now() - t0;
        },
      },
      { ...options, importId, size: file.size, encoding: sniff.encoding },
    );
  } catch (failure) {
    await db.leadChunks.where('importId').equals(importId).delete();
    throw failure;
  }
  if (merge) {
    // The new import's leads replace the stored ones with the same lead ID; the rest stay.
    await db.transaction('rw', db.leadChunks, async () => {
      await db.leadChunks
        .where('importId')
        .notEqual(importId)
        .modify((chunk, ref) => {
          const kept = chunk.records.filter((r) => !newKeys.has(r.key));
          if (kept.length === 0) delete (ref as { value?: unknown }).value;
          else chunk.records = kept;
        });
    });
  } else {
    await db.leadChunks.where('importId').notEqual(importId).delete();
  }
  const info: ImportInfo = {
    id: 'current',
    importId,
    fileName: options.fileName,
    importedAt: options.now(),
    leads: await countLeads(db),
    currency: options.currency,
  };
  await db.info.put(info);
  return { result, info, timings: { total: performance.now() - started, store: storing } };
}

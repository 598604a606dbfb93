/**
 * One import from file to IndexedDB: refuses what is not a CSV or too large, streams the rows
 * into ImportDB under a fresh import ID, and only then replaces (or, with lead IDs, merges into)
 * what was there. A failed or cancelled import removes its own rows and leaves the previous
 * import as it was, except that with lead IDs the rows it had already merged are gone too.
 */
import type { ImportDB, ImportInfo } from './import-db';
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

export async function storeImport(db: ImportDB, file: Blob, options: StoreImportOptions): Promise<{ result: ImportResult; info: ImportInfo }> {
  const sniff = sniffBytes(new Uint8Array(await file.slice(0, 4).arrayBuffer()));
  if (sniff.spreadsheet || isSpreadsheetName(options.fileName)) throw { kind: 'xlsx' } satisfies ImportFailure;
  if (file.size > IMPORT_LIMITS.bytes) throw { kind: 'tooLarge', limit: 'bytes' } satisfies ImportFailure;
  const importId = crypto.randomUUID();
  // papaparse streams a Blob with FileReader; Node (unit tests) has none, so it gets the text.
  const input = typeof FileReader === 'undefined' ? new TextDecoder(sniff.encoding).decode(await file.arrayBuffer()) : file;
  const merge = options.mapping.leadId !== undefined;
  let result: ImportResult;
  try {
    result = await runImport(input, { write: async (records) => void (await db.leads.bulkPut(records)) }, {
      ...options, importId, size: file.size, encoding: sniff.encoding,
    });
  } catch (failure) {
    await db.leads.where('importId').equals(importId).delete();
    throw failure;
  }
  if (!merge) await db.leads.where('importId').notEqual(importId).delete();
  const info: ImportInfo = {
    id: 'current', importId, fileName: options.fileName, importedAt: options.now(), leads: await db.leads.count(), currency: options.currency,
  };
  await db.info.put(info);
  return { result, info };
}

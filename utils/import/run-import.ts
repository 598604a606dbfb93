/**
 * Reads a CSV export with papaparse, streaming, maps each row (map-rows.ts) and hands the lead
 * records to a sink in batches, reporting progress and stopping on cancel. No DOM: the dashboard
 * runs it in a worker (import.worker.ts); unit tests and the bench run it in Node.
 */
import Papa from 'papaparse';
import { createRowMapper, type MapperOptions, type SkippedRow } from './map-rows';
import type { LeadRecord } from './lead-record';

/** Above these an import is refused with a message that says so (README, "Import a CRM export"). */
export const IMPORT_LIMITS = {
  bytes: 150 * 2 ** 20,
  rows: 500_000,
  /** Skipped rows listed one by one; beyond it only their number. */
  listedSkips: 1000,
} as const;

export type ImportFailure =
  { kind: 'xlsx' } | { kind: 'tooLarge'; limit: 'bytes' | 'rows' } | { kind: 'empty' } | { kind: 'unreadable'; message: string } | { kind: 'cancelled' };

export interface ImportProgress {
  /** 0…1 of the input read. */
  fraction: number;
  rows: number;
}

export interface ImportResult {
  leads: number;
  skipped: SkippedRow[];
  skippedCount: number;
  /** Blank and footer lines, which are not data. */
  ignored: number;
}

export interface ImportSink {
  write(records: LeadRecord[]): Promise<void>;
}

/** The file's first bytes: a zip (XLSX) or OLE (XLS) container, or a UTF-16 byte order mark. */
export function sniffBytes(head: Uint8Array): { spreadsheet: boolean; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } {
  const [a, b, c, d] = head;
  const spreadsheet = (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04) || (a === 0xd0 && b === 0xcf && c === 0x11 && d === 0xe0);
  const encoding = a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : 'utf-8';
  return { spreadsheet, encoding };
}

export function isSpreadsheetName(name: string): boolean {
  return /\.(xlsx|xlsm|xls|ods|numbers)$/i.test(name);
}

/** Header row and the first rows, for the mapping step and the date order. */
export function previewCsv(text: string, rows = 200): { headers: string[]; rows: string[][]; delimiter: string } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: rows + 1, delimitersToGuess: [',', ';', '\t'], skipEmptyLines: 'greedy' });
  const [headers = [], ...rest] = parsed.data;
  return { headers: headers.map((h) => h.trim()), rows: rest, delimiter: parsed.meta.delimiter };
}

export interface RunImportOptions extends Omit<MapperOptions, 'importId'> {
  importId: string;
  /** Bytes of the input, for the progress fraction. */
  size: number;
  encoding?: string;
  /** Bytes per chunk (papaparse's `chunkSize`). */
  chunkSize?: number;
  signal?: AbortSignal;
  /** Default IMPORT_LIMITS.rows. */
  maxRows?: number;
  onProgress?(progress: ImportProgress): void;
}

/** Parses, maps and stores; rejects with an ImportFailure. */
export function runImport(input: Blob | string, sink: ImportSink, options: RunImportOptions): Promise<ImportResult> {
  return new Promise<ImportResult>((resolve, reject) => {
    let mapper: ReturnType<typeof createRowMapper> | null = null;
    let headers: string[] | null = null;
    let line = 1;
    let leads = 0;
    let skippedCount = 0;
    let ignored = 0;
    const skipped: SkippedRow[] = [];
    let readBytes = 0;
    let failed: ImportFailure | null = null;
    let writing: Promise<void> = Promise.resolve();
    // 256 KB: a chunk takes well under 250 ms to parse, map and store, so progress moves ≥ 4 times a second.
    const chunkSize = options.chunkSize ?? 2 ** 18;

    const fail = (failure: ImportFailure, parser?: Papa.Parser) => {
      failed ??= failure;
      parser?.abort();
    };
    if (options.signal?.aborted) failed = { kind: 'cancelled' };
    options.signal?.addEventListener('abort', () => {
      failed ??= { kind: 'cancelled' };
    });

    Papa.parse<string[]>(input as never, {
      delimitersToGuess: [',', ';', '\t'],
      skipEmptyLines: false,
      chunkSize,
      encoding: options.encoding,
      chunk(results, parser) {
        if (failed) return fail(failed, parser);
        const records: LeadRecord[] = [];
        for (const cells of results.data) {
          if (headers === null) {
            if (cells.every((c) => c.trim() === '')) {
              line++;
              continue;
            }
            headers = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim());
            mapper = createRowMapper(headers, { ...options, importId: options.importId });
            continue;
          }
          line++;
          if (line - 1 > (options.maxRows ?? IMPORT_LIMITS.rows)) return fail({ kind: 'tooLarge', limit: 'rows' }, parser);
          const out = (mapper as NonNullable<typeof mapper>)(cells, line);
          if (out.kind === 'lead') records.push(out.record);
          else if (out.kind === 'skip') {
            if (skippedCount++ < IMPORT_LIMITS.listedSkips) skipped.push(out.skipped);
          } else ignored++;
        }
        leads += records.length;
        readBytes += chunkSize;
        const rows = line - 1;
        // A file far above the row limit is refused after its first chunk, from the rows per
        // byte so far, rather than after storing the limit's worth of rows and deleting them.
        const maxRows = options.maxRows ?? IMPORT_LIMITS.rows;
        if (readBytes === chunkSize && options.size > chunkSize && (rows * options.size) / chunkSize > maxRows * 1.1) {
          return fail({ kind: 'tooLarge', limit: 'rows' }, parser);
        }
        // Back-pressure: the next chunk is read once this one is stored.
        parser.pause();
        writing = writing
          .then(() => (records.length ? sink.write(records) : undefined))
          .then(
            () => {
              options.onProgress?.({ fraction: Math.min(1, readBytes / Math.max(1, options.size)), rows });
              if (failed) parser.abort();
              else parser.resume();
            },
            (error: unknown) => fail({ kind: 'unreadable', message: String(error) }, parser),
          );
      },
      complete() {
        void writing.then(() => {
          if (failed) return reject(failed);
          if (headers === null || line === 1) return reject({ kind: 'empty' } satisfies ImportFailure);
          options.onProgress?.({ fraction: 1, rows: line - 1 });
          resolve({ leads, skipped, skippedCount, ignored });
        });
      },
      error(error: Error) {
        reject({ kind: 'unreadable', message: error.message } satisfies ImportFailure);
      },
    });
  });
}

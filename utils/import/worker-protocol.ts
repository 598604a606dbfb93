/** Messages between the dashboard and its import worker (import.worker.ts). */
import type { ImportInfo } from './import-db';
import type { ImportFailure, ImportProgress, ImportResult } from './run-import';
import type { ImportTimings, StoreImportOptions } from './store-import';

export type ImportWorkerRequest = ({ type: 'start'; file: Blob } & Omit<StoreImportOptions, 'signal' | 'onProgress' | 'now'>) | { type: 'cancel' };

export type ImportWorkerReply =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'done'; result: ImportResult; info: ImportInfo; timings: ImportTimings }
  | { type: 'failed'; failure: ImportFailure };

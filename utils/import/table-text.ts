/**
 * The user's additions to the platform and stage tables, written one per line as
 * `value = meaning` (e.g. `bing = google_ads`, `Demo booked = meeting`). Pure: parsing reports
 * the lines it could not read instead of guessing.
 */
import { normaliseKey } from './platform-table';

export interface ParsedTableText<T extends string> {
  table: Record<string, T>;
  /** 1-based numbers of the lines that are not `value = meaning` with a known meaning. */
  badLines: number[];
}

export function parseTableText<T extends string>(text: string, meanings: readonly T[]): ParsedTableText<T> {
  const table: Record<string, T> = {};
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const at = line.lastIndexOf('=');
    const key = normaliseKey(at > 0 ? line.slice(0, at) : '');
    const meaning = (at > 0 ? line.slice(at + 1) : '').trim().toLowerCase() as T;
    if (key === '' || !meanings.includes(meaning)) badLines.push(i + 1);
    else table[key] = meaning;
  });
  return { table, badLines };
}

export function tableToText(table: Record<string, string>): string {
  return Object.entries(table)
    .map(([key, meaning]) => `${key} = ${meaning}`)
    .join('\n');
}

/**
 * Funnel rows on the way from the background to a tab or page: one array per field instead of
 * one object per row.
 *
 * Why: chrome.runtime messaging converts every object it carries key by key, in both
 * processes. 5,000 rows as objects took about 100 ms to reach a page; the same rows as columns
 * about 30 ms, decoding included (measured in Chromium 156, see the README's Performance section).
 * A missing optional field travels as null, so the decoded row is equal to the original.
 */
import type { FunnelRow } from './schema';

const COUNT_FIELDS = ['leads', 'mql', 'sql', 'meetings', 'won', 'lost', 'revenue'] as const;
const OPTIONAL_NUMBER_FIELDS = ['pipeline', 'median_days_to_won', 'spend'] as const;
const OPTIONAL_TEXT_FIELDS = ['id', 'name'] as const;

type CountField = (typeof COUNT_FIELDS)[number];
type OptionalNumberField = (typeof OPTIONAL_NUMBER_FIELDS)[number];
type OptionalTextField = (typeof OPTIONAL_TEXT_FIELDS)[number];

/** Every field of the contract's row must be one of the three kinds above (checked by the compiler). */
type Unlisted = Exclude<keyof FunnelRow, CountField | OptionalNumberField | OptionalTextField>;
const everyFieldListed: Unlisted extends never ? true : never = true;
void everyFieldListed;

export type RowColumns = { length: number } & { [K in CountField]: number[] } & {
  [K in OptionalNumberField]: Array<number | null>;
} & { [K in OptionalTextField]: Array<string | null> };

export function packRows(rows: readonly FunnelRow[]): RowColumns {
  const columns = { length: rows.length } as RowColumns;
  for (const field of COUNT_FIELDS) columns[field] = rows.map((row) => row[field]);
  for (const field of OPTIONAL_NUMBER_FIELDS) columns[field] = rows.map((row) => row[field] ?? null);
  for (const field of OPTIONAL_TEXT_FIELDS) columns[field] = rows.map((row) => row[field] ?? null);
  return columns;
}

export function unpackRows(columns: RowColumns): FunnelRow[] {
  const rows: FunnelRow[] = new Array(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const row = {} as FunnelRow;
    // Same key order as the schema, so a decoded row prints like one parsed from the API.
    for (const field of OPTIONAL_TEXT_FIELDS) {
      const value = columns[field][i];
      if (value !== null && value !== undefined) row[field] = value;
    }
    for (const field of COUNT_FIELDS) row[field] = columns[field][i] as number;
    for (const field of OPTIONAL_NUMBER_FIELDS) {
      const value = columns[field][i];
      if (value !== null && value !== undefined) row[field] = value;
    }
    rows[i] = row;
  }
  return rows;
}

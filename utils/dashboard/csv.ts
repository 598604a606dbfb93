/**
 * CSV for the campaign table: RFC 4180 (CRLF line ends, quotes doubled) and safe to open in a
 * spreadsheet:
 * - every text cell is quoted, not only those with a comma: Excel in locales whose list separator
 *   is a semicolon (Finnish) splits an unquoted `x;=1+1` into a cell `=1+1`, a formula;
 * - a text cell starting with = + - @ (or a tab / carriage return) gets a leading apostrophe, so
 *   a campaign named `=HYPERLINK(…)` stays text instead of becoming a formula.
 *
 * Numbers are plain (dot decimal, no grouping) so the file reads back into any tool. The export is
 * built from funnel rows only: the API key is never available to the dashboard and never written.
 */
import type { Platform } from '../api/constants';
import type { CampaignRow } from './campaign-table';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: a number bare, text neutralised against formula injection and always quoted. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const CSV_COLUMNS = [
  'channel',
  'campaignId',
  'campaign',
  'leads',
  'mql',
  'sql',
  'meetings',
  'won',
  'lost',
  'mqlToWon',
  'mqlToWonLow',
  'mqlToWonHigh',
  'lowSample',
  'provisional',
  'revenue',
  'currency',
  'spend',
  'roas',
  'platformLeads',
  'platformVsCrm',
  'platformReadAt',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export interface CsvLabels {
  headers: Record<CsvColumn, string>;
  platform: Record<Platform, string>;
  yes: string;
  no: string;
}

/** Rounds a ratio for the file without losing what a reader needs (4 decimals = 0.01 %). */
function ratio(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

/** The campaign table, every given row, in the given order, with a header line. */
export function campaignCsv(rows: readonly CampaignRow[], labels: CsvLabels): string {
  const lines = rows.map((r) => {
    const known = r.mqlToWon.value !== null;
    return [
      labels.platform[r.platform],
      r.row.id ?? '',
      r.row.name ?? '',
      r.row.leads,
      r.row.mql,
      r.row.sql,
      r.row.meetings,
      r.row.won,
      r.row.lost,
      ratio(r.mqlToWon.value),
      known ? ratio(r.mqlToWon.low) : null,
      known ? ratio(r.mqlToWon.high) : null,
      r.lowSample ? labels.yes : labels.no,
      r.provisional ? labels.yes : labels.no,
      r.row.revenue,
      r.currency,
      r.row.spend ?? null,
      r.roas === null ? null : Math.round(r.roas * 100) / 100,
      // Platform vs CRM (issue 20): the platform's count, the CRM's share of it, when it was read (UTC).
      r.platformLeads?.gap.platformLeads ?? null,
      ratio(r.platformLeads?.gap.share ?? null),
      r.platformLeads ? new Date(r.platformLeads.readAt).toISOString() : null,
    ];
  });
  return toCsv([CSV_COLUMNS.map((c) => labels.headers[c]), ...lines]);
}

/** `funnel-lens-campaigns-2026-01-01_2026-03-31.csv` */
export function exportFileName(kind: 'campaigns' | 'channels', range: { from: string; to: string }, extension: 'csv' | 'png'): string {
  return `funnel-lens-${kind}-${range.from}_${range.to}.${extension}`;
}

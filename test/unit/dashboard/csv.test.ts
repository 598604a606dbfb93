import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../utils/api/constants';
import type { FunnelRow } from '../../../utils/api/schema';
import { buildCampaignRows, DEFAULT_SORT, sortCampaigns } from '../../../utils/dashboard/campaign-table';
import { campaignCsv, CSV_COLUMNS, csvCell, exportFileName, toCsv, type CsvLabels } from '../../../utils/dashboard/csv';

/** A strict RFC 4180 reader, written for this test, to read the export back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i += 1;
        continue;
      }
      cell += c;
      i += 1;
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      i += 1;
      continue;
    }
    if (c === ',') {
      row.push(cell);
      cell = '';
      i += 1;
      continue;
    }
    if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
      continue;
    }
    if (c === '\n' || c === '\r' || c === '"') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    cell += c;
    i += 1;
  }
  if (cell !== '' || row.length) throw new Error('file does not end with CRLF');
  return rows;
}

const labels: CsvLabels = {
  headers: Object.fromEntries(CSV_COLUMNS.map((c) => [c, c.toUpperCase()])) as CsvLabels['headers'],
  platform: { google_ads: 'Google Ads', meta_ads: 'Meta', linkedin_ads: 'LinkedIn' },
  yes: 'yes',
  no: 'no',
};

const base = { leads: 50, mql: 20, sql: 10, meetings: 5, won: 2, lost: 10, revenue: 4000 };
const nasty: FunnelRow[] = [
  { id: 'a1', name: '=HYPERLINK("http://evil.example","click")', ...base },
  { id: 'a2', name: '+SUM(A1:A9)', ...base },
  { id: 'a3', name: '-2+3', ...base },
  { id: 'a4', name: '@cmd', ...base },
  { id: 'a5', name: 'Comma, "quotes" and\nnewline', ...base, spend: 1000 },
  { id: 'a6', name: 'Ääkköset 🚀 | Brand', ...base },
  { id: 'a7', name: '\tTabbed', ...base },
];

describe('CSV cells', () => {
  it('quotes every text cell (RFC 4180 allows it) and doubles quotes; numbers stay bare', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('')).toBe('""');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(0.1234)).toBe('0.1234');
  });

  it('neutralises formula starts in text, never in numbers', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('a=b')).toBe('"a=b"');
  });

  it('ends every line with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b', 2],
      ]),
    ).toBe('"a",1\r\n"b",2\r\n');
  });

  it('keeps a semicolon in a name inside quotes, so Excel with a semicolon list separator (Finnish) starts no formula cell', () => {
    const csv = toCsv([
      ['Meta', 'a1', 'x;=1+1', 50],
      ['Meta', 'a2', 'Kevät;@SUM(A1)', 7],
    ]);
    // Excel in such a locale splits on semicolons outside quotes; a quote toggles "inside".
    const cells: string[] = [];
    let cell = '';
    let inside = false;
    for (const c of csv) {
      if (c === '"') inside = !inside;
      else if ((c === ';' || c === '\n') && !inside) {
        cells.push(cell.trim());
        cell = '';
        continue;
      }
      cell += c;
    }
    expect(cells.filter((text) => /^[=+\-@]/.test(text))).toEqual([]);
  });
});

describe('campaign CSV', () => {
  const rows = sortCampaigns(buildCampaignRows(PLATFORMS.map((platform) => ({ platform, currency: 'EUR', minMql: 10, rows: nasty }))), DEFAULT_SORT);
  const parsed = parseCsv(campaignCsv(rows, labels));

  it('holds a header and every row, in the given order', () => {
    expect(parsed[0]).toEqual(CSV_COLUMNS.map((c) => c.toUpperCase()));
    expect(parsed).toHaveLength(1 + rows.length);
    expect(parsed.slice(1).map((line) => `${line[0]}|${line[1]}`)).toEqual(rows.map((r) => `${labels.platform[r.platform]}|${r.row.id}`));
    for (const line of parsed) expect(line).toHaveLength(CSV_COLUMNS.length);
  });

  it('keeps names readable but never as formulas', () => {
    const names = parsed.slice(1).map((line) => line[2]);
    const byId = new Map(parsed.slice(1).map((line) => [line[1], line]));
    expect(byId.get('a1')?.[2]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(byId.get('a2')?.[2]).toBe(`'+SUM(A1:A9)`);
    expect(byId.get('a3')?.[2]).toBe(`'-2+3`);
    expect(byId.get('a4')?.[2]).toBe(`'@cmd`);
    expect(byId.get('a7')?.[2]).toBe(`'\tTabbed`);
    expect(byId.get('a5')?.[2]).toBe('Comma, "quotes" and\nnewline');
    expect(byId.get('a6')?.[2]).toBe('Ääkköset 🚀 | Brand');
    for (const name of names) expect(name).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes machine-readable numbers: counts, rate with interval, money, ROAS', () => {
    const line = parsed.find((l) => l[1] === 'a5') as string[];
    const col = (c: (typeof CSV_COLUMNS)[number]) => line[CSV_COLUMNS.indexOf(c)];
    expect([col('leads'), col('mql'), col('sql'), col('meetings'), col('won'), col('lost')]).toEqual(['50', '20', '10', '5', '2', '10']);
    expect(col('mqlToWon')).toBe('0.1');
    expect(Number(col('mqlToWonLow'))).toBeCloseTo(0.0279, 3);
    expect(Number(col('mqlToWonHigh'))).toBeCloseTo(0.301, 3);
    expect([col('revenue'), col('currency'), col('spend'), col('roas')]).toEqual(['4000', 'EUR', '1000', '4']);
    // 38 of 50 leads still open: provisional.
    expect([col('lowSample'), col('provisional')]).toEqual(['no', 'yes']);
    const noSpend = parsed.find((l) => l[1] === 'a6') as string[];
    expect(noSpend[CSV_COLUMNS.indexOf('spend')]).toBe('');
    expect(noSpend[CSV_COLUMNS.indexOf('roas')]).toBe('');
  });

  it('contains nothing but the rows: no settings, no key', () => {
    const text = campaignCsv(rows, labels);
    expect(text).not.toMatch(/api[_ -]?key|bearer|authorization/i);
  });

  it('names files after the kind and range', () => {
    expect(exportFileName('campaigns', { from: '2026-01-01', to: '2026-03-31' }, 'csv')).toBe('funnel-lens-campaigns-2026-01-01_2026-03-31.csv');
  });
});

/**
 * The three fixture exports, parsed with papaparse and mapped end to end. Expected figures are
 * counted by hand from the fixtures (see test/fixtures/crm/README.md), not with the product.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FunnelRowSchema } from '../../../utils/api/schema';
import { aggregateLeads } from '../../../utils/import/aggregate';
import type { LeadRecord } from '../../../utils/import/lead-record';
import { DEFAULT_PLATFORM_TABLE } from '../../../utils/import/platform-table';
import { detectPreset, resolvePreset } from '../../../utils/import/presets';
import { previewCsv, runImport, sniffBytes, type ImportFailure } from '../../../utils/import/run-import';
import { DEFAULT_STAGE_TABLE } from '../../../utils/import/stage-table';
import { detectDateOrder } from '../../../utils/import/values';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/crm');
const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

async function importText(text: string, extra: { chunkSize?: number; maxRows?: number; signal?: AbortSignal } = {}) {
  const preview = previewCsv(text);
  const preset = detectPreset(preview.headers);
  if (!preset) throw new Error('no preset');
  const mapping = resolvePreset(preset, preview.headers);
  const stored: LeadRecord[] = [];
  const progress: number[] = [];
  const result = await runImport(
    text,
    { write: async (records) => void stored.push(...records) },
    {
      mapping,
      platforms: DEFAULT_PLATFORM_TABLE,
      stages: DEFAULT_STAGE_TABLE,
      importId: 'imp',
      dateOrder: detectDateOrder(preview.rows.map((r) => r[preview.headers.indexOf(mapping.createdAt ?? '')] ?? '')),
      size: text.length,
      onProgress: (p) => progress.push(p.fraction),
      ...extra,
    },
  );
  return { preset: preset.id, delimiter: preview.delimiter, result, stored, progress };
}

const WEBINAR = { platform: 'meta_ads', level: 'campaign', from: '2025-03-01', to: '2025-03-31' } as const;
const webinarRow = (stored: LeadRecord[]) => aggregateLeads(stored, WEBINAR).find((r) => r.name === 'Nordics | Lead Ads | Webinar');

describe('importing the fixture exports', () => {
  it('HubSpot contacts: drill-downs and First Page Seen, organic contacts and bad rows listed by line', async () => {
    const { preset, result, stored } = await importText(read('hubspot-contacts.csv'));
    expect(preset).toBe('hubspot');
    expect(result.leads).toBe(49);
    expect(result.skippedCount).toBe(8);
    expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([
      [9, 'badDate'],
      [18, 'unknownStage'],
      [27, 'negativeAmount'],
      [36, 'missingCampaign'],
      [55, 'unknownPlatform'],
      [56, 'unknownPlatform'],
      [57, 'unknownPlatform'],
      [58, 'unknownPlatform'],
    ]);
    expect(result.skipped[4]).toMatchObject({ column: 'Original Traffic Source Drill-Down 1', value: 'crm software' });
    expect(webinarRow(stored)).toMatchObject({ leads: 30, mql: 18, sql: 9, meetings: 6, won: 4, lost: 0 });
    const byId = aggregateLeads(stored, WEBINAR).find((r) => r.id === '120210000000002');
    // MQL: two by stage, one by its "Became a MQL" date, and the customer.
    expect(byId).toMatchObject({ leads: 8, mql: 4, won: 1, revenue: 3000 });
    for (const row of aggregateLeads(stored, WEBINAR)) expect(FunnelRowSchema.safeParse(row).success).toBe(true);
  });

  it('Pipedrive deals saved by Finnish Excel: semicolons, BOM, decimal commas, Finnish stage names', async () => {
    const { preset, delimiter, result, stored } = await importText(read('pipedrive-deals-fi.csv'));
    expect([preset, delimiter]).toEqual(['pipedrive', ';']);
    expect(result.leads).toBe(26);
    expect(result.skipped.map((s) => [s.line, s.reason, s.value])).toEqual([
      [5, 'badDate', '32.3.2025 10.00'],
      [10, 'unknownStage', 'Ehkä joskus'],
      [15, 'negativeAmount', '\u22121 000,00'],
      [20, 'missingCampaign', ''],
    ]);
    expect(webinarRow(stored)).toMatchObject({ leads: 16, mql: 11, sql: 7, meetings: 5, won: 3, lost: 2, revenue: 37500, pipeline: 6000 });
  });

  it('Salesforce report: US dates, a line break inside a cell, the footer ignored', async () => {
    const { preset, result, stored } = await importText(read('salesforce-opportunities.csv'));
    expect(preset).toBe('salesforce');
    expect(result.leads).toBe(20);
    expect(result.skipped.filter((s) => s.reason !== 'unknownPlatform').map((s) => [s.line, s.reason])).toEqual([
      [6, 'badDate'],
      [10, 'unknownStage'],
      [14, 'negativeAmount'],
      [18, 'missingCampaign'],
    ]);
    expect(result.skippedCount).toBe(7);
    expect(webinarRow(stored)).toMatchObject({ leads: 15, mql: 13, sql: 13, meetings: 6, won: 3, lost: 2, revenue: 60000, pipeline: 50000 });
  });

  it('reads tab-separated files too, and reports progress chunk by chunk up to the end', async () => {
    const tsv = read('hubspot-contacts.csv').replace(/","/g, '"\t"');
    const { delimiter, result, progress } = await importText(tsv, { chunkSize: 1024 });
    expect(delimiter).toBe('\t');
    expect(result.leads).toBe(49);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('refuses more rows than the limit, and stops when cancelled', async () => {
    const text = read('hubspot-contacts.csv');
    await expect(importText(text, { maxRows: 20 })).rejects.toEqual({ kind: 'tooLarge', limit: 'rows' } satisfies ImportFailure);
    // Far above the limit: refused from the first chunk's rows per byte, before anything is stored.
    const written: number[] = [];
    const preview = previewCsv(text);
    const refused = runImport(
      text,
      { write: async (records) => void written.push(records.length) },
      {
        mapping: resolvePreset(detectPreset(preview.headers)!, preview.headers),
        platforms: DEFAULT_PLATFORM_TABLE,
        stages: DEFAULT_STAGE_TABLE,
        importId: 'imp',
        dateOrder: 'dmy',
        size: text.length,
        chunkSize: 2048,
        maxRows: 20,
      },
    );
    await expect(refused).rejects.toEqual({ kind: 'tooLarge', limit: 'rows' } satisfies ImportFailure);
    expect(written).toEqual([]);
    const controller = new AbortController();
    controller.abort();
    await expect(importText(text, { signal: controller.signal, chunkSize: 1024 })).rejects.toEqual({ kind: 'cancelled' } satisfies ImportFailure);
  });
});

describe('sniffBytes', () => {
  it('recognises XLSX/XLS containers and UTF-16 byte order marks', () => {
    expect(sniffBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toEqual({ spreadsheet: true, encoding: 'utf-8' });
    expect(sniffBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toEqual({ spreadsheet: true, encoding: 'utf-8' });
    expect(sniffBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toEqual({ spreadsheet: false, encoding: 'utf-16le' });
    expect(sniffBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ spreadsheet: false, encoding: 'utf-8' });
  });
});

/** An import into IndexedDB (fake-indexeddb): replace, merge by lead ID, refusals, rollback. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countLeads, deleteImport, eachLead, ImportDB, readImportInfo } from '../../../utils/import/import-db';
import type { LeadRecord } from '../../../utils/import/lead-record';
import { DEFAULT_PLATFORM_TABLE } from '../../../utils/import/platform-table';
import type { ColumnMapping } from '../../../utils/import/presets';
import { DEFAULT_STAGE_TABLE } from '../../../utils/import/stage-table';
import { storeImport } from '../../../utils/import/store-import';

const HEADER = 'Deal - ID,Deal - Deal created,Deal - utm_source,Deal - utm_campaign,Deal - Status\n';
const MAPPING: ColumnMapping = {
  leadId: 'Deal - ID',
  createdAt: 'Deal - Deal created',
  utmSource: 'Deal - utm_source',
  campaign: 'Deal - utm_campaign',
  status: 'Deal - Status',
};
const { leadId: _id, ...WITHOUT_ID } = MAPPING;

let db: ImportDB;
beforeEach(async () => {
  db = new ImportDB(`test-import-${Math.random()}`);
  await db.open();
});
afterEach(() => db.delete());

async function allLeads(db: ImportDB): Promise<LeadRecord[]> {
  const all: LeadRecord[] = [];
  await eachLead(db, (r) => all.push(r));
  return all;
}

const csv = (...rows: string[]) => new Blob([HEADER + rows.join('\n')]);
const options = (mapping: ColumnMapping, extra: Record<string, unknown> = {}) => ({
  mapping,
  platforms: DEFAULT_PLATFORM_TABLE,
  stages: DEFAULT_STAGE_TABLE,
  dateOrder: 'dmy' as const,
  fileName: 'deals.csv',
  currency: 'EUR',
  now: () => 1_700_000_000_000,
  ...extra,
});

describe('storeImport', () => {
  it('stores the leads and what the UI says about the import', async () => {
    const { result, info } = await storeImport(db, csv('1,2025-03-01,fb,A,Open', '2,2025-03-02,google,B,Won', '3,bad,fb,A,Open'), options(MAPPING));
    expect(result.leads).toBe(2);
    expect(result.skipped).toEqual([{ line: 4, reason: 'badDate', column: 'Deal - Deal created', value: 'bad' }]);
    expect(await countLeads(db)).toBe(2);
    expect(await readImportInfo(db)).toEqual(info);
    expect(info).toMatchObject({ fileName: 'deals.csv', importedAt: 1_700_000_000_000, leads: 2, currency: 'EUR' });
  });

  it('replaces the previous import without lead IDs, and merges by lead ID with them', async () => {
    await storeImport(db, csv('1,2025-03-01,fb,A,Open', '2,2025-03-02,fb,A,Open'), options(WITHOUT_ID));
    await storeImport(db, csv('3,2025-03-03,fb,C,Open'), options(WITHOUT_ID));
    expect((await allLeads(db)).map((r) => r.campaign)).toEqual(['C']);

    await deleteImport(db);
    await storeImport(db, csv('1,2025-03-01,fb,A,Open', '2,2025-03-02,fb,A,Open'), options(MAPPING));
    const { info } = await storeImport(db, csv('2,2025-03-02,fb,A,Won', '3,2025-03-03,fb,A,Open'), options(MAPPING));
    const byId = new Map((await allLeads(db)).map((r) => [r.leadId, r.reached]));
    expect(byId).toEqual(
      new Map([
        ['1', 0],
        ['2', 4],
        ['3', 0],
      ]),
    );
    expect(info.leads).toBe(3);
    // A stored chunk whose every lead was replaced is removed, not left empty.
    await storeImport(db, csv('1,2025-03-01,fb,A,Won', '2,2025-03-02,fb,A,Won', '3,2025-03-03,fb,A,Won'), options(MAPPING));
    expect((await allLeads(db)).map((r) => [r.leadId, r.reached])).toEqual([
      ['1', 4],
      ['2', 4],
      ['3', 4],
    ]);
    expect(await db.leadChunks.count()).toBe(1);
  });

  it('refuses an XLSX file with a clear failure, and a failed import keeps the previous one', async () => {
    await expect(storeImport(db, new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])]), options(MAPPING))).rejects.toEqual({ kind: 'xlsx' });
    await expect(storeImport(db, csv('1,2025-03-01,fb,A,Open'), options(MAPPING, { fileName: 'deals.xlsx' }))).rejects.toEqual({ kind: 'xlsx' });
    await storeImport(db, csv('1,2025-03-01,fb,A,Open'), options(WITHOUT_ID));
    const rows = Array.from({ length: 50 }, (_, i) => `${i},2025-03-01,fb,B,Open`);
    await expect(storeImport(db, csv(...rows), options(WITHOUT_ID, { maxRows: 10 }))).rejects.toEqual({ kind: 'tooLarge', limit: 'rows' });
    expect((await allLeads(db)).map((r) => r.campaign)).toEqual(['A']);
  });

  it('deletes everything on "Delete imported data"', async () => {
    await storeImport(db, csv('1,2025-03-01,fb,A,Open'), options(MAPPING));
    await deleteImport(db);
    expect(await countLeads(db)).toBe(0);
    expect(await readImportInfo(db)).toBeNull();
  });
});

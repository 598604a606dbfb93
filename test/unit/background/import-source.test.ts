/**
 * The background answering getFunnel from an imported CRM export when the settings choose it,
 * and the import messages (importChanged, deleteImport) that only extension pages may send.
 */
import { describe, expect, it } from 'vitest';
import { FunnelRowSchema } from '../../../utils/api/schema';
import { FunnelLensDB } from '../../../utils/background/cache-db';
import { FunnelService } from '../../../utils/background/funnel-service';
import { createHandlers, RefusedMessageError, type HandlerDeps } from '../../../utils/background/handlers';
import { createImportControl, ImportedLeads } from '../../../utils/background/imported-leads';
import { DEMO_META, demoFunnel } from '../../../utils/demo/dataset';
import { countLeads, deleteImport, ImportDB } from '../../../utils/import/import-db';
import type { LeadRecord } from '../../../utils/import/lead-record';
import type { FunnelRequest } from '../../../utils/messaging';
import { DEFAULT_SETTINGS, readSettings, updateSettings, type Settings } from '../../../utils/settings/settings';

const request: FunnelRequest = { platform: 'meta_ads', level: 'campaign', accountId: '999', from: '2025-03-01', to: '2025-03-31' };
let counter = 0;
let chunk = 0;

function putLeads(db: ImportDB, records: LeadRecord[]) {
  return db.leadChunks.put({ id: `test:${++chunk}`, importId: records[0]?.importId ?? 'i1', records });
}

function lead(key: string, over: Partial<LeadRecord>): LeadRecord {
  return {
    key,
    importId: 'i1',
    line: 2,
    createdOn: '2025-03-05',
    platform: 'meta_ads',
    campaign: 'Webinar',
    adGroup: null,
    ad: null,
    reached: 0,
    lost: false,
    amount: 0,
    closedOn: null,
    leadId: null,
    ...over,
  };
}

async function setup(settings: Partial<Settings>, connected: boolean) {
  const importDb = new ImportDB(`import-test-${++counter}`);
  const imported = new ImportedLeads(importDb);
  const service = new FunnelService({
    db: new FunnelLensDB(`cache-import-test-${counter}`),
    readSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    readConnection: async () => (connected ? { baseUrl: 'http://127.0.0.1:9', apiKey: 'k' } : null),
    createApi: () => {
      throw new Error('the API must not be asked');
    },
    hasOriginPermission: async () => true,
    imported,
    demoMeta: DEMO_META,
    demoFunnel,
    notify: () => undefined,
    recordOutcome: () => undefined,
    now: () => 0,
  });
  return { importDb, imported, service };
}

describe('the import as a data source', () => {
  it('answers every account with the contract’s rows, naming the file and the import time', async () => {
    const { importDb, service } = await setup({ dataSource: 'import' }, true);
    await putLeads(importDb, [
      lead('a', { reached: 4, amount: 1000 }),
      lead('b', { reached: 1 }),
      lead('c', { platform: 'google_ads' }),
      lead('d', { createdOn: '2025-04-01' }),
    ]);
    await importDb.info.put({
      id: 'current',
      importId: 'i1',
      fileName: 'hubspot.csv',
      importedAt: Date.parse('2025-04-02T08:00:00Z'),
      leads: 4,
      currency: 'EUR',
    });
    const answer = await service.getFunnel(request);
    expect(answer).toMatchObject({ ok: true, source: 'import', sourceName: 'hubspot.csv', currency: 'EUR', asOf: '2025-04-02T08:00:00.000Z' });
    if (!answer.ok) throw new Error('no answer');
    expect(answer.rows).toEqual([{ name: 'Webinar', leads: 2, mql: 2, sql: 1, meetings: 1, won: 1, lost: 0, revenue: 1000, pipeline: 0 }]);
    expect(FunnelRowSchema.safeParse(answer.rows[0]).success).toBe(true);
  });

  it('sees a new import without being told, and falls back to the demo when the import is deleted', async () => {
    const { importDb, service } = await setup({ dataSource: 'import' }, false);
    await putLeads(importDb, [lead('a', {})]);
    await importDb.info.put({ id: 'current', importId: 'i1', fileName: 'one.csv', importedAt: 1, leads: 1, currency: 'EUR' });
    expect(await service.getFunnel(request)).toMatchObject({ source: 'import', sourceName: 'one.csv' });
    await putLeads(importDb, [lead('b', { importId: 'i2' })]);
    await importDb.info.put({ id: 'current', importId: 'i2', fileName: 'two.csv', importedAt: 2, leads: 2, currency: 'EUR' });
    const second = await service.getFunnel(request);
    expect(second.ok && [second.sourceName, second.rows[0]?.leads]).toEqual(['two.csv', 2]);
    await deleteImport(importDb);
    expect(await service.getFunnel(request)).toMatchObject({ source: 'demo' });
  });

  it('is not used unless chosen: the demo and the API stay as they were', async () => {
    const { importDb, service } = await setup({ dataSource: 'demo' }, true);
    await importDb.info.put({ id: 'current', importId: 'i1', fileName: 'one.csv', importedAt: 1, leads: 0, currency: 'EUR' });
    expect(await service.getFunnel(request)).toMatchObject({ source: 'demo' });
  });
});

describe('import messages', () => {
  const EXTENSION_ID = 'funnel-lens-test-id';
  const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
  const dashboard = { id: EXTENSION_ID, url: `${ORIGIN}dashboard.html`, tab: { id: 7 } };
  const contentScript = { id: EXTENSION_ID, url: 'https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=1', tab: { id: 9 } };

  async function makeHandlers() {
    const { importDb, imported } = await setup({}, false);
    let notified = 0;
    const deps = {
      extensionId: EXTENSION_ID,
      extensionOrigin: ORIGIN,
      service: {} as never,
      readSettings,
      updateSettings,
      readConnection: async () => null,
      writeConnection: async () => undefined,
      readOutcomes: async () => ({}),
      clearOutcomes: async () => undefined,
      hasOriginPermission: async () => true,
      getMeta: async () => {
        throw new Error('unused');
      },
      subscribe: () => undefined,
      notifyAll: () => void notified++,
      imports: createImportControl(importDb, imported),
    } satisfies HandlerDeps;
    return { handlers: createHandlers(deps), importDb, notified: () => notified };
  }

  it('switch to the import when one lands, report it in the status, and delete it all on request', async () => {
    const { handlers, importDb, notified } = await makeHandlers();
    await putLeads(importDb, [lead('a', {})]);
    await importDb.info.put({ id: 'current', importId: 'i1', fileName: 'one.csv', importedAt: 5, leads: 1, currency: 'EUR' });
    const after = await handlers.importChanged(undefined, dashboard);
    expect(after.settings.dataSource).toBe('import');
    expect(after.importInfo).toMatchObject({ fileName: 'one.csv', leads: 1 });
    expect(notified()).toBe(1);
    const deleted = await handlers.deleteImport(undefined, dashboard);
    expect([deleted.settings.dataSource, deleted.importInfo]).toEqual(['api', null]);
    expect(await countLeads(importDb)).toBe(0);
  });

  it('keep the column mapping the dashboard saved for a header signature, and refuse one with unknown fields or meanings', async () => {
    const { handlers } = await makeHandlers();
    const saved = {
      signature: 'create date\u001fstage\u001futm campaign',
      presetId: 'hubspot' as const,
      mapping: { createdAt: 'Create Date', stage: 'Stage', campaign: 'UTM Campaign' },
      platforms: { 'fb ads': 'meta_ads' as const },
      stages: { 'Demo booked': 'meeting' as const },
      savedAt: 1_700_000_000_000,
    };
    expect(await handlers.getImportMapping(saved.signature, dashboard)).toBeNull();
    await handlers.saveImportMapping(saved, dashboard);
    expect(await handlers.getImportMapping(saved.signature, dashboard)).toEqual(saved);
    await expect(handlers.saveImportMapping({ ...saved, mapping: { shoeSize: 'Shoe' } } as never, dashboard)).rejects.toBeInstanceOf(RefusedMessageError);
    await expect(handlers.saveImportMapping({ ...saved, stages: { Demo: 'maybe' } } as never, dashboard)).rejects.toBeInstanceOf(RefusedMessageError);
    // A content script learns nothing of it, and cannot plant one.
    await expect(handlers.getImportMapping(saved.signature, contentScript)).rejects.toBeInstanceOf(RefusedMessageError);
    await expect(handlers.saveImportMapping({ ...saved, savedAt: 2 }, contentScript)).rejects.toBeInstanceOf(RefusedMessageError);
    expect(await handlers.getImportMapping(saved.signature, dashboard)).toEqual(saved);
  });

  it('are refused from a content script', async () => {
    const { handlers, importDb } = await makeHandlers();
    await putLeads(importDb, [lead('a', {})]);
    await expect(handlers.deleteImport(undefined, contentScript)).rejects.toBeInstanceOf(RefusedMessageError);
    await expect(handlers.importChanged(undefined, contentScript)).rejects.toBeInstanceOf(RefusedMessageError);
    expect(await countLeads(importDb)).toBe(1);
  });
});

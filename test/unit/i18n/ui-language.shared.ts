/**
 * What the UI language decides, checked the same way in each language (ui-language-*.test.ts):
 * the stage labels that are ours (the demo CRM, or an API whose /v1/meta cannot be read) follow
 * it, the labels an API sends are shown as sent, and the dashboard's headline finding names the
 * other channel in a form the sentence can hold. The real FunnelService, demo dataset, channel
 * loading and channel view, with the real catalogues.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../utils/api/client';
import type { MetaResponse } from '../../../utils/api/schema';
import { FunnelLensDB } from '../../../utils/background/cache-db';
import { FunnelService, type FunnelServiceDeps } from '../../../utils/background/funnel-service';
import { loadChannels } from '../../../utils/channels/load-channels';
import { DEMO_META, demoFunnel } from '../../../utils/demo/dataset';
import type { FunnelRequest } from '../../../utils/messaging';
import { DEFAULT_SETTINGS } from '../../../utils/settings/settings';
import { channelViews, findings } from '../../../components/dashboard/channel-view';
import { makeWorld } from '../../fixtures/world';
import { startStatsServer, type StatsServer } from '../../support/stats-server';
import type { UiLanguage } from '../../support/catalogues';

export interface LanguageExpectations {
  lang: UiLanguage;
  /** Our labels for lead, MQL, SQL, meeting, won, as a native speaker would write them. */
  ownLabels: string[];
  /** The demo's headline finding: Google Ads wins about 2.8 times as often as Meta. */
  rateFinding: RegExp;
}

const NOW = Date.parse('2026-11-23T10:00:00Z');
const ACCOUNT = '1234567890';
const request: FunnelRequest = { platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT, from: '2026-10-01', to: '2026-10-31' };
/** A CRM that names two stages its own way, in English whatever the UI language. */
const API_STAGES: MetaResponse['stages'] = [
  { key: 'lead', label: 'Lead' },
  { key: 'mql', label: 'MQL' },
  { key: 'sql', label: 'SQL' },
  { key: 'meeting', label: 'Demo booked' },
  { key: 'won', label: 'Closed won' },
];

export function describeUiLanguage(expected: LanguageExpectations): void {
  let server: StatsServer;
  let dbCounter = 0;
  beforeAll(async () => {
    server = await startStatsServer({
      world: makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT, count: 5, seed: 5 }),
      name: 'Acme CRM',
      currency: 'EUR',
      stages: API_STAGES,
    });
  });
  afterAll(() => server.close());

  function service(overrides: Partial<FunnelServiceDeps> = {}): FunnelService {
    return new FunnelService({
      db: new FunnelLensDB(`ui-language-${expected.lang}-${++dbCounter}`),
      readSettings: async () => DEFAULT_SETTINGS,
      readConnection: async () => ({ baseUrl: server.baseUrl, apiKey: server.apiKey }),
      createApi: (baseUrl, apiKey) => createApiClient({ baseUrl, apiKey, maxRetries: 0, timeoutMs: 500 }),
      hasOriginPermission: async () => true,
      demoMeta: DEMO_META,
      demoFunnel,
      notify: () => undefined,
      recordOutcome: () => undefined,
      now: () => NOW,
      ...overrides,
    });
  }
  const labels = async (answer: ReturnType<FunnelService['getFunnel']>) => {
    const a = await answer;
    if (!a.ok) throw new Error(`no answer: ${a.error.kind}`);
    return a.stages.map((s) => s.label);
  };

  describe(`in a browser whose UI language is ${expected.lang}`, () => {
    it('the demo data names its stages in that language', async () => {
      expect(await labels(service({ readConnection: async () => null }).getFunnel(request))).toEqual(expected.ownLabels);
    });

    it("a connected API's stage labels are shown exactly as it sends them", async () => {
      expect(await labels(service().getFunnel(request))).toEqual(API_STAGES.map((s) => s.label));
    });

    it("while the API's /v1/meta cannot be read, the stages carry our labels in that language", async () => {
      const withoutMeta = service({
        createApi: (baseUrl, apiKey) => ({
          ...createApiClient({ baseUrl, apiKey, maxRetries: 0, timeoutMs: 500 }),
          getMeta: () => Promise.reject(new Error('meta unreadable')),
        }),
      });
      expect(await labels(withoutMeta.getFunnel(request))).toEqual(expected.ownLabels);
    });

    it("the dashboard's headline finding on the demo data reads as a sentence of that language", async () => {
      const demo = service({ readConnection: async () => null });
      const channels = await loadChannels((r) => demo.getFunnel(r), { from: '2026-10-24', to: '2026-11-22' });
      const lines = findings(channelViews(channels), expected.lang);
      expect(lines[1]).toMatch(expected.rateFinding);
    });
  });
}

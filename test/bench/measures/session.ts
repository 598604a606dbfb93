/**
 * The bench's shared session: one local stats server holding a 5,000-campaign account (the Meta
 * replica's) and a 50,000-campaign account (the background's parse test), and one Chromium with
 * the freshly built extension, connected to that server through the real popup.
 */
import { makeWorld } from '../../fixtures/world';
import type { WorldEntity } from '../../fixtures/types';
import { startStatsServer, type StatsServer } from '../../support/stats-server';
import { launchWithExtension, type ExtensionBrowser } from '../../e2e/support/browser';
import { connectToApi } from '../../e2e/support/popup';
import { ACCOUNT_50K, ACCOUNT_5K, ACCOUNT_GOOGLE_RESORT } from './shared';

export interface BenchSession {
  server: StatsServer;
  browser: ExtensionBrowser;
  campaigns5k: WorldEntity[];
  /** Google campaigns the CRM knows (the re-sort measure adds some it does not know to the page). */
  googleCampaigns: WorldEntity[];
  close(): Promise<void>;
}

export async function openSession(): Promise<BenchSession> {
  const campaigns5k = makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT_5K, count: 5000, seed: 501 });
  const campaigns50k = makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT_50K, count: 50_000, seed: 502 });
  const googleCampaigns = makeWorld({ platform: 'google_ads', level: 'campaign', accountId: ACCOUNT_GOOGLE_RESORT, count: 900, seed: 503 });
  const server = await startStatsServer({ world: [...campaigns5k, ...campaigns50k, ...googleCampaigns], name: 'Bench CRM', currency: 'EUR' });
  const browser = await launchWithExtension();
  await connectToApi(browser, server.baseUrl, server.apiKey);
  return {
    server,
    browser,
    campaigns5k,
    googleCampaigns,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export function funnelRequestCount(server: StatsServer, from?: string): number {
  return server.requests.filter((r) => r.path.endsWith('/v1/funnel') && (from === undefined || r.query.from === from)).length;
}

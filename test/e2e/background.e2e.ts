/**
 * The background data layer in the real browser: the service worker fetches from the local stats
 * server with the Bearer key, answers the same request again from IndexedDB without a network
 * call, and still does after Chromium stops and restarts the worker.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../utils/demo/dataset';
import { makeWorld } from '../fixtures/world';
import { metaAdsManagerUrl, routeMetaReplica } from '../replicas/serve';
import { startStatsServer, type StatsServer } from '../support/stats-server';
import { launchWithExtension, serviceWorkerStatus, stopServiceWorker, type ExtensionBrowser } from './support/browser';
import { badgeAgrees } from './support/expected';
import { visibleMetaRows, waitForReplica } from './support/meta-page';
import { connectToApi } from './support/popup';

const ACCOUNT = DEMO_ACCOUNTS.meta_ads;
const campaigns = makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT, count: 30, seed: 21 });
const range = { from: '2026-10-01', to: '2026-10-31' };

let server: StatsServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startStatsServer({ world: campaigns, name: 'Acme CRM', currency: 'EUR' });
  browser = await launchWithExtension();
  await connectToApi(browser, server.baseUrl, server.apiKey);
  await routeMetaReplica(browser.context, {
    accountId: ACCOUNT, currency: 'EUR', locale: 'en',
    levels: { campaign: campaigns, ad_group: [], ad: [] },
    variant: { idsInDataSurface: true, skeletonMs: 200 },
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(() => expect(browser.errors).toEqual([]));

// The popup's channel comparison asks too (all accounts); these are the page's requests.
const funnelCalls = () => server.requests.filter((r) => r.path.endsWith('/v1/funnel') && r.query.account_id === ACCOUNT);

async function showBadges() {
  const page = await browser.newPage();
  await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
  await waitForReplica(page);
  const expected = new Map(server.expectedRows({ platform: 'meta_ads', level: 'campaign', account_id: ACCOUNT, ...range }).map((r) => [r.id, r]));
  await expect
    .poll(async () => {
      const rows = await visibleMetaRows(page);
      return rows.length > 0 && rows.every((r) => r.badge !== null && badgeAgrees(r.badge, expected.get(r.id)));
    }, { timeout: 8000 })
    .toBe(true);
  await page.close();
}

describe('background data layer in Chromium', () => {
  it('fetches with the Bearer key, then answers from IndexedDB, also after the worker restarts', async () => {
    await showBadges();
    expect(funnelCalls()).toHaveLength(1);
    const call = funnelCalls()[0]!;
    expect(call.headers.authorization).toBe(`Bearer ${server.apiKey}`);
    expect(call.headers.accept).toBe('application/json');
    expect(call.query).toEqual({ platform: 'meta_ads', level: 'campaign', account_id: ACCOUNT, ...range });
    // Nothing that identifies the page goes along.
    expect(call.headers.referer).toBeUndefined();
    expect(call.headers.cookie).toBeUndefined();

    await showBadges();
    expect(funnelCalls()).toHaveLength(1);

    // Stopped as Chrome stops an idle worker: its memory is gone, only IndexedDB remains.
    await stopServiceWorker(browser);
    expect(await serviceWorkerStatus(browser)).toBe('stopped');
    await showBadges();
    expect(await serviceWorkerStatus(browser)).toBe('running');
    expect(funnelCalls()).toHaveLength(1);
  });
});

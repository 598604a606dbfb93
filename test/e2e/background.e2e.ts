/**
 * The background data layer in the real browser: the service worker fetches from the local stats
 * server with the Bearer key, answers the same request again from IndexedDB without a network
 * call, and still does after Chromium stops and restarts the worker.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../utils/demo/dataset';
import { makeWorld } from '../fixtures/world';
import { metaAdsManagerUrl } from '../replicas/serve';
import { type StatsServer } from '../support/stats-server';
import { serviceWorkerStatus, stopServiceWorker, type ExtensionBrowser } from './support/browser';
import { expectMetaBadgesAgree, routeMetaCampaigns, summaryText, waitForReplica } from './support/meta-page';
import { openPopup } from './support/popup';
import { useConnectedSession } from './support/session';

const ACCOUNT = DEMO_ACCOUNTS.meta_ads;
const campaigns = makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT, count: 30, seed: 21 });
const range = { from: '2026-10-01', to: '2026-10-31' };

const session = useConnectedSession({ world: campaigns });
let server: StatsServer;
let browser: ExtensionBrowser;
beforeAll(async () => {
  ({ server, browser } = session);
  await routeMetaCampaigns(browser.context, ACCOUNT, campaigns);
});

// The popup's channel comparison asks too (all accounts); these are the page's requests.
const funnelCalls = () => server.requests.filter((r) => r.path.endsWith('/v1/funnel') && r.query.account_id === ACCOUNT);

async function showBadges() {
  const page = await browser.newPage();
  await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
  await waitForReplica(page);
  await expectMetaBadgesAgree(page, server, { account_id: ACCOUNT, ...range });
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

  // Last in this file: it disconnects the API.
  it('tells an open tab about a disconnect made after the worker restarted', async () => {
    const page = await browser.newPage();
    await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
    await waitForReplica(page);
    await expectMetaBadgesAgree(page, server, { account_id: ACCOUNT, ...range });
    expect(await summaryText(page)).not.toContain('Demo data');

    // The worker that knew this tab is gone; the new one must still find it.
    await stopServiceWorker(browser);
    const popup = await openPopup(browser);
    await popup.getByRole('button', { name: 'Disconnect and use demo data' }).click();
    await popup.getByRole('status').filter({ hasText: 'Disconnected' }).waitFor();
    await popup.close();
    await expect.poll(() => summaryText(page), { timeout: 10_000 }).toContain('Demo data');
    await page.close();
  });
});

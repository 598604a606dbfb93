/**
 * The extension is reloaded (as an update does) while an ad-manager tab is open: the orphaned
 * content script removes its badges, summary and listeners without an error, and the new
 * version takes over the same tab without a page reload.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld } from '../fixtures/world';
import { metaAdsManagerUrl } from '../replicas/serve';
import { type StatsServer } from '../support/stats-server';
import { reloadExtension, type ExtensionBrowser } from './support/browser';
import { expectMetaBadgesAgree, routeMetaCampaigns, waitForReplica } from './support/meta-page';
import { useConnectedSession } from './support/session';

const ACCOUNT = '1234567890';
const campaigns = makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT, count: 40, seed: 51 });
const range = { from: '2026-10-01', to: '2026-10-31' };

const session = useConnectedSession({ world: campaigns });
let server: StatsServer;
let browser: ExtensionBrowser;
beforeAll(async () => {
  ({ server, browser } = session);
  await routeMetaCampaigns(browser.context, ACCOUNT, campaigns);
});

describe('extension reloaded with an ad-manager tab open', () => {
  it('the old content script cleans up quietly and the new one takes over the same page', async () => {
    const page = await browser.newPage();
    await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
    await waitForReplica(page);
    const query = { account_id: ACCOUNT, ...range };
    await expectMetaBadgesAgree(page, server, query);
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const oldSummary = await page.evaluateHandle(() => document.querySelector('funnel-lens-summary'));

    // Reload the extension, as an update does.
    await reloadExtension(browser);

    // The orphaned script removes its own summary…
    await expect.poll(() => oldSummary.evaluate((el) => el?.isConnected ?? false), { timeout: 10_000 }).toBe(false);
    // …and the new version shows correct badges again: one per row, one summary, same document.
    await expectMetaBadgesAgree(page, server, query, 15_000);
    const counts = await page.evaluate(() => ({
      summaries: document.querySelectorAll('funnel-lens-summary').length,
      rowsWithTwoBadges: [...document.querySelectorAll('._1gda._2djg')].filter((row) => row.querySelectorAll(':scope funnel-lens-badge').length > 1).length,
      sameDocument: (window as unknown as { __sameDocument?: boolean }).__sameDocument === true,
    }));
    expect(counts).toEqual({ summaries: 1, rowsWithTwoBadges: 0, sameDocument: true });
    // Scrolling still works with the new version, which proves its listeners are live.
    await page.evaluate(() => (window as unknown as { __replica: { scrollToIndex(i: number): void } }).__replica.scrollToIndex(20));
    await expectMetaBadgesAgree(page, server, query);
    // Page and extension errors: checked after every test by useConnectedSession.
    await page.close();
  });
});

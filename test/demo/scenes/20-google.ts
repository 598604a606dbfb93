/** Google Ads replica with the demo data: badges on every campaign, a card open, then an ad group drill-down. */
import path from 'node:path';
import { DEMO_ACCOUNTS, demoEntities } from '../../../utils/demo/dataset';
import { googleAdsUrl, routeGoogleAdsReplica } from '../../replicas/serve';
import { waitForGoogleReplica } from '../../e2e/support/google-page';
import { ourUi } from '../../e2e/support/our-ui';
import { READY_BUTTON, type DemoScene } from '../scene';

export const scene: DemoScene = {
  title: 'Google Ads',
  async run({ browser, outDir }) {
    // 5551234567: the picker shows it as 555-123-4567, and the extension sends the digits.
    const customerId = DEMO_ACCOUNTS.google_ads;
    const campaigns = demoEntities('google_ads', 'campaign');
    await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
    await routeGoogleAdsReplica(browser.context, {
      customerId,
      accountName: 'Demo Oy',
      currency: 'EUR',
      locale: 'en',
      levels: { campaign: campaigns, ad_group: demoEntities('google_ads', 'ad_group') },
      variant: { splashMs: 800 },
    });
    const page = await browser.newPage();
    await page.goto(googleAdsUrl());
    await waitForGoogleReplica(page);
    await ourUi(page).locator('funnel-lens-badge', READY_BUTTON).first().waitFor();
    const list = path.join(outDir, 'google-campaigns.png');
    await page.screenshot({ path: list });

    await ourUi(page).locator('funnel-lens-badge', 'button').nth(1).click();
    await ourUi(page).locator('funnel-lens-card', '[role="dialog"]').waitFor();
    const card = path.join(outDir, 'google-card.png');
    await page.screenshot({ path: card });
    await page.keyboard.press('Escape');

    const first = campaigns[0];
    if (!first) return [list, card];
    await page.getByRole('link', { name: first.name, exact: true }).first().click();
    await page.waitForURL(/\/aw\/adgroups\?campaignId=/);
    await page.waitForFunction(() => document.querySelector('ess-cell[essfield="name"] ad-group-name') !== null);
    await ourUi(page).locator('funnel-lens-badge', READY_BUTTON).first().waitFor();
    const groups = path.join(outDir, 'google-adgroups.png');
    await page.screenshot({ path: groups });
    await page.close();
    return [list, card, groups];
  },
};

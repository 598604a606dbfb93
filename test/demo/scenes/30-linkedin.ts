/** LinkedIn Campaign Manager replica with the demo data: badges on every campaign group, then one campaign's ad sets and a card. */
import path from 'node:path';
import { LEVELS } from '../../../utils/api/constants';
import { DEMO_ACCOUNTS, demoEntities } from '../../../utils/demo/dataset';
import { linkedInUrl, routeLinkedInReplica } from '../../replicas/serve-linkedin';
import { waitForLinkedInReplica } from '../../e2e/support/linkedin-page';
import { ourUi } from '../../e2e/support/our-ui';
import { READY_BUTTON, type DemoScene } from '../scene';

export const scene: DemoScene = {
  title: 'LinkedIn Campaign Manager',
  async run({ browser, outDir }) {
    const accountId = DEMO_ACCOUNTS.linkedin_ads;
    const [campaign, ad_group, ad] = LEVELS.map((level) => demoEntities('linkedin_ads', level));
    await routeLinkedInReplica(browser.context, {
      accountId,
      accountName: 'Demo Oy',
      currency: 'EUR',
      locale: 'en',
      levels: { campaign: campaign ?? [], ad_group: ad_group ?? [], ad: ad ?? [] },
      variant: { naming: 'new' },
    });
    const page = await browser.newPage();
    await page.goto(linkedInUrl({ accountId, level: 'campaign' }));
    await waitForLinkedInReplica(page);
    await ourUi(page).locator('funnel-lens-badge', READY_BUTTON).first().waitFor();
    const list = path.join(outDir, 'linkedin-campaigns.png');
    await page.screenshot({ path: list });

    // Into the first campaign (a URL "campaign group"): its ad sets, by pushState.
    await page.locator('table tbody tr').nth(1).locator('td.col-name a').click();
    await page.waitForURL(/\/campaigns\?campaignGroupIds=/);
    await ourUi(page).locator('funnel-lens-badge', READY_BUTTON).first().waitFor();
    await ourUi(page).locator('funnel-lens-badge', 'button').first().click();
    await ourUi(page).locator('funnel-lens-card', '[role="dialog"]').waitFor();
    const card = path.join(outDir, 'linkedin-ad-sets-card.png');
    await page.screenshot({ path: card });
    await page.close();
    return [list, card];
  },
};

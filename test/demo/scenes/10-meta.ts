/** Meta Ads Manager replica with the demo data: badges on every campaign, then one card open. */
import path from 'node:path';
import { LEVELS } from '../../../utils/api/constants';
import { DEMO_ACCOUNTS, demoEntities } from '../../../utils/demo/dataset';
import { metaAdsManagerUrl, routeMetaReplica } from '../../replicas/serve';
import { waitForReplica } from '../../e2e/support/meta-page';
import { ourUi } from '../../e2e/support/our-ui';
import { READY_BUTTON, type DemoScene } from '../scene';

export const scene: DemoScene = {
  title: 'Meta Ads Manager',
  finnish: true,
  async run({ browser, outDir, lang }) {
    const accountId = DEMO_ACCOUNTS.meta_ads;
    const [campaign, ad_group, ad] = LEVELS.map((level) => demoEntities('meta_ads', level));
    await routeMetaReplica(browser.context, {
      accountId,
      currency: 'EUR',
      locale: lang,
      levels: { campaign: campaign ?? [], ad_group: ad_group ?? [], ad: ad ?? [] },
      variant: { ids: 'data-surface' },
    });
    const page = await browser.newPage();
    await page.goto(metaAdsManagerUrl({ accountId }));
    await waitForReplica(page);
    await ourUi(page).locator('funnel-lens-badge', READY_BUTTON).first().waitFor();
    const list = path.join(outDir, 'meta-campaigns.png');
    await page.screenshot({ path: list });
    await ourUi(page).locator('funnel-lens-badge', 'button').nth(1).click();
    await ourUi(page).locator('funnel-lens-card', '[role="dialog"]').waitFor();
    const card = path.join(outDir, 'meta-card.png');
    await page.screenshot({ path: card });
    await page.close();
    return [list, card];
  },
};

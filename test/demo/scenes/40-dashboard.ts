/** The dashboard with the demo data: the channel view (the slide for the weekly review) and the campaign table. */
import path from 'node:path';
import { catalogue } from '../../support/catalogues';
import type { DemoScene } from '../scene';

export const scene: DemoScene = {
  title: 'Dashboard',
  finnish: true,
  async run({ browser, outDir, lang }) {
    const page = await browser.newPage();
    const base = `chrome-extension://${browser.extensionId}/options.html`;
    await page.goto(`${base}#tab=channels&range=last_90d`);
    await page.locator('[role=tabpanel][data-loaded=true] article.channel-card').first().waitFor({ timeout: 15_000 });
    const channels = path.join(outDir, 'dashboard-channels.png');
    await page.screenshot({ path: channels, fullPage: true });
    await page.getByRole('tab', { name: catalogue(lang)['dashboard.tabCampaigns'] }).click();
    await page.locator('[role=tabpanel][data-loaded=true] table.campaign-table').waitFor({ timeout: 15_000 });
    const campaigns = path.join(outDir, 'dashboard-campaigns.png');
    await page.screenshot({ path: campaigns });
    await page.close();
    return [channels, campaigns];
  },
};

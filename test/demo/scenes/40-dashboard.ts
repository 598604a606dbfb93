/** The dashboard with the demo data: the channel view (the slide for the weekly review) and the campaign table. */
import path from 'node:path';
import type { DemoScene } from '../scene';

export const scene: DemoScene = {
  title: 'Dashboard',
  async run({ browser, outDir }) {
    const page = await browser.newPage();
    const base = `chrome-extension://${browser.extensionId}/options.html`;
    await page.goto(`${base}#tab=channels&range=last_90d`);
    await page.locator('[role=tabpanel][data-loaded=true] article.channel-card').first().waitFor({ timeout: 15_000 });
    const channels = path.join(outDir, 'dashboard-channels.png');
    await page.screenshot({ path: channels, fullPage: true });
    await page.getByRole('tab', { name: 'Campaigns' }).click();
    await page.locator('[role=tabpanel][data-loaded=true] table.campaign-table').waitFor({ timeout: 15_000 });
    const campaigns = path.join(outDir, 'dashboard-campaigns.png');
    await page.screenshot({ path: campaigns });
    await page.close();
    return [channels, campaigns];
  },
};

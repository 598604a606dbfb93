/**
 * The dashboard's trends for the monthly review, on the demo data: 12 months per channel, with a
 * target per channel set through the settings as a user would (and cleared again afterwards, so
 * the later scenes show the product as installed).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { DemoScene } from '../scene';

const TARGETS = {
  google_ads: { mqlToWon: '8', costPerWon: '9000' },
  meta_ads: { mqlToWon: '8', costPerWon: '9000' },
  linkedin_ads: { mqlToWon: '8', costPerWon: '9000' },
};

async function setTargets(page: Page, base: string, targets: Record<string, Record<string, string>> | null): Promise<void> {
  await page.goto(`${base}#tab=settings`);
  for (const [platform, fields] of Object.entries(TARGETS)) {
    for (const metric of Object.keys(fields)) {
      await page.locator(`#fl-target-${platform}-${metric}`).fill(targets?.[platform]?.[metric] ?? '');
    }
  }
  await page.locator('.targets-card button[type=submit]').click();
  await page.locator('.targets-card .outcome.ok').waitFor();
}

export const scene: DemoScene = {
  title: 'Trends',
  finnish: true,
  async run({ browser, outDir }) {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const base = `chrome-extension://${browser.extensionId}/options.html`;
    await setTargets(page, base, TARGETS);
    await page.goto(`${base}#tab=trends&grain=month`);
    await page.locator('.trends-view[data-trends-loaded=true] img.trend-chart').first().waitFor({ timeout: 20_000 });
    // The charts are images: wait until each has decoded, so the screenshot shows them drawn.
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('img.trend-chart')].every((img) => img.complete && img.naturalWidth > 0));
    const file = path.join(outDir, 'dashboard-trends.png');
    await page.screenshot({ path: file, fullPage: true });
    await setTargets(page, base, null);
    await page.close();
    return [file];
  },
};

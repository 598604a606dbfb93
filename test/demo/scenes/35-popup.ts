/** The popup, the first thing a user sees: demo data until an API is connected, and the channel comparison. */
import path from 'node:path';
import type { ExtensionBrowser } from '../../e2e/support/browser';
import type { DemoScene } from '../scene';

/** Chrome shows a popup at most 800×600; the popup is 480 px wide. */
export const POPUP_SIZE = { width: 480, height: 600 };

/** The popup as the toolbar button shows it, with the channel table loaded; a PNG of its visible part. */
export async function popupScreenshot(browser: ExtensionBrowser, file: string): Promise<Buffer> {
  const page = await browser.newPage();
  await page.setViewportSize(POPUP_SIZE);
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.locator('table tr[data-platform] td').first().waitFor({ timeout: 15_000 });
  const png = await page.screenshot({ path: file });
  await page.close();
  return png;
}

export const scene: DemoScene = {
  title: 'Popup',
  finnish: true,
  async run({ browser, outDir }) {
    const file = path.join(outDir, 'popup.png');
    await popupScreenshot(browser, file);
    return [file];
  },
};

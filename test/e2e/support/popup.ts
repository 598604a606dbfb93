/** Drives the real popup page the way a user does: labels, buttons, visible text. */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

export async function openPopup(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.getByLabel('API URL').waitFor();
  return page;
}

/** Fills URL and key, presses Save and waits for the confirmation. */
export async function connectToApi(browser: ExtensionBrowser, baseUrl: string, apiKey: string): Promise<void> {
  const popup = await openPopup(browser);
  await popup.getByLabel('API URL').fill(baseUrl);
  await popup.getByLabel('API key', { exact: true }).fill(apiKey);
  await popup.getByRole('button', { name: 'Save' }).click();
  await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await popup.close();
}

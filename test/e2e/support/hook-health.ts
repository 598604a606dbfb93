/** The page summary's hook health line, as a user reads it after "Show details". */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens the summary's details (if closed) and returns its hook health line. */
export async function hookHealthLine(page: Page): Promise<string> {
  const summary = page.locator('funnel-lens-summary');
  const show = summary.getByRole('button', { name: 'Show details' });
  if ((await show.count()) > 0) await show.click();
  const line = summary.locator('.health');
  await expect.poll(() => line.count(), { timeout: 5000 }).toBe(1);
  return ((await line.textContent()) ?? '').trim();
}

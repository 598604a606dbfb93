/** The page summary's hook health line, as a user reads it after "Show details". */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ourUi } from './our-ui';

/** Opens the summary's details (if closed) and returns its hook health line. */
export async function hookHealthLine(page: Page): Promise<string> {
  const ui = ourUi(page);
  const show = ui.getByRole('funnel-lens-summary', 'button', 'Show details');
  if ((await show.count()) > 0) await show.click();
  const line = ui.locator('funnel-lens-summary', '.health');
  await expect.poll(() => line.count(), { timeout: 5000 }).toBe(1);
  return ((await line.textContent()) ?? '').trim();
}

/**
 * The overlay's on-demand UI (issue 16's size budget, utils/overlay/ui-loader.ts): on a fresh
 * page nothing of it is loaded, not even after the badges are there; the first badge a user
 * reaches by keyboard or by mouse opens its card all the same, the UI script injected by the
 * background into our content script's world just then, and never visible to the page's scripts.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeWorld } from '../fixtures/world';
import { metaAdsManagerUrl, routeMetaReplica } from '../replicas/serve';
import { visibleMetaRows, waitForReplica } from './support/meta-page';
import { ourUi } from './support/our-ui';
import { useConnectedSession } from './support/session';

const ACCOUNT = '1234567890';
const campaigns = makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT, count: 60, seed: 31 });
const session = useConnectedSession({ world: campaigns });

/** Whether the UI script registered its parts in our content script's world (the key ui-loader.ts uses). */
const registeredInOurWorld = (page: Page) =>
  ourUi(page).run(() => Object.getOwnPropertySymbols(globalThis).some((s) => Symbol.keyFor(s) === 'funnel-lens.overlay-ui'));
const registeredInPage = (page: Page) =>
  page.evaluate(() => Object.getOwnPropertySymbols(globalThis).some((s) => Symbol.keyFor(s) === 'funnel-lens.overlay-ui'));

/** A fresh Meta page whose badges show their numbers (they offer a card), and the first visible row's campaign. */
async function freshPage(): Promise<{ page: Page; name: string }> {
  const { browser } = session;
  await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
  await routeMetaReplica(browser.context, {
    accountId: ACCOUNT,
    currency: 'EUR',
    locale: 'en',
    levels: { campaign: campaigns, ad_group: [], ad: [] },
    variant: { ids: 'data-surface' },
  });
  const page = await browser.newPage();
  await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT, from: '2026-10-01', to: '2026-10-31' }));
  await waitForReplica(page);
  let name = '';
  await expect
    .poll(async () => {
      const [first] = await visibleMetaRows(page);
      name = first?.name ?? '';
      return first?.badge != null && (await badgeOf(page, name).getAttribute('aria-haspopup')) === 'dialog';
    })
    .toBe(true);
  return { page, name };
}

/** The badge button in the row that shows `name`. */
const badgeOf = (page: Page, name: string) => ourUi(page).inside(page.locator('._1gda._2djg', { hasText: name }).locator('funnel-lens-badge'), 'button');
const card = (page: Page) => ourUi(page).locator('funnel-lens-card', '[role="dialog"]');

describe('the on-demand UI', () => {
  it('is not loaded with the page, and a badge opens its card by keyboard (Enter) once it is', async () => {
    const { page, name } = await freshPage();
    expect(await registeredInOurWorld(page)).toBe(false);
    expect(await page.locator('funnel-lens-card').count()).toBe(0);

    await badgeOf(page, name).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => card(page).count()).toBe(1);
    expect(await card(page).textContent()).toContain(name);
    expect(await registeredInOurWorld(page)).toBe(true);
    // Our world's global, not the page's: the page's own scripts see nothing of it.
    expect(await registeredInPage(page)).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);
    await page.close();
  });

  it('is not loaded with the page, and a click straight onto a badge opens its card', async () => {
    const { page, name } = await freshPage();
    expect(await registeredInOurWorld(page)).toBe(false);

    // The mouse comes from outside the badge and clicks at once: the UI is asked for as it enters.
    await badgeOf(page, name).click();
    await expect.poll(() => card(page).count()).toBe(1);
    expect(await card(page).textContent()).toContain(name);
    expect(await registeredInOurWorld(page)).toBe(true);
    // A click pins the card until the user closes it; its close button closes it for good
    // (focus goes back to the badge, which must not open it again).
    await ourUi(page).locator('funnel-lens-card', '.close').click();
    await expect.poll(() => card(page).count()).toBe(0);
    expect(await badgeOf(page, name).evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await page.close();
  });
});

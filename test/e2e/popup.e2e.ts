/**
 * The popup, as a media buyer uses it: connect to the API, see the result in words, refuse bad
 * input before anything is sent, and compare channels at a glance.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../utils/api/constants';
import { daysBeforeToday } from '../support/days';
import { makeWorld } from '../fixtures/world';
import type { WorldEntity } from '../fixtures/types';
import { metaAdsManagerUrl, routeMetaReplica } from '../replicas/serve';
import { startStatsServer, type StatsServer } from '../support/stats-server';
import { seriousAxeViolations } from './support/axe';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { badgeAgrees } from './support/expected';
import { summaryText, visibleMetaRows, waitForReplica } from './support/meta-page';
import { openPopup } from './support/popup';

const ACCOUNT = '1234567890';
const world: WorldEntity[] = [
  ...makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT, count: 30, seed: 31 }),
  ...makeWorld({ platform: 'google_ads', level: 'campaign', accountId: '5551234567', count: 20, seed: 32 }),
  ...makeWorld({ platform: 'linkedin_ads', level: 'campaign', accountId: '508123456', count: 12, seed: 33 }),
];

let server: StatsServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startStatsServer({ world, name: 'Acme CRM', currency: 'EUR' });
  browser = await launchWithExtension({ viewport: { width: 480, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(() => expect(browser.errors).toEqual([]));

describe('popup', () => {
  it('says it shows demo data until an API is connected', async () => {
    const popup = await openPopup(browser);
    await expect.poll(() => popup.getByRole('note').textContent()).toContain('Showing demo data');
    await popup.close();
  });

  it('refuses a non-https remote URL and an empty key before sending anything', async () => {
    const popup = await openPopup(browser);
    const before = server.requests.length;
    await popup.getByLabel('API URL').fill('http://stats.example.com/funnel-lens');
    await popup.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => popup.locator('#fl-api-url-error').textContent()).toContain('Use https://');
    await expect.poll(() => popup.locator('#fl-api-key-error').textContent()).toContain('Enter the API key');
    await popup.getByLabel('API URL').fill('https://user:pw@stats.example.com');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => popup.locator('#fl-api-url-error').textContent()).toContain('Remove the user name and password');
    await popup.getByLabel('API URL').fill('https://stats.example.com/#x');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => popup.locator('#fl-api-url-error').textContent()).toContain('Remove the # part');
    expect(server.requests.length).toBe(before);
    const status = await popup.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('settings'),
    );
    expect((status.settings as { apiBaseUrl?: string } | undefined)?.apiBaseUrl ?? null).toBeNull();
    await popup.close();
  });

  it('shows the 401 in words for a wrong key', async () => {
    const popup = await openPopup(browser);
    await popup.getByLabel('API URL').fill(server.baseUrl);
    await popup.getByLabel('API key', { exact: true }).fill('wrong-key');
    await popup.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => popup.locator('.outcome').textContent()).toBe('The API refused the key (401). Check the key with your data team.');
    await popup.close();
  });

  it("tests, saves, and then the ad manager shows the API's numbers, not demo data", async () => {
    const popup = await openPopup(browser);
    await popup.getByLabel('API URL').fill(server.baseUrl);
    const key = popup.getByLabel('API key', { exact: true });
    await key.fill(server.apiKey);
    expect(await key.getAttribute('type')).toBe('password');
    await popup.getByRole('button', { name: 'Show key' }).click();
    expect(await key.getAttribute('type')).toBe('text');
    await popup.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => popup.locator('.outcome').textContent()).toBe('Connected to Acme CRM · EUR · stages Lead, MQL, SQL, Meeting, Won');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => popup.locator('.outcome').textContent()).toContain('Saved');
    await popup.close();

    const meta = world.filter((e) => e.platform === 'meta_ads');
    await routeMetaReplica(browser.context, {
      accountId: ACCOUNT,
      currency: 'EUR',
      locale: 'en',
      levels: { campaign: meta, ad_group: [], ad: [] },
      variant: { ids: 'data-surface', skeletonMs: 200 },
    });
    const page = await browser.newPage();
    const range = { from: '2026-10-01', to: '2026-10-31' };
    await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
    await waitForReplica(page);
    const expected = new Map(server.expectedRows({ platform: 'meta_ads', level: 'campaign', account_id: ACCOUNT, ...range }).map((r) => [r.id, r]));
    await expect
      .poll(async () => {
        const rows = await visibleMetaRows(page);
        return rows.length > 0 && rows.every((r) => r.badge !== null && badgeAgrees(r.badge, expected.get(r.id)));
      })
      .toBe(true);
    expect(await summaryText(page)).not.toContain('Demo data');
    await page.close();
  });

  it("compares the channels with the server's numbers, last 90 days by default", async () => {
    const popup = await openPopup(browser);
    const table = popup.getByRole('table');
    await table.waitFor();
    const range = daysBeforeToday(90);
    for (const platform of PLATFORMS) {
      const rows = server.expectedRows({ platform, level: 'campaign', from: range.from, to: range.to });
      const sum = (k: 'leads' | 'mql' | 'won') => rows.reduce((n, r) => n + r[k], 0);
      const cells = await popup.locator(`tr[data-platform="${platform}"] td`).allTextContents();
      expect(cells.slice(0, 3)).toEqual([sum('leads'), sum('mql'), sum('won')].map((n) => n.toLocaleString('en-US')));
      expect(cells[3]).toContain(`${Math.round((sum('won') / sum('mql')) * 100)}%`);
    }
    await popup.getByRole('combobox').selectOption({ label: 'Last 30 days' });
    const range30 = daysBeforeToday(30);
    await expect.poll(() => server.requests.some((r) => r.query.from === range30.from && !r.query.account_id)).toBe(true);
    await popup.close();
  });

  it('works by keyboard alone and has no serious accessibility violations', async () => {
    const popup = await openPopup(browser);
    await popup.getByRole('table').waitFor();
    await popup.getByLabel('API URL').focus();
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('fl-api-key');
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Show key');
    expect(await seriousAxeViolations(popup)).toEqual([]);
    // Fits the popup: no horizontal scrolling at its width.
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await popup.close();
  });
});

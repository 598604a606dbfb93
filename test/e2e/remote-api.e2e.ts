/**
 * An API on a remote https origin, in the real browser: every other E2E test uses a loopback API,
 * which is granted at install, so only here does the optional-permission request on Save run.
 *
 * The stats server speaks HTTPS under a name that is not loopback (`stats.funnel-lens.test`,
 * mapped to 127.0.0.1 by Chromium's host resolver, with a certificate Chromium trusts by its key
 * alone). What this covers, and how, given that headless Chromium offers no automation hook for
 * the permission prompt (it stays open, unanswered):
 * - the refusal: with the prompt unanswered, and then dismissed by closing the popup, nothing is
 *   sent and nothing is saved (what the popup says on a "no" or a failed request is unit-tested
 *   in test/unit/permissions/origin-permission.test.ts);
 * - the grant: the user allows the site under chrome://extensions › Site access (driven through
 *   the page's own developerPrivate API); Save then gets the permission without a prompt, and the
 *   badges come from the HTTPS API;
 * - the permission is given back when the URL moves to another origin.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeWorld } from '../fixtures/world';
import { metaAdsManagerUrl } from '../replicas/serve';
import { startStatsServer, type StatsServer } from '../support/stats-server';
import { makeTestCertificate } from '../support/test-cert';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { expectMetaBadgesAgree, routeMetaCampaigns, waitForReplica } from './support/meta-page';
import { openPopup } from './support/popup';

const HOST = 'stats.funnel-lens.test';
const ACCOUNT = '1234567890';
const REMOTE_KEY = 'sk_remote_0f9e8d7c';
const range = { from: '2026-10-01', to: '2026-10-31' };
const world = makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT, count: 12, seed: 77 });

let remote: StatsServer;
let local: StatsServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  const certificate = makeTestCertificate(HOST);
  remote = await startStatsServer({ world, name: 'Remote CRM', currency: 'EUR', apiKey: REMOTE_KEY, tls: certificate });
  local = await startStatsServer({ world, name: 'Local CRM', currency: 'EUR' });
  browser = await launchWithExtension({
    extraArgs: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`, `--ignore-certificate-errors-spki-list=${certificate.spkiHash}`],
  });
  await routeMetaCampaigns(browser.context, ACCOUNT, world);
});
afterAll(async () => {
  await browser?.close();
  await remote?.close();
  await local?.close();
});
afterEach(() => expect(browser.errors).toEqual([]));

const ORIGIN_PATTERN = `https://${HOST}/*`;

function hasPermission(page: Page): Promise<boolean> {
  return page.evaluate(
    (origin) =>
      (globalThis as unknown as { chrome: { permissions: { contains(p: object): Promise<boolean> } } }).chrome.permissions.contains({ origins: [origin] }),
    ORIGIN_PATTERN,
  );
}

async function fillConnection(popup: Page, baseUrl: string, apiKey: string): Promise<void> {
  await popup.getByLabel('API URL').fill(baseUrl);
  await popup.getByLabel('API key', { exact: true }).fill(apiKey);
}

describe('a remote https API', () => {
  it('sends and saves nothing while the permission prompt is unanswered, nor after it is dismissed', async () => {
    const popup = await openPopup(browser);
    await fillConnection(popup, remote.baseUrl, REMOTE_KEY);
    // The click's handler asks for the permission synchronously (it must, for the user gesture),
    // so once click() returns the prompt is open.
    await popup.getByRole('button', { name: 'Save' }).click();
    expect(await hasPermission(popup)).toBe(false);
    expect(await popup.locator('.outcome').textContent()).not.toContain('Saved');
    await popup.close(); // dismisses the prompt

    const again = await openPopup(browser);
    await expect.poll(() => again.getByRole('note').textContent()).toContain('Showing demo data');
    expect(await again.getByLabel('API URL').inputValue()).toBe('');
    expect(await hasPermission(again)).toBe(false);
    await again.close();
    expect(remote.requests).toEqual([]);
  });

  it('once the user allows the site, Save gets the permission without a prompt and badges come over HTTPS', async () => {
    const extensions = await browser.context.newPage();
    await extensions.goto('chrome://extensions/');
    await extensions.evaluate(
      ([id, host]) =>
        (
          globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }
        ).chrome.developerPrivate.addHostPermission(id, host),
      [browser.extensionId, ORIGIN_PATTERN] as const,
    );
    await extensions.close();

    const popup = await openPopup(browser);
    await fillConnection(popup, remote.baseUrl, REMOTE_KEY);
    await popup.getByRole('button', { name: 'Save' }).click();
    await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await hasPermission(popup)).toBe(true);
    await popup.close();

    const page = await browser.newPage();
    await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
    await waitForReplica(page);
    await expectMetaBadgesAgree(page, remote, { account_id: ACCOUNT, ...range });
    await page.close();
    const funnel = remote.requests.filter((r) => r.path === '/v1/funnel' && r.query.account_id === ACCOUNT);
    expect(funnel.length).toBeGreaterThan(0);
    for (const request of funnel) expect(request.headers.authorization).toBe(`Bearer ${REMOTE_KEY}`);
  });

  it('gives the permission back when the URL moves to another origin', async () => {
    const popup = await openPopup(browser);
    expect(await hasPermission(popup)).toBe(true);
    await fillConnection(popup, local.baseUrl, local.apiKey);
    await popup.getByRole('button', { name: 'Save' }).click();
    await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await expect.poll(() => hasPermission(popup)).toBe(false);
    await popup.close();
  });
});

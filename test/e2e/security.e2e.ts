/**
 * Hostile input, look-alike pages and the API key, in the real browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright-core';
import { makeWorld } from '../fixtures/world';
import type { WorldEntity } from '../fixtures/types';
import { META_REPLICA, metaAdsManagerUrl, routeMetaReplica, routeReplica } from '../replicas/serve';
import { startStatsServer, type StatsServer } from '../support/stats-server';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './support/browser';
import { summaryText, visibleMetaRows, waitForReplica } from './support/meta-page';
import { connectToApi, openPopup } from './support/popup';

const ACCOUNT = '1234567890';
const SECRET = 'sk_live_7f3a9c2e-funnel-lens-secret';
const HOSTILE_NAMES = [
  '<img src=x onerror="window.__pwned=1">',
  '</style><style>*{display:none!important}</style>',
  '\u202Egnp.exe\u202C Spring Sale',
  `Long ${'x'.repeat(10_000)}`,
  '"><script>window.__pwned=2</script>',
];

const base = makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT, count: 20, seed: 61 });
const world: WorldEntity[] = base.map((e, i) => (i < HOSTILE_NAMES.length ? { ...e, name: HOSTILE_NAMES[i] as string } : e));
const range = { from: '2026-10-01', to: '2026-10-31' };

let server: StatsServer;
let browser: ExtensionBrowser;
const allConsole: string[] = [];

beforeAll(async () => {
  server = await startStatsServer({ world, name: 'Acme CRM', currency: 'EUR', apiKey: SECRET });
  browser = await launchWithExtension();
  browser.context.on('page', (page) => page.on('console', (m: ConsoleMessage) => allConsole.push(m.text())));
  browser.serviceWorker.on('console', (m: ConsoleMessage) => allConsole.push(m.text()));
  await connectToApi(browser, server.baseUrl, SECRET);
  await routeMetaReplica(browser.context, {
    accountId: ACCOUNT, currency: 'EUR', locale: 'en',
    levels: { campaign: world, ad_group: [], ad: [] },
    variant: { ids: 'data-surface', skeletonMs: 150 },
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(() => expect(browser.errors).toEqual([]));

async function openMeta(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
  await waitForReplica(page);
  await expect.poll(async () => (await visibleMetaRows(page)).every((r) => r.badge && r.badge !== '…')).toBe(true);
  return page;
}

describe('hostile strings', () => {
  it('campaign names from the page and the API render as text: nothing runs, nothing escapes, layout holds', async () => {
    const page = await openMeta();
    // Every hostile row is matched and badged like any other, except the 10,000-character one:
    // the contract caps names at 1,000, so the API's row is dropped and reported.
    const rows = await visibleMetaRows(page);
    for (const name of HOSTILE_NAMES) {
      expect(rows.find((r) => r.name === name)?.badge).toMatch(name.length > 1000 ? /^–$/ : /^MQL→Won|\/\d+ MQL won/);
    }
    expect(await summaryText(page)).toContain('1 rows from the API broke the contract and were left out.');

    for (let i = 0; i < HOSTILE_NAMES.length; i++) {
      if ((HOSTILE_NAMES[i] as string).length > 1000) continue;
      await page.locator('funnel-lens-badge').nth(i).locator('button').click();
      const card = page.locator('funnel-lens-card [role="dialog"]');
      await card.waitFor();
      const shown = await card.locator('.name').evaluate((el) => ({ text: el.textContent, width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height }));
      expect(shown.text).toBe(HOSTILE_NAMES[i]);
      // The card keeps its size whatever the name: 10,000 characters are clipped, not laid out.
      expect(shown.width).toBeLessThanOrEqual(320);
      expect(shown.height).toBeLessThan(80);
      await page.keyboard.press('Escape');
    }
    const evidence = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      // Nothing of ours outside our own elements, and no markup parsed inside them.
      imgsInShadow: [...document.querySelectorAll('funnel-lens-badge, funnel-lens-card, funnel-lens-summary')].reduce((n, el) => n + (el.shadowRoot?.querySelectorAll('img, script, style:not(:first-child), :scope > div style').length ?? 0), 0),
      hostStylesIntact: getComputedStyle(document.body).display !== 'none',
    }));
    expect(evidence).toEqual({ pwned: null, imgsInShadow: 0, hostStylesIntact: true });
    // Our badge styles did not leak out either: the host's links keep their own colour.
    const linkColour = await page.locator('[data-surface="/am/table"] a').first().evaluate((a) => getComputedStyle(a).color);
    expect(linkColour).not.toBe('rgb(11, 94, 42)');
    await page.close();
  });
});

describe('look-alike pages', () => {
  it('a page that imitates Ads Manager on another origin gets no content script and cannot message the extension', async () => {
    const evil = { ...META_REPLICA, routes: ['https://adsmanager.facebook.com.evil.example/**'] };
    await routeReplica(browser.context, evil, {
      accountId: ACCOUNT, currency: 'EUR', locale: 'en', levels: { campaign: world, ad_group: [], ad: [] }, variant: { ids: 'data-surface', skeletonMs: 100 },
    });
    const page = await browser.newPage();
    await page.goto(`https://adsmanager.facebook.com.evil.example/adsmanager/manage/campaigns?act=${ACCOUNT}`);
    await waitForReplica(page);
    await page.waitForTimeout(1500);
    expect(await page.locator('funnel-lens-badge, funnel-lens-summary').count()).toBe(0);
    // Web pages have no channel to the extension: no externally_connectable in the manifest.
    expect(await page.evaluate(() => typeof (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
    const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.externally_connectable).toBeUndefined();
    await page.close();
  });
});

describe('the API key', () => {
  it('lives in storage.local only, never storage.sync', async () => {
    const popup = await openPopup(browser);
    const stored = await popup.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<object> }; sync: { get(k: null): Promise<object> } } } }).chrome;
      return { local: JSON.stringify(await chrome.storage.local.get(null)), sync: JSON.stringify(await chrome.storage.sync.get(null)) };
    });
    expect(stored.local).toContain(SECRET);
    expect(stored.sync).not.toContain(SECRET);
    await popup.close();
  });

  it('is sent to the configured origin only, in the Authorization header', async () => {
    const page = await openMeta();
    await page.close();
    const funnel = server.requests.filter((r) => r.path.endsWith('/v1/funnel'));
    expect(funnel.length).toBeGreaterThan(0);
    for (const r of funnel) {
      expect(r.headers.authorization).toBe(`Bearer ${SECRET}`);
      expect(JSON.stringify(r.query)).not.toContain(SECRET);
    }
  });

  it('never reaches a page, a message answer, a log or an error, even when the server echoes it back', async () => {
    // The server's 401 body repeats the key it was sent; the client must not pass that on.
    server.setFault({ kind: 'status', status: 401 });
    const popup = await openPopup(browser);
    await popup.getByRole('button', { name: 'Refresh now' }).click();
    await popup.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => popup.locator('.outcome').textContent()).toContain('(401)');
    const answers = await popup.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome;
      const ask = (type: string, data?: unknown) => chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
      return JSON.stringify([
        await ask('getStatus'),
        await ask('getFunnel', { platform: 'meta_ads', level: 'campaign', accountId: '1234567890', from: '2026-01-01', to: '2026-01-31' }),
      ]);
    });
    expect(answers).toContain('unauthorized');
    expect(answers).not.toContain(SECRET);
    expect(await popup.content()).not.toContain(SECRET);
    await popup.close();
    server.setFault(null);

    const page = await openMeta();
    expect(await summaryText(page)).not.toContain(SECRET);
    expect(await page.content()).not.toContain(SECRET);
    await page.close();
    expect(allConsole.join('\n')).not.toContain(SECRET);
  });

  it('is out of the content scripts\' reach: their bundles never read the key item', () => {
    const dir = path.join(EXTENSION_DIR, 'content-scripts');
    const bundles = readdirSync(dir).filter((f) => f.endsWith('.js'));
    // One per ad manager, plus Meta's page-world ID reader.
    expect(bundles.sort()).toEqual(['google-ads.js', 'linkedin-ads.js', 'meta-ads-ids.js', 'meta-ads.js']);
    for (const file of bundles) expect(readFileSync(path.join(dir, file), 'utf8')).not.toMatch(/apiKey/);
  });
});

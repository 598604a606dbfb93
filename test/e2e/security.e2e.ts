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
import { contentWorld } from './support/content-world';
import { replicaCall, summaryText, visibleMetaRows, waitForReplica } from './support/meta-page';
import { ourUi } from './support/our-ui';
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
    accountId: ACCOUNT,
    currency: 'EUR',
    locale: 'en',
    levels: { campaign: world, ad_group: [], ad: [] },
    variant: { ids: 'data-surface', skeletonMs: 150 },
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(() => expect(browser.errors).toEqual([]));

async function openMeta(beforeLoad?: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await browser.newPage();
  await beforeLoad?.(page);
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
    expect(await summaryText(page)).toContain('Rows from the API left out because they broke the contract: 1.');
    const ui = ourUi(page);

    for (let i = 0; i < HOSTILE_NAMES.length; i++) {
      if ((HOSTILE_NAMES[i] as string).length > 1000) continue;
      // By keyboard: a hover card of the badge under the resting pointer may cover the next one.
      await ui.locator('funnel-lens-badge', 'button').nth(i).focus();
      await page.keyboard.press('Enter');
      const card = ui.locator('funnel-lens-card', '[role="dialog"]');
      await card.waitFor();
      const shown = await ui
        .locator('funnel-lens-card', '[role="dialog"] .name')
        .evaluate((el) => ({ text: el.textContent, width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height }));
      expect(shown.text).toBe(HOSTILE_NAMES[i]);
      // The card keeps its size whatever the name: 10,000 characters are clipped, not laid out.
      expect(shown.width).toBeLessThanOrEqual(320);
      expect(shown.height).toBeLessThan(80);
      await page.keyboard.press('Escape');
    }
    const evidence = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      hostStylesIntact: getComputedStyle(document.body).display !== 'none',
    }));
    expect(evidence).toEqual({ pwned: null, hostStylesIntact: true });
    // Nothing of ours outside our own elements, and no markup parsed inside them.
    expect(await ui.locator('funnel-lens-badge, funnel-lens-card, funnel-lens-summary', 'img, script, style:not(:first-child), div style').count()).toBe(0);
    // Our badge styles did not leak out either: the host's links keep their own colour.
    const linkColour = await page
      .locator('[data-surface="/am/table"] a')
      .first()
      .evaluate((a) => getComputedStyle(a).color);
    expect(linkColour).not.toBe('rgb(11, 94, 42)');
    await page.close();
  });
});

describe('look-alike pages', () => {
  it('a page that imitates Ads Manager on another origin gets no content script and cannot message the extension', async () => {
    const evil = { ...META_REPLICA, routes: ['https://adsmanager.facebook.com.evil.example/**'] };
    await routeReplica(browser.context, evil, {
      accountId: ACCOUNT,
      currency: 'EUR',
      locale: 'en',
      levels: { campaign: world, ad_group: [], ad: [] },
      variant: { ids: 'data-surface', skeletonMs: 100 },
    });
    const page = await browser.newPage();
    await page.goto(`https://adsmanager.facebook.com.evil.example/adsmanager/manage/campaigns?act=${ACCOUNT}`);
    await waitForReplica(page);
    // The wait is the test: for 1.5 s after the look-alike has rendered, no badge and no summary
    // may appear (the check after it), since no content script may run there.
    await page.waitForTimeout(1500);
    expect(await page.locator('funnel-lens-badge, funnel-lens-summary, funnel-lens-layer').count()).toBe(0);
    // Web pages have no channel to the extension: no externally_connectable in the manifest.
    expect(await page.evaluate(() => typeof (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe(
      'undefined',
    );
    const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.externally_connectable).toBeUndefined();
    await page.close();
  });
});

describe('the API key', () => {
  it("lives in the extension's own IndexedDB, never in storage.local or storage.sync (which content scripts can reach)", async () => {
    const popup = await openPopup(browser);
    const stored = await popup.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<object> }; sync: { get(k: null): Promise<object> } } } })
        .chrome;
      const inIndexedDb = await new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('funnel-lens-connection');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const names = [...open.result.objectStoreNames];
          if (names.length === 0) return resolve('');
          const all = open.result
            .transaction(names, 'readonly')
            .objectStore(names[0] as string)
            .getAll();
          all.onsuccess = () => resolve(JSON.stringify(all.result));
        };
      });
      return { local: JSON.stringify(await chrome.storage.local.get(null)), sync: JSON.stringify(await chrome.storage.sync.get(null)), inIndexedDb };
    });
    expect(stored.inIndexedDb).toContain(SECRET);
    expect(stored.local).not.toContain(SECRET);
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

  it("is out of the content scripts' reach: their bundles never read the key item", () => {
    const dir = path.join(EXTENSION_DIR, 'content-scripts');
    const bundles = readdirSync(dir).filter((f) => f.endsWith('.js'));
    // One per ad manager, plus Meta's page-world ID reader.
    expect(bundles.sort()).toEqual(['google-ads.js', 'linkedin-ads.js', 'meta-ads-ids.js', 'meta-ads.js']);
    for (const file of bundles) expect(readFileSync(path.join(dir, file), 'utf8')).not.toMatch(/apiKey/);
  });
});

describe('a compromised content script', () => {
  it('finds no key or API URL in any storage it can read, and every privileged message is refused', async () => {
    // A second API on another local port: the attacker wants the saved key sent there.
    const trap = await startStatsServer({ world, name: 'Trap', currency: 'EUR', apiKey: 'trap-key' });
    const page = await openMeta();
    const attacker = await contentWorld(browser, page);
    try {
      const readable = await attacker.run(async () => {
        const chrome = (globalThis as unknown as { chrome: { storage: Record<string, { get(k: null): Promise<object> }> } }).chrome;
        const found: Record<string, unknown> = {};
        for (const area of ['local', 'sync', 'session']) {
          try {
            found[area] = await chrome.storage[area]?.get(null);
          } catch (error) {
            found[area] = `refused: ${String(error)}`;
          }
        }
        // A content script's IndexedDB is the page's: ours must not be among its databases.
        found.indexedDB = (await indexedDB.databases()).map((d) => d.name);
        return JSON.stringify(found);
      });
      expect(readable).not.toContain(SECRET);
      expect(readable).not.toContain(new URL(server.baseUrl).host);
      expect(readable).not.toContain('funnel-lens');

      const answers = await attacker.run(async (trapUrl: string) => {
        const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ res?: unknown; err?: { message: string } }> } } })
          .chrome;
        const ask = async (type: string, data?: unknown) => {
          const answer = await chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
          return { type, data, refused: answer?.err?.message ?? null, answered: answer?.res !== undefined };
        };
        const query = { platform: 'meta_ads', level: 'campaign', accountId: '1234567890', from: '2026-10-01', to: '2026-10-31' };
        return [
          await ask('getStatus'),
          await ask('testConnection', { baseUrl: trapUrl, apiKey: '' }),
          await ask('saveConnection', { baseUrl: trapUrl, apiKey: '' }),
          await ask('saveConnection', { baseUrl: null, apiKey: '' }),
          await ask('updateSettings', { apiBaseUrl: trapUrl }),
          await ask('updateSettings', { enabledPlatforms: { google_ads: false, meta_ads: false, linkedin_ads: false } }),
          await ask('refreshNow'),
          await ask('clearCache'),
          await ask('getFunnel', { ...query, platform: 'google_ads' }),
          await ask('getFunnel', { ...query, accountId: '1 OR 1=1' }),
        ];
      }, trap.baseUrl);
      for (const answer of answers) expect(answer, JSON.stringify(answer.data)).toMatchObject({ refused: 'Funnel Lens: message refused', answered: false });
      expect(trap.requests).toEqual([]);

      // What the overlay needs still works: its own platform's funnel.
      const own = await attacker.run(async () => {
        const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ res?: { ok: boolean; source?: string } }> } } })
          .chrome;
        const answer = await chrome.runtime.sendMessage({
          id: 2,
          type: 'getFunnel',
          timestamp: Date.now(),
          data: { platform: 'meta_ads', level: 'campaign', accountId: '1234567890', from: '2026-10-01', to: '2026-10-31' },
        });
        return { ok: answer.res?.ok, source: answer.res?.source };
      });
      expect(own).toEqual({ ok: true, source: 'api' });
    } finally {
      await attacker.close();
      await page.close();
      await trap.close();
    }
    // The connection is as the user left it.
    const popup = await openPopup(browser);
    await expect.poll(() => popup.getByLabel('API URL').inputValue()).toBe(server.baseUrl);
    await popup.close();
  });
});

describe('a hostile page script', () => {
  it('the built overlays attach closed shadow roots only, and never read one back through `shadowRoot`', () => {
    const dir = path.join(EXTENSION_DIR, 'content-scripts');
    for (const file of ['google-ads.js', 'linkedin-ads.js', 'meta-ads.js']) {
      const code = readFileSync(path.join(dir, file), 'utf8');
      expect(code.match(/attachShadow\(\{mode:"\w+"\}\)/g), file).toEqual(['attachShadow({mode:"closed"})']);
      expect(code, file).not.toMatch(/\.shadowRoot\b/);
    }
  });

  it('finds our elements but cannot read a number or a campaign out of them: closed roots, nothing on the hosts', async () => {
    const page = await openMeta();
    const ui = ourUi(page);
    // What a user sees (read through the content script's world): the badges' numbers and names.
    const badgeTexts = (await ui.locator('funnel-lens-badge', 'button').allTextContents()).filter((t) => /\d/.test(t));
    const badgeNames = await Promise.all(
      (await ui.locator('funnel-lens-badge', 'button').allTextContents()).map((_, i) => ui.locator('funnel-lens-badge', 'button').nth(i).accessibleName()),
    );
    expect(badgeTexts.length).toBeGreaterThan(5);
    expect(badgeNames.filter((n) => world.some((c) => n.includes(c.name))).length).toBeGreaterThan(5);
    // Open a card by keyboard, as a user would; the summary is on the page already.
    await ui
      .locator('funnel-lens-badge', 'button')
      .nth(HOSTILE_NAMES.length + 1)
      .focus();
    await page.keyboard.press('Enter');
    await ui.locator('funnel-lens-card', '[role="dialog"]').waitFor();
    expect(await ui.locator('funnel-lens-card', '[role="dialog"]').textContent()).toContain('MQL→Won');
    expect(await summaryText(page)).toMatch(/\d+ of \d+ campaigns matched/);

    // The page's own script: everything it can get from our hosts and the rows around them.
    const seen = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('funnel-lens-badge, funnel-lens-card, funnel-lens-summary')];
      return {
        tags: [...new Set(hosts.map((h) => h.tagName.toLowerCase()))].sort(),
        openRoots: hosts.filter((h) => h.shadowRoot !== null).length,
        // Each host as the page can serialise it, its text, and any attribute.
        markup: [...new Set(hosts.map((h) => h.outerHTML + h.getHTML({ serializableShadowRoots: true }) + h.textContent + (h as HTMLElement).innerText))],
        // Rendered text of the table rows around the badges, and of a selection over the page.
        rowsText: [...document.querySelectorAll('._1gda._2djg')].map((r) => (r as HTMLElement).innerText).join('\n'),
        selection: (() => {
          getSelection()?.selectAllChildren(document.body);
          const text = getSelection()?.toString() ?? '';
          getSelection()?.removeAllRanges();
          return text;
        })(),
      };
    });
    expect(seen.tags).toEqual(['funnel-lens-badge', 'funnel-lens-card', 'funnel-lens-summary']);
    expect(seen.openRoots).toBe(0);
    expect(seen.markup.sort()).toEqual([
      '<funnel-lens-badge lang="en"></funnel-lens-badge>',
      '<funnel-lens-card lang="en"></funnel-lens-card>',
      '<funnel-lens-summary lang="en"></funnel-lens-summary>',
    ]);
    const pageText = `${seen.rowsText}\n${seen.selection}`;
    for (const text of badgeTexts) expect(pageText).not.toContain(text.trim());
    // Nor the card's or the summary's words (the page's own account is called "Funnel Lens QA").
    expect(pageText).not.toMatch(/MQL→Won|campaigns matched|Show details/);
    await page.close();
  });

  it('cannot tear the overlay down by announcing a "newer" overlay, and hears no announcement of ours', async () => {
    const announced = ['funnel-lens:overlay-started', ...['meta_ads', 'google_ads', 'linkedin_ads'].map((p) => `funnel-lens:overlay-started:${p}`)];
    // The page listens from before any script of ours runs: an event type crosses worlds, so it
    // would hear one the overlay dispatched. WXT's context stops older instances without one.
    const page = await openMeta((p) =>
      p.addInitScript((types: string[]) => {
        const heard: string[] = [];
        (window as unknown as { heardFromOverlay: string[] }).heardFromOverlay = heard;
        for (const type of types) for (const target of [document, window]) target.addEventListener(type, () => heard.push(type), true);
      }, announced),
    );
    expect(await page.evaluate(() => (window as unknown as { heardFromOverlay: string[] }).heardFromOverlay)).toEqual([]);
    // What an older version's content script announced after an update; any page can dispatch it.
    await page.evaluate((types: string[]) => {
      for (const type of types) document.dispatchEvent(new Event(type));
    }, announced);
    // The overlay is alive: its summary stays, and rows scrolled into view get their badges.
    await replicaCall(page, 'scrollBy', 10 * 48);
    await expect.poll(async () => (await visibleMetaRows(page)).every((r) => r.badge && r.badge !== '…')).toBe(true);
    expect(await page.locator('funnel-lens-summary').count()).toBe(1);
    await page.close();
  });
});

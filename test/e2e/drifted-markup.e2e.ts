/**
 * Issue 17: when an ad manager's markup drifts past every hook the adapter knows, the
 * platform-blind fallback finder puts badges on the right rows by the names and IDs the page
 * shows, and never on a wrong one. One drifted replica per platform:
 * - Meta: the redesign (`knownTableMarkup: false`): a plain table, atomic classes, no
 *   data-surface, no roles, names as plain text with no link and no ID;
 * - Google Ads: the table's tags and classes renamed, no essfield, no grid roles (`drifted`);
 * - LinkedIn: the list as a div grid with every class renamed (`drifted`).
 * The row-truth probe checks every visible row against the replica's own model in every painted
 * frame and after every DOM change while the page scrolls.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Level } from '../../utils/api/schema';
import type { Platform } from '../../utils/api/constants';
import { makeWorld, makeWorldTree } from '../fixtures/world';
import type { WorldEntity } from '../fixtures/types';
import { googleAdsUrl, metaAdsManagerUrl, routeGoogleAdsReplica, routeMetaReplica } from '../replicas/serve';
import { linkedInUrl, routeLinkedInReplica } from '../replicas/serve-linkedin';
import type { StatsServer } from '../support/stats-server';
import type { ExtensionBrowser } from './support/browser';
import { hookHealthLine } from './support/hook-health';
import { openPopup } from './support/popup';
import { summaryText, waitForReplica } from './support/meta-page';
import {
  REPLICA_TRUTH,
  badgeVisibility,
  describeWrongEpisodes,
  expectedNumbers,
  startRowTruthProbe,
  stopRowTruthProbe,
  waitForRowsAgree,
  type RowTruthReport,
} from './support/row-truth-probe';
import { useConnectedSession } from './support/session';
import { ourUi } from './support/our-ui';

const META_ACCOUNT = '7700112233';
const GOOGLE_CUSTOMER = '4445556667';
const LINKEDIN_ACCOUNT = '508877';
const metaCampaigns = makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: META_ACCOUNT, count: 60, seed: 171 });
const googleCampaigns = makeWorld({ platform: 'google_ads', level: 'campaign', accountId: GOOGLE_CUSTOMER, count: 120, seed: 172 });
const linkedInWorld = makeWorldTree({ platform: 'linkedin_ads', accountId: LINKEDIN_ACCOUNT, campaigns: 40, seed: 173 });
const world: WorldEntity[] = [...metaCampaigns, ...googleCampaigns, ...linkedInWorld];
const RANGE = { from: '2026-09-01', to: '2026-09-30' };

const session = useConnectedSession({ world });
let server: StatsServer;
let browser: ExtensionBrowser;
beforeAll(() => {
  ({ server, browser } = session);
});

const TRUTH = REPLICA_TRUTH;

function probeFor(platform: Platform, accountId: string, truth: string, level: Level = 'campaign') {
  const rows = server.expectedRows({ platform, level, account_id: accountId, ...RANGE });
  return { truth, expected: expectedNumbers(rows) };
}

/** Scrolls the element `selector` finds (null: the window) by `step` px per frame for `frames` frames, down then back up. */
async function scrollFrames(page: Page, selector: string | null, step: number, frames: number): Promise<void> {
  await page.evaluate(
    async ([sel, dy, n]) => {
      const target: Element | Window = sel ? (document.querySelector(sel) as Element) : window;
      for (let i = 0; i < n * 2; i++) {
        target.scrollBy(0, i < n ? dy : -dy);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    },
    [selector, step, frames] as const,
  );
}

function expectNoWrongRow(report: RowTruthReport): void {
  expect(report.wrongEpisodeCount, describeWrongEpisodes(report)).toBe(0);
  expect(report.unmappedFrameSamples).toBe(0);
  expect(report.frames).toBeGreaterThan(20);
  expect(report.episodes).toBeGreaterThan(10);
}

/** Every row a user can see shows its badge where it can be seen (elementFromPoint at its centre). */
async function expectBadgesVisible(page: Page, probe: ReturnType<typeof probeFor>): Promise<void> {
  const { checked, hidden } = await badgeVisibility(page, probe);
  expect(hidden).toEqual([]);
  expect(checked).toBeGreaterThan(3);
}

async function openPage(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await waitForReplica(page);
  return page;
}

async function expectFallbackReported(page: Page): Promise<void> {
  await expect.poll(() => summaryText(page), { timeout: 5000 }).toContain('badges are placed by the campaign names and IDs the page shows');
  expect(await summaryText(page)).not.toContain('Table layout not recognised');
  expect(await hookHealthLine(page)).toContain('rows: names on the page ✓ · names: names on the page ✓');
}

describe('drifted markup: the fallback finder, never a wrong row', () => {
  it('Meta redesign (plain table, no data-surface, no roles, names as plain text)', async () => {
    await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
    await routeMetaReplica(browser.context, {
      accountId: META_ACCOUNT,
      currency: 'EUR',
      locale: 'en',
      levels: { campaign: metaCampaigns, ad_group: [], ad: [] },
      variant: { knownTableMarkup: false, dataSurface: false, ariaRoles: false, ids: 'none', skeletonMs: 200 },
    });
    const page = await openPage(metaAdsManagerUrl({ accountId: META_ACCOUNT, ...RANGE }));
    const probe = probeFor('meta_ads', META_ACCOUNT, TRUTH.byRowNodeAt);
    await waitForRowsAgree(page, probe);
    await expectBadgesVisible(page, probe);
    await startRowTruthProbe(page, probe);
    await scrollFrames(page, '._rdscroll', 37, 40);
    expectNoWrongRow(await stopRowTruthProbe(page));
    await expectFallbackReported(page);

    // "Copy diagnostics": the table's shape for a bug report, and nothing of the page's data.
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://adsmanager.facebook.com' });
    await ourUi(page).getByRole('funnel-lens-summary', 'button', 'Copy diagnostics').click();
    await expect.poll(() => summaryText(page)).toContain('Copied: paste it into your bug report');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('badges from the fallback finder: yes');
    expect(copied).toContain('platform: meta_ads');
    // The redesign's 60 rows, described once with their count (tag, class, no text).
    expect(copied).toContain('tr .x1i10hfl ×60');
    const model = (await page.evaluate(() =>
      (window as unknown as { __replica: { visibleRows(): Array<{ id: string; name: string; spendText: string }> } }).__replica.visibleRows(),
    )) as Array<{ id: string; name: string; spendText: string }>;
    const leaked = [META_ACCOUNT, ...model.flatMap((r) => [r.id, r.name, r.spendText])].filter((secret) => copied.includes(secret));
    expect(leaked).toEqual([]);

    // The popup shows the current tab's state. (Opened as a tab here: the replica's tab is
    // brought to the front and the popup reloaded, so the replica is the window's active tab.)
    const popup = await openPopup(browser);
    await page.bringToFront();
    await popup.reload();
    const tabHealth = popup.locator('.tab-health');
    await expect.poll(() => tabHealth.count(), { timeout: 5000 }).toBe(1);
    expect(await tabHealth.textContent()).toMatch(
      /^This page\d+ rows found by the campaign names and IDs on the page \(the fallback\)\.table: not found ✗ · rows: names on the page ✓ · names: names on the page ✓ · IDs: not found ✗ · spend: not found ✗ · date: URL ✓/,
    );
    await popup.close();
    await page.close();
  });

  it('Google Ads with renamed tags and classes, no essfield, no grid roles', async () => {
    await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
    await routeGoogleAdsReplica(browser.context, {
      customerId: GOOGLE_CUSTOMER,
      accountName: 'Drift QA',
      ocid: '398000171',
      currency: 'USD',
      locale: 'en',
      levels: { campaign: googleCampaigns, ad_group: [] },
      range: RANGE,
      variant: { drifted: true, splashMs: 300, tableReloadMs: 150, chunkDelayMs: 100, joinedRowAt: 30 },
    });
    const page = await openPage(googleAdsUrl({ ocid: '398000171' }));
    expect(await page.locator('[essfield], [role="row"], [role="grid"], ess-cell, campaign-name').count()).toBe(0);
    const probe = probeFor('google_ads', GOOGLE_CUSTOMER, TRUTH.byRowNodeAt);
    await waitForRowsAgree(page, probe);
    await expectBadgesVisible(page, probe);
    await startRowTruthProbe(page, probe);
    // Recycled row nodes: 16 nodes show 120 campaigns, the name links rewritten in place.
    await scrollFrames(page, '.k7particle-table-body', 29, 60);
    expectNoWrongRow(await stopRowTruthProbe(page));
    await expectFallbackReported(page);
    await page.close();
  });

  it('Google Ads: says "waiting for the table" while it loads, then ignores the hidden spinner left behind', async () => {
    await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
    // An account the CRM knows nothing of, with a table no hook knows: nothing to find.
    await routeGoogleAdsReplica(browser.context, {
      customerId: '1112223334',
      accountName: 'Empty QA',
      ocid: '398000174',
      currency: 'USD',
      locale: 'en',
      levels: { campaign: googleCampaigns.slice(0, 20), ad_group: [] },
      range: RANGE,
      // The header comes half-way through the splash; the table 2.5 s later.
      variant: { drifted: true, hiddenSpinner: true, splashMs: 5000 },
    });
    const page = await browser.newPage();
    await page.goto(googleAdsUrl({ ocid: '398000174' }));
    await expect.poll(() => summaryText(page), { timeout: 4500 }).toContain('Waiting for the table');
    await page.waitForFunction(() => (window as unknown as { __replica?: object }).__replica !== undefined);
    await page.evaluate(() => (window as unknown as { __replica: { ready: Promise<void> } }).__replica.ready);
    // The splash is still in the page, hidden: it must not keep Funnel Lens waiting.
    expect(await page.locator('.splash-screen').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    await expect.poll(() => summaryText(page), { timeout: 10_000 }).toContain('Table layout not recognised');
    expect(await summaryText(page)).not.toContain('Waiting for the table');
    await page.close();
  });

  it('LinkedIn as a div grid (no <table>), every class renamed', async () => {
    await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
    await routeLinkedInReplica(browser.context, {
      accountId: LINKEDIN_ACCOUNT,
      accountName: 'Drift Oy',
      currency: 'EUR',
      locale: 'en',
      levels: {
        campaign: linkedInWorld.filter((e) => e.level === 'campaign'),
        ad_group: linkedInWorld.filter((e) => e.level === 'ad_group'),
        ad: linkedInWorld.filter((e) => e.level === 'ad'),
      },
      initialRange: RANGE,
      variant: { drifted: true },
    });
    const page = await openPage(linkedInUrl({ accountId: LINKEDIN_ACCOUNT, level: 'campaign' }));
    expect(await page.locator('table').count()).toBe(0);
    const probe = probeFor('linkedin_ads', LINKEDIN_ACCOUNT, TRUTH.byRowElement);
    await waitForRowsAgree(page, probe);
    await expectBadgesVisible(page, probe);
    await startRowTruthProbe(page, probe);
    await scrollFrames(page, null, 31, 40);
    expectNoWrongRow(await stopRowTruthProbe(page));
    await expectFallbackReported(page);
    await page.close();
  });
});

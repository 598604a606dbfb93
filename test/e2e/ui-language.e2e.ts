/**
 * Every surface in each UI language the extension speaks, as a user of that language sees it:
 * the popup at its real size, the dashboard at 1280×800, and a campaign's badge, card and page
 * summary in Meta Ads Manager (the replica in the same language). In each: no text clipped and
 * nothing scrolling sideways, axe with no serious violations, and no message of the other
 * language (compared with the catalogues), apart from data the API or the page supplies. One
 * browser per language, launched with that UI language (`--lang`). Our elements in Meta Ads
 * Manager have closed shadow roots: these checks, axe included, look inside them from our content
 * script's world (support/our-ui.ts, support/axe.ts), over every element of our shadow trees.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { MetaResponse } from '../../utils/api/schema';
import { DEMO_ACCOUNTS, demoEntities } from '../../utils/demo/dataset';
import { POPUP_SIZE } from '../demo/scenes/35-popup';
import { makeWorld } from '../fixtures/world';
import type { ReplicaCampaign } from '../fixtures/types';
import { metaAdsManagerUrl, routeMetaReplica } from '../replicas/serve';
import { catalogue, UI_LANGUAGES } from '../support/catalogues';
import { startStatsServer, type StatsServer } from '../support/stats-server';
import { seriousAxeViolations } from './support/axe';
import { ourUi } from './support/our-ui';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { waitForReplica } from './support/meta-page';
import { foreignStrings, layoutProblems } from './support/ui-language';

const DASHBOARD_SIZE = { width: 1280, height: 800 };
const OUR_ELEMENTS = 'funnel-lens-badge, funnel-lens-card, funnel-lens-summary';
/** A connected CRM's stage labels: English, as many CRMs send them, whatever the UI language. */
const API_STAGES: MetaResponse['stages'] = [
  { key: 'lead', label: 'Lead' },
  { key: 'mql', label: 'MQL' },
  { key: 'sql', label: 'SQL' },
  { key: 'meeting', label: 'Meeting' },
  { key: 'won', label: 'Won' },
];
const API_ACCOUNT = '4242424242';
const apiCampaigns = makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: API_ACCOUNT, count: 12, seed: 25 });
const demoCampaigns = demoEntities('meta_ads', 'campaign');

for (const lang of UI_LANGUAGES) {
  describe(`in ${lang === 'fi' ? 'Finnish' : 'English'}`, () => {
    const messages = catalogue(lang);
    const msg = (key: string) => {
      const text = messages[key];
      if (text === undefined) throw new Error(`no message ${key}`);
      return text;
    };
    let browser: ExtensionBrowser;
    let server: StatsServer;

    beforeAll(async () => {
      server = await startStatsServer({ world: apiCampaigns, name: 'Acme CRM', currency: 'EUR', stages: API_STAGES });
      browser = await launchWithExtension({ lang, viewport: DASHBOARD_SIZE });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });
    afterEach(() => expect(browser.errors).toEqual([]));

    /** Everything a surface must pass in every language. */
    async function expectReadable(page: Page, scope: string | null, data: readonly string[] = []): Promise<void> {
      expect(await layoutProblems(page, scope)).toEqual([]);
      expect(await foreignStrings(page, lang, scope, data)).toEqual([]);
      expect(await seriousAxeViolations(page, scope === null ? undefined : scope)).toEqual([]);
    }

    it('the popup fits its width and speaks the language', async () => {
      const popup = await browser.newPage();
      await popup.setViewportSize(POPUP_SIZE);
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await popup.locator('table tr[data-platform] td').first().waitFor({ timeout: 15_000 });
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
      // The notice, then the way to import a CRM export (issue 19).
      expect(await popup.getByRole('note').textContent()).toBe(`${msg('popup.demoNotice')} ${msg('import.popupLink')}`);
      await expectReadable(popup, null);
      await popup.close();
    });

    it('the dashboard fits 1280×800 on every tab, the demo funnel named in the language', async () => {
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/options.html#tab=channels&range=last_90d`);
      await page.locator('[role=tabpanel][data-loaded=true] article.channel-card').first().waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      // The demo is our own data: its stages carry our labels in this language.
      const stageNames = await page.locator('article.channel-card[data-platform=meta_ads] tr[data-stage] th').allTextContents();
      expect(stageNames).toEqual(['lead', 'mql', 'sql', 'meeting', 'won'].map((key) => msg(`stage.${key}`)));
      await expectReadable(page, null);

      await page.getByRole('tab', { name: msg('dashboard.tabCampaigns') }).click();
      await page.locator('[role=tabpanel][data-loaded=true] table.campaign-table').waitFor({ timeout: 15_000 });
      await expectReadable(page, null, demoCampaignNames());

      await page.getByRole('tab', { name: msg('trends.tab') }).click();
      await page.locator('.trends-view[data-trends-loaded=true] img.trend-chart').first().waitFor({ timeout: 20_000 });
      await expectReadable(page, null);

      await page.getByRole('tab', { name: msg('dashboard.tabSettings') }).click();
      await page.getByLabel(msg('dashboard.minMql')).waitFor();
      await expectReadable(page, null);
      await page.close();
    });

    it("a campaign's badge, card and the page summary in Meta Ads Manager, on the demo data", async () => {
      const page = await openMeta(DEMO_ACCOUNTS.meta_ads, demoCampaigns);
      await openCard(page);
      const cardText = (await ourUi(page).locator('funnel-lens-card', '[role="dialog"]').textContent()) ?? '';
      for (const key of ['lead', 'mql', 'sql', 'meeting', 'won']) expect(cardText).toContain(msg(`stage.${key}`));
      expect(await page.locator('funnel-lens-card').getAttribute('lang')).toBe(lang);
      await expandSummary(page);
      await expectReadable(page, OUR_ELEMENTS, demoCampaignNames());
      await page.close();
    });

    it("a connected API's stage labels stay as the API sends them, and everything else speaks the language", async () => {
      const popup = await browser.newPage();
      await popup.setViewportSize(POPUP_SIZE);
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await popup.getByLabel(msg('popup.apiUrl')).fill(server.baseUrl);
      await popup.getByLabel(msg('popup.apiKey'), { exact: true }).fill(server.apiKey);
      await popup.getByRole('button', { name: msg('popup.save') }).click();
      await popup
        .getByRole('status')
        .filter({ hasText: msg('popup.saved') })
        .waitFor();
      await popup.close();

      const page = await openMeta(API_ACCOUNT, apiCampaigns);
      await openCard(page);
      const steps = await ourUi(page)
        .locator('funnel-lens-card', '[role="dialog"] .bars [role=listitem] > .bar:first-child > span:first-child')
        .allTextContents();
      expect(steps).toEqual(API_STAGES.map((s) => s.label));
      await expandSummary(page);
      await expectReadable(page, OUR_ELEMENTS, [...API_STAGES.map((s) => s.label), 'Acme CRM', ...apiCampaigns.map((c) => c.name)]);
      await page.close();
    });

    async function openMeta(accountId: string, campaigns: ReplicaCampaign[]): Promise<Page> {
      await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
      await routeMetaReplica(browser.context, {
        accountId,
        currency: 'EUR',
        locale: lang,
        levels: { campaign: campaigns, ad_group: [], ad: [] },
        variant: { ids: 'data-surface', skeletonMs: 150 },
      });
      const page = await browser.newPage();
      await page.goto(metaAdsManagerUrl({ accountId }));
      await waitForReplica(page);
      await ourUi(page).locator('funnel-lens-badge', 'button:not([data-tone="loading"])').first().waitFor();
      return page;
    }
  });
}

function demoCampaignNames(): string[] {
  return [
    ...demoCampaigns.map((c) => c.name),
    ...demoEntities('google_ads', 'campaign').map((c) => c.name),
    ...demoEntities('linkedin_ads', 'campaign').map((c) => c.name),
  ];
}

/** Opens the card of the second campaign with numbers, by keyboard as a screen-reader user would. */
async function openCard(page: Page): Promise<void> {
  const ui = ourUi(page);
  await ui.locator('funnel-lens-badge', 'button:not([data-tone="loading"]):not([data-tone="none"])').nth(1).focus();
  await page.keyboard.press('Enter');
  await ui.locator('funnel-lens-card', '[role="dialog"]').waitFor();
}

/** Opens the summary's details: the lists and what Funnel Lens found on the page. */
async function expandSummary(page: Page): Promise<void> {
  const toggle = ourUi(page).locator('funnel-lens-summary', 'button.toggle');
  await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
}

/**
 * Issue 20 end to end: the card and the summary put the platform's own lead count (as the replica
 * prints it in Results / Conversions) next to the CRM's. Every expected figure below is a literal:
 * the replica prints the platformLeads given here, the stats server answers the funnels given here
 * (a 30-day range, so the server does not scale them), and the texts are what a user reads.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WorldEntity } from '../fixtures/types';
import { googleAdsUrl, metaAdsManagerUrl, routeGoogleAdsReplica, routeMetaReplica, type MetaReplicaData } from '../replicas/serve';
import { type ExtensionBrowser } from './support/browser';
import { waitForGoogleReplica } from './support/google-page';
import { waitForLinkedInReplica } from './support/linkedin-page';
import { linkedInUrl, routeLinkedInReplica } from '../replicas/serve-linkedin';
import { summaryText, waitForReplica } from './support/meta-page';
import { useConnectedSession } from './support/session';
import { ourUi } from './support/our-ui';

const ACCOUNT = '5550001111';
const FROM = '2026-10-01';
const TO = '2026-10-30'; // 30 days: the stats server answers the funnels below unscaled

function entity(
  platform: WorldEntity['platform'],
  id: string,
  name: string,
  spend: number,
  leads: number,
  platformLeads: number,
  resultType?: WorldEntity['resultType'],
): WorldEntity {
  return {
    platform,
    level: 'campaign',
    accountId: ACCOUNT,
    id,
    name,
    spend,
    platformLeads,
    ...(resultType ? { resultType } : {}),
    funnel: {
      leads,
      mql: Math.floor(leads / 2),
      sql: Math.floor(leads / 4),
      meetings: Math.floor(leads / 8),
      won: Math.floor(leads / 16),
      lost: 2,
      revenue: 10_000,
    },
  };
}

const meta = [
  entity('meta_ads', '120210000000001', 'Lead Gen Nordics', 1200, 95, 120),
  entity('meta_ads', '120210000000002', 'Webinar Signups', 5600, 923, 1120, 'website_leads'),
  entity('meta_ads', '120210000000003', 'Traffic Push', 800, 40, 310, 'link_clicks'),
];
const google = [entity('google_ads', '21000000001', 'Search Brand FI', 950, 38, 40), entity('google_ads', '21000000002', 'Search Generic EN', 2400, 80, 60)];

const linkedin = [
  entity('linkedin_ads', '612345001', 'Decision Makers FI', 3000, 45, 50),
  entity('linkedin_ads', '612345002', 'Retargeting Nordics', 1000, 10, 20),
];

const session = useConnectedSession({ world: [...meta, ...google, ...linkedin] });
let browser: ExtensionBrowser;
beforeAll(() => {
  ({ browser } = session);
});

/** Visible text with every no-break space as a plain one. */
const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Routes one replica (and no other), opens `url` and waits until the replica is ready. */
async function openReplica(route: () => Promise<void>, url: string, ready: (page: Page) => Promise<void>): Promise<Page> {
  await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
  await route();
  const page = await browser.newPage();
  await page.goto(url);
  await ready(page);
  return page;
}

function openMeta(locale: 'en' | 'fi', variant: MetaReplicaData['variant']): Promise<Page> {
  return openReplica(
    () =>
      routeMetaReplica(browser.context, {
        accountId: ACCOUNT,
        currency: 'EUR',
        locale,
        levels: { campaign: meta, ad_group: [], ad: [] },
        variant: { skeletonMs: 200, ...variant },
      }),
    metaAdsManagerUrl({ accountId: ACCOUNT, from: FROM, to: TO }),
    waitForReplica,
  );
}

/** What a row prints, as a user reads it. */
async function rowText(page: Page, rowSelector: string, name: string): Promise<string> {
  return plain((await page.locator(rowSelector, { hasText: name }).textContent()) ?? '');
}

/**
 * Opens the card of the row that shows `name` by keyboard (focus, then Enter), as the badge
 * allows, and returns its text. By keyboard, an open card never sits over the next badge.
 */
async function cardOf(page: Page, rowSelector: string, name: string): Promise<string> {
  const ui = ourUi(page);
  await ui.inside(page.locator(rowSelector, { hasText: name }).locator('funnel-lens-badge'), 'button').focus();
  await page.keyboard.press('Enter');
  const card = ui.locator('funnel-lens-card', '[role="dialog"]');
  await expect.poll(async () => plain((await card.textContent()) ?? '')).toContain(name);
  return plain((await card.textContent()) ?? '');
}

async function summaryLine(page: Page, expected: string): Promise<void> {
  await expect.poll(async () => plain(await summaryText(page)), { timeout: 8000 }).toContain(expected);
}

describe('Meta: Results of a lead type beside the CRM', () => {
  it('card and summary show the counts the replica prints (English headers, keyed cells)', async () => {
    const page = await openMeta('en', { ids: 'data-surface' });
    // What the replica prints in the Results column, as a user reads it.
    await expect.poll(() => rowText(page, '._1gda._2djg', 'Lead Gen Nordics')).toContain('Leads (form)');
    await expect.poll(() => rowText(page, '._1gda._2djg', 'Webinar Signups')).toContain('1,120');

    const card = await cardOf(page, '._1gda._2djg', 'Lead Gen Nordics');
    expect(card).toContain('Meta reports 120 leads · CRM has 95 (79%)');
    expect(card).toContain("Cost per lead: €10.00 by Meta's count · €12.63 by the CRM's");
    expect(card).toContain("Fewer than 80% of the platform's leads reached the CRM");

    const webinar = await cardOf(page, '._1gda._2djg', 'Webinar Signups');
    expect(webinar).toContain('Meta reports 1,120 leads · CRM has 923 (82%)');
    expect(webinar).not.toContain('Fewer than 80%');

    // Link clicks are not leads: no comparison at all on that row.
    const traffic = await cardOf(page, '._1gda._2djg', 'Traffic Push');
    expect(traffic).not.toContain('Meta reports');

    // Totals over the two lead rows: 120 + 1,120 and 95 + 923.
    await summaryLine(page, 'Meta: 1,240 leads · CRM 1,018 (82%)');
    await page.close();
  });

  it('Finnish headers, no data-surface keys (found under "Tulokset" by position), abbreviated counts', async () => {
    const page = await openMeta('fi', { ids: 'react', dataSurface: false, abbreviateCounts: true });
    await expect.poll(() => rowText(page, '._1gda._2djg', 'Webinar Signups')).toContain('1,1 t.');
    await expect.poll(() => rowText(page, '._1gda._2djg', 'Lead Gen Nordics')).toContain('Liidit (lomake)');

    const card = await cardOf(page, '._1gda._2djg', 'Lead Gen Nordics');
    expect(card).toContain('Meta reports 120 leads · CRM has 95 (79%)');
    const webinar = await cardOf(page, '._1gda._2djg', 'Webinar Signups');
    // "1,1 t." is 1,100 rounded by Meta: said to be approximate.
    expect(webinar).toContain('Meta reports ≈1,100 leads · CRM has 923 (84%)');
    expect(webinar).toContain('the share is approximate');
    await summaryLine(page, 'Meta: ≈1,220 leads · CRM 1,018 (83%)');
    await page.close();
  });
});

describe('Google Ads: Conversions beside the CRM', () => {
  it('card and summary show the Conversions the replica prints', async () => {
    const page = await openReplica(
      () =>
        routeGoogleAdsReplica(browser.context, {
          customerId: ACCOUNT,
          currency: 'EUR',
          locale: 'fi',
          levels: { campaign: google, ad_group: [] },
          range: { from: FROM, to: TO },
          variant: { splashMs: 200, tableReloadMs: 100, rangeReloadMs: 100, chunkDelayMs: 100 },
        }),
      googleAdsUrl(),
      waitForGoogleReplica,
    );
    // The Finnish replica prints "Konversiot" with comma decimals.
    await expect.poll(async () => plain((await page.locator('.particle-table-header [essfield="stats.conversions"]').textContent()) ?? '')).toBe('Konversiot');
    await expect.poll(() => rowText(page, '.particle-table-row', 'Search Generic EN')).toContain('60,00');

    const brand = await cardOf(page, '.particle-table-row', 'Search Brand FI');
    expect(brand).toContain('Google Ads reports 40 leads · CRM has 38 (95%)');
    expect(brand).not.toContain('Fewer than 80%');
    const generic = await cardOf(page, '.particle-table-row', 'Search Generic EN');
    expect(generic).toContain('Google Ads reports 60 leads · CRM has 80 (133%)');
    expect(generic).toContain("The CRM holds more than 120% of the platform's leads");
    await summaryLine(page, 'Google Ads: 100 leads · CRM 118 (118%)');
    await page.close();
  });
});

describe('LinkedIn: Conversions when the Leads column is hidden', () => {
  it('card and summary show the counts under the Finnish "Konversiot" header', async () => {
    const page = await openReplica(
      () =>
        routeLinkedInReplica(browser.context, {
          accountId: ACCOUNT,
          accountName: 'QA',
          currency: 'EUR',
          locale: 'fi',
          levels: { campaign: linkedin, ad_group: [], ad: [] },
          initialRange: { from: FROM, to: TO },
          variant: { loadingMs: 100, leadColumn: 'conversions' },
        }),
      linkedInUrl({ accountId: ACCOUNT, level: 'campaign' }),
      waitForLinkedInReplica,
    );
    await expect.poll(async () => plain((await page.locator('thead').textContent()) ?? '')).toContain('Konversiot');
    await expect.poll(() => rowText(page, 'tbody tr', 'Retargeting Nordics')).toContain('20');

    const retargeting = await cardOf(page, 'tbody tr', 'Retargeting Nordics');
    expect(retargeting).toContain('LinkedIn reports 20 leads · CRM has 10 (50%)');
    expect(retargeting).toContain("Fewer than 80% of the platform's leads reached the CRM");
    // 55 of 70 is 78.6%: the page as a whole is flagged too.
    await summaryLine(page, 'LinkedIn: 70 leads · CRM 55 (79%)');
    expect(plain(await summaryText(page))).toContain("Fewer than 80% of the platform's leads reached the CRM");
    await page.close();
  });
});

describe('Dashboard: Platform vs CRM for campaigns seen on ad pages', () => {
  it('shows the last count read, flagged, and exports it in the CSV', async () => {
    const meta = await openMeta('en', { ids: 'data-surface' });
    await summaryLine(meta, 'Meta: 1,240 leads · CRM 1,018 (82%)');
    await meta.close();

    const page = await browser.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#tab=campaigns&from=${FROM}&to=${TO}`);
    const cell = (name: string) => page.locator('tr[data-platform=meta_ads]', { hasText: name }).locator('td[data-col=platformVsCrm]');
    // The background stores the counts as the page hands them over: reload until they are there.
    await expect
      .poll(
        async () => {
          if ((await cell('Lead Gen Nordics').count()) === 0) await page.reload();
          await page.locator(`[role=tabpanel][data-range="${FROM}_${TO}"][data-loaded=true]`).waitFor({ timeout: 15_000 });
          return cell('Lead Gen Nordics').count();
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    expect(plain((await cell('Lead Gen Nordics').textContent()) ?? '')).toBe('120 · CRM 79%CRM < 80%');
    expect(plain((await cell('Webinar Signups').textContent()) ?? '')).toBe('1,120 · CRM 82%');
    // Link clicks are not leads: nothing was remembered for that campaign.
    expect(plain((await cell('Traffic Push').textContent()) ?? '')).toBe('—');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export CSV/ }).click()]);
    const lines = readFileSync(await download.path(), 'utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n');
    const header = (lines[0] ?? '').split(',');
    expect(header.slice(-3)).toEqual(['"Platform leads"', '"CRM leads / platform leads"', '"Platform figure read at (UTC)"']);
    const leadGen = (lines.find((l) => l.includes('"Lead Gen Nordics"')) ?? '').split(',');
    expect(leadGen.slice(-3, -1)).toEqual(['120', '0.7917']);
    expect(leadGen.at(-1)).toMatch(/^"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z"$/);
    const traffic = (lines.find((l) => l.includes('"Traffic Push"')) ?? '').split(',');
    expect(traffic.slice(-3)).toEqual(['', '', '']);
    await page.close();
  });
});

/**
 * The monthly review (issue 23): the trends tab against the real stats server, a target set in
 * the dashboard's settings changing the verdict on a Meta badge and in the popup, and one failed
 * period drawn as a gap with its reason.
 *
 * The world is one campaign per channel with round numbers, so every expected figure is written
 * out by hand. The server scales a campaign's 30-day funnel by the period's days (days / 30):
 * the Meta campaign below has 300 MQLs, 30 won, €300,000 won revenue and €15,000 spend per 30
 * days, so a 31-day month has 310 MQLs, 31 won (10%), €310,000 won and a cost per won of €500.
 * 31 of 310 has the 95% Wilson interval 7.13%–13.84% (28 of 280: 7.01%–14.07%), shown "7%–14%".
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import type { WorldEntity } from '../fixtures/types';
import { metaAdsManagerUrl } from '../replicas/serve';
import type { StatsServer } from '../support/stats-server';
import type { ExtensionBrowser } from './support/browser';
import { routeMetaCampaigns, waitForReplica } from './support/meta-page';
import { ourUi } from './support/our-ui';
import { openPopup } from './support/popup';
import { useConnectedSession } from './support/session';

const ACCOUNT = '5550001234';
const mature = { sql: 150, meetings: 90, lost: 300, median_days_to_won: 45 };
const world: WorldEntity[] = [
  {
    platform: 'meta_ads',
    level: 'campaign',
    accountId: ACCOUNT,
    id: '120200000000000001',
    name: 'Nordics | Lead Ads',
    spend: 15000,
    funnel: { leads: 400, mql: 300, won: 30, revenue: 300000, pipeline: 0, ...mature },
  },
  {
    platform: 'google_ads',
    level: 'campaign',
    accountId: '1112223333',
    id: '22200001',
    name: 'Brand search',
    spend: 6000,
    funnel: { leads: 400, mql: 300, won: 60, revenue: 240000, pipeline: 0, ...mature },
  },
  {
    platform: 'linkedin_ads',
    level: 'campaign',
    accountId: '508000111',
    id: '700001',
    name: 'ABM Finland',
    spend: 9000,
    funnel: { leads: 400, mql: 300, won: 15, revenue: 450000, pipeline: 0, ...mature },
  },
];

/** Won revenue a Meta month shows, by the month's length (the server's rows: 10,000 per day). */
const META_REVENUE_BY_DAYS: Record<number, string> = { 28: '€280,000', 29: '€290,000', 30: '€300,000', 31: '€310,000' };
const META_RATE = '10% (7%–14%)';
/** 400 leads per 30 days, rounded: 28 days 373.3, 29 days 386.7, 31 days 413.3. */
const META_LEADS_BY_DAYS: Record<number, number> = { 28: 373, 29: 387, 30: 400, 31: 413 };
/** A 7-day week: 70 MQLs, 7 won, €70,000; 7 of 70 has the interval 4.93%–19.23%. */
const META_WEEK = { rate: '10% (5%–19%)', revenue: '€70,000', cost: '€500' };
const SERVER_ERROR = 'The API had a problem (server error). Try again later or tell your data team.';

const session = useConnectedSession({ world, launch: { viewport: { width: 1280, height: 900 } } });
let server: StatsServer;
let browser: ExtensionBrowser;
beforeAll(() => {
  ({ server, browser } = session);
});
afterEach(() => server.setFault(null));

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The 12 complete calendar months before today, oldest first (calendar arithmetic, not the product's). */
function expectedMonths(today: Date) {
  return Array.from({ length: 12 }, (_, k) => {
    const first = new Date(today.getFullYear(), today.getMonth() - 12 + k, 1);
    const last = new Date(first.getFullYear(), first.getMonth() + 1, 0);
    const name = first.toLocaleString('en-GB', { month: 'long', year: 'numeric' });
    return { from: iso(first), to: iso(last), days: last.getDate(), name, daysSinceEnd: Math.round((today.getTime() - last.getTime()) / 86_400_000) - 1 };
  });
}

async function openTrends(hash: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html#tab=trends${hash}`);
  await page.locator('.trends-view[data-trends-loaded=true]').waitFor({ timeout: 20_000 });
  return page;
}

async function tableRows(page: Page, platform: string) {
  return page.locator(`table.trend-table[data-platform=${platform}] tbody tr`).evaluateAll((rows) =>
    rows.map((tr) => ({
      from: tr.getAttribute('data-from'),
      period: tr.querySelector('th')?.textContent ?? '',
      rate: tr.querySelector('[data-cell=rate]')?.textContent ?? '',
      cost: tr.querySelector('[data-cell=cost]')?.textContent ?? '',
      revenue: tr.querySelector('[data-cell=revenue]')?.textContent ?? '',
      notes: tr.querySelector('[data-cell=notes]')?.textContent ?? '',
      failed: tr.getAttribute('data-failed') === 'true',
      provisional: tr.getAttribute('data-provisional') === 'true',
    })),
  );
}

describe('trends', () => {
  it('shows 12 months per channel whose values equal the server’s rows for each month, one request per period', async () => {
    const today = new Date();
    const months = expectedMonths(today);
    const before = server.requests.length;
    const page = await openTrends('');

    const rows = await tableRows(page, 'meta_ads');
    expect(rows.map((r) => r.from)).toEqual(months.map((m) => m.from));
    for (const [i, month] of months.entries()) {
      const row = rows[i];
      expect(row?.period).toBe(month.name);
      expect(row?.rate).toBe(META_RATE);
      expect(row?.revenue).toBe(META_REVENUE_BY_DAYS[month.days]);
      expect(row?.cost.startsWith('€500 (')).toBe(true);
      // The same month as the server has it: one row, with these counts.
      expect(server.expectedRows({ platform: 'meta_ads', level: 'campaign', from: month.from, to: month.to }).map((r) => [r.mql, r.won, r.revenue])).toEqual([
        [month.days * 10, month.days, month.days * 10_000],
      ]);
      // Still maturing: ended less than the campaign's median 45 days to won ago.
      expect(row?.provisional).toBe(month.daysSinceEnd < 45);
    }

    // One request per period and channel, each for exactly that period.
    const funnel = server.requests.slice(before).filter((r) => r.path.endsWith('/v1/funnel'));
    const metaRanges = funnel.filter((r) => r.query.platform === 'meta_ads').map((r) => `${r.query.from}_${r.query.to}`);
    const monthRanges = new Set(months.map((m) => `${m.from}_${m.to}`));
    // (The dashboard also loads its channel view's range; that request is not a period's.)
    const periodRequests = metaRanges.filter((r) => monthRanges.has(r));
    expect(new Set(periodRequests)).toEqual(monthRanges);
    expect(periodRequests).toHaveLength(12);

    // Three charts per channel, each an image with a text alternative.
    for (const platform of ['google_ads', 'meta_ads', 'linkedin_ads']) {
      await expect.poll(() => page.locator(`.trend-channel[data-platform=${platform}] img.trend-chart`).count()).toBe(3);
    }
    expect(await page.locator('.trend-channel[data-platform=meta_ads] img.trend-chart[data-metric=mqlToWon]').getAttribute('alt')).toBe(
      `Meta: MQL→Won, ${months[0]?.name} to ${months[11]?.name}. The same numbers are in the table below.`,
    );

    // The review export: one click, a CSV and a PNG.
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByRole('button', { name: 'Download the review (PNG and CSV)' }).click();
    await page.getByRole('status').filter({ hasText: 'Review downloaded as PNG and CSV.' }).waitFor();
    await expect.poll(() => downloads.length).toBe(2);
    const byName = new Map(downloads.map((d) => [d.suggestedFilename(), d]));
    const base = `funnel-lens-trends-month-${months[0]?.from}_${months[11]?.to}`;
    const csv = readFileSync(await (byName.get(`${base}.csv`) as Download).path(), 'utf8');
    const csvLines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(csvLines).toHaveLength(1 + 3 * 12);
    const lastMeta = months[11] as (typeof months)[number];
    // Meta's last month: counts, rate, cost per won, revenue, ROAS (€10,000 won per day ÷ €500 spend per day = 20).
    const metaLast = (csvLines.find((l) => l.startsWith(`"Meta","${lastMeta.name}"`)) ?? '').split(',');
    expect(metaLast.slice(0, 8)).toEqual([
      '"Meta"',
      `"${lastMeta.name}"`,
      `"${lastMeta.from}"`,
      `"${lastMeta.to}"`,
      '"ok"',
      String(META_LEADS_BY_DAYS[lastMeta.days]),
      String(lastMeta.days * 10),
      String(lastMeta.days),
    ]);
    expect(metaLast[8]).toBe('0.1');
    expect(metaLast[14]).toBe('500');
    expect(metaLast[19]).toBe(String(lastMeta.days * 10_000));
    expect(metaLast[20]).toBe('20');
    const png = readFileSync(await (byName.get(`${base}.png`) as Download).path());
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.length).toBeGreaterThan(20_000); // drawn, not blank
    await page.close();
  }, 40_000);

  it('a target set in the settings changes the verdict on a Meta badge and in the popup', async () => {
    const context = browser.context;
    await routeMetaCampaigns(
      context,
      ACCOUNT,
      world.filter((e) => e.platform === 'meta_ads'),
    );
    const meta = await browser.newPage();
    await meta.goto(metaAdsManagerUrl({ accountId: ACCOUNT }));
    await waitForReplica(meta);
    const ui = ourUi(meta);
    const badge = ui.locator('funnel-lens-badge', 'button').first();
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toMatch(/^MQL→Won 10% · €\d+K$/);

    const setMetaTarget = async (percent: string, costPerWon = '') => {
      const dashboard = await browser.newPage();
      await dashboard.goto(`chrome-extension://${browser.extensionId}/options.html#tab=settings`);
      await dashboard.getByLabel('Meta: MQL→Won at least (%)').fill(percent);
      await dashboard.getByLabel('Meta: Cost per won deal at most (CRM currency)').fill(costPerWon);
      await dashboard.getByRole('button', { name: 'Save targets' }).click();
      await dashboard.getByRole('status').filter({ hasText: 'Targets saved.' }).waitFor();
      await dashboard.close();
    };
    const popupTarget = async () => {
      const popup = await openPopup(browser);
      const line = popup.locator('tr.target-row[data-platform=meta_ads] .target-check[data-metric=mqlToWon]');
      await line.waitFor({ timeout: 10_000 });
      const text = await line.textContent();
      await popup.close();
      return text;
    };

    // 10% of 300 MQLs: the interval (about 7%–14%) lies wholly below 20%, wholly above 5%.
    await setMetaTarget('20', '800');
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toMatch(/^MQL→Won 10% · €\d+K ✗$/);
    // What a screen reader announces for the badge (its name in the accessibility tree).
    expect(await badge.accessibleName()).toMatch(/ MQL→Won target 20%: missed$/);
    // The card judges cost per won with the row's own spend: €15,000 for 30 won of 300 MQLs
    // (the last 30 days) is €500, between €359 and €705 over the interval, so within €800.
    await badge.click();
    await ui.locator('funnel-lens-card', '[role="dialog"]').waitFor();
    expect(await ui.locator('funnel-lens-card', '[role="dialog"] [data-metric]').allTextContents()).toEqual([
      'MQL→Won: target ≥\u00a020%, missed',
      'Cost per won deal: target ≤\u00a0€800, met',
    ]);
    await meta.keyboard.press('Escape');
    expect(await popupTarget()).toMatch(/^MQL→Won: target ≥\u00a020%, missed · 95% range \d+%–\d+%$/);

    await setMetaTarget('5');
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toMatch(/^MQL→Won 10% · €\d+K ✓$/);
    expect(await badge.accessibleName()).toMatch(/ MQL→Won target 5%: met$/);
    expect(await popupTarget()).toMatch(/^MQL→Won: target ≥\u00a05%, met · /);
    await meta.close();
  }, 40_000);

  it('one failing period leaves a visible gap with its reason, and the rest still draws', async () => {
    const today = new Date();
    const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7));
    // The 6th of the last 12 complete weeks.
    const failedMonday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() - 7 * 7);
    const failedFrom = iso(failedMonday);
    server.setFault({
      kind: 'status',
      status: 500,
      only: (url) => url.pathname.endsWith('/v1/funnel') && url.searchParams.get('platform') === 'meta_ads' && url.searchParams.get('from') === failedFrom,
    });
    const page = await openTrends('&grain=week');

    const gap = page.locator(`.trend-gaps li[data-platform=meta_ads][data-from="${failedFrom}"]`);
    expect(await gap.isVisible()).toBe(true);
    expect(await gap.textContent()).toMatch(new RegExp(`^Meta, Week \\d+, \\d{4}: ${SERVER_ERROR.replace(/[().]/g, '\\$&')}$`));
    expect(await page.locator('.trend-gaps li').count()).toBe(1);

    const rows = await tableRows(page, 'meta_ads');
    expect(rows).toHaveLength(12);
    expect(rows[5]).toMatchObject({ from: failedFrom, failed: true, rate: '—', revenue: '—', notes: `No data: ${SERVER_ERROR}` });
    for (const row of rows.filter((_, i) => i !== 5)) {
      expect(row).toMatchObject({ failed: false, rate: META_WEEK.rate, revenue: META_WEEK.revenue });
      expect(row.cost.startsWith(`${META_WEEK.cost} (`)).toBe(true);
    }
    expect(await page.locator('.trend-channel[data-platform=meta_ads] img.trend-chart').count()).toBe(3);
    await page.close();
  }, 40_000);
});

/**
 * The dashboard (options page): the built extension in Chromium with the local stats server as
 * its API. Expected numbers are summed here from the server's own rows, independently of the
 * extension's math; every check reads what a user sees (or downloads).
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PLATFORMS, type Platform } from '../../utils/api/constants';
import type { FunnelRow } from '../../utils/api/schema';
import { makeWorld } from '../fixtures/world';
import type { WorldEntity } from '../fixtures/types';
import { startStatsServer, type StatsServer } from '../support/stats-server';
import { seriousAxeViolations } from './support/axe';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { connectToApi } from './support/popup';

const COUNTS: Record<Platform, number> = { google_ads: 18, meta_ads: 30, linkedin_ads: 12 };
const SEEDS: Record<Platform, number> = { google_ads: 91, meta_ads: 92, linkedin_ads: 93 };
const world: WorldEntity[] = PLATFORMS.flatMap((platform) =>
  makeWorld({ platform, level: 'campaign', accountId: '777000111', count: COUNTS[platform], seed: SEEDS[platform] }),
);
// A campaign name that a spreadsheet would run as a formula, and one that needs CSV quoting.
const formulaEntity = world.find((e) => e.platform === 'meta_ads') as WorldEntity;
formulaEntity.name = '=HYPERLINK("http://evil.example","Brand, "best" offer")';
const TOTAL_ROWS = world.length;
const NAMES: Record<Platform, string> = { google_ads: 'Google Ads', meta_ads: 'Meta', linkedin_ads: 'LinkedIn' };
const RANGE = { from: '2026-01-01', to: '2026-03-31' };

let server: StatsServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startStatsServer({ world, name: 'Acme CRM', currency: 'EUR' });
  browser = await launchWithExtension({ viewport: { width: 1280, height: 900 } });
  await connectToApi(browser, server.baseUrl, server.apiKey);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  expect(browser.errors).toEqual([]);
});

function expectedRows(platform: Platform, range: { from: string; to: string }): FunnelRow[] {
  return server.expectedRows({ platform, level: 'campaign', from: range.from, to: range.to });
}

function sums(platform: Platform, range: { from: string; to: string }) {
  const total = { leads: 0, mql: 0, sql: 0, meetings: 0, won: 0, revenue: 0 };
  for (const row of expectedRows(platform, range)) {
    total.leads += row.leads;
    total.mql += row.mql;
    total.sql += row.sql;
    total.meetings += row.meetings;
    total.won += row.won;
    total.revenue += row.revenue;
  }
  return total;
}

const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

async function openDashboard(hash: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html${hash}`);
  return page;
}

async function waitLoaded(page: Page, range: { from: string; to: string }): Promise<void> {
  await page.locator(`[role=tabpanel][data-range="${range.from}_${range.to}"][data-loaded=true]`).waitFor({ timeout: 15_000 });
}

/** The funnel counts a channel card shows, read from its table alternative and its chart. */
async function shownFunnel(page: Page, platform: Platform) {
  const card = page.locator(`article.channel-card[data-platform=${platform}]`);
  const count = async (stage: string) => digits(await card.locator(`tr[data-stage=${stage}] td`).first().textContent());
  return {
    leads: await count('lead'),
    mql: await count('mql'),
    sql: await count('sql'),
    meetings: await count('meeting'),
    won: await count('won'),
    revenue: digits(await card.locator('[data-figure=revenue] dd').textContent()),
    chartText: (await card.locator('svg.funnel-chart').textContent()) ?? '',
    headline: (await card.locator('[data-figure=mqlToWon] .rate strong').textContent()) ?? '',
  };
}

/** A standard RFC 4180 reader for the downloaded file. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('dashboard', () => {
  it("shows the three channels' funnels with the server's numbers", async () => {
    const page = await openDashboard(`#tab=channels&from=${RANGE.from}&to=${RANGE.to}`);
    await waitLoaded(page, RANGE);
    for (const platform of PLATFORMS) {
      const expected = sums(platform, RANGE);
      const shown = await shownFunnel(page, platform);
      expect(await page.locator(`article.channel-card[data-platform=${platform}] h3`).textContent()).toBe(NAMES[platform]);
      expect({ ...shown, chartText: undefined, headline: undefined }).toEqual({
        leads: expected.leads,
        mql: expected.mql,
        sql: expected.sql,
        meetings: expected.meetings,
        won: expected.won,
        revenue: Math.round(expected.revenue),
        chartText: undefined,
        headline: undefined,
      });
      // The chart draws the same counts, formatted as a reader sees them.
      expect(shown.chartText).toContain(expected.leads.toLocaleString('en-US'));
      expect(shown.chartText).toContain(expected.won.toLocaleString('en-US'));
      expect(shown.headline).toBe(`${Math.round((expected.won / expected.mql) * 100)}%`);
      // One campaign-level request per platform, across accounts, for this range.
      const requests = server.requests.filter(
        (r) => r.path.endsWith('/v1/funnel') && r.query.platform === platform && r.query.from === RANGE.from && r.query.to === RANGE.to,
      );
      expect(requests.length).toBeGreaterThanOrEqual(1);
      expect(requests[0]?.query.level).toBe('campaign');
      expect(requests[0]?.query.account_id).toBeUndefined();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.close();
  });

  it('sorts and filters the campaign table, and keeps the view in the URL', async () => {
    const page = await openDashboard(`#tab=campaigns&from=${RANGE.from}&to=${RANGE.to}`);
    await waitLoaded(page, RANGE);
    const rows = page.locator('table.campaign-table tbody tr');
    await expect.poll(() => rows.count()).toBe(TOTAL_ROWS);

    // Default: MQL→Won by the lower bound of the interval, low-sample rows after the others.
    const defaultOrder = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({ low: tr.classList.contains('low-sample'), bound: Number(tr.querySelector('[data-col=mqlToWon]')?.getAttribute('data-low') || -1) })),
    );
    const firstLow = defaultOrder.findIndex((r) => r.low);
    const sampled = firstLow === -1 ? defaultOrder : defaultOrder.slice(0, firstLow);
    expect(sampled.length).toBeGreaterThan(5);
    expect(defaultOrder.slice(sampled.length).every((r) => r.low)).toBe(true);
    for (let i = 1; i < sampled.length; i++) expect(sampled[i - 1]!.bound).toBeGreaterThanOrEqual(sampled[i]!.bound);

    // Sort by leads: descending, then ascending.
    const leads = () =>
      page
        .locator('table.campaign-table tbody td[data-col=leads]')
        .allTextContents()
        .then((l) => l.map(digits));
    await page.getByRole('button', { name: /^Leads/ }).click();
    await expect.poll(() => page.locator('th[data-col=leads]').getAttribute('aria-sort')).toBe('descending');
    const desc = await leads();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await page.getByRole('button', { name: /^Leads/ }).click();
    await expect.poll(() => page.locator('th[data-col=leads]').getAttribute('aria-sort')).toBe('ascending');
    const asc = await leads();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const allLeads = PLATFORMS.flatMap((p) => expectedRows(p, RANGE).map((r) => r.leads)).sort((a, b) => a - b);
    expect(asc).toEqual(allLeads);

    // Filter by channel: exactly that channel's campaigns.
    await page.getByLabel('Channel', { exact: true }).selectOption('linkedin_ads');
    await expect.poll(() => rows.count()).toBe(COUNTS.linkedin_ads);
    expect(new Set(await page.locator('table.campaign-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-platform'))))).toEqual(
      new Set(['linkedin_ads']),
    );

    // Filter by text across all channels: a word from one campaign's name.
    await page.getByLabel('Channel', { exact: true }).selectOption('');
    const target = expectedRows('google_ads', RANGE)[3] as FunnelRow;
    const fragment = (target.name as string).toLowerCase();
    await page.getByLabel('Filter campaigns').fill(fragment);
    const matching = PLATFORMS.flatMap((p) => expectedRows(p, RANGE)).filter((r) => (r.name ?? '').toLowerCase().includes(fragment));
    await expect.poll(() => rows.count()).toBe(matching.length);
    expect(await page.locator('table.campaign-table tbody .campaign-name').allTextContents()).toContain(target.name);

    // The URL holds the view: a reload shows the same filter and sort.
    expect(page.url()).toContain('sort=leads');
    await page.reload();
    await waitLoaded(page, RANGE);
    await expect.poll(() => rows.count()).toBe(matching.length);
    expect(await page.getByLabel('Filter campaigns').inputValue()).toBe(fragment);
    expect(await page.locator('th[data-col=leads]').getAttribute('aria-sort')).toBe('ascending');

    await page.getByLabel('Filter campaigns').fill('no campaign is called this');
    await page.getByText('No campaigns match the filter.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows.count()).toBe(TOTAL_ROWS);
    await page.close();
  });

  it('exports every campaign row as CSV, safe for spreadsheets and without the key', async () => {
    const page = await openDashboard(`#tab=campaigns&from=${RANGE.from}&to=${RANGE.to}`);
    await waitLoaded(page, RANGE);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe(`funnel-lens-campaigns-${RANGE.from}_${RANGE.to}.csv`);
    const text = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
    expect(text).not.toContain(server.apiKey);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...lines] = parseCsv(text);
    expect(header?.slice(0, 9)).toEqual(['Channel', 'Campaign ID', 'Campaign', 'Leads', 'MQL', 'SQL', 'Meetings', 'Won', 'Lost']);
    expect(lines).toHaveLength(TOTAL_ROWS);

    const expected = new Map<string, FunnelRow>(PLATFORMS.flatMap((p) => expectedRows(p, RANGE).map((r) => [`${NAMES[p]}|${r.id}`, r] as const)));
    const seen = new Set<string>();
    for (const line of lines) {
      const key = `${line[0]}|${line[1]}`;
      const row = expected.get(key);
      expect(row, key).toBeDefined();
      seen.add(key);
      expect(line.slice(3, 9).map(Number)).toEqual([row!.leads, row!.mql, row!.sql, row!.meetings, row!.won, row!.lost]);
      expect(Number(line[14])).toBeCloseTo(row!.revenue, 2);
      expect(line[2]).not.toMatch(/^[=+\-@]/);
    }
    expect(seen.size).toBe(TOTAL_ROWS);
    const formulaLine = lines.find((l) => l[1] === formulaEntity.id);
    expect(formulaLine?.[2]).toBe(`'${formulaEntity.name}`);
    await page.getByText(`CSV downloaded with ${TOTAL_ROWS} campaigns.`).waitFor();
    await page.close();
  });

  it('re-queries the API when the range changes, by preset and by custom dates', async () => {
    const page = await openDashboard(`#tab=channels&from=${RANGE.from}&to=${RANGE.to}`);
    await waitLoaded(page, RANGE);
    const before = server.requests.length;

    const custom = { from: '2025-11-01', to: '2025-11-20' };
    await page.getByLabel('Date range', { exact: true }).selectOption('custom');
    await page.getByLabel('From').fill(custom.from);
    await page.getByLabel('To', { exact: true }).fill(custom.to);
    await page.getByRole('button', { name: 'Apply' }).click();
    await waitLoaded(page, custom);
    const asked = server.requests.slice(before).filter((r) => r.path.endsWith('/v1/funnel') && r.query.from === custom.from && r.query.to === custom.to);
    expect(new Set(asked.map((r) => r.query.platform))).toEqual(new Set(PLATFORMS));
    for (const platform of PLATFORMS) expect((await shownFunnel(page, platform)).leads).toBe(sums(platform, custom).leads);
    expect(sums('meta_ads', custom).leads).not.toBe(sums('meta_ads', RANGE).leads); // the numbers really moved
    expect(page.url()).toContain(`from=${custom.from}`);

    await page.getByLabel('Date range', { exact: true }).selectOption('last_30d');
    await expect.poll(() => page.url()).toContain('range=last_30d');
    const resolved = await page.locator('[role=tabpanel]').getAttribute('data-range');
    const [from, to] = (resolved as string).split('_') as [string, string];
    await waitLoaded(page, { from, to });
    expect(server.requests.some((r) => r.path.endsWith('/v1/funnel') && r.query.from === from && r.query.to === to)).toBe(true);
    for (const platform of PLATFORMS) expect((await shownFunnel(page, platform)).leads).toBe(sums(platform, { from, to }).leads);

    // Back goes to the previous range.
    await page.goBack();
    await waitLoaded(page, custom);
    await page.close();
  });

  it('downloads the channel view as a PNG image', async () => {
    const page = await openDashboard(`#tab=channels&from=${RANGE.from}&to=${RANGE.to}`);
    await waitLoaded(page, RANGE);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as PNG' }).click()]);
    expect(download.suggestedFilename()).toBe(`funnel-lens-channels-${RANGE.from}_${RANGE.to}.png`);
    const png = readFileSync(await download.path());
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(3200); // 1600 px slide at 2×
    expect(png.length).toBeGreaterThan(20_000); // drawn, not blank
    await page.close();
  });

  it('has no serious accessibility violations on any tab, and tabs work by keyboard', async () => {
    const page = await openDashboard(`#tab=channels&from=${RANGE.from}&to=${RANGE.to}`);
    await waitLoaded(page, RANGE);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Channels' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('tab=campaigns');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Campaigns/);
    await page.locator('table.campaign-table').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toContain('tab=trends');
    await page.locator('.trends-view[data-trends-loaded=true] img.trend-chart').first().waitFor({ timeout: 20_000 });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.keyboard.press('ArrowRight');
    await page.getByLabel('Minimum MQLs for a rate').waitFor();
    await page.getByLabel('Meta: MQL→Won at least (%)').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });

  it('saves the minimum MQLs and shows the effect in the table', async () => {
    const page = await openDashboard(`#tab=settings&from=${RANGE.from}&to=${RANGE.to}`);
    const input = page.getByLabel('Minimum MQLs for a rate');
    await input.fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Enter a whole number from 1 to 1000.').waitFor();
    await input.fill('1000');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.getByRole('tab', { name: 'Campaigns' }).click();
    await waitLoaded(page, RANGE);
    // Every campaign has fewer than 1000 MQLs now: all are marked low sample.
    await expect.poll(() => page.locator('table.campaign-table tbody tr.low-sample').count()).toBe(TOTAL_ROWS);
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Minimum MQLs for a rate').fill('10');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.close();
  });
});

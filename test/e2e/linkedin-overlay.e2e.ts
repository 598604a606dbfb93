/**
 * LinkedIn Campaign Manager: the built extension in Chromium, on the replica at its real URL
 * (www.linkedin.com/campaignmanager/…), with the local stats server as the configured API and the
 * extension connected through its real popup. Every check reads what a user would see.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FunnelRow, Level } from '../../utils/api/schema';
import { daysBeforeToday } from '../support/days';
import { makeWorldTree } from '../fixtures/world';
import { linkedInUrl, routeLinkedInReplica, type LinkedInReplicaData, type LinkedInReplicaVariant } from '../replicas/serve-linkedin';
import { type StatsServer } from '../support/stats-server';
import { type ExtensionBrowser } from './support/browser';
import { badgeAgrees } from './support/expected';
import { linkedInRows, linkedInSettled, waitForLinkedInReplica, type LinkedInRow } from './support/linkedin-page';
import { ourUi } from './support/our-ui';
import { replicaCall, summaryText } from './support/meta-page';
import { useConnectedSession } from './support/session';
import { REPLICA_TRUTH, badgeVisibility } from './support/row-truth-probe';
import { hookHealthLine } from './support/hook-health';

const ACCOUNT = '508777111';
/** 120 campaign groups → 360 campaigns (ad sets) → 720 creatives. */
const world = makeWorldTree({ platform: 'linkedin_ads', accountId: ACCOUNT, campaigns: 120, seed: 71 });
const levels = {
  campaign: world.filter((e) => e.level === 'campaign'),
  ad_group: world.filter((e) => e.level === 'ad_group'),
  ad: world.filter((e) => e.level === 'ad'),
};
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

const session = useConnectedSession({ world });
let server: StatsServer;
let browser: ExtensionBrowser;
beforeAll(() => {
  ({ server, browser } = session);
});

function funnelRequests() {
  return server.requests.filter((r) => r.path.endsWith('/v1/funnel') && r.query.platform === 'linkedin_ads');
}

function expectedRows(level: Level, range: { from: string; to: string }): Map<string, FunnelRow> {
  const rows = server.expectedRows({ platform: 'linkedin_ads', level, account_id: ACCOUNT, from: range.from, to: range.to });
  return new Map(rows.map((r) => [r.id as string, r]));
}

/** Waits until every row's single badge, right after its name, states its own campaign's numbers. */
async function expectRowsAgree(page: Page, expected: Map<string, FunnelRow>, count: number): Promise<LinkedInRow[]> {
  let last: LinkedInRow[] = [];
  await expect
    .poll(
      async () => {
        last = await linkedInRows(page);
        return last.length === count && last.every((r) => r.badges === 1 && r.badge !== null && badgeAgrees(r.badge, expected.get(r.id)));
      },
      { timeout: 8000, interval: 50 },
    )
    .toBe(true);
  for (const row of last) {
    expect(row.shownName).toBe(row.name);
    expect(row.badgeAfterName).toBe(true);
  }
  // Nothing but one badge per campaign row anywhere (not in totals, parent links or old bodies).
  expect(await page.locator('funnel-lens-badge').count()).toBe(count);
  return last;
}

async function expectRequest(query: { level: Level; from: string; to: string }): Promise<void> {
  await expect
    .poll(() => funnelRequests().some((r) => r.query.level === query.level && r.query.from === query.from && r.query.to === query.to), { timeout: 8000 })
    .toBe(true);
  const request = funnelRequests().find((r) => r.query.level === query.level && r.query.from === query.from && r.query.to === query.to);
  expect(request?.query).toEqual({ platform: 'linkedin_ads', level: query.level, account_id: ACCOUNT, from: query.from, to: query.to });
  expect(request?.headers.authorization).toBe(`Bearer ${server.apiKey}`);
}

async function openLinkedIn(data: Partial<LinkedInReplicaData> & { variant?: LinkedInReplicaVariant }, url: string): Promise<Page> {
  await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
  await routeLinkedInReplica(browser.context, {
    accountId: ACCOUNT,
    accountName: 'Acme Oy',
    currency: 'EUR',
    locale: 'en',
    levels,
    initialRange: OCTOBER,
    ...data,
  });
  const page = await browser.newPage();
  await page.goto(url);
  await waitForLinkedInReplica(page);
  return page;
}

/** Clicks the name link of model row `index`, as a user would (the totals row comes first). */
async function clickName(page: Page, index: number): Promise<void> {
  const name = ((await replicaCall(page, 'visibleRows')) as Array<{ name: string }>)[index]!.name;
  const link = page
    .locator('table tbody tr')
    .nth(index + 1)
    .locator('td.col-name a');
  expect(await link.textContent()).toBe(name);
  await link.click();
}

/** Opens the card of model row `index` through its badge; returns the card's text. */
async function cardText(page: Page, index: number): Promise<string> {
  // The replica's own row element for that model row is the (index + 2)th <tr>: the totals row comes first.
  expect(
    await page.evaluate(
      (i) =>
        (window as unknown as { __replica: { rowElement(i: number): HTMLElement } }).__replica.rowElement(i) ===
        document.querySelectorAll('table tbody tr')[i + 1],
      index,
    ),
  ).toBe(true);
  const ui = ourUi(page);
  await ui.locator(`table tbody tr:nth-child(${index + 2}) funnel-lens-badge`, 'button').click();
  const card = ui.locator('funnel-lens-card', '[role="dialog"]');
  await expect.poll(() => card.count()).toBe(1);
  const text = ((await card.textContent()) ?? '').replace(/\s+/g, ' ');
  await page.keyboard.press('Escape');
  return text;
}

const groupsUrl = linkedInUrl({ accountId: ACCOUNT, level: 'campaign' });

describe('LinkedIn Campaign Manager overlay', () => {
  it('shows every campaign group its own numbers, for the account and range the page shows', async () => {
    const page = await openLinkedIn({}, groupsUrl);
    expect(await page.locator('#date-range-control button[aria-expanded]').textContent()).toBe('Oct 1, 2026 – Oct 31, 2026');
    const expected = expectedRows('campaign', OCTOBER);
    expect(expected.size).toBe(120);
    const rows = await expectRowsAgree(page, expected, 120);
    expect(new Set(rows.map((r) => r.id)).size).toBe(120);
    // Each badge in view can be seen: the point at its centre is the badge.
    const { checked, hidden } = await badgeVisibility(page, { truth: REPLICA_TRUTH.byRowElement });
    expect(hidden).toEqual([]);
    expect(checked).toBeGreaterThan(3);
    await expectRequest({ level: 'campaign', ...OCTOBER });
    // One request for the page: rendering 120 rows did not ask per row.
    expect(funnelRequests().filter((r) => r.query.level === 'campaign' && r.query.from === OCTOBER.from)).toHaveLength(1);

    // The spend the card uses is this row's "Spent" cell, found by its header.
    const spent = (await replicaCall(page, 'visibleRows')) as Array<{ spendText: string }>;
    expect(await cardText(page, 5)).toContain(`Spend in this row: ${spent[5]!.spendText}`);
    // Hook health: every hook found, each by the alternative the replica models.
    expect(await hookHealthLine(page)).toBe(
      'table: table element ✓ · rows: tbody rows ✓ · names: name link ✓ · IDs: name link ✓ · spend: header text ✓ · date: date button ✓ · account: URL ✓ · level: URL ✓',
    );
    await page.screenshot({ path: '/tmp/linkedin-e2e-groups.png' });
    await page.close();
  });

  it('follows campaign groups → campaigns → creatives and back by pushState, switching level', async () => {
    const page = await openLinkedIn({}, groupsUrl);
    await expectRowsAgree(page, expectedRows('campaign', OCTOBER), 120);
    await page.evaluate(() => ((window as unknown as { __flMarker: number }).__flMarker = 1));

    // Click a group's name: its campaigns (ad sets), each row also linking to that group.
    const group = levels.campaign[7]!;
    await clickName(page, 7);
    await expect.poll(() => page.url()).toBe(linkedInUrl({ accountId: ACCOUNT, level: 'ad_group', campaignGroupIds: [group.id] }));
    await expectRequest({ level: 'ad_group', ...OCTOBER });
    const adSets = await expectRowsAgree(page, expectedRows('ad_group', OCTOBER), 3);
    expect(adSets.map((r) => r.id)).toEqual(levels.ad_group.filter((e) => e.parentId === group.id).map((e) => e.id));
    await page.screenshot({ path: '/tmp/linkedin-e2e-adsets.png' });

    // Click an ad set's name: its creatives.
    await clickName(page, 1);
    await expect.poll(() => page.url()).toBe(`https://www.linkedin.com/campaignmanager/accounts/${ACCOUNT}/campaigns/${adSets[1]!.id}/creatives`);
    await expectRequest({ level: 'ad', ...OCTOBER });
    await expectRowsAgree(page, expectedRows('ad', OCTOBER), 2);

    // The "Ad sets" tab: all 360 ad sets; then "Campaigns": the groups again.
    await page.getByRole('link', { name: /^Ad sets/ }).click();
    await expectRowsAgree(page, expectedRows('ad_group', OCTOBER), 360);
    await page.getByRole('link', { name: /^Campaigns/ }).click();
    await expect.poll(() => page.url()).toBe(groupsUrl);
    await expectRowsAgree(page, expectedRows('campaign', OCTOBER), 120);
    expect(await page.evaluate(() => (window as unknown as { __flMarker?: number }).__flMarker)).toBe(1);
    await page.close();
  });

  it('asks for the new range when the date changes, and updates every badge in the new table body', async () => {
    const page = await openLinkedIn({}, groupsUrl);
    await expectRowsAgree(page, expectedRows('campaign', OCTOBER), 120);
    const oldBody = await page.evaluateHandle(() => document.querySelector('table tbody'));

    const august = { from: '2026-08-01', to: '2026-08-30' };
    await replicaCall(page, 'setDateRange', august.from, august.to);
    expect(await page.locator('#date-range-control button[aria-expanded]').textContent()).toBe('Aug 1, 2026 – Aug 30, 2026');
    await expectRequest({ level: 'campaign', ...august });
    await linkedInSettled(page);
    const rows = await expectRowsAgree(page, expectedRows('campaign', august), 120);
    expect(await oldBody.evaluate((b) => b?.isConnected)).toBe(false); // really a new tbody
    // The numbers changed with the range, so the check above is not vacuous.
    const before = expectedRows('campaign', OCTOBER);
    // (expectRowsAgree above already waited for every row to agree with `after`.)
    expect(rows.filter((r) => !badgeAgrees(r.badge!, before.get(r.id))).length).toBeGreaterThan(10);
    await page.close();
  });

  it('reads a preset label ("Last 7 days") against today', async () => {
    // No fixed "today": the replica and the extension both use the machine's date.
    const page = await openLinkedIn({ variant: { labelStyle: 'preset' } }, groupsUrl);
    await replicaCall(page, 'setPreset', 'last_7d');
    expect(await page.locator('#date-range-control button[aria-expanded]').textContent()).toBe('Last 7 days');
    const week = daysBeforeToday(7);
    await expectRequest({ level: 'campaign', ...week });
    await expectRowsAgree(page, expectedRows('campaign', week), 120);
    await page.close();
  });

  it('works in the Finnish UI with the old naming and "1 234,56 €" spend', async () => {
    const september = { from: '2026-09-01', to: '2026-09-30' };
    const page = await openLinkedIn({ locale: 'fi', variant: { naming: 'old' }, initialRange: september }, groupsUrl);
    expect(await page.locator('#date-range-control button[aria-expanded]').textContent()).toBe('1.9.2026 – 30.9.2026');
    await expectRowsAgree(page, expectedRows('campaign', september), 120);
    await expectRequest({ level: 'campaign', ...september });
    const spent = (await replicaCall(page, 'visibleRows')) as Array<{ spendText: string }>;
    expect(spent[3]!.spendText).toMatch(/^\d{1,3}(\u00a0\d{3})*,\d{2}\u00a0€$/);
    expect((await cardText(page, 3)).replace(/\u00a0/g, ' ')).toContain(`Spend in this row: ${spent[3]!.spendText.replace(/\u00a0/g, ' ')}`);

    // Old naming: the "Kampanjat" tab is the URL's campaigns, i.e. level ad_group.
    await page.getByRole('link', { name: /^Kampanjat/ }).click();
    await expectRequest({ level: 'ad_group', ...september });
    await expectRowsAgree(page, expectedRows('ad_group', september), 360);
    await page.close();
  });

  it('reads the range from the start/end inputs when the label has none, and copes without a Spent column', async () => {
    const page = await openLinkedIn({ currency: 'USD', variant: { dateControl: 'inputs-only', spentColumn: false, linkStyle: 'filter' } }, groupsUrl);
    expect(await page.locator('#date-range-control button[aria-expanded]').textContent()).toBe('Custom');
    expect(await page.locator('input[name="startName"]').inputValue()).toBe('10/01/2026');
    await expectRowsAgree(page, expectedRows('campaign', OCTOBER), 120);
    await expectRequest({ level: 'campaign', ...OCTOBER });
    expect(await cardText(page, 0)).toContain('Spend column not shown on the page');
    // Name links that are drill-down list URLs carry the ID in `campaignGroupIds=[…]`.
    await clickName(page, 2);
    await expectRowsAgree(page, expectedRows('ad_group', OCTOBER), 3);
    expect(await summaryText(page)).not.toContain('Date range not readable');
    await page.close();
  });

  it('with no readable date control, uses the last 30 days and says so', async () => {
    const page = await openLinkedIn({ variant: { dateControl: 'missing' } }, groupsUrl);
    const assumed = daysBeforeToday(30);
    await expectRequest({ level: 'campaign', ...assumed });
    await expectRowsAgree(page, expectedRows('campaign', assumed), 120);
    await expect.poll(() => summaryText(page)).toContain('Date range not readable from the page');
    await page.close();
  });
});

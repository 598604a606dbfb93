/**
 * Faults: the local stats server misbehaves in every way the contract allows and some it does
 * not. The summary and the popup say what happened in plain words, cached numbers stay on screen
 * with their age, retries follow the rules, and the host page never sees an error.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeWorld } from '../fixtures/world';
import { metaAdsManagerUrl } from '../replicas/serve';
import { type Fault, type StatsServer } from '../support/stats-server';
import { stopServiceWorker, type ExtensionBrowser } from './support/browser';
import { expectMetaBadgesAgree, routeMetaCampaigns, summaryText, visibleMetaRows, waitForReplica } from './support/meta-page';
import { openPopup } from './support/popup';
import { useConnectedSession } from './support/session';
import { ourUi } from './support/our-ui';

const ACCOUNT = '1234567890';
const campaigns = makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT, count: 40, seed: 41 });

const session = useConnectedSession({ world: campaigns });
let server: StatsServer;
let browser: ExtensionBrowser;
/** Each test gets its own date range, so its cache entry starts empty. */
let day = 0;
function freshRange() {
  day += 1;
  const d = String(day).padStart(2, '0');
  return { from: `2026-07-${d}`, to: `2026-08-${d}` };
}

beforeAll(async () => {
  ({ server, browser } = session);
  await routeMetaCampaigns(browser.context, ACCOUNT, campaigns);
});
afterEach(async () => {
  server.setFault(null);
  await browser.context.setOffline(false);
});

const callsFor = (range: { from: string }) => server.requests.filter((r) => r.path.endsWith('/v1/funnel') && r.query.from === range.from);

async function open(range: { from: string; to: string }): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
  await waitForReplica(page);
  return page;
}

function expectBadgesAgree(page: Page, range: { from: string; to: string }) {
  return expectMetaBadgesAgree(page, server, { account_id: ACCOUNT, ...range });
}

/** The host page still answers promptly: its own script runs and its table still scrolls. */
async function expectResponsive(page: Page) {
  const started = Date.now();
  await page.evaluate(() => (window as unknown as { __replica: { scrollBy(px: number): void } }).__replica.scrollBy(48));
  expect(Date.now() - started).toBeLessThan(1000);
}

const NO_CACHE_CASES: Array<{ name: string; fault: Fault; says: string; attempts: number }> = [
  // Chromium itself resends a GET once when a kept-alive connection is reset, so "down" shows
  // up to twice per attempt of ours at the server.
  { name: 'API down', fault: { kind: 'down' }, says: 'Could not reach the API.', attempts: 3 },
  { name: '500 on every try', fault: { kind: 'status', status: 500 }, says: 'The API had a problem (server error).', attempts: 3 },
  { name: 'malformed JSON', fault: { kind: 'malformed' }, says: 'The API answered with data Funnel Lens cannot read.', attempts: 1 },
  { name: 'the wrong shape', fault: { kind: 'wrong_shape' }, says: 'does not match the Funnel Stats API v1', attempts: 1 },
  { name: '401', fault: { kind: 'status', status: 401 }, says: 'The API refused the key (401). Check the key with your data team.', attempts: 1 },
  { name: '403', fault: { kind: 'status', status: 403 }, says: 'The API key may not read this data (403).', attempts: 1 },
  { name: '429 with Retry-After', fault: { kind: 'rate_limit', retryAfterSec: 1 }, says: 'The API asked us to slow down (429).', attempts: 3 },
];

describe('faults, with nothing cached', () => {
  it.each(NO_CACHE_CASES)('$name: the summary says so in plain words; retries follow the rules', async ({ fault, says, attempts }) => {
    server.setFault(fault);
    const range = freshRange();
    const page = await open(range);
    await expect.poll(() => summaryText(page), { timeout: 15_000 }).toContain(says);
    expect(await summaryText(page)).toContain('Try again');
    const calls = callsFor(range).length;
    if (fault.kind === 'down') {
      expect(calls).toBeGreaterThanOrEqual(attempts);
      expect(calls).toBeLessThanOrEqual(attempts * 2);
    } else {
      expect(calls).toBe(attempts);
    }
    // No numbers are invented: every badge is the muted "no data" marker.
    const rows = await visibleMetaRows(page);
    expect(rows.every((r) => r.badge === '–')).toBe(true);
    await expectResponsive(page);

    // "Try again" after the API recovers shows the numbers.
    server.setFault(null);
    await ourUi(page).getByRole('funnel-lens-summary', 'button', 'Try again').click();
    await expectBadgesAgree(page, range);
    await page.close();
  });
});

describe('faults, with good data cached', () => {
  it('keeps the last good numbers on screen, marked with their age, when a refresh gets a 500; the popup shows the error', async () => {
    const range = freshRange();
    const page = await open(range);
    await expectBadgesAgree(page, range);

    server.setFault({ kind: 'status', status: 500 });
    const popup = await openPopup(browser);
    await popup.getByRole('button', { name: 'Refresh now' }).click();
    await expect.poll(() => summaryText(page), { timeout: 15_000 }).toContain('the last refresh failed. The API had a problem');
    expect(await summaryText(page)).toMatch(/Showing data from (just now|\d+ min ago)/);
    await expectBadgesAgree(page, range);
    await popup.reload();
    await expect.poll(() => popup.locator('li[data-platform="meta_ads"]').textContent()).toContain('The API had a problem');
    await popup.close();
    await page.close();
  });

  it('offline: cached numbers with their age and a clear offline message', async () => {
    const range = freshRange();
    const page = await open(range);
    await expectBadgesAgree(page, range);
    await browser.context.setOffline(true);
    const popup = await openPopup(browser);
    await popup.getByRole('button', { name: 'Refresh now' }).click();
    await popup.close();
    await expect.poll(() => summaryText(page), { timeout: 15_000 }).toMatch(/last refresh failed\. (You are offline|Could not reach the API)/);
    await expectBadgesAgree(page, range);
    await page.close();
  });
});

describe('retries, slow and huge answers', () => {
  it('retries a 500 and shows the numbers from the second try', async () => {
    const range = freshRange();
    // One 500 on this range's funnel request, then the server recovers: no race between the
    // client's retry and the test, and no other request (/v1/meta, another range) takes the 500.
    server.setFault({
      kind: 'status',
      status: 500,
      times: 1,
      only: (url) => url.pathname.endsWith('/v1/funnel') && url.searchParams.get('from') === range.from,
    });
    const page = await open(range);
    await expectBadgesAgree(page, range);
    expect(callsFor(range).map((r) => r.status)).toEqual([500, 200]);
    await page.close();
  });

  it('a hanging response ends as a timeout in words, and the page stays responsive meanwhile', async () => {
    server.setFault({ kind: 'hang' });
    const range = freshRange();
    const page = await open(range);
    await expect.poll(() => summaryText(page)).toContain('Loading CRM data');
    await expectResponsive(page);
    await expect.poll(() => summaryText(page), { timeout: 45_000, interval: 1000 }).toContain('The API did not answer in time.');
    await page.close();
  }, 60_000);

  it('drops rows that break the contract, says how many, and shows the rest', async () => {
    server.setFault({ kind: 'bad_rows' });
    const range = freshRange();
    const page = await open(range);
    await expectBadgesAgree(page, range);
    await expect.poll(() => summaryText(page)).toMatch(/Rows from the API left out because they broke the contract: \d+\./);
    await page.close();
  });

  it('copes with a 100,000-row answer without freezing the page', async () => {
    server.setFault({ kind: 'huge', rows: 100_000 });
    const range = freshRange();
    const page = await open(range);
    await expect.poll(() => summaryText(page), { timeout: 30_000 }).toContain('campaigns matched');
    await expectResponsive(page);
    await page.close();
  }, 60_000);

  it('a service worker stopped mid-request: the request is retried and completes', async () => {
    server.setFault({ kind: 'delay', ms: 1500 });
    const range = freshRange();
    const page = await open(range);
    await expect.poll(() => callsFor(range).length).toBeGreaterThan(0);
    await stopServiceWorker(browser);
    server.setFault(null);
    await expectBadgesAgree(page, range);
    await page.close();
  });
});

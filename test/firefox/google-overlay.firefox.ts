/**
 * Google Ads in Firefox: the built MV2 extension's content script on the replica at
 * https://ads.google.com/aw/campaigns, connected to the stats server through the real popup.
 * Each visible row's badge must state its own campaign's numbers, also after the replica
 * recycles its row nodes while scrolling; campaigns the CRM does not know get the empty badge.
 * The badges' shadow roots are closed, also to the page; the test reads them through WebDriver
 * BiDi (support/shadow.ts), and checks that the page's own world still cannot. A click on a
 * badge opens its card, whose code the background injects only then (utils/overlay/ui-loader.ts:
 * `scripting.executeScript` into the content script's sandbox, Firefox MV2 included).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { FunnelRow } from '../../utils/api/schema';
import type { VisibleRow } from '../e2e/support/meta-page';
import { badgeAgrees } from '../e2e/support/expected';
import { readVisibleGoogleRows } from '../e2e/support/google-page';
import { makeWorld } from '../fixtures/world';
import { GOOGLE_REPLICA, googleAdsUrl, type GoogleReplicaData } from '../replicas/serve';
import { interceptReplica } from './support/firefox';
import { exposeOurRoots } from './support/shadow';
import type { WithShadowBridge } from '../e2e/support/our-ui';
import { popupOutcome, submitConnection, useFirefoxSession } from './support/session';

const ACCOUNT = '1234567890';
const ROW_HEIGHT = 44;
const known = makeWorld({ platform: 'google_ads', level: 'campaign', accountId: ACCOUNT, count: 40, seed: 51 });
/** On the page but not in the CRM: their badge must say there is no data, never borrow a neighbour's. */
const unknown = makeWorld({ platform: 'google_ads', level: 'campaign', accountId: ACCOUNT, count: 5, seed: 52, namePrefix: 'Not in CRM ' });
const range = { from: '2026-10-01', to: '2026-10-31' };

const session = useFirefoxSession(known);

beforeAll(async () => {
  const popup = await session.firefox.openExtensionPage('popup.html');
  await submitConnection(popup, session.server, 'Save');
  expect(await popupOutcome(popup)).toContain('Saved');
  await popup.close();
});

/** Polls until every visible row's badge states its campaign's numbers; returns the rows seen. */
async function expectRowsAgree(page: Page, expected: Map<string, FunnelRow>): Promise<VisibleRow[]> {
  let last: VisibleRow[] = [];
  await expect
    .poll(
      async () => {
        // Our badges' roots are closed: BiDi hands the page the ones present now (support/shadow.ts).
        await exposeOurRoots(page);
        last = await page.evaluate(readVisibleGoogleRows);
        return last.length > 0 && last.every((r) => r.badge !== null && badgeAgrees(r.badge, expected.get(r.id)));
      },
      { timeout: 10_000, interval: 50 },
    )
    .toBe(true);
  for (const row of last) expect(row.shownName).toBe(row.name);
  return last;
}

describe('Google Ads overlay in Firefox', () => {
  it("shows each visible row its own campaign's numbers, also after scrolling recycles the rows", async () => {
    const { firefox, server } = session;
    // Unknown campaigns spread through the list, so some share the first screen with known ones.
    const campaigns = known.flatMap((c, i) => (i % 8 === 3 ? [c, unknown[i >> 3]!] : [c]));
    const data: GoogleReplicaData = {
      customerId: ACCOUNT,
      accountName: 'Funnel Lens QA',
      currency: 'USD',
      locale: 'en',
      range,
      levels: { campaign: campaigns, ad_group: [] },
      variant: { splashMs: 300, tableReloadMs: 150, rangeReloadMs: 150, chunkDelayMs: 100 },
    };
    const page = await firefox.newPage();
    await interceptReplica(page, GOOGLE_REPLICA, data);
    await page.goto(googleAdsUrl());
    await page.waitForFunction(() => (window as unknown as { __replica?: unknown }).__replica !== undefined);
    await page.evaluate(() => (window as unknown as { __replica: { ready: Promise<void> } }).__replica.ready);

    const expected = new Map(server.expectedRows({ platform: 'google_ads', level: 'campaign', account_id: ACCOUNT, ...range }).map((r) => [r.id as string, r]));
    expect(expected.size).toBe(known.length);
    const seen = new Set<string>();
    for (let step = 0; step < 4; step++) {
      await page.waitForFunction(() => (window as unknown as { __replica: { pendingRows(): number } }).__replica.pendingRows() === 0);
      for (const row of await expectRowsAgree(page, expected)) seen.add(row.id);
      await page.evaluate((dy) => (window as unknown as { __replica: { scrollBy(dy: number): void } }).__replica.scrollBy(dy), 9 * ROW_HEIGHT);
    }
    // The page's own world finds the badges but no root to read them through, nor any text.
    expect(
      await page.evaluate(
        () =>
          [...document.querySelectorAll('funnel-lens-badge')]
            .map((h) => ({ root: h.shadowRoot, html: h.outerHTML }))
            .find((h) => h.root !== null || h.html !== '<funnel-lens-badge lang="en"></funnel-lens-badge>') ?? 'none readable',
      ),
    ).toBe('none readable');
    // Four screens' worth of campaigns, recycled row nodes included, some of them unknown to the CRM.
    expect(seen.size).toBeGreaterThan(36);
    expect([...seen].filter((id) => !expected.has(id)).length).toBeGreaterThan(1);

    // One request for the page (the popup's channel table asked for other ranges): the customer
    // ID from the account picker and the range from the date picker.
    const requests = server.requests.filter((r) => r.path === '/v1/funnel' && r.query.platform === 'google_ads' && r.query.from === range.from);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.query).toMatchObject({ level: 'campaign', account_id: ACCOUNT, ...range });
    expect(requests[0]?.headers.authorization).toBe(`Bearer ${server.apiKey}`);

    // No card's code on the page yet; a click on a badge loads it and opens that row's card.
    expect(await page.$('funnel-lens-card')).toBeNull();
    const [row] = await expectRowsAgree(page, expected);
    const badge = await page.evaluateHandle((name) => {
      const rows = [...document.querySelectorAll('funnel-lens-badge')].filter((h) => h.closest('[role="row"], tr')?.textContent?.includes(name));
      return rows[0] ?? null;
    }, row!.name);
    await (badge as unknown as { click(): Promise<void> }).click();
    await expect
      .poll(
        async () => {
          await exposeOurRoots(page);
          return page.evaluate(() => {
            const host = document.querySelector('funnel-lens-card');
            return host ? ((window as unknown as WithShadowBridge).__funnelLensShadow.read(host)?.text ?? '') : '';
          });
        },
        { timeout: 10_000, interval: 100 },
      )
      .toContain(row!.name);
    await page.close();
  });
});

/**
 * Meta Ads Manager: the built extension in Chromium, on the replica at its real URL, with the
 * local stats server as the configured API. Every check reads what a user would see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FunnelRow } from '../../utils/api/schema';
import { makeWorld, makeWorldTree } from '../fixtures/world';
import type { WorldEntity } from '../fixtures/types';
import { metaAdsManagerUrl, routeMetaReplica, type MetaReplicaData } from '../replicas/serve';
import { type StatsServer } from '../support/stats-server';
import { type ExtensionBrowser } from './support/browser';
import { badgeAgrees } from './support/expected';
import { readVisibleMetaRows, replicaCall, summaryText, visibleMetaRows, waitForReplica, type VisibleRow } from './support/meta-page';
import { useConnectedSession } from './support/session';
import { hookHealthLine } from './support/hook-health';
import { countOurBadges, ourUi, shadowBridge, type WithShadowBridge } from './support/our-ui';
import { describeWrongEpisodes, REPLICA_TRUTH, startRowTruthProbe, stopRowTruthProbe, type ExpectedNumbers } from './support/row-truth-probe';

const ACCOUNT = '1234567890';
const ROW_HEIGHT = 48;

const campaigns = makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT, count: 500, seed: 11 });
const tree = makeWorldTree({ platform: 'meta_ads', accountId: ACCOUNT, campaigns: 4, seed: 12, namePrefix: 'Tree ' });
const world: WorldEntity[] = [...campaigns, ...tree.filter((e) => e.level !== 'campaign')];

function replicaData(variant: MetaReplicaData['variant']): MetaReplicaData {
  return {
    accountId: ACCOUNT,
    currency: 'EUR',
    locale: 'en',
    levels: {
      campaign: campaigns,
      ad_group: world.filter((e) => e.level === 'ad_group'),
      ad: world.filter((e) => e.level === 'ad'),
    },
    variant: { skeletonMs: 300, ...variant },
  };
}

const session = useConnectedSession({ world });
let server: StatsServer;
let browser: ExtensionBrowser;
beforeAll(() => {
  ({ server, browser } = session);
});

function funnelRequests() {
  return server.requests.filter((r) => r.path.endsWith('/v1/funnel'));
}

function rowsById(query: { level: 'campaign' | 'ad_group' | 'ad'; from: string; to: string }): Map<string, FunnelRow> {
  const rows = server.expectedRows({ platform: 'meta_ads', level: query.level, account_id: ACCOUNT, from: query.from, to: query.to });
  return new Map(rows.map((r) => [r.id as string, r]));
}

type Identity = 'id' | 'name';

/** The server's rows for a query, keyed the way the variant's API identifies them. */
function expectedBy(identity: Identity, query: { level: 'campaign' | 'ad_group' | 'ad'; from: string; to: string }): Map<string, FunnelRow> {
  const rows = server.expectedRows({ platform: 'meta_ads', level: query.level, account_id: ACCOUNT, from: query.from, to: query.to });
  return new Map(rows.map((r) => [(identity === 'id' ? r.id : r.name) as string, r]));
}

const keyOf = (identity: Identity, row: VisibleRow) => (identity === 'id' ? row.id : row.name);
/** The loading badge: neutral, never another campaign's numbers. */
const NEUTRAL = new Set(['…']);

/**
 * Waits until every visible row's badge states its own campaign's numbers, and every badge a user
 * could see is really visible (`elementFromPoint` at its centre is the badge); returns the rows.
 */
async function expectRowsAgree(page: Page, expected: Map<string, FunnelRow>, identity: Identity = 'id') {
  let last: VisibleRow[] = [];
  await expect
    .poll(
      async () => {
        last = await visibleMetaRows(page);
        return last.length > 0 && last.every((r) => r.badge !== null && badgeAgrees(r.badge, expected.get(keyOf(identity, r))));
      },
      { timeout: 5000, interval: 30 },
    )
    .toBe(true);
  for (const row of last) {
    expect(row.shownName).toBe(row.name);
    expect(row.badgeVisible, `badge of "${row.name}" is hidden`).not.toBe(false);
  }
  expect(last.some((r) => r.badgeVisible === true)).toBe(true);
  return last;
}

/** Rows whose badge shows numbers that are not their own campaign's (loading and no badge are fine). */
function wrongRows(rows: VisibleRow[], expected: Map<string, FunnelRow>, identity: Identity): VisibleRow[] {
  return rows.filter((r) => r.badge !== null && !NEUTRAL.has(r.badge) && !badgeAgrees(r.badge, expected.get(keyOf(identity, r))));
}

/** Scrolls by `dy` and reads the rows at the next animation frame, as a user's next look would. */
async function scrollAndReadNextFrame(page: Page, dy: number): Promise<VisibleRow[]> {
  // The reader is shipped into the page once, as source, so the read happens inside that frame.
  await shadowBridge(page);
  await page.evaluate(`window.__flReadRows ??= ${readVisibleMetaRows.toString()}`);
  return page.evaluate(async (delta) => {
    const w = window as unknown as { __replica: { scrollBy(px: number): void }; __flReadRows(): VisibleRow[] };
    w.__replica.scrollBy(delta);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return w.__flReadRows();
  }, dy);
}

/** Focuses the first badge (it is reachable by keyboard), opens its card with Enter, returns the card's text. */
async function openFirstCardByKeyboard(page: Page): Promise<string> {
  await ourUi(page).locator('funnel-lens-badge', 'button').first().focus();
  await page.keyboard.press('Enter');
  const card = ourUi(page).locator('funnel-lens-card', '[role="dialog"]');
  await expect.poll(() => card.count()).toBe(1);
  return (await card.textContent()) ?? '';
}

async function openMeta(variant: MetaReplicaData['variant'], url: string): Promise<Page> {
  await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
  await routeMetaReplica(browser.context, replicaData(variant));
  const page = await browser.newPage();
  await page.goto(url);
  await waitForReplica(page);
  return page;
}

/**
 * The three variants of Meta's table the reference supports (test/replicas/meta/ASSUMPTIONS.md):
 * A row IDs in data-surface keys, B IDs only in React's properties (the API then sends IDs only),
 * C neither data-surface nor ARIA roles (the API then sends names only).
 */
/** Each variant asks for its own ranges (the year differs), so no variant reads another's cached answer. */
const VARIANTS: Array<{ name: string; variant: MetaReplicaData['variant']; identity: Identity; health: string; year: number }> = [
  {
    name: 'A: IDs in data-surface',
    variant: { ids: 'data-surface' },
    identity: 'id',
    year: 2025,
    health:
      'table: data-surface ✓ · rows: structure ✓ · names: data-surface ✓ · IDs: data-surface ✓ · spend: data-surface ✓ · date: URL ✓ · account: URL ✓ · level: URL ✓',
  },
  {
    name: 'B: IDs only in React properties',
    variant: { ids: 'react' },
    identity: 'id',
    year: 2024,
    health:
      'table: data-surface ✓ · rows: structure ✓ · names: data-surface ✓ · IDs: React ✓ · spend: data-surface ✓ · date: URL ✓ · account: URL ✓ · level: URL ✓',
  },
  {
    // The page shows no ID anywhere (the API sends names only): the one hook honestly not found.
    name: 'C: no data-surface, no roles',
    variant: { ids: 'none', dataSurface: false, ariaRoles: false },
    identity: 'name',
    year: 2023,
    health: 'table: structure ✓ · rows: structure ✓ · names: tooltip ✓ · IDs: not found ✗ · spend: header text ✓ · date: URL ✓ · account: URL ✓ · level: URL ✓',
  },
];

describe.each(VARIANTS)('Meta Ads Manager, variant $name', ({ variant, identity, health, year }) => {
  beforeAll(() => server.setIdentity(identity === 'id' ? 'id' : 'name'));
  afterAll(() => server.setIdentity('both'));

  it('shows each visible row its own campaign, visibly, while scrolling through 500 campaigns', async () => {
    const range = { from: `${year}-10-01`, to: `${year}-10-31` };
    const page = await openMeta(variant, metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
    const expected = expectedBy(identity, { level: 'campaign', ...range });
    expect(expected.size).toBe(500);
    expect(await replicaCall(page, 'rowNodeCount')).toBeLessThan(30); // the replica really recycles its row nodes

    const seen = new Set<string>();
    const wrong: VisibleRow[] = [];
    (await expectRowsAgree(page, expected, identity)).forEach((r) => seen.add(r.id));
    for (let step = 0; step < 500 / 7 + 2; step++) {
      wrong.push(...wrongRows(await scrollAndReadNextFrame(page, 7 * ROW_HEIGHT), expected, identity));
      const rows = await expectRowsAgree(page, expected, identity);
      rows.forEach((r) => seen.add(r.id));
    }
    expect(wrong).toEqual([]);
    expect(seen.size).toBe(500);
    // One request for the whole session: the page context did not change while scrolling.
    const requests = funnelRequests().filter((r) => r.query.from === range.from && r.query.level === 'campaign');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.query).toMatchObject({ platform: 'meta_ads', account_id: ACCOUNT, to: range.to });
    await page.close();
  });

  it('keeps each row on its own campaign when the host re-mounts the name cells and scrolls on at once', async () => {
    const range = { from: `${year}-05-01`, to: `${year}-05-31` };
    const page = await openMeta(variant, metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
    const byKey = expectedBy(identity, { level: 'campaign', ...range });
    await expectRowsAgree(page, byKey, identity);
    // The probe knows rows by ID; the API of a names-only variant answers by name.
    const expected = Object.fromEntries(
      campaigns.flatMap((c) => {
        const row = byKey.get(identity === 'id' ? c.id : c.name);
        return row ? [[c.id, [row.mql, row.won, row.revenue] as ExpectedNumbers]] : [];
      }),
    );
    expect(Object.keys(expected)).toHaveLength(500);
    await startRowTruthProbe(page, { truth: REPLICA_TRUTH.byRowNodeAt, expected });
    // New name cells (the old ones took their badges with them), then a row per frame: each
    // recycle rewrites text in cells the overlay has never read as part of a whole-table read.
    await page.evaluate(async (rowHeight) => {
      const replica = (window as unknown as { __replica: { remountNameCells(): void; scrollBy(px: number): void } }).__replica;
      replica.remountNameCells();
      for (let i = 0; i < 40; i++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        replica.scrollBy(rowHeight);
      }
    }, ROW_HEIGHT);
    const report = await stopRowTruthProbe(page);
    expect(report.wrongEpisodeCount, describeWrongEpisodes(report)).toBe(0);
    expect(report.episodes).toBeGreaterThan(20);
    // Every row on screen has its badge again, stating its own campaign.
    await expectRowsAgree(page, byKey, identity);
    await page.close();
  });

  it('fits each badge into its row: row height kept, inside the name cell, the hover toolbar still clickable', async () => {
    const range = { from: `${year}-03-01`, to: `${year}-03-31` };
    const page = await openMeta(variant, metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
    await expectRowsAgree(page, expectedBy(identity, { level: 'campaign', ...range }), identity);
    const layout = await page.evaluate(() =>
      [...document.querySelectorAll('._1gda._2djg')].map((row) => {
        const badge = row.querySelector('funnel-lens-badge')!.getBoundingClientRect();
        const cell = row.querySelector('._namecell')!.getBoundingClientRect();
        return {
          rowHeight: (row as HTMLElement).offsetHeight,
          inCell: badge.left >= cell.left && badge.right <= cell.right && badge.top >= cell.top && badge.bottom <= cell.bottom,
        };
      }),
    );
    expect(layout.length).toBe(15);
    expect(layout.every((r) => r.rowHeight === ROW_HEIGHT && r.inCell)).toBe(true);
    // Hover the third row: its toolbar shows, and each of its links is what a click there would hit.
    const row = page.locator('._1gda._2djg').nth(2);
    await row.hover();
    const toolbarHits = await row.evaluate((el) =>
      [...el.querySelectorAll('[role="toolbar"] a')].map((a) => {
        const r = a.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return r.width > 0 && hit !== null && a.contains(hit);
      }),
    );
    expect(toolbarHits).toEqual([true, true, true]);
    await page.close();
  });

  it('asks for level=ad_group on Ad sets and for the new range after a pushState date change', async () => {
    const range = { from: `${year}-06-01`, to: `${year}-06-30` };
    const page = await openMeta(variant, metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
    await expectRowsAgree(page, expectedBy(identity, { level: 'campaign', ...range }), identity);
    await page.evaluate(() => ((window as unknown as { __flMarker: number }).__flMarker = 1));

    await replicaCall(page, 'goLevel', 'ad_group');
    await expect.poll(() => funnelRequests().some((r) => r.query.level === 'ad_group' && r.query.from === range.from)).toBe(true);
    await expectRowsAgree(page, expectedBy(identity, { level: 'ad_group', ...range }), identity);

    const newRange = { from: `${year}-05-01`, to: `${year}-05-15` };
    await replicaCall(page, 'setDateRange', newRange.from, newRange.to);
    await expect
      .poll(() => funnelRequests().some((r) => r.query.level === 'ad_group' && r.query.from === newRange.from && r.query.to === newRange.to))
      .toBe(true);
    await expectRowsAgree(page, expectedBy(identity, { level: 'ad_group', ...newRange }), identity);
    // Same document all along: SPA navigation, no reload.
    expect(await page.evaluate(() => (window as unknown as { __flMarker?: number }).__flMarker)).toBe(1);
    await page.close();
  });

  it('reads spend from the same row for the card, and says in the summary which signals it found', async () => {
    const range = { from: `${year}-10-01`, to: `${year}-10-31` };
    const page = await openMeta(variant, metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
    const [first] = await expectRowsAgree(page, expectedBy(identity, { level: 'campaign', ...range }), identity);
    const model = (await replicaCall(page, 'visibleRows')) as Array<{ id: string; spendText: string }>;
    const spendText = model.find((m) => m.id === first!.id)!.spendText;

    const text = await openFirstCardByKeyboard(page);
    expect(text).toContain(first!.name);
    expect(text).toContain(`Spend in this row: ${spendText}`);
    expect(text).toMatch(/ROAS/);
    await page.keyboard.press('Escape');

    await ourUi(page).getByRole('funnel-lens-summary', 'button', 'Show details').click();
    await expect.poll(() => summaryText(page)).toContain('What Funnel Lens found on this page');
    // One report: the hook health, which alternative of each of the adapter's hooks matched
    // (where IDs, spend and the date range were read), and no second list beside it.
    expect(await hookHealthLine(page)).toBe(health);
    const summary = await summaryText(page);
    expect(summary).not.toContain('Spend column:');
    expect(summary).not.toContain('Date range:');
    await page.close();
  });
});

describe('Meta Ads Manager overlay (variant A)', () => {
  it('follows a full re-render (new row nodes, same scroll position) and an in-place sort, one badge per row', async () => {
    const range = { from: '2026-04-01', to: '2026-04-30' };
    const page = await openMeta({ ids: 'data-surface' }, metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
    const expected = rowsById({ level: 'campaign', ...range });
    await replicaCall(page, 'scrollToIndex', 120);
    await expectRowsAgree(page, expected);
    const oldRow = await page.evaluateHandle(() => document.querySelector('._1gda._2djg'));
    await replicaCall(page, 'rerender');
    expect(await oldRow.evaluate((el) => el?.isConnected)).toBe(false);
    const before = await expectRowsAgree(page, expected);
    await replicaCall(page, 'cycleSort');
    const sorted = await expectRowsAgree(page, expected);
    // The same nodes now show other campaigns (the sort really moved rows).
    expect(sorted.map((r) => r.id)).not.toEqual(before.map((r) => r.id));
    const perRow = await page.evaluate(() => [...document.querySelectorAll('._1gda._2djg')].map((row) => row.querySelectorAll('funnel-lens-badge').length));
    expect(perRow.every((n) => n === 1)).toBe(true);
    await page.close();
  });

  it('a recycled row shows its new campaign within a few frames of the jump, not at the next poll', async () => {
    const range = { from: '2026-07-01', to: '2026-07-31' };
    const page = await openMeta({ ids: 'data-surface' }, metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
    const expected = rowsById({ level: 'campaign', ...range });
    await expectRowsAgree(page, expected);
    // Each jump rewrites every row node in place. The overlay also re-reads all rows every
    // 0.4 s as a safety net; reading 4 frames (about 67 ms) after each jump, 12 times, shows
    // that the badges followed the rows' own changes: the poll can fall into few of those windows.
    const targets = [321, 17, 455, 90, 250, 3, 480, 133, 377, 61, 299, 412];
    await shadowBridge(page);
    const snapshots = (await page.evaluate(async (indexes) => {
      const replica = (window as unknown as { __replica: { scrollToIndex(i: number): void; visibleRows(): Array<{ id: string; clientTop: number }> } })
        .__replica;
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const out: Array<{ jump: number; id: string; badge: string | null }> = [];
      for (const index of indexes) {
        replica.scrollToIndex(index);
        for (let i = 0; i < 4; i++) await frame();
        const rowNodes = [...document.querySelectorAll('._1gda._2djg')];
        for (const m of replica.visibleRows()) {
          const row = rowNodes.find((r) => Math.abs(r.getBoundingClientRect().top - m.clientTop) < 2);
          const host = row?.querySelector('funnel-lens-badge');
          const badge = host ? ((window as unknown as WithShadowBridge).__funnelLensShadow.read(host)?.button?.text ?? null) : null;
          out.push({ jump: index, id: m.id, badge });
        }
        // The next jump starts from a settled page: every row on screen shows a badge, none loading.
        const settled = () => {
          const rows = [...document.querySelectorAll('._1gda._2djg')];
          return replica.visibleRows().every((m) => {
            const row = rows.find((r) => Math.abs(r.getBoundingClientRect().top - m.clientTop) < 2);
            const host = row?.querySelector('funnel-lens-badge');
            const text = host ? (window as unknown as WithShadowBridge).__funnelLensShadow.read(host)?.button?.text : undefined;
            return typeof text === 'string' && text !== '…';
          });
        };
        // Bounded: a badge that never settles fails the next jump's snapshot instead.
        for (let i = 0; i < 120 && !settled(); i++) await frame();
      }
      return out;
    }, targets)) as Array<{ jump: number; id: string; badge: string | null }>;
    expect(new Set(snapshots.map((s) => s.jump)).size).toBe(targets.length);
    const wrong = snapshots.filter((s) => s.badge === null || !badgeAgrees(s.badge, expected.get(s.id)));
    expect(wrong).toEqual([]);
    await page.close();
  });

  it('opens the detail card by keyboard with the funnel of that row', async () => {
    const range = { from: '2026-10-01', to: '2026-10-31' };
    const page = await openMeta({ ids: 'data-surface' }, metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
    const expected = rowsById({ level: 'campaign', ...range });
    const [first] = await expectRowsAgree(page, expected);
    const row = expected.get(first!.id)!;

    const text = await openFirstCardByKeyboard(page);
    expect(text).toContain(first!.name);
    for (const [label, value] of [
      ['Lead', row.leads],
      ['MQL', row.mql],
      ['SQL', row.sql],
      ['Meeting', row.meetings],
      ['Won', row.won],
    ] as const) {
      expect(text).toMatch(new RegExp(`${label}.*?${value.toLocaleString('en-US')}`));
    }
    expect(text).toContain('Matched by campaign ID');
    expect(text).toContain('Source: Acme CRM');
    await page.keyboard.press('Escape');
    await expect.poll(() => ourUi(page).locator('funnel-lens-card', '[role="dialog"]').count()).toBe(0);
    await page.close();
  });

  it('summarises coverage: campaigns seen on the page, matched, and CRM campaigns not seen', async () => {
    const range = { from: '2026-10-01', to: '2026-10-31' };
    // 3 page campaigns the CRM does not know; the CRM knows all 500 others.
    const strangers = makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT, count: 3, seed: 99, namePrefix: 'Unknown ' });
    await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
    const data = replicaData({ ids: 'data-surface' });
    data.levels.campaign = [...strangers, ...campaigns.slice(0, 9)];
    await routeMetaReplica(browser.context, data);
    const page = await browser.newPage();
    await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT, ...range }));
    await waitForReplica(page);
    // 12 rows visible: all 12 campaigns; 9 matched, 3 not; 491 CRM campaigns never shown.
    // The counts are right as soon as the badges are: no moment of "0 of 0" beside them.
    await expect
      .poll(async () => (await visibleMetaRows(page)).filter((r) => r.badge !== null && r.badge !== '–' && r.badge !== '…').length, { timeout: 5000 })
      .toBe(9);
    expect(await summaryText(page)).toContain('9 of 12 campaigns matched');
    expect(await summaryText(page)).toContain('CRM campaigns not seen on this page: 491');
    await page.close();
  });

  it('says "table layout not recognised" when neither its hooks nor the fallback finder find a row', async () => {
    // A table the adapter does not know, in an account the CRM has no campaigns for: no names to
    // look for either (the fallback with names: drifted-markup.e2e.ts).
    const page = await openMeta({ ids: 'data-surface', knownTableMarkup: false }, metaAdsManagerUrl({ accountId: '1999999999' }));
    await expect.poll(() => summaryText(page), { timeout: 10_000 }).toContain('Table layout not recognised');
    expect(await countOurBadges(page)).toBe(0);
    await page.close();
  });
});

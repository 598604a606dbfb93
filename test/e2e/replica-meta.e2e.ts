/**
 * Checks the Meta Ads Manager replica itself (no extension loaded): the other E2E tests trust it
 * to behave like the real Ads Manager as far as the reference describes it, so its behaviour is
 * pinned here: skeleton then rows, recycled row nodes, split panels aligned only by `top`,
 * horizontal column virtualisation, pushState navigation without popstate, the no-IDs variant,
 * the unknown-markup variant, and no page errors anywhere.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplicaCampaign } from '../fixtures/types';
import { metaAdsManagerUrl, routeMetaReplica, type MetaReplicaData } from '../replicas/serve';

interface ReplicaApi {
  ready: Promise<void>;
  settled(): Promise<void>;
  renderCount(): number;
  scrollToIndex(i: number): void;
  scrollBy(px: number): void;
  scrollLeftTo(px: number): void;
  setDateRange(from: string, to: string): void;
  goLevel(level: 'campaign' | 'ad_group' | 'ad'): void;
  cycleSort(): void;
  visibleRows(): Array<{ index: number; id: string; name: string; top: number; clientTop: number; spendText: string }>;
  rowNodeCount(): number;
  renderedColumns(): string[];
  state(): { level: string; from: string; to: string; preset: string | null; loading: boolean; count: number };
}

declare global {
  interface Window {
    __replica: ReplicaApi;
    __pwned?: number;
    __popstates?: number;
  }
  interface Element {
    /** A test-only expando that marks a row node, to recognise the same node after a scroll. */
    __tag?: number;
  }
}

const ACCOUNT = '1234567890';
const TODAY = '2026-10-30';
const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">';
const HOSTILE_NAME_2 = '</script><script>window.__pwned=2</script> $& $1 & "quotes"';

// ---------------------------------------------------------------------------------------------
// Deterministic data: 500 campaigns, 3 ad sets for each of the first 10, 2 ads per ad set.
// ---------------------------------------------------------------------------------------------

function campaignId(i: number): string {
  return `1202109429875${String(i).padStart(5, '0')}`;
}

function makeLevels(): MetaReplicaData['levels'] {
  const campaign: ReplicaCampaign[] = Array.from({ length: 500 }, (_, i) => ({
    id: campaignId(i),
    name: i === 3 ? HOSTILE_NAME : i === 4 ? HOSTILE_NAME_2 : `C${i} · Prospecting ${['US', 'DE', 'FI'][i % 3]}`,
    // Every 17th has no spend; the others spread from $0.37 to ~$12k, with some in the thousands.
    spend: i % 17 === 5 ? null : Math.round(((i * 7919) % 1_200_000) + 37) / 100,
    status: i % 5 === 0 ? 'paused' : 'active',
  }));
  const ad_group: ReplicaCampaign[] = [];
  const ad: ReplicaCampaign[] = [];
  for (let c = 0; c < 10; c++) {
    for (let s = 0; s < 3; s++) {
      const adsetId = `1202200000000${String(c * 10 + s).padStart(5, '0')}`;
      ad_group.push({ id: adsetId, name: `AS ${c}.${s}`, spend: 100 + c * 10 + s, parentId: campaignId(c) });
      for (let a = 0; a < 2; a++) {
        ad.push({ id: `1202300000000${String(c * 100 + s * 10 + a).padStart(5, '0')}`, name: `Ad ${c}.${s}.${a}`, spend: 10 + a, parentId: adsetId });
      }
    }
  }
  return { campaign, ad_group, ad };
}

const LEVELS = makeLevels();

/** Expected spend text, computed independently of the replica's own formatter. */
function expectedSpend(spend: number | null, locale: 'en' | 'fi'): string {
  if (spend === null) return '—';
  const [int, dec] = spend.toFixed(2).split('.') as [string, string];
  if (locale === 'fi') return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${dec}\u00a0€`;
  return `$${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

const byId = new Map(LEVELS.campaign.map((c) => [c.id, c]));

// ---------------------------------------------------------------------------------------------
// Browser plumbing
// ---------------------------------------------------------------------------------------------

let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
});

async function openReplica(
  variant: MetaReplicaData['variant'],
  opts: { locale?: 'en' | 'fi'; url?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const locale = opts.locale ?? 'en';
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await routeMetaReplica(context, { accountId: ACCOUNT, currency: locale === 'fi' ? 'EUR' : 'USD', locale, levels: LEVELS, variant, today: TODAY });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
  page.on('console', (m) => {
    // 404s are requested on purpose below; Chromium logs each as "Failed to load resource".
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${m.text()}`);
  });
  await page.goto(opts.url ?? metaAdsManagerUrl({ accountId: ACCOUNT, from: '2026-10-01', to: '2026-10-31' }));
  return { context, page };
}

/** location.href read in the page: pushState is synchronous there, while page.url() follows events. */
function href(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}

interface DomRow {
  top: number;
  tag: number | undefined;
  surfaceId: string | null;
  /** The objectID React's properties hold for the row node (read in the page's own world). */
  reactId: string | null;
  name: string | null;
  tooltip: string | null;
  href: string | null;
  spend: string | null;
}

/** Reads the row nodes as the DOM has them now; each row's y comes from its transform. */
function readRows(page: Page): Promise<DomRow[]> {
  return page.evaluate(() => {
    const reactId = (el: Element) => {
      const key = Object.keys(el).find((k) => k.startsWith('__reactFiber$'));
      const fiber = key ? (el as unknown as Record<string, { return?: { memoizedProps?: { objectID?: string } } }>)[key] : undefined;
      return fiber?.return?.memoizedProps?.objectID ?? null;
    };
    return Array.from(document.querySelectorAll('._1gda._2djg')).map((el) => {
      const wrapperKey = el.parentElement?.getAttribute('data-surface') ?? '';
      return {
        top: Number(/translate\(0px, (-?[\d.]+)px\)/.exec((el as HTMLElement).style.transform)?.[1]),
        tag: el.__tag,
        surfaceId: /table_row:(\d+)unit$/.exec(wrapperKey)?.[1] ?? null,
        reactId: reactId(el),
        name: el.querySelector('.ellipsis a')?.textContent ?? null,
        tooltip: el.querySelector('[data-tooltip-content]')?.getAttribute('data-tooltip-content') ?? null,
        href: el.querySelector('.ellipsis a')?.getAttribute('href') ?? null,
        spend: el.querySelector('._3pzj + * [geotextcolor="value"], [data-surface$="table_cell:spend"] [geotextcolor="value"]')?.textContent ?? null,
      };
    });
  });
}

/** The DOM agrees with what the replica says a user sees: each row node at its y shows that row's name, ID and spend. */
async function expectDomMatchesModel(page: Page, ids: 'data-surface' | 'react' | 'none'): Promise<void> {
  const visible = await page.evaluate(() => window.__replica.visibleRows());
  const rows = await readRows(page);
  expect(visible.length).toBeGreaterThanOrEqual(12);
  for (const row of visible) {
    const node = rows.find((n) => n.top === row.top);
    expect(node, `row node at y ${row.top}`).toBeDefined();
    expect(node!.name).toBe(row.name);
    expect(node!.tooltip).toBe(row.name);
    expect(node!.href).toBe('#');
    expect(row.name).toBe(byId.get(row.id)?.name ?? row.name);
    expect(node!.surfaceId).toBe(ids === 'data-surface' ? row.id : null);
    expect(node!.reactId).toBe(ids === 'react' ? row.id : null);
  }
}

/** The spend cell's value in the row node at y, or null when the column is not rendered. */
function spendAt(page: Page, y: number): Promise<string | null> {
  return page.evaluate((top) => {
    const node = [...document.querySelectorAll('._1gda._2djg')].find((el) => (el as HTMLElement).style.transform === `translate(0px, ${top}px)`);
    const header = document.querySelector('[data-surface$="table_column_header:spend"]')!.closest('._1eyh')!.getBoundingClientRect();
    const cell = [...(node?.querySelectorAll('._4lg0') ?? [])].find(
      (c) => Math.abs(c.getBoundingClientRect().left - header.left) < 1 && c.querySelector('[geotextcolor="value"]'),
    );
    return cell?.querySelector('[geotextcolor="value"]')?.textContent ?? null;
  }, y);
}

// ---------------------------------------------------------------------------------------------
// Variant A: IDs in data-surface, English, USD
// ---------------------------------------------------------------------------------------------

describe('Meta replica, IDs in data-surface (en, USD)', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await openReplica({ ids: 'data-surface' }));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('shows a skeleton first, then ~15 recycled row nodes', async () => {
    // Reload and catch the skeleton at its first paint: a cold browser may take most of 800 ms to load.
    await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT, from: '2026-10-01', to: '2026-10-31' }), { waitUntil: 'commit' });
    await page.waitForFunction(
      () => document.querySelectorAll('[role="progressbar"][aria-busy="true"]').length === 1 && !document.querySelector('._1gda._2djg'),
    );
    await page.evaluate(() => window.__replica.ready);
    expect(await page.locator('[role="progressbar"][aria-busy="true"]').count()).toBe(0);
    expect(await page.evaluate(() => window.__replica.rowNodeCount())).toBe(15);
    expect(await page.locator('div._219p > span > ._1gda._2djg').count()).toBe(15);
    expect(await page.locator('[role="table"] ._219p ._1gda._2djg').count()).toBe(15);
    expect(await page.title()).toBe('Ads Manager - Manage campaigns');
    expect(await page.locator('[data-surface="/am/table/stats_range"]').textContent()).toBe('Oct 1, 2026 – Oct 31, 2026');
    expect(await page.locator('[data-surface="/am/table/total_count"]').textContent()).toBe('Results from 500 campaigns');
    expect(await page.evaluate(() => performance.getEntriesByName('replica:rows-rendered').length)).toBe(1);
  });

  it('has the documented table skeleton and column headers', async () => {
    expect(await page.locator('span[data-surface-wrapper="1"][data-surface="/am/table"] > div._3h1i._1mie[role="table"]').count()).toBe(1);
    const headers = await page.$$eval('[role="columnheader"] [data-surface*="table_column_header:"]', (els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-surface')!.split(':').pop(), e.textContent])),
    );
    expect(headers).toMatchObject({
      name: 'Campaign',
      delivery: 'Delivery',
      budget: 'Budget',
      results: 'Results',
      reach: 'Reach',
      impressions: 'Impressions',
      cost_per_result: 'Cost per result',
      spend: 'Amount spent',
      ends: 'Ends',
    });
    // The totals row is not a campaign: no row surface, not a `._2djg` row.
    expect(await page.locator('._3h1k [data-surface*="table_row:"]').count()).toBe(0);
    expect(await page.locator('._3h1k').getAttribute('class')).not.toContain('_2djg');
  });

  it('places one row node per row by transform, holding the frozen name block and the metrics', async () => {
    await expectDomMatchesModel(page, 'data-surface');
    // The captured structure (ref: row node, cell, name): row → _1gd4 → _1gd5 → frozen _3pzj with
    // selector, toggle and name cells; the name in a clipping tooltip box; the hover toolbar after it.
    const shape = await page.evaluate(() => {
      const row = document.querySelector('._1gda._2djg') as HTMLElement;
      const frozen = row.querySelector('._1gd4[role="presentation"] > ._1gd5 > div > ._3pzj') as HTMLElement;
      const tooltip = frozen.querySelector('.ellipsis._13is[data-hover="tooltip"][data-tooltip-content] > span > a[href="#"] > span._3dfi._3dfj');
      return {
        rowStyle: { position: getComputedStyle(row).position, top: row.style.top, transform: /^translate\(0px, \d+px\)$/.test(row.style.transform) },
        frozen: { willChange: frozen.style.willChange, zIndex: frozen.style.zIndex, cells: frozen.querySelectorAll('._4lg0').length },
        name: tooltip !== null,
        toolbar: frozen.querySelector('[data-surface$="/maiba:ad_object_overflow_menu_entrypoint"] [role="toolbar"]') !== null,
        cellWrappers: [...row.querySelectorAll('._4lg0')].every((c) => getComputedStyle(c.parentElement!).display === 'contents'),
      };
    });
    expect(shape).toEqual({
      rowStyle: { position: 'absolute', top: '', transform: true },
      frozen: { willChange: 'transform', zIndex: '2', cells: 3 },
      name: true,
      toolbar: true,
      cellWrappers: true,
    });
    const first = await page.evaluate(() => window.__replica.visibleRows().slice(0, 6));
    expect(first.map((r) => r.id)).toEqual(LEVELS.campaign.slice(0, 6).map((c) => c.id));
    for (const r of first) expect(r.spendText).toBe(expectedSpend(byId.get(r.id)!.spend, 'en'));
    // A cell surface looks like /am/table/table_row:<id>unit/table_cell:spend.
    const spendSurface = await page.locator('[data-surface$="table_cell:spend"]').first().getAttribute('data-surface');
    expect(spendSurface).toBe(`/am/table/table_row:${LEVELS.campaign[0]!.id}unit/table_cell:spend`);
    // The no-spend campaign (index 5) shows an em dash.
    expect(first[5]!.spendText).toBe('—');
  });

  it('renders hostile names as text', async () => {
    const names = await page.$$eval('._219p .ellipsis a', (as) => as.map((a) => a.textContent));
    expect(names).toContain(HOSTILE_NAME);
    expect(names).toContain(HOSTILE_NAME_2);
    expect(await page.locator('._3h1i img, script:not([type])').count()).toBe(1); // only replica.js itself
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });

  it('recycles the same ~15 nodes when scrolling, keeping nodes an extension inserted', async () => {
    // Tag each node and insert a foreign child after the name box, as an extension's badge would be.
    await page.evaluate(() => {
      document.querySelectorAll('._1gda._2djg').forEach((el, k) => {
        el.__tag = k;
        const badge = document.createElement('span');
        badge.className = 'fake-badge';
        el.querySelector('[data-tooltip-content]')!.after(badge);
      });
    });
    const before = await readRows(page);
    await page.evaluate(() => window.__replica.scrollToIndex(200));
    const after = await readRows(page);
    expect(after).toHaveLength(15);
    expect(after.map((n) => n.tag).sort((a, b) => a! - b!)).toEqual([...Array(15).keys()]);
    // The node tagged 0 now shows a different campaign.
    const node0Before = before.find((n) => n.tag === 0)!;
    const node0After = after.find((n) => n.tag === 0)!;
    expect(node0After.surfaceId).not.toBe(node0Before.surfaceId);
    expect(node0After.top).not.toBe(node0Before.top);
    expect(await page.locator('._1gda._2djg [data-tooltip-content] + .fake-badge').count()).toBe(15);
    const visible = await page.evaluate(() => window.__replica.visibleRows());
    expect(visible[0]!.index).toBe(200);
    expect(visible[0]!.id).toBe(campaignId(200));
    await expectDomMatchesModel(page, 'data-surface');

    // A real wheel scroll goes through the scroll event path.
    await page.mouse.move(700, 500);
    await page.mouse.wheel(0, 480);
    await expect.poll(() => page.evaluate(() => window.__replica.visibleRows()[0]!.index)).toBe(210);
    await expectDomMatchesModel(page, 'data-surface');
    expect((await readRows(page)).every((n) => n.tag !== undefined)).toBe(true);

    await page.evaluate(() => window.__replica.scrollToIndex(10_000)); // clamps at the end
    const last = await page.evaluate(() => window.__replica.visibleRows());
    expect(last.at(-1)!.id).toBe(campaignId(499));
    await expectDomMatchesModel(page, 'data-surface');
    await page.evaluate(() => window.__replica.scrollToIndex(0));
  });

  it('virtualises columns horizontally: spend cells vanish when scrolled out, headers stay, names stay frozen', async () => {
    expect(await page.locator('[data-surface$="table_cell:spend"]').count()).toBe(15);
    const first = (await page.evaluate(() => window.__replica.visibleRows()))[0]!;
    expect(await spendAt(page, first.top)).toBe(first.spendText);
    const nameLeft = () =>
      page
        .locator('._1gda._2djg [data-tooltip-content]')
        .first()
        .evaluate((el) => Math.round(el.getBoundingClientRect().left));
    const leftBefore = await nameLeft();
    await page.evaluate(() => window.__replica.scrollLeftTo(100_000));
    expect(await page.locator('[data-surface$="table_cell:spend"]').count()).toBe(0);
    expect(await page.evaluate(() => window.__replica.renderedColumns())).not.toContain('spend');
    expect(await page.locator('[data-surface="/am/table/table_column_header:spend"]').count()).toBe(1);
    // The frozen block follows by transform: the names stay where they were.
    expect(await page.locator('._219p .ellipsis a').count()).toBe(15);
    expect(await nameLeft()).toBe(leftBefore);
    await page.evaluate(() => window.__replica.scrollLeftTo(0));
    expect(await page.locator('[data-surface$="table_cell:spend"]').count()).toBe(15);
    await expectDomMatchesModel(page, 'data-surface');
  });

  it('sorts by Amount spent on header click, reusing the nodes', async () => {
    await page.evaluate(() => document.querySelectorAll('._1gda._2djg').forEach((el, k) => (el.__tag = 100 + k)));
    await page.locator('[role="columnheader"]:has([data-surface="/am/table/table_column_header:spend"])').click();
    const top = await page.evaluate(() => window.__replica.visibleRows().slice(0, 3));
    const sorted = [...LEVELS.campaign].filter((c) => c.spend !== null).sort((a, b) => b.spend! - a.spend!);
    expect(top.map((r) => r.id)).toEqual(sorted.slice(0, 3).map((c) => c.id));
    expect((await readRows(page)).every((n) => n.tag !== undefined && n.tag >= 100)).toBe(true);
    await expectDomMatchesModel(page, 'data-surface');
    // Back to unsorted: desc → asc → none.
    await page.evaluate(() => {
      window.__replica.cycleSort();
      window.__replica.cycleSort();
    });
    expect(await page.evaluate(() => window.__replica.visibleRows()[0]!.id)).toBe(campaignId(0));
  });

  it('changes the date with pushState, no popstate, and re-renders after a skeleton', async () => {
    await page.evaluate(() => {
      window.__popstates = 0;
      window.addEventListener('popstate', () => window.__popstates!++);
    });
    const historyBefore = await page.evaluate(() => history.length);

    await page.locator('[data-surface="/am/table/stats_range"]').click();
    await page.getByRole('menuitemradio', { name: 'Last 7 days' }).click();
    expect(new URL(await href(page)).searchParams.get('date')).toBe('2026-10-23_2026-10-29,last_7d');
    expect(await href(page)).toContain('date=2026-10-23_2026-10-29,last_7d'); // the comma stays literal
    expect(await page.locator('[role="progressbar"][aria-busy="true"]').count()).toBe(1);
    await page.evaluate(() => window.__replica.settled());
    expect(await page.locator('[data-surface="/am/table/stats_range"]').textContent()).toBe('Last 7 days: Oct 23, 2026 – Oct 29, 2026');

    const duringSkeleton = await page.evaluate(() => {
      window.__replica.setDateRange('2026-09-01', '2026-09-30');
      return { rows: document.querySelectorAll('._1gda._2djg').length, busy: document.querySelectorAll('[role="progressbar"][aria-busy="true"]').length };
    });
    expect(duringSkeleton).toEqual({ rows: 0, busy: 1 });
    expect(await href(page)).toBe(`https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=${ACCOUNT}&date=2026-09-01_2026-09-30`);
    expect(await page.locator('[data-surface="/am/table/stats_range"]').textContent()).toBe('Sep 1, 2026 – Sep 30, 2026');
    await page.evaluate(() => window.__replica.settled());
    expect(await page.evaluate(() => window.__replica.rowNodeCount())).toBe(15);
    await expectDomMatchesModel(page, 'data-surface');
    expect(await page.evaluate(() => window.__popstates)).toBe(0);
    expect(await page.evaluate(() => history.length)).toBe(historyBefore + 2);
    expect(await page.evaluate(() => performance.getEntriesByName('replica:rows-rendered').length)).toBeGreaterThanOrEqual(3);
  });

  it('navigates between levels with tabs, name links and goLevel', async () => {
    await page.getByRole('tab', { name: 'Ad sets' }).click();
    expect(new URL(await href(page)).pathname).toBe('/adsmanager/manage/adsets');
    expect(await page.title()).toBe('Ads Manager - Manage ad sets');
    expect(await page.locator('[data-surface="/am/table/table_column_header:name"]').textContent()).toBe('Ad set');
    await page.evaluate(() => window.__replica.settled());
    expect(await page.locator('[data-surface="/am/table/total_count"]').textContent()).toBe('Results from 30 ad sets');
    const adsetName = page.locator('._219p [data-surface$="table_cell:forObjectType(name,CAMPAIGN)"]').first();
    expect(await adsetName.getAttribute('data-surface')).toBe(`/am/table/table_row:${LEVELS.ad_group[0]!.id}unit/table_cell:forObjectType(name,CAMPAIGN)`);

    // Drill down from a campaign's name link: ad sets of that campaign only.
    await page.evaluate(() => window.__replica.goLevel('campaign'));
    await page.evaluate(() => window.__replica.settled());
    const link = page.locator('._219p .ellipsis a', { hasText: 'C1 · Prospecting' });
    expect(await link.getAttribute('href')).toBe('#');
    await link.click();
    expect(new URL(await href(page)).pathname).toBe('/adsmanager/manage/adsets');
    expect(new URL(await href(page)).searchParams.get('selected_campaign_ids')).toBe(campaignId(1));
    await page.evaluate(() => window.__replica.settled());
    const adsets = await page.evaluate(() => window.__replica.visibleRows().map((r) => r.name));
    expect(adsets).toEqual(['AS 1.0', 'AS 1.1', 'AS 1.2']);
    expect(await page.locator('._219p .ellipsis a').count()).toBe(3);

    // Ads under the selected campaign, each linking to itself.
    await page.evaluate(() => window.__replica.goLevel('ad'));
    expect(await page.title()).toBe('Ads Manager - Manage ads');
    await page.evaluate(() => window.__replica.settled());
    expect((await page.evaluate(() => window.__replica.visibleRows())).map((r) => r.name)).toEqual([
      'Ad 1.0.0',
      'Ad 1.0.1',
      'Ad 1.1.0',
      'Ad 1.1.1',
      'Ad 1.2.0',
      'Ad 1.2.1',
    ]);
    expect(await page.locator('._219p [data-surface$="table_cell:forObjectType(name,ADGROUP)"]').count()).toBe(6);
  });

  it('looks like Ads Manager (screenshot for a human)', async () => {
    await page.evaluate(() => window.__replica.goLevel('campaign'));
    await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT, from: '2026-10-01', to: '2026-10-31' }));
    await page.evaluate(() => window.__replica.ready);
    await page.mouse.move(400, 330);
    await page.screenshot({ path: '/tmp/meta-replica.png' });
  });
});

// ---------------------------------------------------------------------------------------------
// Variant B: no IDs in data-surface, Finnish, EUR
// ---------------------------------------------------------------------------------------------

describe('Meta replica, IDs only in React properties (fi, EUR)', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await openReplica({ ids: 'react', skeletonMs: 300 }, { locale: 'fi' }));
    await page.evaluate(() => window.__replica.ready);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('has no row keys in data-surface; the IDs live in React properties, recycled with the rows', async () => {
    expect(await page.locator('[data-surface*="table_row:"]').count()).toBe(0);
    expect(await page.locator('[data-surface^="/am/table/table_cell:"]').count()).toBeGreaterThan(15);
    expect(await page.evaluate(() => window.__replica.rowNodeCount())).toBe(15);
    await expectDomMatchesModel(page, 'react');
    await page.evaluate(() => window.__replica.scrollToIndex(321));
    await expectDomMatchesModel(page, 'react');
  });

  it('formats Finnish labels, dates and EUR amounts', async () => {
    expect(await page.locator('[data-surface="/am/table/table_column_header:name"]').textContent()).toBe('Kampanja');
    expect(await page.locator('[data-surface="/am/table/table_column_header:spend"]').textContent()).toBe('Käytetty summa');
    expect(await page.locator('[data-surface="/am/table/stats_range"]').textContent()).toBe('1.10.2026 – 31.10.2026');
    const rows = await page.evaluate(() => window.__replica.visibleRows());
    for (const r of rows) expect(r.spendText).toBe(expectedSpend(byId.get(r.id)!.spend, 'fi'));
    expect(rows.some((r) => /^\d{1,3}(\u00a0\d{3})+,\d{2}\u00a0€$/.test(r.spendText))).toBe(true);
    await page.evaluate(() => window.__replica.goLevel('ad_group'));
    expect(await page.locator('[data-surface="/am/table/table_column_header:name"]').textContent()).toBe('Mainossarja');
    await page.evaluate(() => window.__replica.settled());
    await expectDomMatchesModel(page, 'react');
  });
});

// ---------------------------------------------------------------------------------------------
// Unknown markup, other hosts, 404s
// ---------------------------------------------------------------------------------------------

describe('Meta replica, other variants and routing', () => {
  it('renders an unknown table markup when knownTableMarkup is false', async () => {
    const { context, page } = await openReplica({ ids: 'data-surface', knownTableMarkup: false, skeletonMs: 200 });
    await page.evaluate(() => window.__replica.ready);
    expect(await page.locator('[role="table"], [role="columnheader"], [data-surface^="/am/table/table"], ._1gda').count()).toBe(0);
    expect(await page.locator('[data-surface="/am/table"]').count()).toBe(0);
    expect(await page.locator('table tbody tr').count()).toBe(500);
    expect(await page.locator('table tbody tr a').count()).toBe(0);
    const rows = await page.evaluate(() => window.__replica.visibleRows());
    expect(rows[0]!.id).toBe(campaignId(0));
    await context.close();
  });

  it('variant C: no data-surface and no table roles anywhere, no IDs; the same rows and names', async () => {
    const { context, page } = await openReplica({ ids: 'none', dataSurface: false, ariaRoles: false, skeletonMs: 100 });
    await page.evaluate(() => window.__replica.ready);
    expect(await page.locator('[role="table"], [role="columnheader"], [role="presentation"], [data-surface]').count()).toBe(0);
    expect(await page.locator('._1gda._2djg').count()).toBe(15);
    expect(await page.getByRole('tab').count()).toBe(3);
    await expectDomMatchesModel(page, 'none');
    const first = (await page.evaluate(() => window.__replica.visibleRows()))[0]!;
    expect(
      await page.evaluate((top) => {
        const node = [...document.querySelectorAll('._1gda._2djg')].find((el) => (el as HTMLElement).style.transform === `translate(0px, ${top}px)`)!;
        const header = [...document.querySelectorAll('._1eyh')].find((h) => h.textContent?.trim() === 'Amount spent')!.getBoundingClientRect();
        return [...node.querySelectorAll('._4lg0')]
          .find((c) => Math.abs(c.getBoundingClientRect().left - header.left) < 1)
          ?.querySelector('[geotextcolor="value"]')?.textContent;
      }, first.top),
    ).toBe(first.spendText);
    await context.close();
  });

  it('serves business.facebook.com and www.facebook.com/adsmanager, and 404s anything else', async () => {
    const { context, page } = await openReplica(
      { ids: 'data-surface', skeletonMs: 100 },
      { url: `https://business.facebook.com/adsmanager/manage/ads?act=${ACCOUNT}&date=2026-10-01_2026-10-31` },
    );
    await page.evaluate(() => window.__replica.ready);
    expect(await page.title()).toBe('Ads Manager - Manage ads');
    expect(await page.evaluate(() => window.__replica.state().count)).toBe(60);
    const statuses = await page.evaluate(async () =>
      Promise.all(['/ajax/bz', '/__replica__/meta/nope.js', '/__replica__/meta/replica.js'].map(async (u) => (await fetch(u)).status)),
    );
    expect(statuses).toEqual([404, 404, 200]);

    await page.goto(`https://www.facebook.com/adsmanager/manage/campaigns?act=act_${ACCOUNT}`);
    await page.evaluate(() => window.__replica.ready);
    expect(await page.evaluate(() => window.__replica.state())).toMatchObject({ level: 'campaign', count: 500, preset: 'last_30d' });
    // Meta's bare /adsmanager/ lands on the campaigns tab.
    await page.goto(`https://adsmanager.facebook.com/adsmanager/?act=${ACCOUNT}`);
    expect(new URL(await href(page)).hostname).toBe('adsmanager.facebook.com');
    expect(new URL(await href(page)).pathname).toBe('/adsmanager/manage/campaigns');
    const response = await page.goto('https://adsmanager.facebook.com/some/other/page');
    expect(response?.status()).toBe(404);
    await context.close();
  });

  it('raised no page errors in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});

/**
 * Issue 17: "Where no such spot exists, use a layer of our own, aligned to the name, that follows
 * scrolling and recycled rows within one frame." A drifted Google Ads table whose name component
 * is a CSS grid: nothing can go beside the name inside the row, so the fallback puts each badge
 * into our own layer, beside the name. In every painted frame while the table scrolls (16 row
 * nodes recycled for 80 campaigns), each badge in view sits over the row of the campaign whose
 * numbers it states, and is what a user hits at its centre.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeWorld } from '../fixtures/world';
import { googleAdsUrl, routeGoogleAdsReplica } from '../replicas/serve';
import type { StatsServer } from '../support/stats-server';
import type { ExtensionBrowser } from './support/browser';
import { BADGE_AGREES_IN_PAGE } from './support/expected';
import { waitForGoogleReplica } from './support/google-page';
import { expectedNumbers, type ExpectedNumbers } from './support/row-truth-probe';
import { summaryText } from './support/meta-page';
import { countOurBadges, shadowBridge, type WithShadowBridge } from './support/our-ui';
import { useConnectedSession } from './support/session';

const CUSTOMER = '4445556668';
const campaigns = makeWorld({ platform: 'google_ads', level: 'campaign', accountId: CUSTOMER, count: 80, seed: 175 });
const RANGE = { from: '2026-09-01', to: '2026-09-30' };
const SCROLLER = '.k7particle-table-body';

const session = useConnectedSession({ world: campaigns });
let server: StatsServer;
let browser: ExtensionBrowser;
beforeAll(() => {
  ({ server, browser } = session);
});

interface LayerSample {
  /** Badges in view that were checked. */
  badges: number;
  /** Rows in view (their centre visible) with no badge over them. */
  rowsWithout: number;
  problems: string[];
}

/**
 * Page-side: every badge in our layer that is shown, matched to the row under its centre (the
 * replica's model says which campaign each row node shows). Problems: a badge over no row, a badge
 * stating another campaign's numbers, two badges over one row, a badge a user cannot hit. Our
 * roots are closed: the test-only bridge (our-ui.ts, `shadowBridge`) reads the layer's badges
 * synchronously, in the same frame as the replica's model.
 */
const SAMPLE_LAYER = String.raw`(expected) => {
  ${BADGE_AGREES_IN_PAGE}
  const layer = document.querySelector('funnel-lens-layer');
  const badges = layer ? window.__funnelLensShadow.readLayer(layer) : null;
  const scroller = document.querySelector('${SCROLLER}').getBoundingClientRect();
  const rows = window.__replica.visibleRows().map((r) => ({ ...r, node: window.__replica.rowNodeAt(r.index) }));
  const result = { badges: 0, rowsWithout: 0, problems: [] };
  const badgesPerRow = new Map();
  for (const badge of badges || []) {
    if (badge.hidden) continue;
    const x = badge.box.left + badge.box.width / 2;
    const y = badge.box.top + badge.box.height / 2;
    const text = badge.text;
    if (text === null) { result.problems.push('a badge with no button at y=' + Math.round(y)); continue; }
    const row = rows.find((r) => { const b = r.node && r.node.getBoundingClientRect(); return b && y >= b.top && y < b.bottom; });
    if (!row) { result.problems.push('badge over no row at y=' + Math.round(y) + ': ' + text); continue; }
    result.badges++;
    badgesPerRow.set(row.id, (badgesPerRow.get(row.id) || 0) + 1);
    if (text.trim() !== '…' && !agrees(text, expected[row.id])) result.problems.push(row.name + ' shows ' + text);
    if (document.elementFromPoint(x, y) !== layer || !badge.hitAtCentre) result.problems.push(row.name + ': badge not hit at its centre');
  }
  for (const row of rows) {
    const b = row.node && row.node.getBoundingClientRect();
    if (!b || b.top + b.height / 2 < scroller.top || b.top + b.height / 2 > scroller.bottom) continue;
    const count = badgesPerRow.get(row.id) || 0;
    if (count === 0) result.rowsWithout++;
    if (count > 1) result.problems.push(row.name + ': ' + count + ' badges');
  }
  return result;
}`;

async function sampleLayer(page: Page, expected: Record<string, ExpectedNumbers>): Promise<LayerSample> {
  await shadowBridge(page);
  return (await page.evaluate(`(${SAMPLE_LAYER})(${JSON.stringify(expected)})`)) as LayerSample;
}

/**
 * Scrolls by `step` px per frame, down then up, and samples every painted frame: from a
 * ResizeObserver callback the sampler triggers each frame, which runs after the page's scroll
 * handlers, every animation-frame callback and layout, just before paint (as the row-truth probe
 * does). A sample from an animation-frame callback would read a state no user ever sees.
 */
async function scrollAndSample(page: Page, expected: Record<string, ExpectedNumbers>, step: number, frames: number): Promise<LayerSample[]> {
  await shadowBridge(page);
  await page.evaluate(`window.__sampleLayer = (${SAMPLE_LAYER}); window.__expected = ${JSON.stringify(expected)};`);
  return page.evaluate(
    async ([dy, n, selector]) => {
      const w = window as unknown as { __sampleLayer(e: unknown): LayerSample; __expected: unknown };
      const scroller = document.querySelector(selector) as Element;
      const tick = document.createElement('div');
      tick.style.cssText = 'position: fixed; left: 0; top: 0; width: 1px; height: 1px; visibility: hidden;';
      document.body.append(tick);
      let wide = false;
      let take: ((sample: LayerSample) => void) | null = null;
      const observer = new ResizeObserver(() => {
        const resolve = take;
        take = null;
        resolve?.(w.__sampleLayer(w.__expected));
      });
      observer.observe(tick);
      const samples: LayerSample[] = [];
      for (let i = 0; i < n * 2; i++) {
        scroller.scrollBy(0, i < n ? dy : -dy);
        samples.push(
          await new Promise<LayerSample>((resolve) => {
            take = resolve;
            requestAnimationFrame(() => {
              wide = !wide;
              tick.style.width = wide ? '2px' : '1px';
            });
          }),
        );
      }
      observer.disconnect();
      tick.remove();
      return samples;
    },
    [step, frames, SCROLLER] as const,
  );
}

describe("the fallback's own layer, where a name leaves no spot in its row", () => {
  it("puts each badge beside its name, on its own campaign's row, in every frame of a scroll", async () => {
    await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
    await routeGoogleAdsReplica(browser.context, {
      customerId: CUSTOMER,
      accountName: 'Layer QA',
      ocid: '398000175',
      currency: 'USD',
      locale: 'en',
      levels: { campaign: campaigns, ad_group: [] },
      range: RANGE,
      variant: { drifted: true, nameGrid: true, splashMs: 300, tableReloadMs: 150, chunkDelayMs: 100, joinedRowAt: 30 },
    });
    const page = await browser.newPage();
    await page.goto(googleAdsUrl({ ocid: '398000175' }));
    await waitForGoogleReplica(page);
    const expected = expectedNumbers(server.expectedRows({ platform: 'google_ads', level: 'campaign', account_id: CUSTOMER, ...RANGE }));

    // At rest: every row in view has exactly one badge, stating its own numbers, beside the name.
    await expect
      .poll(
        async () => {
          const s = await sampleLayer(page, expected);
          return s.badges > 5 && s.rowsWithout === 0 && s.problems.length === 0;
        },
        { timeout: 10_000, interval: 50 },
      )
      .toBe(true);
    // No badge went into a row: the rows' own layout is untouched; they are all in our layer.
    expect(await page.locator('.k7particle-table-row funnel-lens-badge').count()).toBe(0);
    expect(await countOurBadges(page)).toBeGreaterThan(5);
    // Beside the name's text where the cell has room, over the end of a long name where it has
    // not; always inside the name's cell (never over the next column's figures), centred on the name.
    await shadowBridge(page);
    const placed = await page.evaluate(() => {
      const layer = document.querySelector('funnel-lens-layer');
      const badges = (layer ? (window as unknown as WithShadowBridge).__funnelLensShadow.readLayer(layer) : null)?.map((b) => b.box) ?? [];
      return [...document.querySelectorAll('.k7particle-table-row xb-name a')].flatMap((link) => {
        const range = document.createRange();
        range.selectNodeContents(link);
        const text = range.getBoundingClientRect();
        const cell = (link.closest('xb-cell') as Element).getBoundingClientRect();
        const badge = badges.find((b) => b.top < text.bottom && b.bottom > text.top);
        if (!badge || text.top < cell.top || text.bottom > cell.bottom || text.height === 0) return [];
        // Clearly room beside the name (the badge and a margin), or clearly none.
        const room = cell.right - text.right;
        const roomy = room > badge.width + 16 ? true : room < badge.width ? false : null;
        return [
          {
            roomy,
            gap: badge.left - text.right,
            inCell: badge.left >= text.left && badge.right <= cell.right,
            middle: Math.abs(badge.top + badge.height / 2 - (text.top + text.height / 2)),
          },
        ];
      });
    });
    expect(placed.length).toBeGreaterThan(5);
    expect(placed.filter((p) => !p.inCell || p.middle >= 2)).toEqual([]);
    expect(placed.filter((p) => p.roomy === true && (p.gap < 0 || p.gap > 12))).toEqual([]);
    // The replica's long names leave no room beside some of them: the case is really there.
    expect(placed.some((p) => p.roomy === false)).toBe(true);
    expect(placed.some((p) => p.roomy === true)).toBe(true);

    // Scrolling: the 16 row nodes are recycled for 80 campaigns.
    const samples = await scrollAndSample(page, expected, 29, 60);
    const problems = samples.flatMap((s, i) => s.problems.map((p) => `frame ${i}: ${p}`));
    expect(problems).toEqual([]);
    expect(samples.reduce((n, s) => n + s.badges, 0)).toBeGreaterThan(samples.length * 5);
    await expect.poll(() => summaryText(page)).toContain('badges are placed by the campaign names and IDs the page shows');
    await page.close();
  });
});

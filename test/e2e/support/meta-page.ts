/** Reading the Meta replica as a user sees it: which campaign each visible row shows, and its badge. */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Level } from '../../../utils/api/schema';
import type { ReplicaCampaign } from '../../fixtures/types';
import { routeMetaReplica } from '../../replicas/serve';
import type { StatsServer } from '../../support/stats-server';
import { badgeAgrees } from './expected';
import { shadowBridge, type WithShadowBridge } from './our-ui';

export interface VisibleRow {
  id: string;
  name: string;
  /** The badge's visible text in that row, or null when the row has none. */
  badge: string | null;
  /** The name text the row's DOM shows (must equal `name`: the replica's model). */
  shownName: string;
  /**
   * Whether a user can see the badge: `document.elementFromPoint` at its centre is the badge.
   * null when the badge's centre lies under the table's sticky header or totals row (a row
   * scrolled half out of view), where nobody could see it anyway.
   */
  badgeVisible?: boolean | null;
}

/**
 * Every row the replica's model says is on screen, read from the DOM as a user sees it: the row
 * node at that row's height (rows are moved by transform), its name, its badge and whether the
 * badge can be seen. Runs in the page; self-contained so page.evaluate can ship it. Reads inside
 * our closed roots through the test's shadow bridge (see our-ui.ts; installed by `visibleMetaRows`).
 */
export function readVisibleMetaRows(): VisibleRow[] {
  type Model = { id: string; name: string; clientTop: number };
  const model = (window as unknown as { __replica: { visibleRows(): Model[] } }).__replica.visibleRows();
  const rows = [...document.querySelectorAll('._1gda._2djg')];
  const header = document.querySelector('._3h1j')?.getBoundingClientRect();
  const footer = document.querySelector('._3h1k:not([hidden])')?.getBoundingClientRect();
  return model.map((m) => {
    const row = rows.find((r) => Math.abs(r.getBoundingClientRect().top - m.clientTop) < 2);
    const host = row?.querySelector('funnel-lens-badge') ?? null;
    const badge = host ? ((window as unknown as WithShadowBridge).__funnelLensShadow.read(host)?.button?.text ?? null) : null;
    const shownName = row?.querySelector('[data-tooltip-content] a, a')?.textContent ?? '';
    let badgeVisible: boolean | null = null;
    if (host) {
      const r = host.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const covered = (header && y <= header.bottom) || (footer && y >= footer.top);
      badgeVisible = covered ? null : r.width > 0 && document.elementFromPoint(x, y) === host;
    }
    return { id: m.id, name: m.name, badge, shownName, badgeVisible };
  });
}

export async function visibleMetaRows(page: Page): Promise<VisibleRow[]> {
  await shadowBridge(page);
  return page.evaluate(readVisibleMetaRows);
}

export async function waitForReplica(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __replica?: { ready: Promise<void> } }).__replica !== undefined);
  await page.evaluate(() => (window as unknown as { __replica: { ready: Promise<void> } }).__replica.ready);
}

export function replicaCall(page: Page, method: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    ([m, a]) => {
      const replica = (window as unknown as { __replica: Record<string, (...x: unknown[]) => unknown> }).__replica;
      return replica[m as string]?.(...(a as unknown[]));
    },
    [method, args] as const,
  );
}

/** The page summary's text (inside its shadow root, without its stylesheet); '' when there is no summary. */
export async function summaryText(page: Page): Promise<string> {
  await shadowBridge(page);
  return page.evaluate(() => {
    const host = document.querySelector('funnel-lens-summary');
    return host ? ((window as unknown as WithShadowBridge).__funnelLensShadow.read(host)?.text ?? '') : '';
  });
}

/** The Meta replica at its real URLs, with `campaigns` on the Campaigns page and a short skeleton. */
export function routeMetaCampaigns(context: BrowserContext, accountId: string, campaigns: ReplicaCampaign[]): Promise<void> {
  return routeMetaReplica(context, {
    accountId,
    currency: 'EUR',
    locale: 'en',
    levels: { campaign: campaigns, ad_group: [], ad: [] },
    variant: { ids: 'data-surface', skeletonMs: 150 },
  });
}

/** Waits until every visible row's badge states the numbers the server has for that row's campaign. */
export async function expectMetaBadgesAgree(
  page: Page,
  server: StatsServer,
  query: { account_id: string; from: string; to: string; level?: Level },
  timeout = 10_000,
): Promise<void> {
  const rows = server.expectedRows({ platform: 'meta_ads', level: query.level ?? 'campaign', account_id: query.account_id, from: query.from, to: query.to });
  const expected = new Map(rows.map((r) => [r.id, r]));
  await expect
    .poll(
      async () => {
        const visible = await visibleMetaRows(page);
        return visible.length > 0 && visible.every((r) => r.badge !== null && badgeAgrees(r.badge, expected.get(r.id)));
      },
      { timeout },
    )
    .toBe(true);
}

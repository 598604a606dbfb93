/** Reading the Meta replica as a user sees it: which campaign each visible row shows, and its badge. */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Level } from '../../../utils/api/schema';
import type { ReplicaCampaign } from '../../fixtures/types';
import { routeMetaReplica } from '../../replicas/serve';
import type { StatsServer } from '../../support/stats-server';
import { badgeAgrees } from './expected';

export interface VisibleRow {
  id: string;
  name: string;
  /** The badge's visible text in that row, or null when the row has none. */
  badge: string | null;
  /** The name text the row's DOM shows (must equal `name`: the replica's model). */
  shownName: string;
}

export function visibleMetaRows(page: Page): Promise<VisibleRow[]> {
  return page.evaluate(() => {
    type Model = { id: string; name: string; clientTop: number };
    const model = (window as unknown as { __replica: { visibleRows(): Model[] } }).__replica.visibleRows();
    const nameRows = [...document.querySelectorAll('[data-surface="/am/table"] a')]
      .map((a) => a.closest('[style*="top"]'))
      .filter((row): row is HTMLElement => row !== null);
    return model.map((m) => {
      const row = nameRows.find((r) => Math.abs(r.getBoundingClientRect().top - m.clientTop) < 2);
      const badge = row?.querySelector('funnel-lens-badge')?.shadowRoot?.querySelector('button')?.textContent ?? null;
      const shownName = row?.querySelector('a')?.textContent ?? '';
      return { id: m.id, name: m.name, badge, shownName };
    });
  });
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

/** The page summary's visible text (inside its shadow root). */
export function summaryText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('funnel-lens-summary')?.shadowRoot?.textContent ?? '');
}

/** The Meta replica at its real URLs, with `campaigns` on the Campaigns page and a short skeleton. */
export function routeMetaCampaigns(context: BrowserContext, accountId: string, campaigns: ReplicaCampaign[]): Promise<void> {
  return routeMetaReplica(context, {
    accountId, currency: 'EUR', locale: 'en',
    levels: { campaign: campaigns, ad_group: [], ad: [] },
    variant: { idsInDataSurface: true, skeletonMs: 150 },
  });
}

/** Waits until every visible row's badge states the numbers the server has for that row's campaign. */
export async function expectMetaBadgesAgree(page: Page, server: StatsServer, query: { account_id: string; from: string; to: string; level?: Level }, timeout = 10_000): Promise<void> {
  const rows = server.expectedRows({ platform: 'meta_ads', level: query.level ?? 'campaign', account_id: query.account_id, from: query.from, to: query.to });
  const expected = new Map(rows.map((r) => [r.id, r]));
  await expect
    .poll(async () => {
      const visible = await visibleMetaRows(page);
      return visible.length > 0 && visible.every((r) => r.badge !== null && badgeAgrees(r.badge, expected.get(r.id)));
    }, { timeout })
    .toBe(true);
}

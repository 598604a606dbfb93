/** Reading the Meta replica as a user sees it: which campaign each visible row shows, and its badge. */
import type { Page } from 'playwright-core';

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

/** Reading the Google Ads replica as a user sees it: which object each visible row shows, and its badge. */
import type { Page } from 'playwright-core';
import type { VisibleRow } from './meta-page';

export { replicaCall, summaryText } from './meta-page';

/**
 * The rows the replica's model says are on screen, each with the badge text and name shown by the
 * DOM row at the same height (rows are placed by transforms; DOM order means nothing).
 */
export function visibleGoogleRows(page: Page): Promise<VisibleRow[]> {
  return page.evaluate(readVisibleGoogleRows);
}

/** `visibleGoogleRows` as a function that runs in the page, for any browser driver (the Firefox tests). */
export function readVisibleGoogleRows(): VisibleRow[] {
  type Model = { id: string; name: string; clientTop: number };
  const model = (window as unknown as { __replica: { visibleRows(): Model[] } }).__replica.visibleRows();
  const rows = [...document.querySelectorAll<HTMLElement>('.particle-table-spacer > [role="row"]')];
  return model.map((m) => {
    const row = rows.find((r) => Math.abs(r.getBoundingClientRect().top - m.clientTop) < 2);
    const badge = row?.querySelector('funnel-lens-badge')?.shadowRoot?.querySelector('button')?.textContent ?? null;
    const nameCell = row?.querySelector('campaign-name, ad-group-name');
    return { id: m.id, name: m.name, badge, shownName: nameCell?.textContent ?? '' };
  });
}

export async function waitForGoogleReplica(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __replica?: { ready: Promise<void> } }).__replica !== undefined);
  await page.evaluate(() => (window as unknown as { __replica: { ready: Promise<void> } }).__replica.ready);
}

/** Waits until the replica's table shows rows again (after navigation or a range change). */
export async function googleSettled(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __replica: { settled(): Promise<void> } }).__replica.settled());
}

/** Badges inside the totals row (there must be none). */
export function summaryRowBadgeCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('.particle-table-summary-row funnel-lens-badge').length);
}

/** The summary panel's visible text, without its stylesheet: '' when the summary is hidden. */
export function summaryPanelText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector('funnel-lens-summary')?.shadowRoot;
    if (!root) return '';
    return [...root.children].filter((c) => c.tagName !== 'STYLE').map((c) => c.textContent ?? '').join('').trim();
  });
}

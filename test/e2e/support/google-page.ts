/** Reading the Google Ads replica as a user sees it: which object each visible row shows, and its badge. */
import type { Page } from 'playwright-core';
import type { VisibleRow } from './meta-page';
import { summaryText } from './meta-page';
import { shadowBridge, type WithShadowBridge } from './our-ui';

export { replicaCall, summaryText } from './meta-page';

/**
 * The rows the replica's model says are on screen, each with the badge text and name shown by the
 * DOM row at the same height (rows are placed by transforms; DOM order means nothing).
 */
export async function visibleGoogleRows(page: Page): Promise<VisibleRow[]> {
  await shadowBridge(page);
  return page.evaluate(readVisibleGoogleRows);
}

/**
 * `visibleGoogleRows` as a function that runs in the page, for any browser driver (the Firefox
 * tests): it reads our closed roots through `window.__funnelLensShadow`, which each driver's
 * support installs (our-ui.ts for Chromium, test/firefox/support/shadow.ts for Firefox).
 */
export function readVisibleGoogleRows(): VisibleRow[] {
  type Model = { id: string; name: string; clientTop: number };
  const model = (window as unknown as { __replica: { visibleRows(): Model[] } }).__replica.visibleRows();
  const rows = [...document.querySelectorAll<HTMLElement>('.particle-table-spacer > [role="row"]')];
  return model.map((m) => {
    const row = rows.find((r) => Math.abs(r.getBoundingClientRect().top - m.clientTop) < 2);
    const host = row?.querySelector('funnel-lens-badge');
    const badge = host ? ((window as unknown as WithShadowBridge).__funnelLensShadow.read(host)?.button?.text ?? null) : null;
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
export async function summaryPanelText(page: Page): Promise<string> {
  if ((await page.locator('funnel-lens-summary').count()) === 0) return '';
  return (await summaryText(page)).trim();
}

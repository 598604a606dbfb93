/** Reading the LinkedIn replica as a user sees it: which campaign each row shows, and its badge. */
import type { Page } from 'playwright-core';
import { shadowBridge, type WithShadowBridge } from './our-ui';

export interface LinkedInRow {
  id: string;
  name: string;
  /** The badge's visible text in that row, or null when the row has none. */
  badge: string | null;
  /** How many badges the row holds (exactly one when all is well). */
  badges: number;
  /** The name link's text in the row's DOM (must equal `name`, the replica's model). */
  shownName: string;
  /** The badge sits right after the name link. */
  badgeAfterName: boolean;
}

/**
 * Every campaign row of the model, each read from the <tr> the replica rendered for it (the
 * replica's own reference, so a badge in the wrong row is caught, not looked up by name).
 */
export async function linkedInRows(page: Page): Promise<LinkedInRow[]> {
  await shadowBridge(page);
  return page.evaluate(() => {
    type Replica = { visibleRows(): Array<{ id: string; name: string }>; rowElement(i: number): HTMLTableRowElement | null };
    const replica = (window as unknown as { __replica: Replica }).__replica;
    return replica.visibleRows().map((m, i) => {
      const tr = replica.rowElement(i);
      const hosts = tr ? [...tr.querySelectorAll('funnel-lens-badge')] : [];
      const badge = hosts[0] ? ((window as unknown as WithShadowBridge).__funnelLensShadow.read(hosts[0])?.button?.text ?? null) : null;
      const link = tr?.querySelector('td.col-name a') ?? null;
      return {
        id: m.id,
        name: m.name,
        badge,
        badges: hosts.length,
        shownName: link?.textContent ?? '',
        badgeAfterName: hosts.length === 1 && link !== null && link.nextElementSibling === hosts[0],
      };
    });
  });
}

export async function waitForLinkedInReplica(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __replica?: { ready: Promise<void> } }).__replica !== undefined);
  await page.evaluate(() => (window as unknown as { __replica: { ready: Promise<void> } }).__replica.ready);
}

/** Resolves when the replica has finished its current load (rows on screen). */
export async function linkedInSettled(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __replica: { settled(): Promise<void> } }).__replica.settled());
}

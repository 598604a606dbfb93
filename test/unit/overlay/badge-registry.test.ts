/**
 * The badge registry: one badge per row node, but what it shows is its campaign's, so a row node
 * the host recycles for another campaign shows that campaign's numbers, never the last one's.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMatchIndex } from '../../../utils/matching/lookup';
import type { FunnelAnswer } from '../../../utils/messaging';
import type { PageRow } from '../../../utils/overlay/adapter';
import type { Badge } from '../../../utils/overlay/badge';
import { poolCounts } from '../../../utils/funnel/totals';
import { createBadgeRegistry } from '../../../utils/overlay/badge-registry';
import type { SeenRow } from '../../../utils/overlay/seen-row';
import { funnelData, springSale, tiny } from './support/answers';
import { openOverlayPage, type OverlayPage } from './support/overlay-dom';

let page: OverlayPage;
beforeEach(() => {
  page = openOverlayPage('<div id="r1"><span class="name"></span></div><div id="r2"><span class="name"></span></div>');
});
afterEach(() => page.restore());

const seenRows: SeenRow[] = [
  { key: 'id:7', id: '7', name: 'Spring Sale' },
  { key: 'id:9', id: '9', name: 'Tiny' },
];

function setUp() {
  const answer: FunnelAnswer = funnelData([springSale, tiny]);
  const data = { answer, index: createMatchIndex(answer.rows), baseline: poolCounts(answer.rows) };
  const registry = createBadgeRegistry(page.ctx, page.ctx.signal, {
    locale: 'en',
    data,
    seen: new Map(seenRows.map((r) => [r.key, r])),
    onOpen: () => undefined,
    onClose: () => undefined,
    guard: (fn) => fn(),
  });
  return { registry, data };
}

function row(id: string): PageRow {
  const node = page.document.getElementById(id) as Element;
  return { row: node, anchor: node.querySelector('.name') as Element, id: null, name: '' };
}

const shown = (badge: Badge | undefined) => page.rootOf(badge?.host)?.querySelector('button')?.textContent;

describe('createBadgeRegistry', () => {
  it('puts one badge right after the anchor, and a recycled row node shows its new campaign', () => {
    const { registry } = setUp();
    const first = registry.show(row('r1'), 'id:7');
    expect(first.host.previousElementSibling).toBe(row('r1').anchor);
    expect(shown(first)).toBe('MQL→Won 10% · €75K');
    // The host recycles r1 for Tiny: the same badge node, Tiny's numbers.
    expect(registry.show(row('r1'), 'id:9')).toBe(first);
    expect(shown(first)).toBe('1/4 MQL won');
    expect(page.document.querySelectorAll('funnel-lens-badge')).toHaveLength(1);
    // Another row node showing Spring Sale shows Spring Sale's numbers.
    expect(shown(registry.show(row('r2'), 'id:7'))).toBe('MQL→Won 10% · €75K');
  });

  it('puts the same badge back after the name when the host re-renders the cell and takes it out; a badge moved elsewhere is replaced', () => {
    const { registry } = setUp();
    const first = registry.show(row('r1'), 'id:7');
    const r1 = page.document.getElementById('r1') as Element;
    // The host renders the row's content anew (Google's table on every recycle): our badge goes with it.
    r1.innerHTML = '<span class="name"></span>';
    expect(first.host.isConnected).toBe(false);
    expect(registry.show(row('r1'), 'id:9')).toBe(first);
    expect(first.host.previousElementSibling).toBe(row('r1').anchor);
    expect(shown(first)).toBe('1/4 MQL won');
    // The host moves our badge out of the row: it is not ours to take back; the row gets a new one.
    page.document.body.append(first.host);
    const second = registry.show(row('r1'), 'id:9');
    expect(second).not.toBe(first);
    expect(first.host.isConnected).toBe(false);
    expect(page.document.querySelectorAll('funnel-lens-badge')).toHaveLength(1);
    // A retired badge never comes back, even into the row it was in.
    registry.retireIn(r1);
    expect(registry.show(row('r1'), 'id:7')).not.toBe(second);
  });

  it('shows the neutral state for rows not re-read yet, and renders again once they are', () => {
    const { registry } = setUp();
    const badge = registry.show(row('r1'), 'id:7');
    registry.markUnsure([row('r1').row]);
    expect(shown(badge)).toBe('…');
    registry.show(row('r1'), 'id:7');
    expect(shown(badge)).toBe('MQL→Won 10% · €75K');
  });

  it('re-renders every badge once after the data changed', () => {
    const { registry, data } = setUp();
    const badge = registry.show(row('r1'), 'id:7');
    data.answer = funnelData([{ ...springSale, won: 16, revenue: 150000 }, tiny]);
    data.index = createMatchIndex(data.answer.rows);
    registry.show(row('r1'), 'id:7');
    expect(shown(badge)).toBe('MQL→Won 10% · €75K');
    registry.invalidateViews();
    registry.show(row('r1'), 'id:7');
    expect(shown(badge)).toBe('MQL→Won 20% · €150K');
  });

  it('retires the badges of rows that show no campaign now, and all of them on clear', () => {
    const { registry } = setUp();
    const kept = registry.show(row('r1'), 'id:7');
    registry.show(row('r2'), 'id:9');
    registry.retireAllBut(new Set([kept]));
    expect(page.document.querySelectorAll('funnel-lens-badge')).toHaveLength(1);
    expect(registry.retireIn(row('r2').row)).toBeUndefined();
    expect(registry.retireIn(row('r1').row)).toBe('id:7');
    expect(page.document.querySelectorAll('funnel-lens-badge')).toHaveLength(0);
    registry.show(row('r1'), 'id:7');
    registry.clear();
    expect(page.document.querySelectorAll('funnel-lens-badge')).toHaveLength(0);
  });
});

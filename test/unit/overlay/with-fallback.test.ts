/**
 * When the fallback finder takes over from an adapter, and hands back: the adapter's own rows
 * first; the finder while the adapter reads none or clearly fewer than the page shows.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { FunnelRow } from '../../../utils/api/schema';
import type { PageContext, PageRow, PlatformAdapter } from '../../../utils/overlay/adapter';
import type { Layout } from '../../../utils/overlay/fallback-finder';
import { cachedLayout, clearlyFewer, withFallback } from '../../../utils/overlay/with-fallback';

const layout: Layout = {
  rectOf: () => ({ left: 40, top: 0, width: 100, height: 20 }),
  displayOf: (el) => (el.tagName === 'DIV' ? 'block' : 'inline'),
};
const context: PageContext = {
  platform: 'meta_ads',
  level: 'campaign',
  levelLabel: 'Campaigns',
  accountId: '1',
  range: { from: '2026-01-01', to: '2026-01-31' },
  rangeAssumed: false,
};
const crm = (names: string[]) => names.map((name) => ({ name, leads: 1, mql: 1, sql: 0, meetings: 0, won: 0, lost: 0, revenue: 0 }) as FunnelRow);

function setUp(names: string[], adapterReads: (table: Element) => PageRow[]) {
  const { document } = parseHTML(
    `<!doctype html><html><body><section id="t">${names.map((n) => `<div class="r"><div><a href="#">${n}</a></div></div>`).join('')}</section></body></html>`,
  );
  const table = document.getElementById('t') as Element;
  const adapter = {
    platform: 'meta_ads',
    watchAttributes: ['href'],
    readContext: () => context,
    findTable: () => table,
    isLoading: () => false,
    readRows: (t: Element) => adapterReads(t),
    rowOf: () => table.firstElementChild,
    readRow: () => null,
    readSpend: () => '€1',
  } as PlatformAdapter;
  let clock = 0;
  const wrapped = withFallback(adapter, { layout, now: () => clock });
  return { wrapped, table, tick: (ms: number) => (clock += ms) };
}

describe('withFallback', () => {
  it("uses the adapter's rows while they are all there, and never reads spend in fallback mode", () => {
    const names = ['Alpha', 'Beta', 'Gamma'];
    const own = (t: Element) => [...t.querySelectorAll('a')].map((a) => ({ row: a.closest('.r') as Element, anchor: a, id: null, name: a.textContent ?? '' }));
    const { wrapped, table } = setUp(names, own);
    wrapped.onCrmRows?.(crm(names));
    expect(wrapped.readRows(table, context)).toHaveLength(3);
    expect(wrapped.usingFallback()).toBe(false);
    expect(wrapped.readSpend(table, table)).toBe('€1');
  });

  it('takes over when the adapter reads nothing, says so, and hands back when the adapter reads again', () => {
    const names = ['Alpha', 'Beta', 'Gamma'];
    let adapterWorks = false;
    const own = (t: Element) =>
      adapterWorks ? [...t.querySelectorAll('a')].map((a) => ({ row: a.closest('.r') as Element, anchor: a, id: null, name: a.textContent ?? '' })) : [];
    const { wrapped, table, tick } = setUp(names, own);
    // No CRM rows yet: nothing to look for.
    expect(wrapped.readRows(table, context)).toEqual([]);
    wrapped.onCrmRows?.(crm(names));
    const rows = wrapped.readRows(table, context);
    expect(rows.map((r) => r.name)).toEqual(names);
    expect(wrapped.usingFallback()).toBe(true);
    // A change inside a row band is that band's; a change elsewhere is the whole table's.
    expect(wrapped.rowOf(table.querySelector('a') as Element, table)).toBe(table.firstElementChild);
    expect(wrapped.rowOf(table, table)).toBeNull();
    expect(wrapped.readSpend(rows[0]!.row, table)).toBeNull();
    expect(wrapped.matchHooks?.(table.ownerDocument, table, rows, context)).toMatchObject({ row: 'fallback', name: 'fallback', id: null, spend: null });
    adapterWorks = true;
    tick(10);
    wrapped.readRows(table, context);
    expect(wrapped.usingFallback()).toBe(false);
  });

  it("reads a row band the host rewrote alone, by the whole read's rules: a name two bands show asks for a whole read, which gives it to neither", () => {
    const { wrapped, table } = setUp(['Alpha', 'Beta', 'Gamma'], () => []);
    wrapped.onCrmRows?.(crm(['Alpha', 'Beta', 'Gamma', 'Delta']));
    expect(wrapped.readRows(table, context).map((r) => r.name)).toEqual(['Alpha', 'Beta', 'Gamma']);
    const [first, second] = [...table.querySelectorAll('.r')] as [Element, Element];
    const link = first.querySelector('a') as Element;
    const show = (name: string) => {
      link.textContent = name;
      const band = wrapped.rowOf(link, table);
      expect(band).toBe(first);
      return wrapped.readRow(band as Element, context);
    };
    // Recycled for another campaign of the CRM: that campaign, in the same band, right after its name.
    expect(show('Delta')).toMatchObject({ row: first, name: 'Delta', anchor: link });
    expect(wrapped.fullReadDue?.()).toBe(false);
    // A name no CRM row has, and a placeholder: no badge, and nothing else to settle.
    expect(show('Nobody')).toBeNull();
    expect(show('')).toBeNull();
    expect(wrapped.fullReadDue?.()).toBe(false);
    // The band is still one of the column's: filled again, it reads again.
    expect(show('Alpha')).toMatchObject({ row: first, name: 'Alpha' });
    // Now it shows what the second band shows: not this band's, and a whole read is due...
    expect(show('Beta')).toBeNull();
    expect(wrapped.fullReadDue?.()).toBe(true);
    // ...which gives Beta to neither band, as a whole read always did.
    expect(wrapped.readRows(table, context).map((r) => r.name)).toEqual(['Gamma']);
    expect(wrapped.fullReadDue?.()).toBe(false);
    expect(second.querySelector('a')?.textContent).toBe('Beta');
  });

  it('checks that the adapter still reads every row only after a pause of passes, never while the page scrolls', () => {
    const names = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta'];
    let drifted = false;
    const own = (t: Element) =>
      [...t.querySelectorAll('a')]
        .slice(0, drifted ? 1 : undefined)
        .map((a) => ({ row: a.closest('.r') as Element, anchor: a, id: null, name: a.textContent ?? '' }));
    const { wrapped, table, tick } = setUp(names, own);
    wrapped.onCrmRows?.(crm(names));
    expect(wrapped.readRows(table, context)).toHaveLength(6);
    // The host's markup drifts while the user scrolls: a pass every frame for 5 s, whole reads
    // and row re-reads. The finder's check (a read of every name) waits.
    drifted = true;
    for (let frame = 0; frame < 300; frame++) {
      tick(16);
      if (frame % 2) wrapped.readRow(table.firstElementChild as Element, context);
      else expect(wrapped.readRows(table, context)).toHaveLength(1);
    }
    expect(wrapped.usingFallback()).toBe(false);
    // The scroll stops; the next pass finds the adapter reading clearly fewer names than the page shows.
    tick(400);
    expect(wrapped.readRows(table, context)).toHaveLength(6);
    expect(wrapped.usingFallback()).toBe(true);
  });

  it('checks a still page every 10 s while the adapter reads the campaigns it read at the last check, else every 2 s', () => {
    const names = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta'];
    const late = ['Eta', 'Theta', 'Iota', 'Kappa', 'Lambda', 'Mu', 'Nu', 'Xi', 'Omicron', 'Pi'];
    let shown = names;
    // The adapter reads only the rows it knows the markup of (`.r`), in the order the page shows them.
    const own = (t: Element) =>
      [...t.querySelectorAll('.r a')]
        .filter((a) => shown.includes(a.textContent ?? ''))
        .map((a) => ({ row: a.closest('.r') as Element, anchor: a, id: null, name: a.textContent ?? '' }));
    /** Rows in a markup the adapter does not know. */
    const addUnknownRows = (into: Element) => {
      for (const name of late) into.insertAdjacentHTML('beforeend', `<div class="x"><div><a href="#">${name}</a></div></div>`);
    };
    const { wrapped, table, tick } = setUp(names, own);
    wrapped.onCrmRows?.(crm([...names, ...late]));
    expect(wrapped.readRows(table, context)).toHaveLength(6);
    // Such rows appear; what the adapter reads stays the same.
    addUnknownRows(table);
    for (let poll = 0; poll < 24; poll++) {
      tick(400);
      wrapped.readRows(table, context);
    }
    // 9.6 s: not checked again.
    expect(wrapped.usingFallback()).toBe(false);
    tick(400);
    expect(wrapped.readRows(table, context)).toHaveLength(16);
    expect(wrapped.usingFallback()).toBe(true);

    // The same with the adapter's campaigns changing (a re-sort): checked 2 s after the last check.
    const second = setUp(names, own);
    second.wrapped.onCrmRows?.(crm([...names, ...late]));
    second.wrapped.readRows(second.table, context);
    addUnknownRows(second.table);
    shown = names.slice(0, 5);
    second.tick(2000);
    expect(second.wrapped.readRows(second.table, context)).toHaveLength(16);
    expect(second.wrapped.usingFallback()).toBe(true);
  });

  it('"clearly fewer" means at least twice the adapter\'s rows, and two more', () => {
    expect(clearlyFewer(1, 3)).toBe(false);
    expect(clearlyFewer(1, 4)).toBe(true);
    expect(clearlyFewer(5, 11)).toBe(false);
    expect(clearlyFewer(5, 12)).toBe(true);
  });

  it('measures each element at most once per second; past it, a shown box is measured again later, a hidden one at once', () => {
    let clock = 0;
    const { document } = parseHTML('<main><p></p><i></i></main>');
    const shown = document.querySelector('p') as Element;
    const hidden = document.querySelector('i') as Element;
    // Each measure says which one it was (left), and the <i> is zero-sized.
    let measured = 0;
    const later: Array<() => void> = [];
    const cached = cachedLayout(
      { rectOf: (el) => ({ left: ++measured, top: 0, width: el === hidden ? 0 : 10, height: 1 }), displayOf: () => 'block' },
      () => clock,
      1000,
      (task) => later.push(task),
    );
    const leftAt = (at: number, element: Element) => {
      clock = at;
      return cached.rectOf(element).left;
    };
    expect([leftAt(0, shown), leftAt(0, hidden)]).toEqual([1, 2]);
    expect([leftAt(999, shown), leftAt(999, hidden)]).toEqual([1, 2]);
    // Past the second: the hidden one is measured now; the shown one keeps its box until the refresh.
    expect([leftAt(1000, shown), leftAt(1000, hidden), leftAt(1001, shown)]).toEqual([1, 3, 1]);
    expect(later).toHaveLength(1);
    (later.shift() as () => void)();
    expect(leftAt(1002, shown)).toBe(4);
    expect(measured).toBe(4);
  });
});

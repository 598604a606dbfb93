/**
 * The row watcher: the host's changes inside a row become a re-read of that row only; changes it
 * does not watch, and our own badges, cost nothing; rows added or removed mean every row.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageRow } from '../../../utils/overlay/adapter';
import { createRowWatcher } from '../../../utils/overlay/row-watcher';
import { openOverlayPage, type OverlayPage } from './support/overlay-dom';

const ROWS = [1, 2, 3].map((n) => `<div class="row" id="r${n}"><a href="/c/${n}">Campaign ${n}</a><span class="spend">€${n}</span></div>`).join('');

let page: OverlayPage;
beforeEach(() => {
  page = openOverlayPage(`<main><section id="t">${ROWS}</section></main>`);
});
afterEach(() => page.restore());

function setUp() {
  const passes: Array<{ all: boolean; changed: string[] }> = [];
  const unsure: string[][] = [];
  const watcher = createRowWatcher(page.ctx, page.ctx.signal, {
    adapter: {
      findTable: (doc) => doc.getElementById('t'),
      rowOf: (element) => element.closest('.row'),
      watchAttributes: ['href'],
    },
    pass() {
      passes.push({ all: watcher.readAllRows, changed: [...watcher.changedRows].map((r) => r.id) });
      if (watcher.readAllRows) watcher.startFullRead();
      else watcher.changedRowsDone();
    },
    onUnsure: (rows) => unsure.push([...rows].map((r) => r.id)),
    guard: (fn) => fn(),
  });
  expect(watcher.ensureTable()).toBe(true);
  const rows: PageRow[] = [...page.document.querySelectorAll('.row')].map((row) => ({ row, anchor: row.querySelector('a') as Element, id: null, name: '' }));
  watcher.startFullRead();
  watcher.narrow(rows);
  return { watcher, passes, unsure };
}

const el = (selector: string) => page.document.querySelector(selector) as Element;

describe('createRowWatcher', () => {
  it('re-reads only the row whose watched attribute changed, and says its badge is unsure until then', async () => {
    const { passes, unsure } = setUp();
    el('#r2 a').setAttribute('href', '/c/22');
    await page.settle();
    expect(unsure).toEqual([['r2']]);
    expect(page.runFrames()).toBe(1);
    expect(passes).toEqual([{ all: false, changed: ['r2'] }]);
  });

  it('ignores attributes the adapter does not read, and our own badges coming and going', async () => {
    const { passes } = setUp();
    el('#r1 .spend').setAttribute('data-tooltip', 'moved');
    el('#r1 a').setAttribute('style', 'transform: translateY(48px)');
    const badge = page.document.createElement('funnel-lens-badge');
    el('#r1 a').after(badge);
    badge.remove();
    await page.settle();
    expect(page.runFrames()).toBe(0);
    expect(passes).toEqual([]);
  });

  it('re-reads every row when rows are added, and asks one frame for many changes', async () => {
    const { passes } = setUp();
    const added = page.document.createElement('div');
    added.className = 'row';
    el('#t').append(added);
    el('#r1 a').setAttribute('href', '/c/11');
    el('#r3 a').setAttribute('href', '/c/33');
    await page.settle();
    expect(page.runFrames()).toBe(1);
    expect(passes).toEqual([{ all: true, changed: ['r1', 'r3'] }]);
  });

  it('finds a replaced table, and stops watching once the context is invalidated', async () => {
    const { watcher, passes } = setUp();
    const replacement = page.document.createElement('section');
    el('#t').replaceWith(replacement);
    replacement.id = 't';
    expect(watcher.ensureTable()).toBe(true);
    expect(watcher.table).toBe(replacement);
    expect(watcher.ensureTable()).toBe(false);
    page.ctx.abort();
    expect(watcher.table).toBeNull();
    replacement.append(page.document.createElement('div'));
    await page.settle();
    watcher.schedule();
    expect(page.runFrames()).toBe(0);
    expect(passes).toEqual([]);
  });
});

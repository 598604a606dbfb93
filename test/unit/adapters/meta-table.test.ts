/**
 * How the Meta adapter finds rows, names and IDs, on markup written from the captures the
 * reference cites (shared/reference/ad-ui-dom.md, Meta): every signal alone, and what happens
 * when one of them is missing.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createMetaAdapter } from '../../../utils/adapters/meta-ads';
import { createMetaTableMemory, nameBoxesIn, nameOf, readMetaRow, rowNodesOf } from '../../../utils/adapters/meta-table';

interface RowMarkup {
  id: string;
  name: string;
  /** The row key in data-surface (variant A). */
  keyed?: boolean;
  rowClass?: string;
  transform?: boolean;
  /** The frozen block's own transform (default true). */
  frozenTransform?: boolean;
  tooltip?: string;
}

/** One captured row: wrapper → row node → frozen block → name cell (tooltip box → link) → toolbar; then a metric cell. */
function row(r: RowMarkup, y: number): string {
  const key = r.keyed ? `/am/table/table_row:${r.id}unit` : '';
  const cell = (k: string) => (r.keyed ? `${key}/table_cell:${k}` : `/am/table/table_cell:${k}`);
  const style = `width: 1200px; height: 46px;${r.transform === false ? '' : ` transform: translate(0px, ${y}px);`}`;
  return `<span ${r.keyed ? `data-surface="${key}"` : ''} style="display: contents">
  <div class="${r.rowClass ?? '_1gda _2djg'}" style="${style}">
    <div class="_1gd4"><div class="_1gd5"><div style="height: 46px; left: 0px">
      <div class="_3pzj" style="position: absolute; width: 513px;${r.frozenTransform === false ? '' : ' transform: translate(0px, 0px)'}">
        <span data-surface="${cell('row_selector')}" style="display: contents"><div class="_4lg0"><input type="checkbox"></div></span>
        <span data-surface="${cell('forObjectType(name,CAMPAIGN_GROUP)')}" style="display: contents"><div class="_4lg0">
          <div class="x78zum5"><div class="ellipsis _13is" data-tooltip-content="${r.tooltip ?? r.name}"><span><a href="#"><span class="_3dfi _3dfj">${r.name}</span></a></span></div></div>
          <span data-surface="${cell('forObjectType(name,CAMPAIGN_GROUP)')}/maiba:ad_object_overflow_menu_entrypoint"><div role="toolbar"><a href="#">Charts</a><a href="#">Edit</a></div></span>
        </div></span>
      </div>
    </div><div style="left: 513px"><div class="_3pzj">
      <span data-surface="${cell('spend')}" style="display: contents"><div class="_4lg0"><div geotextcolor="value"><span>$1.00</span></div></div></span>
    </div></div></div></div>
  </div></span>`;
}

function table(rows: RowMarkup[]): { doc: Document; table: Element } {
  const { document } = parseHTML(
    `<html><body><div id="t"><div class="_3h1j"><div role="columnheader">Campaign name</div></div><div class="_219p">${rows.map((r, i) => row(r, i * 46)).join('')}</div><div class="_1gda _3h1k"><span>Results from ${rows.length} campaigns</span></div></div></body></html>`,
  );
  return { doc: document as unknown as Document, table: document.getElementById('t') as unknown as Element };
}

const rowsOf = (t: Element) => [...rowNodesOf(nameBoxesIn(t), t).values()];

describe('Meta name boxes', () => {
  it('finds one name box per row: the tooltip box around the link, never the hover toolbar or the totals row', () => {
    const { table: t } = table([
      { id: '120000000001', name: 'Alpha', keyed: true },
      { id: '120000000002', name: 'Beta', keyed: true },
    ]);
    const boxes = nameBoxesIn(t);
    expect(boxes.map((b) => b.getAttribute('data-tooltip-content'))).toEqual(['Alpha', 'Beta']);
  });

  it('reads the name only when the link text and the tooltip agree', () => {
    const { table: t } = table([
      { id: '1', name: 'Alpha  Spring', tooltip: 'Alpha Spring' },
      { id: '2', name: 'Beta', tooltip: 'Gamma' },
    ]);
    const [a, b] = nameBoxesIn(t);
    expect(nameOf(a!)).toBe('Alpha Spring');
    expect(nameOf(b!)).toBeNull();
  });
});

describe('Meta row nodes: structure plus a second signal', () => {
  it('takes the wrapper that carries the row key over the blocks inside it (variant A)', () => {
    const { table: t } = table([
      { id: '120000000001', name: 'Alpha', keyed: true },
      { id: '120000000002', name: 'Beta', keyed: true },
    ]);
    const rows = rowsOf(t);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.tagName === 'SPAN' && /table_row:\d+unit$/.test(r.getAttribute('data-surface') ?? ''))).toBe(true);
  });

  it('takes the row node by its class and transform when no key names the row (variants B, C)', () => {
    const { table: t } = table([
      { id: '1', name: 'Alpha' },
      { id: '2', name: 'Beta' },
    ]);
    expect(rowsOf(t).map((r) => r.className)).toEqual(['_1gda _2djg', '_1gda _2djg']);
  });

  it('still finds rows when the class is renamed (the transform agrees), or the transform is gone (the class agrees)', () => {
    const renamed = table([
      { id: '1', name: 'Alpha', rowClass: 'x9f6 renamed' },
      { id: '2', name: 'Beta', rowClass: 'x9f6 renamed' },
    ]);
    expect(rowsOf(renamed.table).map((r) => r.className)).toEqual(['x9f6 renamed', 'x9f6 renamed']);
    const unmoved = table([
      { id: '1', name: 'Alpha', transform: false },
      { id: '2', name: 'Beta', transform: false },
    ]);
    expect(rowsOf(unmoved.table).map((r) => r.className)).toEqual(['_1gda _2djg', '_1gda _2djg']);
  });

  it('with a renamed class and no row transform, the frozen block still marks one node per name', () => {
    const { table: t } = table([
      { id: '1', name: 'Alpha', rowClass: 'a', transform: false },
      { id: '2', name: 'Beta', rowClass: 'a', transform: false },
    ]);
    const rows = rowsOf(t);
    expect(rows.map((r) => r.className)).toEqual(['_3pzj', '_3pzj']);
  });

  it('with no class, no transform anywhere, sibling rows under one parent are the second signal', () => {
    const { table: t } = table([
      { id: '1', name: 'Alpha', rowClass: 'a', transform: false, frozenTransform: false },
      { id: '2', name: 'Beta', rowClass: 'a', transform: false, frozenTransform: false },
    ]);
    const rows = rowsOf(t);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.parentElement).toBe(rows[1]!.parentElement);
    expect(rows[0]!.querySelectorAll('[data-tooltip-content]')).toHaveLength(1);
  });

  it('finds no row for a lone name with nothing but structure to go on', () => {
    const { table: t } = table([{ id: '1', name: 'Alpha', rowClass: 'a', transform: false, frozenTransform: false }]);
    expect(rowsOf(t)).toEqual([]);
  });
});

describe('Meta row reading', () => {
  const noReact = () => null;

  it('takes the ID from the row key, and the badge anchor is the clipping name box', () => {
    const { table: t } = table([
      { id: '120000000001', name: 'Alpha', keyed: true },
      { id: '120000000002', name: 'Beta', keyed: true },
    ]);
    const [first] = rowsOf(t);
    const read = readMetaRow(first!, noReact, createMetaTableMemory());
    expect(read).toMatchObject({ id: '120000000001', name: 'Alpha', idSource: 'data-surface' });
    expect(read?.anchor.getAttribute('data-tooltip-content')).toBe('Alpha');
  });

  it("asks the page world for React's ID when no key carries one, and falls back to no ID", () => {
    const { table: t } = table([
      { id: '1', name: 'Alpha' },
      { id: '2', name: 'Beta' },
    ]);
    const [first, second] = rowsOf(t);
    const asked: Element[] = [];
    const react = (el: Element) => {
      asked.push(el);
      return el === first ? '120000000042' : null;
    };
    expect(readMetaRow(first!, react, createMetaTableMemory())).toMatchObject({ id: '120000000042', idSource: 'react', name: 'Alpha' });
    expect(readMetaRow(second!, react, createMetaTableMemory())).toMatchObject({ id: null, idSource: null, name: 'Beta' });
    expect(asked).toEqual([first, second]);
  });

  it('reads no campaign from a row whose name and tooltip disagree (mid-rewrite)', () => {
    const { table: t } = table([
      { id: '1', name: 'Alpha', tooltip: 'Beta' },
      { id: '2', name: 'Gamma' },
    ]);
    const [first] = rowsOf(t);
    expect(readMetaRow(first!, noReact, createMetaTableMemory())).toBeNull();
  });
});

describe('Meta hook health (what the summary and the popup report)', () => {
  const context = {
    platform: 'meta_ads' as const,
    level: 'campaign' as const,
    levelLabel: null,
    accountId: '1',
    range: { from: '2026-10-01', to: '2026-10-31' },
    rangeAssumed: false,
    rangeSource: 'url' as const,
  };

  it('says the IDs came from React when no row key carries one, and where rows, names and spend were found', () => {
    const { doc, table: t } = table([
      { id: '1', name: 'Alpha' },
      { id: '2', name: 'Beta' },
    ]);
    const adapter = createMetaAdapter({ objectIdOf: (el) => (el.textContent?.includes('Alpha') ? '120000000042' : null) });
    const rows = adapter.readRows(t, context);
    expect(rows.map((r) => r.id)).toEqual(['120000000042', null]);
    expect(adapter.matchHooks?.(doc, t, rows, context)).toEqual({
      table: 'structure',
      row: 'structure',
      name: 'data-surface',
      id: 'react',
      spend: 'data-surface',
      date: 'url',
      account: 'url',
      level: 'url',
    });
  });

  it('says the IDs came from the row keys when they carry them', () => {
    const { doc, table: t } = table([{ id: '120000000001', name: 'Alpha', keyed: true }]);
    const adapter = createMetaAdapter({ objectIdOf: () => null });
    const rows = adapter.readRows(t, context);
    expect(adapter.matchHooks?.(doc, t, rows, context)).toMatchObject({ id: 'data-surface', name: 'data-surface' });
  });
});

/**
 * The platform-blind fallback finder on markup no adapter knows: which names it stands behind,
 * where the badge goes, and every case where it must show none (zero misattributions).
 * Layout is given by the test: each element's left edge by its `x` attribute (0 when absent),
 * its display by its tag or an inline `display` style.
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { FunnelRow } from '../../../utils/api/schema';
import { fallbackTargets, idsInHref, type Layout } from '../../../utils/overlay/fallback-finder';
import { fallbackRows } from '../../../utils/overlay/fallback-rows';

const DISPLAY_BY_TAG: Record<string, string> = {
  DIV: 'block',
  SECTION: 'block',
  TABLE: 'table',
  TBODY: 'table-row-group',
  TR: 'table-row',
  TD: 'table-cell',
  BODY: 'block',
};
const layout: Layout = {
  rectOf: (el) => ({ left: Number(el.getAttribute('x') ?? 0), top: 0, width: el.hasAttribute('hidden') ? 0 : 100, height: el.hasAttribute('hidden') ? 0 : 20 }),
  displayOf: (el) => /display:\s*([\w-]+)/.exec(el.getAttribute('style') ?? '')?.[1] ?? DISPLAY_BY_TAG[el.tagName] ?? 'inline',
};
const OWN_TAG = 'FUNNEL-LENS-BADGE';
const options = (minGroup = 1) => ({ layout, isOwn: (node: Node) => (node as Element).closest?.('funnel-lens-badge') != null, minGroup });

function crm(rows: Array<{ id?: string; name?: string }>): FunnelRow[] {
  return rows.map((r) => ({ ...r, leads: 10, mql: 5, sql: 3, meetings: 2, won: 1, lost: 1, revenue: 100 }) as FunnelRow);
}

function page(body: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body><section id="root">${body}</section></body></html>`);
  return document.getElementById('root') as Element;
}

/** A div row: a name cell (the name in a link at x=40) and a metric cell. */
const row = (name: string, extra = '') =>
  `<div class="r"><div class="c" x="40"><a href="#" x="40">${name}</a></div><div class="m" x="300">${extra || '€1,234'}</div></div>`;

describe('fallback finder', () => {
  it('finds each CRM name in a div list, anchors after the name, and takes the row as the band', () => {
    const root = page(['Spring Sale', 'Brand Search FI', 'Unknown campaign'].map((n) => row(n)).join(''));
    const rows = fallbackRows(root, fallbackTargets(crm([{ name: 'Spring Sale' }, { name: 'Brand Search FI' }])), options());
    expect(rows.map((r) => [r.name, r.anchor.textContent, r.row.className, r.id])).toEqual([
      ['Spring Sale', 'Spring Sale', 'r', null],
      ['Brand Search FI', 'Brand Search FI', 'r', null],
    ]);
  });

  it('anchors after the whole name, outside its link, when the name is wrapped in inline elements', () => {
    const root = page(
      `<div class="r"><div class="box" x="40"><span x="40"><a href="#" x="40"><span x="40">Spring Sale</span></a></span></div></div>${row('Autumn')}`,
    );
    const [first] = fallbackRows(root, fallbackTargets(crm([{ name: 'Spring Sale' }, { name: 'Autumn' }])), options());
    expect(first?.anchor.tagName).toBe('SPAN');
    expect(first?.anchor.parentElement?.className).toBe('box');
  });

  it('keeps only the column sharing one left edge: the same name in a breadcrumb gets no badge', () => {
    const root = page(`<div x="10"><span x="10">Spring Sale</span></div>${row('Spring Sale')}${row('Autumn')}`);
    const rows = fallbackRows(root, fallbackTargets(crm([{ name: 'Spring Sale' }, { name: 'Autumn' }])), options());
    expect(rows.map((r) => r.row.className)).toEqual(['r', 'r']);
    expect(rows.every((r) => r.anchor.getAttribute('x') === '40')).toBe(true);
  });

  it('shows no badge for a name two CRM rows share after normalisation', () => {
    const root = page(row('Spring Sale') + row('Autumn'));
    const rows = fallbackRows(root, fallbackTargets(crm([{ name: 'Spring Sale' }, { name: 'spring_sale' }, { name: 'Autumn' }])), options());
    expect(rows.map((r) => r.name)).toEqual(['Autumn']);
  });

  it('shows no badge for a name printed twice in the column without IDs', () => {
    const root = page(row('Spring Sale') + row('Spring Sale') + row('Autumn'));
    const rows = fallbackRows(root, fallbackTargets(crm([{ name: 'Spring Sale' }, { name: 'Autumn' }])), options());
    expect(rows.map((r) => r.name)).toEqual(['Autumn']);
  });

  it('never takes a prefix: "Spring Sale" inside the inline text "Spring Sale 2" is not a name', () => {
    const root = page(`<div class="r"><div x="40"><a href="#" x="40"><span x="40">Spring Sale</span> 2</a></div></div>${row('Autumn')}`);
    const rows = fallbackRows(root, fallbackTargets(crm([{ name: 'Spring Sale' }, { name: 'Autumn' }])), options());
    expect(rows.map((r) => r.name)).toEqual(['Autumn']);
  });

  it('reads a CRM ID in a link: the row gets it, even when the link text is not a CRM name', () => {
    const root = page(row('Renamed on the platform').replace('href="#"', 'href="/campaigns/120210942987570608/edit?tab=1"') + row('Autumn'));
    const rows = fallbackRows(root, fallbackTargets(crm([{ id: '120210942987570608', name: 'Old name' }, { name: 'Autumn' }])), options());
    expect(rows.map((r) => [r.name, r.id])).toEqual([
      ['Renamed on the platform', '120210942987570608'],
      ['Autumn', null],
    ]);
  });

  it('shows no badge when the ID beside a name belongs to another CRM row, or a link carries two CRM IDs', () => {
    const targets = fallbackTargets(crm([{ id: '111111', name: 'Alpha' }, { id: '222222', name: 'Beta' }, { name: 'Gamma' }]));
    const root = page(
      row('Alpha').replace('href="#"', 'href="/c/222222"') + row('Something').replace('href="#"', 'href="/c/111111?parent=222222"') + row('Gamma'),
    );
    expect(fallbackRows(root, targets, options()).map((r) => r.name)).toEqual(['Gamma']);
    expect(idsInHref('/c/111111?parent=222222&x=1111112', targets)).toEqual(['111111', '222222']);
  });

  it('shows no badge where the badge would become a cell: text right in a <td>, or a name that is a grid cell', () => {
    const root = page(
      '<table x="0"><tbody><tr><td x="40">Spring Sale</td><td x="300">1</td></tr></tbody></table>' +
        '<div style="display: grid"><span x="40">Autumn</span><span x="300">2</span></div>' +
        '<div class="r"><div x="40"><div x="40">Winter</div></div></div>',
    );
    const rows = fallbackRows(root, fallbackTargets(crm([{ name: 'Spring Sale' }, { name: 'Autumn' }, { name: 'Winter' }])), options());
    expect(rows.map((r) => r.name)).toEqual(['Winter']);
  });

  it('gives those names a spot of our own when there is a layer, keyed by their row band, and still none to the unsure', () => {
    const root = page(
      '<table x="0"><tbody><tr class="t"><td x="40">Spring Sale</td><td x="300">1</td></tr>' +
        '<tr class="t"><td x="40">Twin</td><td x="300">2</td></tr><tr class="t"><td x="40">Twin</td><td x="300">3</td></tr></tbody></table>' +
        // Grid items are blockified: the name is a block of its own, not inline text going on.
        '<div class="g" style="display: grid"><span style="display: block" x="40">Autumn</span><span style="display: block" x="300">2</span></div>' +
        '<div class="r"><div x="40"><div x="40">Winter</div></div></div>',
    );
    const spots: Array<{ row: string; name: string }> = [];
    const spotFor = (band: Element, name: Element) => {
      spots.push({ row: band.className, name: name.textContent ?? '' });
      return band.ownerDocument.createElement('i');
    };
    const rows = fallbackRows(
      root,
      fallbackTargets(crm([{ name: 'Spring Sale' }, { name: 'Autumn' }, { name: 'Winter' }, { name: 'Twin' }])),
      options(),
      spotFor,
    );
    expect(rows.map((r) => [r.name, r.row.className, r.anchor.tagName]).sort()).toEqual([
      ['Autumn', 'g', 'I'],
      ['Spring Sale', 't', 'I'],
      ['Winter', 'r', 'DIV'],
    ]);
    // "Twin" is printed twice without IDs: no spot for either; the in-row name needs none.
    expect(spots).toEqual([
      { row: 't', name: 'Spring Sale' },
      { row: 'g', name: 'Autumn' },
    ]);
  });

  it('ignores hidden names, our own badges, and asks for at least minGroup names in the column', () => {
    const root = page(
      `<div class="r"><div x="40" hidden>Spring Sale</div></div><funnel-lens-badge><span x="40">Autumn</span></funnel-lens-badge>${row('Winter')}`,
    );
    const targets = fallbackTargets(crm([{ name: 'Spring Sale' }, { name: 'Autumn' }, { name: 'Winter' }]));
    expect(root.querySelector('funnel-lens-badge')?.tagName).toBe(OWN_TAG);
    expect(fallbackRows(root, targets, options(1)).map((r) => r.name)).toEqual(['Winter']);
    expect(fallbackRows(root, targets, options(2))).toEqual([]);
  });
});

/**
 * Properties over generated pages. Names come in families: the members of a family are equal
 * under the documented normalisation (case, `_`/`-`/space swapped), different families are not
 * (a family's base is never a prefix-free token of another: `Base 7` vs `Base 7 X` both exist).
 */
const BASES = [
  'Spring Sale',
  'Spring Sale 2',
  'Spring Sale 2 FI',
  'Brand Search',
  'Brand Search Nordics',
  'Lead Ads',
  'Lead Ads Retarget',
  'Kesä Ale',
  'Winter',
  'Winter Webinar',
];
const spellings = (base: string) => [base, base.toUpperCase(), base.toLowerCase(), base.replace(/ /g, '_'), base.replace(/ /g, '-')];

const pageSpec = fc.record({
  // For each family: how many CRM rows carry it (0–2), how many page rows show it (0–2), and a spelling per row.
  families: fc.array(
    fc.record({ crm: fc.integer({ min: 0, max: 2 }), page: fc.integer({ min: 0, max: 2 }), spelling: fc.integer({ min: 0, max: 4 }), withId: fc.boolean() }),
    { minLength: BASES.length, maxLength: BASES.length },
  ),
  order: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
});

describe('fallback finder properties', () => {
  it("never puts a badge beside a name that is not its CRM row's, whatever the order, duplicates and near-duplicates", () => {
    fc.assert(
      fc.property(pageSpec, ({ families, order }) => {
        const crmRows: Array<{ id?: string; name: string; family: number }> = [];
        const pageRows: Array<{ html: string; family: number; id: string | null }> = [];
        families.forEach((f, family) => {
          const base = BASES[family] as string;
          for (let i = 0; i < f.crm; i++)
            crmRows.push({ name: spellings(base)[(f.spelling + i) % 5] as string, family, ...(f.withId ? { id: `9${family}0000${i}` } : {}) });
          for (let i = 0; i < f.page; i++) {
            const id = f.withId && i < f.crm ? `9${family}0000${i}` : null;
            const html = row(spellings(base)[(f.spelling + i + 1) % 5] as string).replace('href="#"', `href="/x/${id ?? 'none'}"`);
            pageRows.push({ html, family, id });
          }
        });
        // Shuffle the page rows by the generated order.
        const shuffled = pageRows
          .map((r, i) => ({ r, k: order[i % order.length] as number }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.r);
        const root = page(shuffled.map((r) => r.html).join(''));
        const rows = fallbackRows(root, fallbackTargets(crm(crmRows)), options());
        const rowDivs = [...root.querySelectorAll('.r')];
        for (const found of rows) {
          const index = rowDivs.indexOf(found.row);
          const truth = shuffled[index];
          expect(truth, 'a badge on something that is not a row').toBeDefined();
          // The badge sits after the name of the row it belongs to.
          expect(found.row.contains(found.anchor)).toBe(true);
          expect(found.anchor.textContent).toBe(found.name);
          // And that row's family is named by exactly one CRM row, or the ID settles which.
          const family = families[truth!.family]!;
          if (found.id === null) {
            expect(family.crm).toBe(1);
            expect(family.page).toBe(1);
          } else {
            expect(found.id).toBe(truth!.id);
          }
        }
        // Every row that can only mean one campaign gets its badge.
        const sure = shuffled.filter((r) => families[r.family]!.crm === 1 && families[r.family]!.page === 1);
        for (const r of sure) expect(rows.some((found) => rowDivs.indexOf(found.row) === shuffled.indexOf(r))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

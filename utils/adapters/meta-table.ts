/**
 * Reading Meta Ads Manager's campaign table: names, row nodes, IDs and spend. Every hook comes from
 * shared/reference/ad-ui-dom.md (Meta section, corrected 2026-12), and none is relied on alone:
 *
 * - **Names**: the name cell's data-surface key, or the tooltip box `[data-tooltip-content]` that
 *   holds a link. The link's text and the tooltip's full name must agree.
 * - **Row nodes**: structure first (the highest ancestor of a name that holds no other name), and
 *   then at least one more signal: the row's data-surface key, the row class Meta has kept for
 *   years (`_1gda`), an inline `transform` (rows are moved by it), `role=row`, or siblings that are
 *   row nodes too. Never inline `top` alone, never one class alone.
 * - **IDs**: the row's data-surface key (Meta until about March 2026), then React's properties
 *   read through the page-world script. The name link's href is `#` (no ID in it).
 * - **Spend**: the cell keyed `table_cell:spend`, or else the cell under the "Amount spent" /
 *   "Käytetty summa" header, matched by x position.
 * - **Leads**: the Results cell (`forAttributionWindow(results,…)`, or under "Results" /
 *   "Tulokset"), only when the result type printed under its value is a lead type.
 */
import type { PageRow } from '../overlay/adapter';
import { cellUnderHeader } from './shared/columns';
import { collapseSpaces, elementWithText, isColumnName } from './shared/text';

/** Answers "which object ID does React hold for this row?" (null: none, or not available). */
export type ObjectIdOf = (row: Element) => string | null;

const NAME_CELL_KEY = '[data-surface*="/table_cell:forObjectType(name,"][data-surface$=")"]';
const NAME_TOOLTIP = '[data-tooltip-content]';
const ROW_KEY = /\/table_row:(\d{5,20})unit(?:\/|$)/;
const OWN_ROW_KEY = /\/table_row:\d{5,20}unit$/;
/** Header texts of the spend column (English, Finnish). */
const SPEND_HEADER_TEXTS = new Set(['amount spent', 'käytetty summa', 'spend', 'kulutettu summa']);
const SPEND_CELL_KEY = '[data-surface$="/table_cell:spend"]';
const SPEND_HEADER_KEY = '[data-surface$="table_column_header:spend"]';
/** A header and a cell belong together when their centres are this close (a scraper uses 15 px). */
const COLUMN_TOLERANCE_PX = 15;

export type IdSource = 'data-surface' | 'react';
export interface MetaRow extends PageRow {
  idSource: IdSource | null;
}

/**
 * What reading one table remembers, to stay cheap while rows scroll by. One per overlay run
 * (createMetaAdapter makes it), never shared between runs; WeakMaps, so dropped nodes go with it.
 */
export interface MetaTableMemory {
  /**
   * A row's name box, per row node: it is read on every recycle, and searching the whole row
   * (metric cells included) each time was the adapter's main cost while scrolling.
   */
  readonly nameBoxByRow: WeakMap<Element, Element>;
  /**
   * The header label found by its text, per table and column: finding it walks every text node
   * of the table, and the lead count is read row by row.
   */
  readonly headerByText: WeakMap<Element, Map<MetaColumn, Element>>;
  /**
   * A name box's link and the part of its row that is watched, per box: both are looked up by
   * selector, and a recycled row is read several times a second while scrolling.
   */
  readonly partsByBox: WeakMap<Element, BoxParts>;
}

interface BoxParts {
  link: Element | null;
  watch: Element;
}

export function createMetaTableMemory(): MetaTableMemory {
  return { nameBoxByRow: new WeakMap(), headerByText: new WeakMap(), partsByBox: new WeakMap() };
}

/** The boxes holding a campaign name: one per row. */
export function nameBoxesIn(root: Element): Element[] {
  const boxes = new Set<Element>();
  for (const cell of root.querySelectorAll(NAME_CELL_KEY)) {
    const box = cell.querySelector(NAME_TOOLTIP) ?? cell.querySelector('a');
    if (box) boxes.add(box);
  }
  for (const tip of root.querySelectorAll(NAME_TOOLTIP)) if (tip.querySelector('a')) boxes.add(tip);
  return [...boxes];
}

/** The name a box shows; null when its link text and its tooltip disagree (mid-rewrite, or not a name). */
export function nameOf(box: Element, link: Element | null = linkIn(box)): string | null {
  const shown = (link?.textContent ?? '').trim();
  const full = (box.getAttribute('data-tooltip-content') ?? '').trim();
  // Equal as printed is the usual case; only a difference needs whitespace folded to be sure.
  if (shown === full) return shown || null;
  const [a, b] = [collapseSpaces(shown), collapseSpaces(full)];
  if (a && b && a !== b) return null;
  return a || b || null;
}

const linkIn = (box: Element): Element | null => (box.matches('a') ? box : box.querySelector('a'));

/** A box's link and watched part, as remembered while they are still where they were. */
function boxParts(box: Element, row: Element, memory: MetaTableMemory): BoxParts {
  const known = memory.partsByBox.get(box);
  if (known && (known.link === null || box.contains(known.link)) && known.watch.contains(box) && row.contains(known.watch)) return known;
  const watch = box.closest('[data-surface*="/table_cell:"]') ?? box.parentElement ?? box;
  const parts = { link: linkIn(box), watch: row.contains(watch) ? watch : box };
  memory.partsByBox.set(box, parts);
  return parts;
}

/** A row's name box, as remembered (a box the host replaced or moved is looked up again). */
function nameBoxOf(row: Element, memory: MetaTableMemory): Element | null {
  const known = memory.nameBoxByRow.get(row);
  if (known && row.contains(known)) return known;
  const boxes = nameBoxesIn(row);
  if (boxes.length !== 1) return null;
  memory.nameBoxByRow.set(row, boxes[0] as Element);
  return boxes[0] as Element;
}

function intrinsicRowSignal(node: Element): boolean {
  // Cheapest first: reading an inline style builds a style declaration object.
  if (OWN_ROW_KEY.test(node.getAttribute('data-surface') ?? '') || node.classList.contains('_1gda') || node.getAttribute('role') === 'row') return true;
  const transform = (node as HTMLElement).style?.transform;
  return transform !== undefined && transform !== '';
}

/**
 * Each name box's row node. A node is a row when it holds exactly one name (structure) and shows
 * a second signal; the highest such node is taken, so the row wrapper that carries the row key
 * wins over the blocks inside it.
 */
export function rowNodesOf(boxes: readonly Element[], table: Element): Map<Element, Element> {
  const names = new Map<Element, number>();
  const chains = boxes.map((box) => {
    const chain: Element[] = [];
    for (let node = box.parentElement; node && node !== table; node = node.parentElement) {
      chain.push(node);
      names.set(node, (names.get(node) ?? 0) + 1);
    }
    return chain;
  });
  const rows = new Map<Element, Element>();
  const structuralOnly: Array<[Element, Element]> = [];
  boxes.forEach((box, i) => {
    const single = (chains[i] as Element[]).filter((node) => names.get(node) === 1);
    let row: Element | undefined;
    for (const node of single) if (intrinsicRowSignal(node)) row = node;
    if (row) rows.set(box, row);
    else if (single.length) structuralOnly.push([box, single[single.length - 1] as Element]);
  });
  // No signal of its own: still a row when its siblings are rows too (two or more under one parent).
  const byParent = new Map<Element | null, number>();
  for (const [, node] of structuralOnly) byParent.set(node.parentElement, (byParent.get(node.parentElement) ?? 0) + 1);
  for (const [box, node] of structuralOnly) if ((byParent.get(node.parentElement) ?? 0) >= 2) rows.set(box, node);
  return rows;
}

/** What one row node shows: its name box, name, ID (with where it came from) and badge anchor. */
export function readMetaRow(row: Element, objectIdOf: ObjectIdOf, memory: MetaTableMemory): MetaRow | null {
  const box = nameBoxOf(row, memory);
  if (!box) return null;
  const parts = boxParts(box, row, memory);
  const name = nameOf(box, parts.link);
  if (!name) return null;
  const keyed =
    ROW_KEY.exec(row.getAttribute('data-surface') ?? '')?.[1] ??
    ROW_KEY.exec(box.closest('[data-surface*="/table_row:"]')?.getAttribute('data-surface') ?? '')?.[1];
  let id: string | null = keyed ?? null;
  let idSource: IdSource | null = keyed ? 'data-surface' : null;
  if (!id) {
    id = objectIdOf(row);
    if (id) idSource = 'react';
  }
  // The badge goes right after the clipping name box, in its flex line: the name shrinks to its
  // ellipsis and the badge stays visible; the hover toolbar is on the line below.
  return { row, anchor: box, id, name, idSource, watch: parts.watch };
}

/** How one metric column is found: its cell and header keys, and its header texts (English, Finnish). */
interface MetaColumn {
  cellKey: string;
  headerKey: string;
  headerTexts: ReadonlySet<string>;
}
const SPEND_COLUMN: MetaColumn = { cellKey: SPEND_CELL_KEY, headerKey: SPEND_HEADER_KEY, headerTexts: SPEND_HEADER_TEXTS };
/**
 * The Results column (reference: cell key `forAttributionWindow(results,default)`; the header's key
 * is assumed to follow the `table_column_header:<key>` pattern of spend). Any attribution window.
 */
const RESULTS_COLUMN: MetaColumn = {
  cellKey: '[data-surface*="/table_cell:forAttributionWindow(results,"]',
  headerKey: '[data-surface*="table_column_header:forAttributionWindow(results,"]',
  headerTexts: new Set(['results', 'tulokset']),
};
/**
 * Result types that are leads, as the Results cell names them under its value: "Leads (form)",
 * "Website leads", "On-Facebook leads", "Meta leads"; Finnish "Liidit (lomake)", "Verkkosivuston
 * liidit". Anything else ("Link clicks", "Purchases", no type at all) is not a lead count.
 */
const LEAD_RESULT_TYPE = /\bleads?\b|liidi/i;

/** The spend text a row prints, by the cell's key or else by the spend header's x position. */
export function readMetaSpend(row: Element, table: Element, memory: MetaTableMemory): string | null {
  const cell = columnCell(row, table, SPEND_COLUMN, memory);
  return cell ? valueText(cell) : null;
}

/**
 * The lead count a row's Results column prints, when its result type is a lead type; null when
 * the column is not rendered or counts something else (link clicks, purchases).
 */
export function readMetaLeads(row: Element, table: Element, memory: MetaTableMemory): string | null {
  const cell = columnCell(row, table, RESULTS_COLUMN, memory);
  if (!cell) return null;
  const value = valueText(cell);
  const resultType = (cell.textContent ?? '').replace(value, '').trim();
  return LEAD_RESULT_TYPE.test(resultType) ? value : null;
}

/** A column's cell in this row: by the cell's key, or else under the column's header by x position. */
function columnCell(row: Element, table: Element, column: MetaColumn, memory: MetaTableMemory): Element | null {
  const keyed = row.querySelector(column.cellKey);
  if (keyed) return keyed;
  const header = columnHeader(table, column, memory);
  if (!header) return null;
  return cellUnderHeader(header, row.querySelectorAll('[geotextcolor="value"]'), (value) => value.closest('._4lg0') ?? value, COLUMN_TOLERANCE_PX);
}

/** How the names were found (hook health): the name cell's key, or the tooltip box alone. */
export function nameHook(table: Element, rows: readonly PageRow[]): 'data-surface' | 'tooltip' | null {
  if (rows.length === 0) return null;
  return table.querySelector(NAME_CELL_KEY) ? 'data-surface' : 'tooltip';
}

/** Where the spend column was found, for the summary's signal report. */
export function spendHook(table: Element, memory: MetaTableMemory): 'data-surface' | 'header text' | null {
  if (table.querySelector(SPEND_HEADER_KEY) || table.querySelector(SPEND_CELL_KEY)) return 'data-surface';
  return columnHeader(table, SPEND_COLUMN, memory) ? 'header text' : null;
}

/** A column's header box: by its key, or by its text in English or Finnish (remembered while it still reads so). */
function columnHeader(table: Element, column: MetaColumn, memory: MetaTableMemory): Element | null {
  const keyed = table.querySelector(column.headerKey);
  if (keyed) return headerBox(keyed);
  const known = memory.headerByText.get(table)?.get(column);
  if (known && table.contains(known) && isColumnName(known.textContent ?? '', column.headerTexts)) return headerBox(known);
  const label = elementWithText(table, column.headerTexts);
  if (!label) return null;
  if (!memory.headerByText.has(table)) memory.headerByText.set(table, new Map());
  memory.headerByText.get(table)?.set(column, label);
  return headerBox(label);
}

function headerBox(label: Element): Element {
  return label.closest('[role="columnheader"], ._1eyh') ?? label.parentElement ?? label;
}

/** Two-line cells print the value first (`[geotextcolor="value"]`) and a description under it. */
function valueText(cell: Element): string {
  const value = cell.querySelector('[geotextcolor="value"]') ?? cell;
  return (value.textContent ?? '').trim();
}

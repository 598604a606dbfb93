/**
 * The fallback finder's second step (fallback-finder.ts finds the names): of the names found, the
 * name column, and for each name that names exactly one CRM row, its row band and where its badge
 * goes. Unsure names get no row, whatever the order of the page's rows.
 */
import type { PageRow } from './adapter';
import { collapseSpaces } from '../adapters/shared/text';
import { findNames, type FallbackTargets, type FinderOptions, type FoundName, type SpotFor } from './fallback-finder';

/** Edges closer than this belong to one column (sub-pixel layout, borders). */
const EDGE_TOLERANCE_PX = 2;

/**
 * The name column: the largest group of found names sharing one left edge (ties: the leftmost),
 * with fewer than `minGroup` members none.
 */
export function nameColumn(found: readonly FoundName[], minGroup: number): FoundName[] {
  const groups: FoundName[][] = [];
  for (const item of [...found].sort((a, b) => a.left - b.left)) {
    const last = groups[groups.length - 1];
    if (last && Math.abs((last[0] as FoundName).left - item.left) <= EDGE_TOLERANCE_PX) last.push(item);
    else groups.push([item]);
  }
  let best: FoundName[] = [];
  for (const group of groups) if (group.length > best.length) best = group;
  return best.length >= minGroup ? best : [];
}

/**
 * The rows the fallback stands behind, in page order: one per name of the name column that names
 * exactly one CRM row, each with its row band and the badge's anchor (see anchorOf), or, for a
 * name with no safe spot in its row, the spot `spotFor` gives (none without it).
 */
export function fallbackRows(root: Element, targets: FallbackTargets, options: FinderOptions, spotFor?: SpotFor): PageRow[] {
  return rowsOfColumn(nameColumn(findNames(root, targets, options), options.minGroup), root, spotFor);
}

/**
 * fallbackRows for a name column already found. `crmRowByBand`, when given, is filled with the CRM
 * row each band of the column names, sure or not (to read bands again one at a time: readBand).
 */
export function rowsOfColumn(column: readonly FoundName[], root: Element, spotFor?: SpotFor, crmRowByBand?: Map<Element, number | null>): PageRow[] {
  // A CRM row named twice in the column (two page rows, no IDs to tell them apart): neither.
  const timesNamed = new Map<number, number>();
  for (const item of column) if (item.crmRow !== null) timesNamed.set(item.crmRow, (timesNamed.get(item.crmRow) ?? 0) + 1);
  const sure = column.filter((item) => item.crmRow !== null && timesNamed.get(item.crmRow) === 1 && (!item.needsLayer || spotFor));
  const elements = column.map((item) => item.element);
  const bands = new Map(column.map((item) => [item, rowBand(item.element, elements, root)]));
  if (crmRowByBand) for (const [item, band] of bands) crmRowByBand.set(band, item.crmRow);
  const rows: PageRow[] = sure.map((item) => pageRowOf(item, bands.get(item) as Element, spotFor));
  return rows.sort((a, b) => (a.row.compareDocumentPosition(b.row) & 4 /* FOLLOWING */ ? -1 : 1));
}

/** The name column of the last whole read: its left edge, and the CRM row each of its bands names (null: unsure). */
export interface ColumnBands {
  left: number;
  crmRowByBand: Map<Element, number | null>;
}

/**
 * One row band of the last whole read, read again after the host changed it (a recycled row), by
 * the whole read's rules: exactly one name of the column's left edge in it, naming one CRM row that
 * no other band of the column names. Null when any of that fails (no badge); `twice` is set when
 * the CRM row is another band's too, which only a whole read can settle. Keeps the band's entry.
 */
export function readBand(
  band: Element,
  targets: FallbackTargets,
  options: FinderOptions,
  column: ColumnBands,
  spotFor?: SpotFor,
): { row: PageRow | null; twice: boolean } {
  const inColumn = findNames(band, targets, options).filter((item) => Math.abs(item.left - column.left) <= EDGE_TOLERANCE_PX);
  const item = inColumn.length === 1 ? (inColumn[0] as FoundName) : null;
  const crmRow = item?.crmRow ?? null;
  column.crmRowByBand.set(band, crmRow);
  if (item === null || crmRow === null || (item.needsLayer && !spotFor)) return { row: null, twice: false };
  for (const [other, named] of column.crmRowByBand) if (other !== band && named === crmRow) return { row: null, twice: true };
  return { row: pageRowOf(item, band, spotFor), twice: false };
}

/** A sure name's page row: its band, and its badge right after the name or in a spot of our layer. */
function pageRowOf(item: FoundName, band: Element, spotFor?: SpotFor): PageRow {
  const anchor = item.needsLayer && spotFor ? spotFor(band, item.element) : anchorOf(item.element, band);
  return { row: band, anchor, id: item.id, name: item.name };
}

/**
 * Where the badge goes: right after the name's own box within its cell. The highest ancestor in
 * the row that holds nothing but the name is its cell (or the box the cell gives it); the badge
 * goes after that ancestor's child holding the name. Right after a link nested in a clipping name
 * box (`<name-box style="overflow:hidden"><a>…</a></name-box>`), a long name would push the badge
 * out of sight; after the box it stays in the cell, and the name shrinks to its ellipsis.
 */
function anchorOf(element: Element, row: Element): Element {
  const text = collapseSpaces(element.textContent ?? '');
  let onlyName: Element = element;
  for (let node = element.parentElement; node && node !== row && collapseSpaces(node.textContent ?? '') === text; node = node.parentElement) onlyName = node;
  if (onlyName === element) return element;
  let anchor = element;
  while (anchor.parentElement && anchor.parentElement !== onlyName) anchor = anchor.parentElement;
  return anchor;
}

/** The element's highest ancestor (below `root`) that holds no other name of the column. */
function rowBand(element: Element, column: readonly Element[], root: Element): Element {
  let band = element;
  for (let node = element.parentElement; node && node !== root; node = node.parentElement) {
    if (column.some((other) => other !== element && node.contains(other))) break;
    band = node;
  }
  return band;
}

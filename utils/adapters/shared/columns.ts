/**
 * Finding a metric column by its header, for cells that carry no key of their own. Three shapes,
 * each used by the adapter whose table has it:
 * - an HTML `<table>`: the header's position, counting `colspan` (LinkedIn);
 * - an ARIA grid: the header's index among the column headers (Google);
 * - absolutely placed cells: the cell whose centre is under the header's centre (Meta).
 */
import { collapseSpaces, isColumnName, textPieces } from './text';

/** Whether any of a header's text pieces, spaces collapsed, is one of the column's names. */
export function anyNamesColumn(texts: readonly string[], names: ReadonlySet<string>): boolean {
  return texts.some((text) => isColumnName(collapseSpaces(text), names));
}

/** Whether a header cell names the column: its text, or one of its text nodes (next to sort icons and hints). */
function headerNamesColumn(cell: Element, names: ReadonlySet<string>): boolean {
  return anyNamesColumn(textPieces(cell), names);
}

/** The column position of the header naming the column, in a `<table>`'s last header row; null when none. */
export function tableColumnByHeader(table: HTMLTableElement, names: ReadonlySet<string>): number | null {
  const headerRows = table.tHead?.rows;
  const headerRow = headerRows?.[headerRows.length - 1];
  if (!headerRow) return null;
  let at = 0;
  for (const cell of headerRow.cells) {
    if (headerNamesColumn(cell, names)) return at;
    at += cell.colSpan;
  }
  return null;
}

/** The cell of a `<table>` row that starts at a column position, counting `colspan`; null when a span covers it. */
export function tableCellAt(row: HTMLTableRowElement, column: number): HTMLTableCellElement | null {
  let at = 0;
  for (const cell of row.cells) {
    if (column >= at && column < at + cell.colSpan) return column === at ? cell : null;
    at += cell.colSpan;
  }
  return null;
}

/** Index, among a grid's column headers, of the one named like the column; -1 for none. */
export function gridColumnIndex(grid: Element, headerSelector: string, names: ReadonlySet<string>, textOf: (header: Element) => string): number {
  const headers = [...grid.querySelectorAll(headerSelector)];
  return headers.findIndex((header) => isColumnName(textOf(header), names));
}

/** The first of `cells` whose horizontal centre is within `tolerancePx` of the header's centre. */
export function cellUnderHeader<T extends Element>(header: Element, cells: Iterable<T>, boxOf: (cell: T) => Element, tolerancePx: number): Element | null {
  const h = header.getBoundingClientRect();
  const centre = h.left + h.width / 2;
  for (const candidate of cells) {
    const cell = boxOf(candidate);
    const r = cell.getBoundingClientRect();
    if (r.width > 0 && Math.abs(r.left + r.width / 2 - centre) <= tolerancePx) return cell;
  }
  return null;
}

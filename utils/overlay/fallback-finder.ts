/**
 * The platform-blind fallback finder: rows found by what the CRM already knows, not by the ad
 * manager's markup. Used when an adapter's own hooks read no rows, or clearly fewer than the page
 * shows (the markup drifted). It looks for:
 * - visible text elements whose normalised text equals a CRM name of this page context;
 * - links whose `href` carries exactly one CRM ID (as a whole run of digits).
 * Of those, it keeps the group sharing one left edge (the name column), takes each element's row
 * band (its highest ancestor holding no other name of the group), and anchors the badge right after
 * the name.
 *
 * Zero misattributions is the rule, so anything unsure is left without a badge:
 * - a name two CRM rows share (after normalisation), unless an ID on the row settles it;
 * - a name printed twice in the group without IDs telling the two apart;
 * - an ID on the row that belongs to another CRM row than the name beside it;
 * - a name that is only the start of a longer inline text (`Spring Sale` inside `Spring Sale 2`).
 * A name with no safe spot for the badge in its row (its parent lays out cells: a table row, a
 * grid) gets a spot in a layer of our own instead (fallback-layer.ts), when the caller has one.
 */
import type { FunnelRow } from '../api/schema';
import { nameHash, normalizeName } from '../matching/match';
import { collapseSpaces } from '../adapters/shared/text';

/** The CRM side, indexed once per answer. */
export interface FallbackTargets {
  /** Normalised name → the CRM rows (indexes) carrying it. */
  byName: ReadonlyMap<string, readonly number[]>;
  /** CRM ID → its row (index); the first row wins, as in matching. */
  byId: ReadonlyMap<string, number>;
  /** Longest raw name, to skip long texts without normalising them. */
  longestName: number;
  /** nameHash of every name: a text whose hash is not here names no CRM row, and is not normalised. */
  hashes: ReadonlySet<number>;
}

export function fallbackTargets(rows: readonly FunnelRow[]): FallbackTargets {
  const byName = new Map<string, number[]>();
  const byId = new Map<string, number>();
  const hashes = new Set<number>();
  let longestName = 0;
  rows.forEach((row, index) => {
    const id = row.id?.trim();
    if (id && !byId.has(id)) byId.set(id, index);
    const key = row.name ? normalizeName(row.name) : '';
    if (!key) return;
    hashes.add(nameHash(key));
    longestName = Math.max(longestName, (row.name as string).length);
    const list = byName.get(key);
    if (list) list.push(index);
    else byName.set(key, [index]);
  });
  return { byName, byId, longestName, hashes };
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The browser's layout, injected so the finder can be tested without one. */
export interface Layout {
  rectOf(element: Element): Box;
  displayOf(element: Element): string;
}

export const browserLayout: Layout = {
  rectOf: (element) => element.getBoundingClientRect(),
  displayOf: (element) => getComputedStyle(element).display,
};

export interface FinderOptions {
  layout: Layout;
  /** Our own elements (badges, the summary): never read as page text. */
  isOwn(node: Node): boolean;
  /** Fewest elements a name column must have (1 inside a known table, 2 on a whole page). */
  minGroup: number;
}

/** One name (or ID link) found on the page. */
export interface FoundName {
  element: Element;
  /** The text as printed (trimmed, whitespace folded). */
  name: string;
  /** The CRM ID found on the element or its row, if any. */
  id: string | null;
  /** The CRM row it names, when only one can be meant; null: unsure (no badge). */
  crmRow: number | null;
  left: number;
  /** No safe spot in the row: the badge can only go into a layer of our own beside the name. */
  needsLayer?: boolean;
}

/** A spot of our own for the badge of `name` in row band `row` (fallback-layer.ts). */
export type SpotFor = (row: Element, name: Element) => Element;

/** Ancestors climbed from a text node to the element whose whole text is a name. */
const MAX_CLIMB = 4;
const DIGIT_RUN = /\d{4,20}/g;
/** A parent that lays out cells: a badge inserted into it would become a cell of its own. */
const CELL_LAYOUTS = new Set([
  'table',
  'inline-table',
  'table-row',
  'table-row-group',
  'table-header-group',
  'table-footer-group',
  'table-column',
  'table-column-group',
  'grid',
  'inline-grid',
  'contents',
]);

/** The CRM IDs an `href` carries as whole digit runs. */
export function idsInHref(href: string, targets: FallbackTargets): string[] {
  const ids = new Set<string>();
  for (const match of href.matchAll(DIGIT_RUN)) if (targets.byId.has(match[0])) ids.add(match[0]);
  return [...ids];
}

/**
 * Every name and ID link the finder can stand behind, before grouping by column. Each comes with
 * the CRM row it names, or null when that is not certain.
 */
export function findNames(root: Element, targets: FallbackTargets, options: FinderOptions): FoundName[] {
  const { layout, isOwn } = options;
  const found = new Map<Element, FoundName>();
  const maxText = targets.longestName * 2 + 16;
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  // The walker yields only texts inside root: climbing ends at root's parent.
  const outside = root.parentElement;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const value = text.nodeValue ?? '';
    if (!value.trim()) continue;
    let element = text.parentElement;
    let child: Node = text;
    // A wrapper printing the same text as the element below it (a cell around its value) names
    // the same thing: its text is not normalised again. An element whose only child is the one
    // below prints that text: it is not read again either.
    let below: string | null = null;
    for (let depth = 0; element && element !== outside && depth < MAX_CLIMB; depth++, child = element, element = element.parentElement) {
      const whole: string = element.firstChild === child && element.lastChild === child ? (below ?? value) : (element.textContent ?? '');
      if (whole.length > maxText) break;
      if (found.has(element)) break;
      if (whole === below) continue;
      below = whole;
      if (!targets.hashes.has(nameHash(whole))) continue;
      const key = normalizeName(whole);
      if (!key || !targets.byName.has(key)) continue;
      if (isOwn(element)) break;
      const name = collapseSpaces(whole);
      const id = idNear(element, targets);
      found.set(element, { element, name, id, crmRow: crmRowOf(key, id, targets), left: 0 });
      break;
    }
  }
  // A link inside a name already found, or holding one, is that name's own link.
  const namesLinks = new Set<Element>();
  for (const element of found.keys()) {
    const link = element.closest('a[href]') ?? element.querySelector('a[href]');
    if (link) namesLinks.add(link);
  }
  for (const link of root.querySelectorAll('a[href]')) {
    if (found.has(link) || namesLinks.has(link) || isOwn(link)) continue;
    const ids = idsInHref(link.getAttribute('href') ?? '', targets);
    const name = collapseSpaces(link.textContent ?? '');
    if (ids.length !== 1 || !name) continue;
    found.set(link, { element: link, name, id: ids[0] as string, crmRow: targets.byId.get(ids[0] as string) ?? null, left: 0 });
  }
  const visible: FoundName[] = [];
  for (const found1 of found.values()) {
    const item = { ...found1, element: outermostInline(found1.element, layout) };
    const box = layout.rectOf(item.element);
    if (box.width <= 0 || box.height <= 0) continue;
    if (continuesInline(item.element, layout)) item.crmRow = null;
    visible.push({ ...item, left: box.left, ...(hasSafeSpot(item.element, layout) ? {} : { needsLayer: true }) });
  }
  return visible;
}

/**
 * The outermost inline wrapper printing the same text (`<span><a><span>Name</span></a></span>`):
 * the badge then goes after the whole name, outside its link, still in the name's own box.
 */
function outermostInline(element: Element, layout: Layout): Element {
  const text = collapseSpaces(element.textContent ?? '');
  let outer = element;
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const display = layout.displayOf(parent);
    if (display !== 'inline' && display !== 'inline-block' && display !== 'inline-flex') break;
    if (collapseSpaces(parent.textContent ?? '') !== text) break;
    outer = parent;
  }
  return outer;
}

/** The one CRM ID the element's own link, or its nearest link ancestor or descendant, carries. */
function idNear(element: Element, targets: FallbackTargets): string | null {
  const link = element.closest('a[href]') ?? element.querySelector('a[href]');
  if (!link) return null;
  const ids = idsInHref(link.getAttribute('href') ?? '', targets);
  return ids.length === 1 ? (ids[0] as string) : null;
}

/** The CRM row a name (with the ID beside it, if any) names; null when two could be meant. */
function crmRowOf(key: string, id: string | null, targets: FallbackTargets): number | null {
  const byName = targets.byName.get(key) ?? [];
  if (id !== null) {
    const byId = targets.byId.get(id);
    // The ID and the name must agree: an ID of one campaign beside another's name is not a match.
    return byId !== undefined && byName.includes(byId) ? byId : null;
  }
  return byName.length === 1 ? (byName[0] as number) : null;
}

/** Right after the element, a badge stays inside the name's own cell (its parent lays out no cells). */
function hasSafeSpot(element: Element, layout: Layout): boolean {
  const parent = element.parentElement;
  if (!parent) return false;
  if (CELL_LAYOUTS.has(layout.displayOf(parent))) return false;
  if (CELL_LAYOUTS.has(layout.displayOf(element)) || layout.displayOf(element) === 'table-cell') return false;
  return true;
}

/** The element is inline and the text goes on beside it: what a user reads is a longer name. */
function continuesInline(element: Element, layout: Layout): boolean {
  const display = layout.displayOf(element);
  if (display !== 'inline' && display !== 'inline-block') return false;
  const parent = element.parentElement;
  if (!parent) return false;
  for (const sibling of parent.childNodes) {
    if (sibling === element) continue;
    if (sibling.nodeType === 3 && (sibling.nodeValue ?? '').trim()) return true;
    if (sibling.nodeType === 1 && (sibling.textContent ?? '').trim()) {
      const siblingDisplay = layout.displayOf(sibling as Element);
      if (siblingDisplay === 'inline' || siblingDisplay === 'inline-block') return true;
    }
  }
  return false;
}

/**
 * Object IDs that only the page's own JavaScript world can see. Since about April 2026 Meta keeps a
 * row's campaign ID out of the DOM: it lives in React's properties on the row's nodes
 * (`__reactProps$<suffix>` / `__reactFiber$<suffix>` → `objectID` / `typedObjectID`;
 * shared/reference/ad-ui-dom.md, Meta, "Row wrapper and ID"). An isolated content script cannot
 * read those expandos, so a tiny script in the page's world (`world: 'MAIN'`) answers for one
 * element at a time:
 *
 * - the isolated script dispatches OBJECT_ID_REQUEST on the row element (not bubbling; the page
 *   world listens in the capture phase on window, so the element needs no listener);
 * - the page-world script answers synchronously with OBJECT_ID_ANSWER, a CustomEvent dispatched on
 *   that same element whose detail is the ID as a string (primitives cross the worlds);
 * - no attribute is ever written into the host's nodes, and nothing else is exposed.
 *
 * Everything read here is untrusted page data: only 5–20 digits count, anything else is no answer.
 * This module has no imports on purpose: it is bundled into the page-world script as well.
 */

export const OBJECT_ID_REQUEST = 'funnel-lens:object-id-request';
export const OBJECT_ID_ANSWER = 'funnel-lens:object-id-answer';

const OBJECT_ID = /^\d{5,20}$/;
/** Fibers between a row's host node and the next host node above it: the row's own components. */
const MAX_COMPONENT_FIBERS = 6;
/** Descendants whose React props may carry the ID (the row's switch and selector, as scrapers saw). */
const ID_CARRIERS = '[role="switch"], input[type="checkbox"]';
/** React's host component fiber tag (a DOM element). */
const HOST_COMPONENT = 5;

/** A digits-only object ID from a props value, or null: strings, numbers, or `{ id }`. */
export function objectIdFrom(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) value = String(value);
  if (typeof value === 'string') return OBJECT_ID.test(value) ? value : null;
  if (value !== null && typeof value === 'object' && 'id' in value) return objectIdFrom((value as { id: unknown }).id);
  return null;
}

/** Adds the IDs a props object names (both keys: if they disagree, the caller sees two). */
function addIdsInProps(props: unknown, found: Set<string>): void {
  if (props === null || typeof props !== 'object') return;
  const p = props as { objectID?: unknown; typedObjectID?: unknown };
  for (const id of [objectIdFrom(p.objectID), objectIdFrom(p.typedObjectID)]) if (id) found.add(id);
}

function reactKeys(node: Element): { props?: string; fiber?: string } {
  const keys: { props?: string; fiber?: string } = {};
  for (const key of Object.keys(node)) {
    if (key.startsWith('__reactProps$')) keys.props = key;
    else if (key.startsWith('__reactFiber$')) keys.fiber = key;
  }
  return keys;
}

interface Fiber {
  tag?: unknown;
  stateNode?: unknown;
  memoizedProps?: unknown;
  return?: unknown;
}

/**
 * The IDs one node's React properties carry: its own props, then its fiber's props and those of
 * the components above it, up to the next DOM node (a row's components end there; the table's
 * props beyond it describe no single row).
 */
function idsOnNode(node: Element, found: Set<string>): void {
  const keys = reactKeys(node);
  if (keys.props) addIdsInProps((node as unknown as Record<string, unknown>)[keys.props], found);
  let fiber = keys.fiber ? ((node as unknown as Record<string, unknown>)[keys.fiber] as Fiber | undefined) : undefined;
  for (let i = 0; fiber && typeof fiber === 'object' && i <= MAX_COMPONENT_FIBERS; i++) {
    if (i > 0 && fiber.tag === HOST_COMPONENT) break;
    addIdsInProps(fiber.memoizedProps, found);
    fiber = fiber.return as Fiber | undefined;
  }
}

/**
 * The object ID React holds for a row element, or null when there is none or when the row's
 * nodes disagree (no answer beats a wrong one).
 */
export function readReactObjectId(row: Element): string | null {
  const found = new Set<string>();
  idsOnNode(row, found);
  if (found.size === 0) for (const carrier of row.querySelectorAll(ID_CARRIERS)) idsOnNode(carrier, found);
  return found.size === 1 ? ([...found][0] as string) : null;
}

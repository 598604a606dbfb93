/** Small DOM look-ups the adapters share: ranked selectors, visibility, the child holding a node. */

/** Which of `selectors` (strongest first) finds something first; -1 for none. */
export function firstMatchingIndex(root: ParentNode, selectors: readonly string[]): number {
  return selectors.findIndex((selector) => root.querySelector(selector) !== null);
}

/** The element the first matching one of `selectors` finds (strongest first). */
export function firstMatching(root: ParentNode, selectors: readonly string[]): Element | null {
  const index = firstMatchingIndex(root, selectors);
  return index < 0 ? null : root.querySelector(selectors[index] as string);
}

/** Rendered and not hidden by CSS (where the browser can tell: checkVisibility). */
export function isShown(element: Element): boolean {
  const check = (element as Element & { checkVisibility?(options?: { visibilityProperty?: boolean }): boolean }).checkVisibility;
  return typeof check === 'function' ? check.call(element, { visibilityProperty: true }) : true;
}

/** The direct child of `parent` that holds `inner` (e.g. a cell's component host around a link). */
export function childHolding(parent: Element, inner: Element): Element {
  let node = inner;
  while (node.parentElement && node.parentElement !== parent) node = node.parentElement;
  return node;
}

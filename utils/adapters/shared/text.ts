/**
 * Reading text off an ad manager's page, the same way in every adapter. Platform-blind: the
 * adapters pass in what counts as a name or a label on their page.
 */

/** Runs of whitespace as one space, trimmed: how names and headers are compared. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether a header's text is one of a column's names (names are lower case, English and Finnish). */
export function isColumnName(text: string, names: ReadonlySet<string>): boolean {
  return names.has(text.trim().toLowerCase());
}

/**
 * Visible text of an element: its text nodes joined by spaces, leaving out those inside `skip`
 * (icon ligatures such as `arrow_drop_down`, hidden text). `skip` counts only up to `within`
 * (a row), or else up to the document's root.
 */
export function visibleText(element: Element, skip: string, within: Element | null = null): string {
  // One native walk up the ancestors rather than a call per ancestor: the nearest match is the
  // innermost, so when it is outside `within` nothing inside is.
  const skipped = (node: Node): boolean => {
    const hidden = node.parentElement?.closest(skip);
    return hidden != null && (within === null || within.contains(hidden));
  };
  // The usual name link holds one text node: no walker needed.
  const only = element.firstChild;
  if (only !== null && only === element.lastChild && only.nodeType === 3 /* Node.TEXT_NODE */) {
    return skipped(only) ? '' : (only.nodeValue ?? '').trim();
  }
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (skipped(node)) continue;
    const text = node.textContent?.trim();
    if (text) parts.push(text);
  }
  return parts.join(' ');
}

/** An element's whole text and each of its text nodes: a header also holds sort icons and hints. */
export function textPieces(element: Element): string[] {
  const texts = [element.textContent ?? ''];
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.nodeValue ?? '');
  return texts;
}

/** The element around the first text node under `root` that names one of `names` (document order). */
export function elementWithText(root: Element, names: ReadonlySet<string>): Element | null {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (isColumnName(text.nodeValue ?? '', names) && text.parentElement) return text.parentElement;
  }
  return null;
}

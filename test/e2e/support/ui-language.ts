/**
 * Checks that hold in every UI language, on what the user really sees:
 *  - the other language's messages never show up (compared against the message catalogues,
 *    not a hand-written list), apart from data the API or the host page supplies;
 *  - no text is clipped and nothing scrolls sideways.
 * `scope` is null for an extension page (the whole document) or a selector of our own shadow
 * hosts in an ad manager (badges, card, summary), whose host page is not ours to judge. Their
 * shadow roots are closed, so with a scope the checks run in our content script's world, where
 * `chrome.dom.openOrClosedShadowRoot` opens them (see our-ui.ts).
 */
import type { Page } from 'playwright-core';
import { catalogue, type UiLanguage } from '../../support/catalogues';
import { ourUi } from './our-ui';

/** What the readers below use of a content script's `chrome` when they look into our closed roots. */
type ContentScriptGlobals = { chrome: { dom: { openOrClosedShadowRoot(host: HTMLElement): ShadowRoot | null } } };

const PLACEHOLDER = /\{[A-Za-z0-9_]+\}/;
const LETTER = /\p{L}/gu;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const asWord = (text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}(?![\\p{L}\\p{N}])`, 'u');

/**
 * The text pieces of `other`'s messages that must not appear in a `lang` UI: each message's text
 * between its placeholders. Left out: messages identical in both catalogues, pieces with fewer
 * than three letters ("of", "h"), and pieces that `lang`'s own messages also use as words
 * ("Funnel Lens", "ROAS", "MQL", "Google Ads"), which are names, not language.
 */
export function foreignPieces(lang: UiLanguage, other: UiLanguage): Array<{ key: string; piece: string; word: RegExp }> {
  const own = catalogue(lang);
  const foreign = catalogue(other);
  const ownText = Object.values(own).join('\n');
  const pieces: Array<{ key: string; piece: string; word: RegExp }> = [];
  for (const [key, text] of Object.entries(foreign)) {
    if (own[key] === text) continue;
    for (const raw of text.split(PLACEHOLDER)) {
      const piece = raw.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
      if ((piece.match(LETTER)?.length ?? 0) < 3) continue;
      const word = asWord(piece);
      if (word.test(ownText)) continue;
      pieces.push({ key, piece, word });
    }
  }
  return pieces;
}

/**
 * Every string the UI shows or announces: text nodes, and the aria-label, title, placeholder and
 * alt attributes, in the document or inside the shadow roots of the hosts matched by `scope`.
 * Runs in the page, or in the content script's world with a scope; self-contained so it can be shipped.
 */
export function readUiStrings(scope: string | null): string[] {
  const roots: Array<Document | ShadowRoot> =
    scope === null
      ? [document]
      : [...document.querySelectorAll<HTMLElement>(scope)]
          .map((host) => (globalThis as unknown as ContentScriptGlobals).chrome.dom.openOrClosedShadowRoot(host))
          .filter((root): root is ShadowRoot => root !== null);
  const strings: string[] = [];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement?.tagName;
        if (parent !== 'STYLE' && parent !== 'SCRIPT' && node.textContent?.trim()) strings.push(node.textContent.trim());
        continue;
      }
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = (node as Element).getAttribute(name)?.trim();
        if (value) strings.push(value);
      }
    }
  }
  return strings;
}

/**
 * The other language's pieces found in `strings`, once the data (campaign names, the CRM's name
 * and stage labels: what the API or the host page supplies) is taken out.
 */
export function foreignStringsIn(strings: readonly string[], lang: UiLanguage, data: readonly string[] = []): string[] {
  const other: UiLanguage = lang === 'fi' ? 'en' : 'fi';
  const pieces = foreignPieces(lang, other);
  const byLength = [...data].filter((d) => d.length > 0).sort((a, b) => b.length - a.length);
  const found: string[] = [];
  for (const original of strings) {
    let text = original;
    for (const d of byLength) text = text.split(d).join(' \u0000 ');
    for (const { key, piece, word } of pieces) if (word.test(text)) found.push(`"${piece}" (${other} ${key}) in "${original}"`);
  }
  return found;
}

export async function foreignStrings(page: Page, lang: UiLanguage, scope: string | null, data: readonly string[] = []): Promise<string[]> {
  const strings = scope === null ? await page.evaluate(readUiStrings, scope) : await ourUi(page).run(readUiStrings, scope);
  if (strings.length === 0) throw new Error(`no UI strings found in ${scope ?? 'the page'}`);
  return foreignStringsIn(strings, lang, data);
}

/**
 * Text a user cannot read in full, and sideways scrolling: the document wider than the window;
 * any text that reaches past the window's left or right edge; text cut off by a box that hides
 * its overflow; text that needs a box to scroll sideways; text whose end something else is
 * painted over (a label running under a bar), checked where the window shows it. Text meant for
 * screen readers only (clipped to a pixel) is skipped. Runs in the page, or in the content script's world with a
 * scope; self-contained so it can be shipped.
 */
export function readLayoutProblems(scope: string | null): string[] {
  const problems: string[] = [];
  const tolerance = 1;
  const describe = (el: Element) => {
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `${el.tagName.toLowerCase()}${cls}`;
  };
  const parentOf = (el: Element): Element | null => el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null;
  if (scope === null && document.documentElement.scrollWidth > window.innerWidth) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px in a ${window.innerWidth}px window`);
  }
  const roots: Array<Document | ShadowRoot> =
    scope === null
      ? [document]
      : [...document.querySelectorAll<HTMLElement>(scope)]
          .map((host) => (globalThis as unknown as ContentScriptGlobals).chrome.dom.openOrClosedShadowRoot(host))
          .filter((root): root is ShadowRoot => root !== null);
  // With a scope, a run that reaches none of our roots must not pass as "no problems".
  if (scope !== null && roots.length === 0) problems.push(`no shadow root of ours to check in ${scope}`);
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const owner = node.parentElement;
      if (!text || !owner || ['STYLE', 'SCRIPT', 'OPTION', 'TITLE'].includes(owner.tagName)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (rects.length === 0) continue; // not rendered (display: none, a closed <details>…)
      // Rendered only for screen readers: an ancestor clipped to (almost) nothing.
      let forScreenReaders = false;
      for (let el: Element | null = owner; el; el = parentOf(el)) {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if ((box.width <= 1 && box.height <= 1) || (style.clip !== 'auto' && style.position === 'absolute')) forScreenReaders = true;
      }
      if (forScreenReaders) continue;
      const left = Math.min(...rects.map((r) => r.left));
      const right = Math.max(...rects.map((r) => r.right));
      const top = Math.min(...rects.map((r) => r.top));
      const bottom = Math.max(...rects.map((r) => r.bottom));
      const quote = `"${text.slice(0, 60)}"`;
      if (right > window.innerWidth + tolerance || left < -tolerance) {
        problems.push(`${quote} reaches past the window (${Math.round(left)}–${Math.round(right)}px of ${window.innerWidth}px)`);
        continue;
      }
      // The end of the text: the element painted there must be the text's own (or a box around it).
      const last = rects[rects.length - 1] as DOMRect;
      const x = last.right - 2;
      const y = (last.top + last.bottom) / 2;
      if (x >= 0 && x < window.innerWidth && y >= 0 && y < window.innerHeight) {
        const hit = (owner.getRootNode() as Document | ShadowRoot).elementFromPoint(x, y);
        if (hit && !owner.contains(hit) && !hit.contains(owner)) problems.push(`${quote} is covered at its end by ${describe(hit)}`);
      }
      for (let el: Element | null = owner; el && el !== document.documentElement && el !== document.body; el = parentOf(el)) {
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        const outX = left < box.left - tolerance || right > box.right + tolerance;
        const outY = top < box.top - tolerance || bottom > box.bottom + tolerance;
        if (outX && (style.overflowX === 'hidden' || style.overflowX === 'clip'))
          problems.push(`${quote} is cut off by ${describe(el)} (text ${Math.round(right - left)}px wide, box ${Math.round(box.width)}px)`);
        else if (outX && (style.overflowX === 'auto' || style.overflowX === 'scroll')) problems.push(`${quote} makes ${describe(el)} scroll sideways`);
        else if (outY && (style.overflowY === 'hidden' || style.overflowY === 'clip'))
          problems.push(`${quote} is cut off at the top or bottom by ${describe(el)}`);
        else continue;
        break;
      }
    }
  }
  return problems;
}

export function layoutProblems(page: Page, scope: string | null): Promise<string[]> {
  return scope === null ? page.evaluate(readLayoutProblems, scope) : ourUi(page).run(readLayoutProblems, scope);
}

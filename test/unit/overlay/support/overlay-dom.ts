/**
 * A page for the overlay's parts in Node: linkedom's document (with its MutationObserver) as the
 * globals a content script sees, animation frames that run when the test says so, and WXT's
 * real ContentScriptContext on top.
 */
import { parseHTML } from 'linkedom';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface OverlayPage {
  document: Document;
  ctx: ContentScriptContext;
  /** Sets what `location.href` reads (as pushState would). */
  setUrl(href: string): void;
  /** Runs the animation-frame callbacks requested so far; returns how many ran. */
  runFrames(): number;
  /**
   * The shadow root our code attached to `host`, as our code holds it: the roots are closed, so
   * `host.shadowRoot` is null, as it is for the host page.
   */
  rootOf(host: Element | null | undefined): ShadowRoot | null;
  /** Lets queued microtasks (mutation records) be delivered. */
  settle(): Promise<void>;
  restore(): void;
}

const NAMES = [
  'document',
  'window',
  'Node',
  'MutationObserver',
  'CustomEvent',
  'location',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
] as const;

export function openOverlayPage(html: string, href = 'https://ads.example/list'): OverlayPage {
  const dom = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const globals = globalThis as unknown as Record<string, unknown>;
  const saved = new Map(NAMES.map((name) => [name, globals[name]]));
  const location = { href };
  // The window as WXT uses it: an event target (wxt:locationchange is a Node Event, which
  // linkedom's targets cannot dispatch) with postMessage (WXT's context announces itself by it too).
  const window = Object.assign(new EventTarget(), { postMessage: () => undefined });
  let frames: Array<() => void> = [];
  const roots = new WeakMap<Element, ShadowRoot>();
  const ElementClass = (dom as unknown as { Element: typeof Element }).Element;
  const attachShadow = ElementClass.prototype.attachShadow;
  ElementClass.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    roots.set(this, root);
    return root;
  };
  Object.assign(globals, {
    document: dom.document,
    window,
    Node: dom.Node,
    MutationObserver: dom.MutationObserver,
    CustomEvent: dom.CustomEvent,
    location,
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
    cancelAnimationFrame: () => undefined,
    requestIdleCallback: () => 0,
    cancelIdleCallback: () => undefined,
  });
  const ctx = new ContentScriptContext('overlay-test');
  return {
    document: dom.document as unknown as Document,
    ctx,
    setUrl: (next) => void (location.href = next),
    runFrames() {
      const due = frames;
      frames = [];
      for (const callback of due) callback();
      return due.length;
    },
    rootOf: (host) => (host ? (roots.get(host) ?? null) : null),
    settle: () => new Promise((resolve) => setTimeout(resolve, 0)),
    restore() {
      ctx.abort();
      ElementClass.prototype.attachShadow = attachShadow;
      for (const [name, value] of saved) globals[name] = value;
    },
  };
}

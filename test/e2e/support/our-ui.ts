/**
 * Our UI in a host page (badges, card, summary), seen the way a user sees it, although it lives
 * in closed shadow roots. Closed on purpose (issue #18): the ad manager's own scripts must not read
 * our numbers, so `host.shadowRoot` is null in the page, and Playwright's locators, which pierce
 * open roots only, stop at our host elements.
 *
 * Tests get in through our content script's isolated world, where Chromium gives content scripts
 * `chrome.dom.openOrClosedShadowRoot(host)`; CDP runs code there (see content-world.ts):
 *  - `ourUi(page).locator(host, inner)`: a small Playwright-like locator inside our roots (text,
 *    attributes, counts, focus) whose `click()` presses the real mouse at the element's centre,
 *    after checking that a user could hit it there (the page's `elementFromPoint` finds our host,
 *    the root's finds the element);
 *  - `ourUi(page).getByRole(host, role, name)`: finds elements by the role and accessible name in
 *    Chromium's accessibility tree (what a screen reader gets), through CDP's Accessibility domain;
 *    `accessibleName()` reads that name for any locator;
 *  - `ourUi(page).run(fn)`: any self-contained function in that world (the layout and language
 *    checks, axe);
 *  - a bridge for code that must run in the page's main world beside the replica's model (the
 *    row-truth probe, the bench's probe, the visible-rows readers): once `shadowBridge(page)` has
 *    run, `window.__funnelLensShadow.read(host)` returns synchronously what our root shows, and
 *    `readLayer(layerHost)` what the fallback's own layer (`<funnel-lens-layer>`, whose root holds
 *    badge hosts with roots of their own) shows, where and what a user hits there. The
 *    page asks with an event on the host; a listener that this file installs in the isolated world
 *    answers with an event whose detail Chromium copies across worlds. Only tests install it: the
 *    built extension answers nothing of the kind (security.e2e.ts checks the page learns nothing).
 */
import type { CDPSession, Locator, Page } from 'playwright-core';

/** What `window.__funnelLensShadow.read(host)` returns: null when `host` has no shadow root of ours. */
export interface ShadowReading {
  /** The root's text, without its stylesheet. */
  text: string;
  /** Its first button's text and aria-label (a badge). */
  button: { text: string; label: string } | null;
}

/** One badge host in the fallback's layer, as `window.__funnelLensShadow.readLayer(layerHost)` reads it. */
export interface LayerBadgeReading {
  /** Its box in the viewport, as `getBoundingClientRect()` has it at the moment of reading. */
  box: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  /** Not painted: no width, or inside a `hidden` spot of the layer. */
  hidden: boolean;
  /** Its button's text (in the badge's own root), or null when it has none. */
  text: string | null;
  /** The layer root's `elementFromPoint` at the box's centre is this badge host: nothing of ours covers it. */
  hitAtCentre: boolean;
}

/** `window.__funnelLensShadow` in the page's main world, for page-side readers (installed by `shadowBridge`). */
export interface PageShadowBridge {
  /** What `host`'s root shows; throws when the content script's half of the bridge is not there (yet). */
  read(host: Element): ShadowReading | null;
  /** Every badge host in the layer host's root, in its order; null when `layerHost` has no root of ours. */
  readLayer(layerHost: Element): LayerBadgeReading[] | null;
  /** Makes every change inside `host`'s root fire 'funnel-lens-test:shadow-changed' on document; false when nobody answered. */
  watch(host: Element): boolean;
}
export type WithShadowBridge = { __funnelLensShadow: PageShadowBridge };

/**
 * The main world's half of the bridge, idempotent (the page may have navigated since). Exported
 * for the bench's probe, which is installed before the page loads.
 */
export const MAIN_BRIDGE = String.raw`(() => {
  if (window.__funnelLensShadow) return;
  let reply;
  document.addEventListener('funnel-lens-test:shadow-reply', (event) => { reply = event.detail; }, true);
  // The content script's half answers synchronously, inside dispatchEvent.
  const ask = (host, type) => {
    reply = undefined;
    host.dispatchEvent(new CustomEvent(type));
    if (reply === undefined) throw new Error('the shadow bridge did not answer: install it with shadowBridge(page)');
    return reply === '' ? null : JSON.parse(reply);
  };
  window.__funnelLensShadow = {
    read: (host) => ask(host, 'funnel-lens-test:shadow-read'),
    readLayer: (host) => ask(host, 'funnel-lens-test:shadow-read-layer'),
    watch(host) {
      // The content script's half cancels the event when it took the root in.
      return !host.dispatchEvent(new CustomEvent('funnel-lens-test:shadow-watch', { cancelable: true }));
    },
    /** Stops watching every root: a bench must not time the bridge's own observer. */
    unwatchAll() {
      document.dispatchEvent(new CustomEvent('funnel-lens-test:shadow-unwatch'));
    },
  };
})()`;

/** The isolated world's half: answers the main world's questions about our roots, and nothing else. */
const ISOLATED_BRIDGE = String.raw`(() => {
  if (globalThis.__funnelLensShadowBridge) return;
  globalThis.__funnelLensShadowBridge = true;
  // A content script orphaned by an extension reload loses chrome.dom: it stays quiet, the new one answers.
  const canRead = () => !!(globalThis.chrome && chrome.dom);
  const rootOf = (host) => chrome.dom.openOrClosedShadowRoot(host);
  const textOf = (root) => [...root.childNodes].filter((n) => n.nodeName !== 'STYLE').map((n) => n.textContent).join('');
  document.addEventListener('funnel-lens-test:shadow-read', (event) => {
    if (!canRead()) return;
    const root = rootOf(event.target);
    const button = root && root.querySelector('button');
    const reading = root && { text: textOf(root), button: button && { text: button.textContent, label: button.getAttribute('aria-label') || '' } };
    // A string detail: Chromium hands it to the other world as it is.
    document.dispatchEvent(new CustomEvent('funnel-lens-test:shadow-reply', { detail: reading ? JSON.stringify(reading) : '' }));
  }, true);
  document.addEventListener('funnel-lens-test:shadow-read-layer', (event) => {
    if (!canRead()) return;
    const root = rootOf(event.target);
    // Read in this event, so in the same frame's layout as the page's caller.
    const badges = root && [...root.querySelectorAll('funnel-lens-badge')].map((badge) => {
      const rect = badge.getBoundingClientRect();
      const box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom, width: rect.width, height: rect.height };
      const button = rootOf(badge)?.querySelector('button');
      const hit = root.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      return { box, hidden: rect.width === 0 || !!badge.closest('[hidden]'), text: button ? button.textContent : null, hitAtCentre: hit === badge };
    });
    document.dispatchEvent(new CustomEvent('funnel-lens-test:shadow-reply', { detail: badges ? JSON.stringify(badges) : '' }));
  }, true);
  let watched = new WeakSet();
  const changes = new MutationObserver(() => document.dispatchEvent(new CustomEvent('funnel-lens-test:shadow-changed')));
  document.addEventListener('funnel-lens-test:shadow-unwatch', () => {
    changes.disconnect();
    watched = new WeakSet();
  }, true);
  document.addEventListener('funnel-lens-test:shadow-watch', (event) => {
    if (!canRead()) return;
    const root = rootOf(event.target);
    if (!root) return;
    event.preventDefault();
    if (watched.has(root)) return;
    watched.add(root);
    changes.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  }, true);
})()`;

interface ContextDescription {
  id: number;
  name: string;
  auxData?: { type?: string; frameId?: string };
}

interface EvaluateResult {
  result: { value?: unknown; objectId?: string; subtype?: string };
  exceptionDetails?: { exception?: { description?: string }; text: string };
}

/** Our content script's world in a page's top frame, followed across navigations, with the bridge in it. */
interface WorldTracker {
  cdp: CDPSession;
  /** The current context's ID, once the bridge is in it. */
  context(timeoutMs?: number): Promise<number>;
}

const trackers = new WeakMap<Page, Promise<WorldTracker>>();

function tracker(page: Page): Promise<WorldTracker> {
  let found = trackers.get(page);
  if (!found) {
    found = startTracker(page);
    trackers.set(page, found);
  }
  return found;
}

async function startTracker(page: Page): Promise<WorldTracker> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const topFrame = frameTree.frame.id;
  let current: { id: number; ready: Promise<unknown> } | null = null;
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ContextDescription }) => {
    if (context.auxData?.type !== 'isolated' || context.auxData.frameId !== topFrame || context.name !== 'Funnel Lens') return;
    current = { id: context.id, ready: cdp.send('Runtime.evaluate', { expression: ISOLATED_BRIDGE, contextId: context.id }).catch(() => undefined) };
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }: { executionContextId: number }) => {
    if (current?.id === executionContextId) current = null;
  });
  cdp.on('Runtime.executionContextsCleared', () => {
    current = null;
  });
  await cdp.send('Runtime.enable');
  return {
    cdp,
    async context(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const now = current as { id: number; ready: Promise<unknown> } | null;
        if (now) {
          await now.ready;
          return now.id;
        }
        if (Date.now() > deadline) throw new Error(`Funnel Lens has no content-script world in ${page.url()}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

/**
 * Follows our content script's world in `page` from now on, putting the bridge's half into each
 * new one as soon as Chromium announces it: call it before `goto` when a probe must read from the
 * first badge on (the bench's cold start).
 */
export async function followOurWorld(page: Page): Promise<void> {
  await tracker(page);
}

/** Stops following our world in `page` (the bridge's halves stay, unanswered): a bench's timed window must not include the test's CDP session. */
export async function releaseOurWorld(page: Page): Promise<void> {
  const found = trackers.get(page);
  if (!found) return;
  trackers.delete(page);
  await (await found).cdp.detach();
}

/**
 * Installs both halves of the bridge (again after a navigation) and waits until the content
 * script's world is there; then page-side code may call `window.__funnelLensShadow.read(host)`.
 */
export async function shadowBridge(page: Page): Promise<void> {
  await (await tracker(page)).context();
  await page.evaluate(MAIN_BRIDGE);
}

function thrown(result: EvaluateResult): Error | null {
  return result.exceptionDetails ? new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text) : null;
}

/** Evaluates `expression` in our content script's world, returning its JSON value. */
async function evaluateInWorld<T>(page: Page, expression: string): Promise<T> {
  const world = await tracker(page);
  const result = (await world.cdp.send('Runtime.evaluate', {
    expression,
    contextId: await world.context(),
    awaitPromise: true,
    returnByValue: true,
  })) as EvaluateResult;
  const error = thrown(result);
  if (error) throw error;
  return result.result.value as T;
}

/** Calls `fn(element, arg)` in our content script's world on an element it holds (`objectId`). */
async function callOn<T>(page: Page, objectId: string, fn: string, arg: unknown): Promise<T> {
  const world = await tracker(page);
  const result = (await world.cdp.send('Runtime.callFunctionOn', {
    objectId,
    functionDeclaration: `function (arg) { return (${fn})(this, arg); }`,
    arguments: [{ value: arg }],
    awaitPromise: true,
    returnByValue: true,
  })) as EvaluateResult;
  const error = thrown(result);
  if (error) throw error;
  return result.result.value as T;
}

/** Page-side source of: the elements matching `inner` inside the roots of the hosts matching `host`, in document order. */
const MATCHES = `(spec) => [...document.querySelectorAll(spec.host)].flatMap((h) => {
  const root = chrome.dom.openOrClosedShadowRoot(h);
  return root ? [...root.querySelectorAll(spec.inner)] : [];
})`;

/** Where a user would click `el`: its centre, once scrolled into view, if nothing of the page's covers it there. */
function hitPoint(el: Element): { x: number; y: number } | string {
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return 'it has no size';
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  const root = el.getRootNode() as ShadowRoot;
  if (document.elementFromPoint(x, y) !== root.host) return `the page shows ${document.elementFromPoint(x, y)?.tagName ?? 'nothing'} there`;
  const hit = root.elementFromPoint(x, y);
  if (!hit || !(hit === el || el.contains(hit))) return `${hit?.tagName ?? 'nothing'} of ours covers it`;
  return { x, y };
}

export interface OurLocator {
  /** The `index`th match (0-based); `-1` the last. */
  nth(index: number): OurLocator;
  first(): OurLocator;
  count(): Promise<number>;
  /** The text of the match, or null when nothing matches. */
  textContent(): Promise<string | null>;
  allTextContents(): Promise<string[]>;
  getAttribute(name: string): Promise<string | null>;
  /** The match's name in Chromium's accessibility tree, as a screen reader announces it. */
  accessibleName(): Promise<string>;
  /** Runs self-contained `fn(element, arg)` in the content script's world; throws when nothing matches. */
  evaluate<T, A = undefined>(fn: (el: Element, arg: A) => T, arg?: A): Promise<T>;
  /** Waits until something matches ('attached', the default) or nothing does ('detached'). */
  waitFor(options?: { state?: 'attached' | 'detached'; timeout?: number }): Promise<void>;
  /** The real mouse at the element's centre, once a user could hit it there. */
  click(): Promise<void>;
  focus(): Promise<void>;
}

interface Target {
  /** The match's object in the content script's world, or null. */
  resolve(): Promise<string | null>;
  /** Every match's object. */
  resolveAll(): Promise<string[]>;
  describe: string;
}

function makeLocator(page: Page, target: Target): OurLocator {
  const one = async <T>(fn: string, arg?: unknown): Promise<T> => {
    const id = await target.resolve();
    if (id === null) throw new Error(`nothing of ours matches ${target.describe}`);
    return callOn<T>(page, id, fn, arg ?? null);
  };
  const poll = async <T>(what: () => Promise<T | null>, timeout: number, describe: string): Promise<T> => {
    const deadline = Date.now() + timeout;
    let last = '';
    for (;;) {
      const got = await what().catch((error: Error) => ((last = error.message), null));
      if (got !== null) return got;
      if (Date.now() > deadline) throw new Error(`${describe} ${target.describe} within ${timeout} ms${last ? `: ${last}` : ''}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    nth: (index) => makeLocator(page, nthOf(target, index)),
    first: () => makeLocator(page, nthOf(target, 0)),
    count: async () => (await target.resolveAll()).length,
    async textContent() {
      const id = await target.resolve();
      return id === null ? null : callOn<string>(page, id, '(el) => el.textContent', null);
    },
    async allTextContents() {
      return Promise.all((await target.resolveAll()).map((id) => callOn<string>(page, id, '(el) => el.textContent ?? ""', null)));
    },
    getAttribute: (name) => one<string | null>('(el, name) => el.getAttribute(name)', name),
    async accessibleName() {
      const id = await target.resolve();
      if (id === null) throw new Error(`nothing of ours matches ${target.describe}`);
      const { nodes } = (await (await tracker(page)).cdp.send('Accessibility.getPartialAXTree', { objectId: id, fetchRelatives: false })) as {
        nodes: Array<{ name?: { value?: string } }>;
      };
      return nodes[0]?.name?.value ?? '';
    },
    evaluate: (fn, arg) => one(fn.toString(), arg),
    async waitFor(options = {}) {
      const detached = options.state === 'detached';
      await poll(
        async () => ((await target.resolve()) === null) === detached || null,
        options.timeout ?? 15_000,
        detached ? 'still there:' : 'never appeared:',
      );
    },
    async click() {
      const point = await poll(
        async () => {
          const at = await one<{ x: number; y: number } | string>(hitPoint.toString());
          if (typeof at === 'string') throw new Error(at);
          return at;
        },
        10_000,
        'a user could not click',
      );
      await page.mouse.click(point.x, point.y);
    },
    focus: () => one<void>('(el) => el.focus()'),
  };
}

function nthOf(target: Target, index: number): Target {
  return {
    describe: `${target.describe} (#${index})`,
    async resolve() {
      const all = await target.resolveAll();
      return all.at(index) ?? null;
    },
    resolveAll: async () => {
      const all = await target.resolveAll();
      const picked = all.at(index);
      return picked === undefined ? [] : [picked];
    },
  };
}

/** Object IDs of the array items `expression` returns in the content script's world. */
async function objectsInWorld(page: Page, expression: string): Promise<string[]> {
  const world = await tracker(page);
  const result = (await world.cdp.send('Runtime.evaluate', { expression, contextId: await world.context(), returnByValue: false })) as EvaluateResult;
  const error = thrown(result);
  if (error) throw error;
  const arrayId = result.result.objectId;
  if (!arrayId) return [];
  const { result: props } = (await world.cdp.send('Runtime.getProperties', { objectId: arrayId, ownProperties: true })) as {
    result: Array<{ name: string; value?: { objectId?: string } }>;
  };
  return props
    .filter((p) => /^\d+$/.test(p.name) && p.value?.objectId)
    .sort((a, b) => Number(a.name) - Number(b.name))
    .map((p) => p.value?.objectId as string);
}

function cssTarget(page: Page, host: string, inner: string): Target {
  const all = () => objectsInWorld(page, `(${MATCHES})(${JSON.stringify({ host, inner })})`);
  return { describe: `${host} >> ${inner}`, resolveAll: all, resolve: async () => (await all())[0] ?? null };
}

/** Elements matching `inner` inside the root of the one host `host` (a Playwright locator: a badge found by its row's text). */
function hostLocatorTarget(page: Page, host: Locator, inner: string): Target {
  const all = async () => {
    // The host's place among the elements of its kind, as the page's DOM has it now.
    const { tag, index } = await host.evaluate((h) => ({ tag: h.localName, index: [...document.querySelectorAll(h.localName)].indexOf(h) }));
    const spec = JSON.stringify({ tag, index, inner });
    return objectsInWorld(
      page,
      `((spec) => {
      const h = document.querySelectorAll(spec.tag)[spec.index];
      const root = h && chrome.dom.openOrClosedShadowRoot(h);
      return root ? [...root.querySelectorAll(spec.inner)] : [];
    })(${spec})`,
    );
  };
  return { describe: `${host.toString()} >> ${inner}`, resolveAll: all, resolve: async () => (await all())[0] ?? null };
}

/** Elements inside the first `host` whose role and accessible name in the accessibility tree are `role` and `name`. */
function roleTarget(page: Page, host: string, role: string, name: string): Target {
  const all = async () => {
    const [hostId] = await objectsInWorld(page, `[document.querySelector(${JSON.stringify(host)})].filter(Boolean)`);
    if (!hostId) return [];
    const world = await tracker(page);
    const { nodes } = (await world.cdp.send('Accessibility.queryAXTree', { objectId: hostId, role, accessibleName: name })) as {
      nodes: Array<{ backendDOMNodeId?: number }>;
    };
    const contextId = await world.context();
    const ids: string[] = [];
    for (const node of nodes) {
      if (node.backendDOMNodeId === undefined) continue;
      const { object } = (await world.cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId, executionContextId: contextId })) as {
        object: { objectId?: string };
      };
      if (object.objectId) ids.push(object.objectId);
    }
    return ids;
  };
  return { describe: `${host} >> role=${role}[name="${name}"]`, resolveAll: all, resolve: async () => (await all())[0] ?? null };
}

export interface OurUi {
  /** Elements matching `inner` (CSS) inside the shadow roots of our hosts matching `host` (CSS, in the page). */
  locator(host: string, inner: string): OurLocator;
  /** Elements matching `inner` inside the root of the host element a Playwright locator finds. */
  inside(host: Locator, inner: string): OurLocator;
  /** Elements inside the first `host` with this role and exact accessible name (what a screen reader gets). */
  getByRole(host: string, role: string, name: string): OurLocator;
  /** Calls self-contained `fn(arg)` in the content script's world; `arg` and the result are JSON. */
  run<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Evaluates a source expression there (e.g. a library), returning its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
}

/**
 * Every badge of ours in `page`: the hosts in the page's DOM (in rows), and those in the fallback's
 * own layer, whose closed root the page's selectors (and Playwright's) do not reach.
 */
export async function countOurBadges(page: Page): Promise<number> {
  const inRows = await page.locator('funnel-lens-badge').count();
  const inLayer = (await page.locator('funnel-lens-layer').count()) === 0 ? 0 : await ourUi(page).locator('funnel-lens-layer', 'funnel-lens-badge').count();
  return inRows + inLayer;
}

export function ourUi(page: Page): OurUi {
  return {
    locator: (host, inner) => makeLocator(page, cssTarget(page, host, inner)),
    inside: (host, inner) => makeLocator(page, hostLocatorTarget(page, host, inner)),
    getByRole: (host, role, name) => makeLocator(page, roleTarget(page, host, role, name)),
    run: (fn, arg) => evaluateInWorld(page, `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`),
    evaluate: (expression) => evaluateInWorld(page, expression),
  };
}

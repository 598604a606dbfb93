/**
 * Our badges' closed shadow roots, seen from a Firefox test. The page's own world cannot open them
 * (that is the point, issue #18), and puppeteer cannot run code in our content script's sandbox,
 * where Firefox would give `element.openOrClosedShadowRoot`. WebDriver BiDi can reach them: it
 * serialises a node with its shadow root, closed ones too, when asked with
 * `serializationOptions.includeShadowTree: 'all'`, and a node's `sharedId` can be handed back as
 * an argument in the page's realm. So `exposeOurRoots(page)` hands the page, under the test's own
 * `window.__funnelLensShadow` (the interface of e2e/support/our-ui.ts), the roots of the hosts
 * present now; page-side readers (e.g. readVisibleGoogleRows) then read them as in Chromium.
 * Hosts that appear after the call read as having no root: call it again before each read.
 */
import type { Page } from 'puppeteer-core';

interface BidiNode {
  type: 'node';
  sharedId: string;
  value?: { shadowRoot?: BidiNode | null };
}

interface BidiConnection {
  send(
    method: 'script.callFunction',
    params: object,
  ): Promise<{ result: { type: string; result?: { type: string; value?: BidiNode[] }; exceptionDetails?: { text: string } } }>;
}

/** The page's half: readings from the roots BiDi handed over. */
function installReader(): void {
  type Bridge = { roots: WeakMap<Element, ShadowRoot>; read(host: Element): unknown; watch(): boolean };
  const w = window as unknown as { __funnelLensShadow?: Bridge };
  if (w.__funnelLensShadow) return;
  const roots = new WeakMap<Element, ShadowRoot>();
  w.__funnelLensShadow = {
    roots,
    read(host) {
      const root = roots.get(host);
      if (!root) return null;
      const button = root.querySelector('button');
      const text = [...root.childNodes]
        .filter((n) => n.nodeName !== 'STYLE')
        .map((n) => n.textContent)
        .join('');
      return { text, button: button && { text: button.textContent ?? '', label: button.getAttribute('aria-label') ?? '' } };
    },
    watch: () => false,
  };
}

export async function exposeOurRoots(page: Page): Promise<number> {
  await page.evaluate(installReader);
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const call = async (functionDeclaration: string, args: object[], serializationOptions?: object) => {
    const { result } = await connection.send('script.callFunction', {
      functionDeclaration,
      arguments: args,
      awaitPromise: false,
      target: { context },
      resultOwnership: 'none',
      ...(serializationOptions ? { serializationOptions } : {}),
    });
    if (result.type !== 'success') throw new Error(`BiDi script.callFunction failed: ${result.exceptionDetails?.text ?? result.type}`);
    return result.result;
  };
  const hosts = await call("() => [...document.querySelectorAll('funnel-lens-badge, funnel-lens-card, funnel-lens-summary')]", [], {
    maxDomDepth: 1,
    includeShadowTree: 'all',
  });
  const pairs = (hosts?.value ?? []).flatMap((host) =>
    host.value?.shadowRoot ? [{ sharedId: host.sharedId }, { sharedId: host.value.shadowRoot.sharedId }] : [],
  );
  if (pairs.length === 0) return 0;
  await call('(...pairs) => { for (let i = 0; i < pairs.length; i += 2) window.__funnelLensShadow.roots.set(pairs[i], pairs[i + 1]); }', pairs);
  return pairs.length / 2;
}

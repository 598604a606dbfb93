/**
 * Runs code in our content script's own world, as a compromised content script would: with its
 * `chrome.*` APIs, in the host page's origin. Playwright evaluates in the page's main world only,
 * so this goes through CDP, where Chromium announces each extension's isolated world as an
 * execution context of type `isolated`, named after the extension.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

interface ContextDescription {
  id: number;
  name: string;
  auxData?: { type?: string; frameId?: string };
}

export interface ContentWorld {
  /** Calls `fn(arg)` in the content script's world; `fn` must be self-contained, `arg` and the result JSON. */
  run<T, A = undefined>(fn: (arg: A) => Promise<T> | T, arg?: A): Promise<T>;
  close(): Promise<void>;
}

/** The isolated world of Funnel Lens in `page`'s top frame; waits until the content script has started. */
export async function contentWorld(browser: ExtensionBrowser, page: Page): Promise<ContentWorld> {
  const cdp = await browser.context.newCDPSession(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const isOurs = (c: ContextDescription) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.name === 'Funnel Lens';
  // Runtime.enable reports every existing context, then each new one, as this event.
  const contextId = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Funnel Lens has no content-script world in this page')), 10_000);
    cdp.on('Runtime.executionContextCreated', ({ context }: { context: ContextDescription }) => {
      if (!isOurs(context)) return;
      clearTimeout(timer);
      resolve(context.id);
    });
    cdp.send('Runtime.enable').catch(reject);
  });
  return {
    async run(fn, arg) {
      const result = (await cdp.send('Runtime.evaluate', {
        expression: `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`,
        contextId,
        awaitPromise: true,
        returnByValue: true,
      })) as unknown as { result: { value: never }; exceptionDetails?: { exception?: { description?: string }; text: string } };
      if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
      return result.result.value;
    },
    close: () => cdp.detach(),
  };
}

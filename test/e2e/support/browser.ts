/**
 * Launches Debian's Chromium with the freshly built extension, headless, as a user would run it.
 * No fakes here: the real service worker, the real content scripts, real IndexedDB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

import { CHROMIUM_PATH } from '../../support/ensure-chromium';

export { CHROMIUM_PATH };
/** The built extension; FL_OUT_DIR points at another build folder (see wxt.config.ts). */
export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../..', process.env.FL_OUT_DIR ?? '.output', 'chrome-mv3');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Errors seen anywhere: uncaught page errors, console errors from pages, the extension's own logs. */
  errors: string[];
  /** Opens a page and records its uncaught errors and console errors. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** UI language of the browser (the extension follows it): 'en' or 'fi'. */
  lang?: 'en' | 'fi';
  /** Load the extension (default true). The benchmark also runs without it. */
  withExtension?: boolean;
  viewport?: { width: number; height: number };
  /** Default true; the demo opens a real window when the machine has a display. */
  headless?: boolean;
  /** More Chromium switches (e.g. host-resolver rules for a test host name). */
  extraArgs?: string[];
  /** Another build of the extension than EXTENSION_DIR (test/tools/ab-scroll.ts compares two). */
  extensionDir?: string;
}

/** Console messages that are the browser's, not ours or the page's (e.g. a blocked favicon). */
const BROWSER_NOISE = [/favicon\.ico/, /net::ERR_/];

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const withExtension = options.withExtension ?? true;
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'funnel-lens-e2e-'));
  const lang = options.lang ?? 'en';
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    locale: lang === 'fi' ? 'fi-FI' : 'en-US',
    viewport: options.viewport ?? { width: 1440, height: 900 },
    args: [
      ...CHROMIUM_ARGS,
      `--lang=${lang === 'fi' ? 'fi' : 'en-US'}`,
      ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      ...(options.extraArgs ?? []),
    ],
  });
  const errors: string[] = [];

  let serviceWorker: Worker | undefined;
  let extensionId = '';
  if (withExtension) {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(serviceWorker.url()).host;
    watchWorker(serviceWorker, errors);
    context.on('serviceworker', (worker) => watchWorker(worker, errors));
  }

  const newPage = async (): Promise<Page> => {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror on ${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error' && message.type() !== 'warning') return;
      const text = message.text();
      if (BROWSER_NOISE.some((noise) => noise.test(text) && !/funnel/i.test(text))) return;
      // Warnings from anything but the extension are the host's business; errors never are acceptable.
      if (message.type() === 'warning' && !/funnel lens/i.test(text)) return;
      errors.push(`console.${message.type()} on ${page.url()}: ${text}`);
    });
    return page;
  };

  return {
    context,
    extensionId,
    get serviceWorker() {
      const current = context.serviceWorkers().find((w) => w.url().includes(extensionId));
      return current ?? (serviceWorker as Worker);
    },
    errors,
    newPage,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

function watchWorker(worker: Worker, errors: string[]): void {
  worker.on('console', (message) => {
    if (message.type() === 'error') errors.push(`service worker console.error: ${message.text()}`);
  });
}

/**
 * Stops the extension's service worker the way Chrome does when it has been idle (DevTools'
 * "Stop" button): in-memory state is gone; the next message starts a fresh worker.
 * Resolves once DevTools reports the worker stopped.
 */
export async function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  await workerStatus(browser, 'stop');
}

/** DevTools' view of the extension's worker: 'running', 'stopped', 'starting'… */
export async function serviceWorkerStatus(browser: ExtensionBrowser): Promise<string> {
  return workerStatus(browser, 'read');
}

async function workerStatus(browser: ExtensionBrowser, action: 'stop' | 'read'): Promise<string> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    const running = new Map<string, string>();
    let onUpdate = () => undefined as void;
    cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: Array<{ versionId: string; scriptURL: string; runningStatus: string }> }) => {
      for (const v of event.versions) if (v.scriptURL.includes(browser.extensionId)) running.set(v.versionId, v.runningStatus);
      onUpdate();
    });
    await cdp.send('ServiceWorker.enable');
    if (action === 'stop') await cdp.send('ServiceWorker.stopAllWorkers');
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no service worker status')), 10_000);
      onUpdate = () => {
        const statuses = [...running.values()];
        if (statuses.length === 0) return;
        if (action === 'read' || statuses.every((status) => status === 'stopped')) {
          clearTimeout(timer);
          resolve(statuses.at(-1) as string);
        }
      };
      onUpdate();
    });
  } finally {
    await page.close();
  }
}

/**
 * Reloads the unpacked extension as its developer (or an update) would, from chrome://extensions.
 * Developer mode must be on, or Chromium disables a reloaded command-line extension.
 */
export async function reloadExtension(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto('chrome://extensions/');
    await page.evaluate(async (id) => {
      const developerPrivate = (
        globalThis as unknown as {
          chrome: { developerPrivate: { updateProfileConfiguration(c: object): Promise<void>; reload(id: string, o: object): Promise<void> } };
        }
      ).chrome.developerPrivate;
      await developerPrivate.updateProfileConfiguration({ inDeveloperMode: true });
      await developerPrivate.reload(id, { failQuietly: true });
    }, browser.extensionId);
  } finally {
    await page.close();
  }
}

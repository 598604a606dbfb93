/**
 * Launches Debian's Firefox ESR with the built Firefox extension (.output/firefox-mv2), headless,
 * through puppeteer-core over WebDriver BiDi. No fakes: the real background page, content scripts
 * and popup. Replica pages are served at their real URLs by request interception.
 */
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { replicaResponder, type ReplicaSite } from '../../replicas/serve';
import { FIREFOX_PATH } from '../../support/ensure-firefox';

/** The built extension; FL_OUT_DIR points at another build folder (see wxt.config.ts). */
export const FIREFOX_EXTENSION_DIR = path.resolve(import.meta.dirname, '../../..', process.env.FL_OUT_DIR ?? '.output', 'firefox-mv2');
/** The gecko ID in wxt.config.ts. */
const EXTENSION_ID = 'funnel-lens@funnel-lens.app';
/** Firefox gives each profile a random moz-extension:// host; a pref fixes it so tests can open the popup. */
const EXTENSION_UUID = '6f1e2d3c-4b5a-4697-8899-aabbccddeeff';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
/** A host name that stands for a remote API: Firefox resolves it to 127.0.0.1 (network.dns.localDomains). */
export const REMOTE_API_HOST = 'stats.funnel-lens.test';

export interface FirefoxWithExtension {
  browser: Browser;
  /** Uncaught errors and console errors from every page opened with `newPage`. */
  errors: string[];
  newPage(): Promise<Page>;
  /** Opens popup.html, options.html… of the extension and waits until it has loaded. */
  openExtensionPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Firefox's WebDriver BiDi refuses to navigate a tab to moz-extension:// pages unless the
    // client is allowed system access; the popup and the dashboard are such pages.
    args: ['--remote-allow-system-access'],
    // The stand-in remote API serves a self-signed certificate (test/support/test-cert.ts).
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      // A real user answers a prompt when the popup asks for the API's origin; headless Firefox
      // cannot show it. With this pref false, Firefox grants what permissions.request asks for
      // without a prompt, but only origins the manifest declares as optional, so the manifest's
      // optional_permissions and the popup's request are still what is tested.
      'extensions.webextOptionalPermissionPrompts': false,
      'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }),
      'network.dns.localDomains': REMOTE_API_HOST,
      'intl.locale.requested': 'en-US',
      'intl.accept_languages': 'en-US, en',
    },
  });
  const errors: string[] = [];
  try {
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== EXTENSION_ID) throw new Error(`installed ${installed}, expected ${EXTENSION_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }

  const newPage = async (): Promise<Page> => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror on ${page.url()}: ${String(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error on ${page.url()}: ${message.text()}`);
    });
    return page;
  };

  const openExtensionPage = async (file: string): Promise<Page> => {
    const page = await newPage();
    const url = `${EXTENSION_ORIGIN}/${file}`;
    // The navigation moves the tab into the extension process, and puppeteer 24's goto() never
    // sees it finish there (it times out although the page is up). So it is not awaited; the
    // page's own URL and readiness are.
    page.goto(url, { timeout: 0 }).catch(() => undefined);
    await page.waitForFunction((expected) => location.href === expected && document.readyState === 'complete', { timeout: 15_000 }, url);
    return page;
  };

  return {
    browser,
    errors,
    newPage,
    openExtensionPage,
    close: () => browser.close(),
  };
}

/** Serves a replica at its real URLs to this page (request interception); other requests go through. */
export async function interceptReplica(page: Page, site: ReplicaSite, data: unknown): Promise<void> {
  const respond = await replicaResponder(site, data);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const answer = respond(request.url());
    if (!answer) return void request.continue();
    // no-store: each test's data must be what the page gets, never a cached earlier page.
    void request.respond({ status: answer.status, contentType: answer.contentType, headers: { 'cache-control': 'no-store' }, body: answer.body });
  });
}

/**
 * The Firefox session: the stats server as a remote HTTPS API (a host name that is not loopback,
 * so the popup must ask for its origin), Firefox with the built extension, and the rule that no
 * test may leave a page error behind.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { WorldEntity } from '../../fixtures/types';
import { makeTestCertificate } from '../../support/test-cert';
import { startStatsServer, type StatsServer } from '../../support/stats-server';
import { launchFirefoxWithExtension, REMOTE_API_HOST, type FirefoxWithExtension } from './firefox';

export interface FirefoxSession {
  server: StatsServer;
  firefox: FirefoxWithExtension;
}

/** Registers the hooks; the returned object is filled in before the first test runs. */
export function useFirefoxSession(world: WorldEntity[]): FirefoxSession {
  const session = {} as FirefoxSession;
  beforeAll(async () => {
    session.server = await startStatsServer({
      name: 'Acme CRM',
      currency: 'EUR',
      world,
      tls: makeTestCertificate(REMOTE_API_HOST),
    });
    session.firefox = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await session.firefox?.close();
    await session.server?.close();
  });
  afterEach(() => {
    expect(session.firefox.errors).toEqual([]);
  });
  return session;
}

/** The form field whose <label> reads `label`, as a user finds it (waiting for the form to render). */
export async function fieldLabelled(page: Page, label: string): Promise<string> {
  const handle = await page
    .waitForFunction(
      (text) => [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === text)?.htmlFor || false,
      { timeout: 10_000 },
      label,
    )
    .catch(() => null);
  const id = handle ? ((await handle.jsonValue()) as string) : '';
  if (!id) throw new Error(`no field labelled "${label}"`);
  return `#${id}`;
}

/** The popup's result line (role=status) once it says something other than `previous`. */
export async function popupOutcome(page: Page, previous = ''): Promise<string> {
  const handle = await page.waitForFunction(
    (before) => {
      const text = document.querySelector('form [role="status"]')?.textContent?.trim();
      return text && text !== before ? text : false;
    },
    { timeout: 15_000 },
    previous,
  );
  return (await handle.jsonValue()) as string;
}

/** Whether the extension holds the host permission for `pattern` (asked from one of its pages). */
export function hasOrigin(extensionPage: Page, pattern: string): Promise<boolean> {
  return extensionPage.evaluate(
    (origin) =>
      (globalThis as unknown as { browser: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } }).browser.permissions.contains({
        origins: [origin],
      }),
    pattern,
  );
}

/** Types URL and key into the popup and presses `button` ('Save' or 'Test connection'). */
export async function submitConnection(popup: Page, server: StatsServer, button: 'Save' | 'Test connection'): Promise<void> {
  await popup.locator(await fieldLabelled(popup, 'API URL')).fill(server.baseUrl);
  await popup.locator(await fieldLabelled(popup, 'API key')).fill(server.apiKey);
  await popup.locator(`button::-p-text(${button})`).click();
}

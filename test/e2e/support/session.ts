/**
 * The usual E2E session: a real stats server on 127.0.0.1 serving `world`, Chromium with the
 * built extension connected to it through the real popup, and the rule that no test may leave
 * a page error or an extension error behind.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { WorldEntity } from '../../fixtures/types';
import { startStatsServer, type StatsServer, type StatsServerOptions } from '../../support/stats-server';
import { launchWithExtension, type ExtensionBrowser, type LaunchOptions } from './browser';
import { connectToApi } from './popup';

export interface Session {
  server: StatsServer;
  browser: ExtensionBrowser;
}

export interface SessionOptions {
  world: WorldEntity[];
  server?: Omit<StatsServerOptions, 'world'>;
  launch?: LaunchOptions;
  /** Connect the extension to the server through the popup (default true). */
  connect?: boolean;
}

/** Registers the hooks; the returned object is filled in before the first test runs. */
export function useConnectedSession(options: SessionOptions): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.server = await startStatsServer({ name: 'Acme CRM', currency: 'EUR', ...options.server, world: options.world });
    session.browser = await launchWithExtension(options.launch);
    if (options.connect !== false) await connectToApi(session.browser, session.server.baseUrl, session.server.apiKey);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  afterEach(() => {
    // Zero page errors, zero extension errors, after every test.
    expect(session.browser.errors).toEqual([]);
  });
  return session;
}

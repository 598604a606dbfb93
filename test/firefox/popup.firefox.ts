/**
 * The popup in Firefox, from the built MV2 extension: a user connects a remote HTTPS API, Firefox
 * grants that one origin, and the popup then shows the API's numbers.
 */
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../utils/api/constants';
import { daysBeforeToday } from '../support/days';
import { makeWorld } from '../fixtures/world';
import { REMOTE_API_HOST } from './support/firefox';
import { hasOrigin, popupOutcome, submitConnection, useFirefoxSession } from './support/session';

const world = [
  ...makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: '1234567890', count: 30, seed: 41 }),
  ...makeWorld({ platform: 'google_ads', level: 'campaign', accountId: '5551234567', count: 20, seed: 42 }),
  ...makeWorld({ platform: 'linkedin_ads', level: 'campaign', accountId: '508123456', count: 12, seed: 43 }),
];
const session = useFirefoxSession(world);
const API_ORIGIN_PATTERN = `https://${REMOTE_API_HOST}/*`;

describe('popup in Firefox', () => {
  it("asks for the API origin, tests and saves the connection, then compares channels with the API's numbers", async () => {
    const { firefox, server } = session;
    const popup = await firefox.openExtensionPage('popup.html');
    // The settings load asynchronously: wait for the notice rather than read the first paint.
    await popup.waitForFunction(() => document.body.innerText.includes('Showing demo data'), { timeout: 10_000 });
    expect(await hasOrigin(popup, API_ORIGIN_PATTERN)).toBe(false);

    await submitConnection(popup, server, 'Test connection');
    const tested = await popupOutcome(popup);
    expect(tested).toBe('Connected to Acme CRM · EUR · stages Lead, MQL, SQL, Meeting, Won');
    // The popup asked for exactly the API's origin, and Firefox granted it.
    expect(await hasOrigin(popup, API_ORIGIN_PATTERN)).toBe(true);
    expect(await hasOrigin(popup, 'https://other.example/*')).toBe(false);
    const meta = server.requests.filter((r) => r.path === '/v1/meta');
    expect(meta.length).toBeGreaterThan(0);
    expect(meta.at(-1)).toMatchObject({ status: 200, headers: { authorization: `Bearer ${server.apiKey}` } });

    await popup.locator('button::-p-text(Save)').click();
    expect(await popupOutcome(popup, tested)).toContain('Saved');
    await popup.close();

    // A fresh popup: no demo notice, and the channel table holds the server's sums for the last 90 days.
    const reopened = await firefox.openExtensionPage('popup.html');
    const range = daysBeforeToday(90);
    for (const platform of PLATFORMS) {
      const rows = server.expectedRows({ platform, level: 'campaign', from: range.from, to: range.to });
      const sum = (k: 'leads' | 'mql' | 'won') => rows.reduce((n, r) => n + r[k], 0);
      const cells = await reopened.waitForFunction(
        (p) => {
          const texts = [...document.querySelectorAll(`tr[data-platform="${p}"] td`)].map((td) => td.textContent ?? '');
          return texts.length >= 3 ? texts : false;
        },
        { timeout: 15_000 },
        platform,
      );
      const texts = (await cells.jsonValue()) as string[];
      expect(texts.slice(0, 3)).toEqual([sum('leads'), sum('mql'), sum('won')].map((n) => n.toLocaleString('en-US')));
    }
    expect(await reopened.evaluate(() => document.body.innerText)).not.toContain('Showing demo data');
    await reopened.close();
  });
});

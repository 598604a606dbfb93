/** Where the API URL and key are kept: never in storage.local, which content scripts can read and write. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readConnection, resetConnectionMigrationForTests, writeConnection } from '../../../utils/background/connection';
import { readSettings } from '../../../utils/settings/settings';

const SECRET = 'sk_live_kept-out-of-storage-local';

beforeEach(async () => {
  await writeConnection(null);
  // Each test starts as a freshly started worker would: the one-time move has not run yet.
  resetConnectionMigrationForTests();
});

describe('the connection store', () => {
  it('keeps URL and key out of storage.local and storage.sync', async () => {
    await writeConnection({ baseUrl: 'https://stats.example.com', apiKey: SECRET });
    expect(await readConnection()).toEqual({ baseUrl: 'https://stats.example.com', apiKey: SECRET });
    const everything = JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.sync.get(null)]);
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain('stats.example.com');
    await writeConnection(null);
    expect(await readConnection()).toBeNull();
  });

  it('moves a connection saved by an earlier version out of storage.local, keeping the other settings', async () => {
    await fakeBrowser.storage.local.set({
      apiKey: SECRET,
      settings: {
        apiBaseUrl: 'https://stats.example.com/funnel-lens',
        minMql: 25,
        cacheTtlMinutes: 15,
        compareRule: 'interval',
        enabledPlatforms: { google_ads: true, meta_ads: false, linkedin_ads: true },
      },
    });
    expect(await readConnection()).toEqual({ baseUrl: 'https://stats.example.com/funnel-lens', apiKey: SECRET });
    const local = await fakeBrowser.storage.local.get(null);
    expect(JSON.stringify(local)).not.toContain(SECRET);
    expect(JSON.stringify(local)).not.toContain('stats.example.com');
    expect(await readSettings()).toMatchObject({ minMql: 25, enabledPlatforms: { meta_ads: false } });
  });

  it('does not move a legacy URL that is not a valid API URL', async () => {
    await fakeBrowser.storage.local.set({ apiKey: SECRET, settings: { apiBaseUrl: 'http://remote.example.com' } });
    expect(await readConnection()).toBeNull();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(SECRET);
  });
});

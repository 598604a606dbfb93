/** Stored settings are repaired field by field: one bad value never resets the others. */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, readSettings } from '../../../utils/settings/settings';

describe('readSettings', () => {
  it('keeps every valid field and defaults only the broken ones', async () => {
    await fakeBrowser.storage.local.set({
      settings: { cacheTtlMinutes: 60, minMql: 'twenty', compareRule: 'non-overlap', dataSource: 'spreadsheet', enabledPlatforms: { meta_ads: false, google_ads: 'yes' } },
    });
    expect(await readSettings()).toEqual({
      cacheTtlMinutes: 60,
      minMql: DEFAULT_SETTINGS.minMql,
      compareRule: 'non-overlap',
      dataSource: 'api',
      enabledPlatforms: { google_ads: true, meta_ads: false, linkedin_ads: true },
    });
  });

  it('keeps the platform switches when another platform is missing from them', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, minMql: 30, enabledPlatforms: { linkedin_ads: false } } });
    expect(await readSettings()).toMatchObject({ minMql: 30, enabledPlatforms: { google_ads: true, meta_ads: true, linkedin_ads: false } });
  });

  it('falls back to the defaults for stored garbage', async () => {
    for (const garbage of [null, 'settings', 42, [1, 2]]) {
      await fakeBrowser.storage.local.set({ settings: garbage });
      expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    }
  });
});

/** Stored settings are repaired field by field: one bad value never resets the others. */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, readSettings, settingsItem, updateSettings } from '../../../utils/settings/settings';

describe('readSettings', () => {
  it('keeps every valid field and defaults only the broken ones', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        cacheTtlMinutes: 60,
        minMql: 'twenty',
        compareRule: 'non-overlap',
        dataSource: 'spreadsheet',
        enabledPlatforms: { meta_ads: false, google_ads: 'yes' },
      },
    });
    expect(await readSettings()).toEqual({
      cacheTtlMinutes: 60,
      minMql: DEFAULT_SETTINGS.minMql,
      compareRule: 'non-overlap',
      dataSource: 'api',
      enabledPlatforms: { google_ads: true, meta_ads: false, linkedin_ads: true },
      targets: { channels: {}, campaigns: [] },
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

describe('settings version 2: targets', () => {
  it('migrates version 1 settings by adding empty targets and keeping every other field', async () => {
    const v1 = {
      cacheTtlMinutes: 60,
      minMql: 25,
      compareRule: 'non-overlap',
      dataSource: 'import',
      enabledPlatforms: { google_ads: true, meta_ads: false, linkedin_ads: true },
    };
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });
    await settingsItem.migrate();
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings).toEqual({ ...v1, targets: { channels: {}, campaigns: [] } });
    expect(stored.settings$).toEqual({ v: 2 });
  });

  it('keeps saved targets and drops a broken one without touching the others', async () => {
    const targets = { channels: { meta_ads: { mqlToWon: 0.1, costPerWon: 1500 } }, campaigns: [{ platform: 'google_ads', campaign: 'Brand', roas: 4 }] };
    await updateSettings({ targets: targets as never });
    expect((await readSettings()).targets).toEqual(targets);
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, minMql: 30, targets: { channels: { meta_ads: { mqlToWon: 10 } }, campaigns: [] } },
    });
    expect(await readSettings()).toMatchObject({ minMql: 30, targets: { channels: {}, campaigns: [] } });
  });

  it('refuses a target share above 100% or a campaign target without a campaign', async () => {
    await expect(updateSettings({ targets: { channels: { meta_ads: { mqlToWon: 1.5 } }, campaigns: [] } })).rejects.toThrow();
    await expect(updateSettings({ targets: { channels: {}, campaigns: [{ platform: 'meta_ads', campaign: '  ', mqlToWon: 0.1 }] } })).rejects.toThrow();
  });
});

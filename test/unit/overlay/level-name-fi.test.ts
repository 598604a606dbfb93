/**
 * The level's name in the summary: the page's own word when it shows one, else the user's
 * language's (issue 21: Finnish users read "mainossarjat", not "Ad sets").
 */
import { describe, expect, it } from 'vitest';
import { useUiLanguage } from '../setup';

useUiLanguage('fi');
const { levelName } = await import('../../../utils/overlay/summary-panel');

describe('levelName (Finnish UI)', () => {
  it('uses the page label when there is one, lower-cased as it reads in a sentence', () => {
    expect(levelName({ platform: 'meta_ads', level: 'ad_group', levelLabel: 'Mainossarjat' })).toBe('mainossarjat');
  });

  it('names the level in Finnish, per platform, when the page shows no label', () => {
    expect(levelName({ platform: 'meta_ads', level: 'ad_group', levelLabel: null })).toBe('mainossarjat');
    expect(levelName({ platform: 'google_ads', level: 'ad_group', levelLabel: null })).toBe('mainosryhmät');
    expect(levelName({ platform: 'linkedin_ads', level: 'campaign', levelLabel: null })).toBe('kampanjat');
    expect(levelName({ platform: 'google_ads', level: 'ad', levelLabel: null })).toBe('mainokset');
  });
});

/** The campaign key everything on the overlay is kept by, and the campaigns seen on a page context. */
import { describe, expect, it } from 'vitest';
import { campaignKey, createSeenCampaigns } from '../../../utils/overlay/seen-row';

describe('campaignKey', () => {
  it('keys by the platform ID when the row shows one, else by the trimmed name', () => {
    expect(campaignKey({ id: '120210942987570608', name: 'Spring Sale' })).toBe('id:120210942987570608');
    expect(campaignKey({ id: null, name: '  Spring Sale ' })).toBe('name:Spring Sale');
    expect(campaignKey({ id: '', name: 'Spring Sale' })).toBe('name:Spring Sale');
  });
});

describe('createSeenCampaigns', () => {
  it('notes a campaign once, bumping the version only for one not seen before, and forgets them all on clear', () => {
    const seen = createSeenCampaigns();
    expect(seen.note('id:1', { id: '1', name: 'Spring Sale' })).toBe(true);
    const afterFirst = seen.version;
    // The same campaign in another (recycled) row node: nothing new.
    expect(seen.note('id:1', { id: '1', name: 'Spring Sale (renamed on screen)' })).toBe(false);
    expect(seen.version).toBe(afterFirst);
    expect(seen.rows.get('id:1')).toEqual({ key: 'id:1', id: '1', name: 'Spring Sale' });
    seen.clear();
    expect(seen.rows.size).toBe(0);
    expect(seen.version).toBeGreaterThan(afterFirst);
    expect(seen.note('id:1', { id: '1', name: 'Spring Sale' })).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { googleContext, googleLevelFromUrl, idFromHref, parseCustomerId, plainQueryParam } from '../../../utils/adapters/google-context';

const TODAY = new Date(2026, 10, 23, 12, 0);
const url = (s: string) => new URL(s);

describe('googleLevelFromUrl', () => {
  it.each([
    ['https://ads.google.com/aw/campaigns?ocid=123456789', 'campaign'],
    ['https://ads.google.com/aw/campaigns/?ocid=123456789&workspaceId=0&euid=1&__u=2&uscid=3&__c=4&authuser=0', 'campaign'],
    ['https://ads.google.com/aw/adgroups?campaignId=12345678901&ocid=123456789', 'ad_group'],
    ['https://ads.google.com/aw/adgroups?ocid=123456789', 'ad_group'],
    ['https://ads.google.com/aw/ads?campaignId=12345678901&ocid=123456789', 'ad'],
  ])('%s → %s', (href, level) => {
    expect(googleLevelFromUrl(url(href))).toBe(level);
  });

  it.each([
    'https://ads.google.com/aw/overview?ocid=123456789',
    'https://ads.google.com/aw/campaigns/new?ocid=123456789',
    'https://ads.google.com/aw/settings/account?ocid=123456789',
    'https://ads.google.com/aw/keywords?ocid=123456789',
    'https://ads.google.com/aw/adgroupsx',
    'https://ads.google.com/campaigns',
    'https://ads.google.com.evil.example/aw/campaigns',
  ])('not a list page: %s', (href) => {
    expect(googleLevelFromUrl(url(href))).toBeNull();
  });
});

describe('parseCustomerId', () => {
  it('reads the picker text as digits', () => {
    expect(parseCustomerId('Funnel Lens QA 123-456-7890')).toBe('1234567890');
    expect(parseCustomerId('Acme Oy\n555-123-4567\narrow_drop_down')).toBe('5551234567');
    expect(parseCustomerId('Acme 555\u00a0123\u00a04567')).toBe('5551234567');
    expect(parseCustomerId('Acme 555\u2011123\u20114567')).toBe('5551234567');
  });

  it('gives null without an ID, for other digit groups, and for two different IDs', () => {
    expect(parseCustomerId('Funnel Lens QA')).toBeNull();
    expect(parseCustomerId('')).toBeNull();
    // ocid-like internal IDs and phone-like longer numbers are not customer IDs.
    expect(parseCustomerId('ocid 123456789')).toBeNull();
    expect(parseCustomerId('1234-456-7890')).toBeNull();
    expect(parseCustomerId('123-456-78901')).toBeNull();
    // A manager account and a client account: which one the table shows is not certain.
    expect(parseCustomerId('Manager 111-222-3333 › Client 123-456-7890')).toBeNull();
    // The same ID twice is one ID.
    expect(parseCustomerId('123-456-7890 (123-456-7890)')).toBe('1234567890');
  });
});

describe('idFromHref', () => {
  const adGroupLink = '/aw/ads?campaignId=12345678901&adGroupId=98765432109&ocid=123456789';
  it('reads the level’s own parameter: an ad group link also names its campaign', () => {
    expect(idFromHref('/aw/adgroups?campaignId=12345678901&ocid=123456789', 'campaign')).toBe('12345678901');
    expect(idFromHref(adGroupLink, 'ad_group')).toBe('98765432109');
    expect(idFromHref(adGroupLink, 'campaign')).toBe('12345678901');
    expect(idFromHref('/aw/adgroups?campaignId=12345678901', 'ad_group')).toBeNull();
    expect(idFromHref('https://ads.google.com/aw/adgroups?campaignId=1234x', 'campaign')).toBeNull();
    expect(idFromHref('/aw/campaigns?ocid=123456789', 'campaign')).toBeNull();
  });

  it('reads a plain query as URLSearchParams does (property), and leaves escapes to the URL parser', () => {
    const piece = fc.stringMatching(/^[a-zA-Z0-9=&?#%+ \t\n._-]{0,12}$/);
    const href = fc
      .tuple(
        fc.constantFrom('/aw/adgroups', 'https://ads.google.com/aw/ads', '', 'x'),
        fc.array(fc.oneof(piece, fc.constantFrom('campaignId=', 'campaignId=42', '&adGroupId=7')), { maxLength: 6 }),
      )
      .map(([path, parts]) => `${path}?${parts.join('')}`);
    fc.assert(
      fc.property(href, fc.constantFrom('campaignId', 'adGroupId'), (h, name) => {
        const fast = plainQueryParam(h, name);
        if (fast !== undefined) expect(fast).toBe(new URL(h, 'https://ads.google.com/').searchParams.get(name));
      }),
      { numRuns: 2000 },
    );
    expect(plainQueryParam('/aw/ads?campaignId=1%32', 'campaignId')).toBeUndefined();
    expect(idFromHref('/aw/ads?campaignId=1%32', 'campaign')).toBe('12');
    expect(plainQueryParam('/aw/ads#x?campaignId=1', 'campaignId')).toBeNull();
  });

  it('gives the same answers when asked again, in any order of levels (links are remembered per level)', () => {
    for (let round = 0; round < 2; round++) {
      expect(idFromHref(adGroupLink, 'campaign')).toBe('12345678901');
      expect(idFromHref(adGroupLink, 'ad_group')).toBe('98765432109');
      expect(idFromHref(adGroupLink, 'ad')).toBeNull();
      expect(idFromHref('http://[bad', 'campaign')).toBeNull();
      expect(idFromHref('?campaignId=555', 'campaign', 'https://ads.google.com/aw/campaigns')).toBe('555');
    }
  });
});

describe('googleContext', () => {
  const base = { accountText: 'Acme Oy 123-456-7890', rangeLabels: ['Oct 1 – 31, 2026'], levelLabel: 'Campaigns' };

  it('builds the request context from the URL, the picker and the label', () => {
    expect(googleContext(url('https://ads.google.com/aw/campaigns?ocid=987654321'), base, TODAY)).toEqual({
      platform: 'google_ads',
      level: 'campaign',
      levelLabel: 'Campaigns',
      accountId: '1234567890',
      range: { from: '2026-10-01', to: '2026-10-31' },
      rangeAssumed: false,
      // Google keeps the range in UI state: it was read from the date button's label.
      rangeSource: 'label',
    });
  });

  it('never takes the ocid for the customer ID', () => {
    const ctx = googleContext(url('https://ads.google.com/aw/campaigns?ocid=1234567890'), { ...base, accountText: 'Acme Oy' }, TODAY);
    expect(ctx?.accountId).toBeNull();
    expect(googleContext(url('https://ads.google.com/aw/campaigns?ocid=1234567890'), { ...base, accountText: null }, TODAY)?.accountId).toBeNull();
  });

  it('takes the first label that parses, and assumes the last 30 days when none does', () => {
    const two = googleContext(url('https://ads.google.com/aw/adgroups?campaignId=1'), { ...base, rangeLabels: ['Custom', '1.–31.10.2026'] }, TODAY);
    expect(two?.range).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(two?.level).toBe('ad_group');
    expect(two?.levelLabel).toBe('Campaigns');
    const none = googleContext(url('https://ads.google.com/aw/adgroups'), { ...base, rangeLabels: ['Compare'], levelLabel: null }, TODAY);
    expect(none).toMatchObject({ range: { from: '2026-10-24', to: '2026-11-22' }, rangeAssumed: true });
    expect(none).not.toHaveProperty('rangeSource');
  });

  it('gives no level label when the grid names none: the UI names the level in its own language', () => {
    const unnamed = googleContext(url('https://ads.google.com/aw/adgroups'), { ...base, levelLabel: '' }, TODAY);
    expect(unnamed?.levelLabel).toBeNull();
    const none = googleContext(url('https://ads.google.com/aw/adgroups'), { ...base, levelLabel: null }, TODAY);
    expect(none?.levelLabel).toBeNull();
  });

  it('is null off the list pages', () => {
    expect(googleContext(url('https://ads.google.com/aw/overview?ocid=1'), base, TODAY)).toBeNull();
  });
});

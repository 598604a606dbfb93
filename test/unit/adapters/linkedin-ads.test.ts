/** The LinkedIn adapter's pure parts: URLs → level and account, row links → IDs, headers, dates. */
import { describe, expect, it } from 'vitest';
import { LINKEDIN_MATCHES, isSpendHeader, readLinkedInRange } from '../../../utils/adapters/linkedin-ads';
import { cleanLevelLabel, entityIdFromHref, pickLevelLabel, readLinkedInUrl } from '../../../utils/adapters/linkedin-links';
import { parseInputDate } from '../../../utils/adapters/shared/context';

const ACCT = '508123456';
const base = `https://www.linkedin.com/campaignmanager/accounts/${ACCT}`;
const url = (s: string) => new URL(s);

describe('readLinkedInUrl', () => {
  it('maps the URL names to levels: campaign groups → campaign, campaigns → ad_group, creatives → ad', () => {
    expect(readLinkedInUrl(url(`${base}/campaign-groups`))).toEqual({ level: 'campaign', accountId: ACCT, segment: 'campaign-groups' });
    expect(readLinkedInUrl(url(`${base}/campaigns`))).toEqual({ level: 'ad_group', accountId: ACCT, segment: 'campaigns' });
    expect(readLinkedInUrl(url(`${base}/creatives`))).toEqual({ level: 'ad', accountId: ACCT, segment: 'creatives' });
  });

  it("keeps the level with filters, trailing slashes and a campaign's own creatives", () => {
    expect(readLinkedInUrl(url(`${base}/campaigns?campaignGroupIds=%5B612345678%5D`))?.level).toBe('ad_group');
    expect(readLinkedInUrl(url(`${base}/campaign-groups/`))?.level).toBe('campaign');
    expect(readLinkedInUrl(url(`${base}/campaigns/368397536/creatives`))).toEqual({ level: 'ad', accountId: ACCT, segment: 'creatives' });
  });

  it('is null on pages that are not lists and on other sites', () => {
    for (const other of [
      base,
      `${base}/campaigns/368397536/details`,
      `${base}/campaigns/368397536`,
      `${base}/creatives/123456789`,
      `${base}/campaign-groups/612345678`,
      `${base}/billing`,
      'https://www.linkedin.com/campaignmanager/',
      'https://www.linkedin.com/feed/',
      `https://evil.example/campaignmanager/accounts/${ACCT}/campaigns`,
      'https://www.linkedin.com/campaignmanager/accounts/abc/campaigns',
    ]) {
      expect(readLinkedInUrl(url(other)), other).toBeNull();
    }
  });

  it('matches only Campaign Manager', () => {
    expect(LINKEDIN_MATCHES).toEqual(['https://www.linkedin.com/campaignmanager/*']);
  });
});

describe('entityIdFromHref', () => {
  it("takes the ID of the row's own entity type only", () => {
    expect(entityIdFromHref(`/campaignmanager/accounts/${ACCT}/campaign-groups/612345678`, 'campaign', ACCT)).toBe('612345678');
    expect(entityIdFromHref(`/campaignmanager/accounts/${ACCT}/campaigns/368397536`, 'ad_group', ACCT)).toBe('368397536');
    expect(entityIdFromHref(`/campaignmanager/accounts/${ACCT}/campaigns/368397536/details`, 'ad_group', ACCT)).toBe('368397536');
    expect(entityIdFromHref(`${base}/creatives/123456789`, 'ad', ACCT)).toBe('123456789');
    // The parent column's link in an ad-set row points at a campaign group: not the row's ID.
    expect(entityIdFromHref(`/campaignmanager/accounts/${ACCT}/campaign-groups/612345678`, 'ad_group', ACCT)).toBeNull();
    expect(entityIdFromHref(`/campaignmanager/accounts/${ACCT}/campaigns/368397536/creatives`, 'ad', ACCT)).toBeNull();
  });

  it('reads a drill-down list filtered to exactly one entity', () => {
    expect(entityIdFromHref(`/campaignmanager/accounts/${ACCT}/campaigns?campaignGroupIds=%5B612345678%5D`, 'campaign', ACCT)).toBe('612345678');
    expect(
      entityIdFromHref(`/campaignmanager/accounts/${ACCT}/campaigns?campaignGroupIds=List(urn%3Ali%3AsponsoredCampaignGroup%3A612345678)`, 'campaign', ACCT),
    ).toBe('612345678');
    expect(entityIdFromHref(`/campaignmanager/accounts/${ACCT}/campaigns?campaignGroupIds=%5B1,2%5D`, 'campaign', ACCT)).toBeNull();
    expect(entityIdFromHref(`/campaignmanager/accounts/${ACCT}/campaigns?campaignGroupIds=%5B612345678%5D`, 'ad_group', ACCT)).toBeNull();
  });

  it('refuses other accounts, other paths and junk', () => {
    expect(entityIdFromHref('/campaignmanager/accounts/999/campaign-groups/612345678', 'campaign', ACCT)).toBeNull();
    expect(entityIdFromHref('/campaignmanager/accounts/999/campaign-groups/612345678', 'campaign', null)).toBe('612345678');
    expect(entityIdFromHref(`/campaignmanager/accounts/${ACCT}/campaign-groups/new`, 'campaign', ACCT)).toBeNull();
    expect(entityIdFromHref('/feed/update/urn:li:activity:1', 'campaign', ACCT)).toBeNull();
    expect(entityIdFromHref('http://[bad', 'campaign', ACCT)).toBeNull();
  });
});

describe('isSpendHeader', () => {
  it('finds "Spent" in English and Finnish, whatever else the header cell holds', () => {
    expect(isSpendHeader(['Spent'])).toBe(true);
    expect(isSpendHeader(['  spent\n '])).toBe(true);
    expect(isSpendHeader(['Käytetty'])).toBe(true);
    expect(isSpendHeader(['SpentClick to sort by Spent', 'Spent', 'Click to sort by Spent'])).toBe(true);
  });

  it('does not take other columns for it', () => {
    for (const text of ['Impressions', 'Cost per lead', 'Average CPC', 'Budget', 'Total budget', 'Click to sort by Spent', 'Spent today?']) {
      expect(isSpendHeader([text]), text).toBe(false);
    }
  });
});

describe('dates', () => {
  const today = new Date(2026, 10, 23);

  it("parses the inputs' values: US order in English, day first in Finnish, ISO", () => {
    expect(parseInputDate('08/01/2026')).toBe('2026-08-01');
    expect(parseInputDate('8/1/2026')).toBe('2026-08-01');
    expect(parseInputDate('1.8.2026')).toBe('2026-08-01');
    expect(parseInputDate('2026-08-01')).toBe('2026-08-01');
    expect(parseInputDate('02/30/2026')).toBeNull();
    expect(parseInputDate('13/01/2026')).toBeNull();
    expect(parseInputDate('Aug 1')).toBeNull();
  });

  it('prefers the applied label over inputs that may hold an unapplied edit', () => {
    expect(readLinkedInRange({ label: 'Aug 1, 2026 – Aug 30, 2026', start: '09/01/2026', end: '09/30/2026' }, today)).toEqual({
      from: '2026-08-01',
      to: '2026-08-30',
    });
    expect(readLinkedInRange({ label: '1.9.2026 – 30.9.2026', start: null, end: null }, today)).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(readLinkedInRange({ label: '\n  Oct 1 – 31, 2026 \n', start: null, end: null }, today)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('falls back to the inputs, and to nothing when neither reads', () => {
    expect(readLinkedInRange({ label: 'Custom', start: '10/01/2026', end: '10/31/2026' }, today)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(readLinkedInRange({ label: 'Custom', start: '10/31/2026', end: '10/01/2026' }, today)).toBeNull();
    expect(readLinkedInRange({ label: 'Custom', start: '', end: '' }, today)).toBeNull();
    expect(readLinkedInRange({ label: null, start: null, end: null }, today)).toBeNull();
  });
});

describe('cleanLevelLabel', () => {
  it("keeps the page's own name for the level, without counts", () => {
    expect(cleanLevelLabel('Campaign groups (120)')).toBe('Campaign groups');
    expect(cleanLevelLabel('\n Ad sets\n (1,360) ')).toBe('Ad sets');
    expect(cleanLevelLabel('Kampanjat')).toBe('Kampanjat');
  });
});

describe('pickLevelLabel', () => {
  const path = (segment: string) => `/campaignmanager/accounts/${ACCT}/${segment}`;

  it('takes the label the page gives this level, old or new naming', () => {
    const newNaming = [
      { path: path('campaign-groups'), text: 'Campaigns (12)', current: false },
      { path: path('campaigns'), text: 'Ad sets (36)', current: true },
      { path: path('creatives'), text: 'Ads (72)', current: false },
    ];
    expect(pickLevelLabel(newNaming, ACCT, 'campaigns')).toBe('Ad sets');
    expect(pickLevelLabel(newNaming, ACCT, 'campaign-groups')).toBe('Campaigns');
    const oldNaming = [
      { path: path('campaign-groups'), text: 'Campaign groups', current: false },
      { path: path('campaigns'), text: 'Campaigns', current: true },
    ];
    expect(pickLevelLabel(oldNaming, ACCT, 'campaigns')).toBe('Campaigns');
    expect(pickLevelLabel(oldNaming, ACCT, 'campaign-groups')).toBe('Campaign groups');
  });

  it('prefers the current tab over a breadcrumb to the same list, and ignores other accounts', () => {
    const links = [
      { path: path('campaign-groups'), text: 'All campaign groups', current: false },
      { path: `/campaignmanager/accounts/999/campaign-groups`, text: 'Other', current: true },
      { path: path('campaign-groups') + '/', text: 'Campaign groups (4)', current: true },
    ];
    expect(pickLevelLabel(links, ACCT, 'campaign-groups')).toBe('Campaign groups');
    expect(pickLevelLabel([], ACCT, 'campaign-groups')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { LEVELS, PLATFORMS, parseFunnelResponse } from '../../../utils/api/schema';
import type { FunnelQuery } from '../../../utils/api/schema';
import type { Platform } from '../../../utils/api/constants';
import { DEMO_ACCOUNTS, DEMO_META, demoEntities, demoFunnel } from '../../../utils/demo/dataset';
import type { DemoEntity } from '../../../utils/demo/dataset';

const AS_OF = new Date('2026-11-22T08:00:00Z');
const ID_PATTERNS: Record<Platform, RegExp> = {
  meta_ads: /^1202\d{14}$/,
  google_ads: /^\d{11}$/,
  linkedin_ads: /^\d{9}$/,
};

function query(platform: Platform, overrides: Partial<FunnelQuery> = {}): FunnelQuery {
  return { platform, level: 'campaign', account_id: DEMO_ACCOUNTS[platform], from: '2026-10-01', to: '2026-10-30', ...overrides };
}

/** Pooled 30-day totals of a platform's campaigns. */
function totals(platform: Platform) {
  const campaigns = demoEntities(platform, 'campaign');
  const sum = (pick: (entity: DemoEntity) => number) => campaigns.reduce((total, entity) => total + pick(entity), 0);
  const leads = sum((e) => e.funnel.leads);
  const mql = sum((e) => e.funnel.mql);
  const won = sum((e) => e.funnel.won);
  return {
    leads,
    mqlToWon: won / mql,
    averageDeal: sum((e) => e.funnel.revenue) / won,
    costPerLead: sum((e) => e.spend) / leads,
  };
}

describe('DEMO_META', () => {
  it("names the demo CRM and its currency (its stage labels are the UI language's own)", () => {
    expect(DEMO_META).toEqual({ name: 'Demo CRM', currency: 'EUR' });
  });
});

describe('demoEntities', () => {
  it('is the same on every call', () => {
    for (const platform of PLATFORMS) {
      expect(demoEntities(platform, 'ad')).toEqual(demoEntities(platform, 'ad'));
    }
  });

  it.each(PLATFORMS)('%s: 12–20 campaigns, 3 ad groups each, 2 ads per ad group, all in the demo account', (platform) => {
    const campaigns = demoEntities(platform, 'campaign');
    const adGroups = demoEntities(platform, 'ad_group');
    const ads = demoEntities(platform, 'ad');
    expect(campaigns.length).toBeGreaterThanOrEqual(12);
    expect(campaigns.length).toBeLessThanOrEqual(20);
    for (const campaign of campaigns) {
      const children = adGroups.filter((adGroup) => adGroup.parentId === campaign.id);
      expect(children).toHaveLength(3);
      for (const adGroup of children) expect(ads.filter((ad) => ad.parentId === adGroup.id)).toHaveLength(2);
    }
    expect(campaigns.every((campaign) => campaign.parentId === undefined)).toBe(true);
    expect(new Set([...campaigns, ...adGroups, ...ads].map((entity) => entity.accountId))).toEqual(new Set([DEMO_ACCOUNTS[platform]]));
  });

  it.each(PLATFORMS)('%s: unique IDs of the platform’s shape and unique names per level', (platform) => {
    const all = LEVELS.flatMap((level) => demoEntities(platform, level));
    expect(all.every((entity) => ID_PATTERNS[platform].test(entity.id))).toBe(true);
    expect(new Set(all.map((entity) => entity.id)).size).toBe(all.length);
    for (const level of LEVELS) {
      const names = demoEntities(platform, level).map((entity) => entity.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it.each(PLATFORMS)('%s: a parent is exactly the sum of its children', (platform) => {
    const pairs = [
      [demoEntities(platform, 'campaign'), demoEntities(platform, 'ad_group')],
      [demoEntities(platform, 'ad_group'), demoEntities(platform, 'ad')],
    ] as const;
    for (const [parents, children] of pairs) {
      for (const parent of parents) {
        const mine = children.filter((child) => child.parentId === parent.id);
        for (const field of ['leads', 'mql', 'sql', 'meetings', 'won', 'lost', 'revenue'] as const) {
          expect(parent.funnel[field]).toBe(mine.reduce((total, child) => total + child.funnel[field], 0));
        }
        expect(parent.spend).toBeCloseTo(
          mine.reduce((total, child) => total + child.spend, 0),
          2,
        );
      }
    }
  });

  it('has realistic names: Finnish or Swedish letters and the usual separators', () => {
    const names = PLATFORMS.flatMap((platform) => demoEntities(platform, 'campaign').map((entity) => entity.name));
    expect(names.some((name) => /[äöå]/i.test(name))).toBe(true);
    for (const separator of [' | ', '_', ' - ']) expect(names.some((name) => name.includes(separator))).toBe(true);
  });
});

describe('the demo story', () => {
  const meta = totals('meta_ads');
  const google = totals('google_ads');
  const linkedin = totals('linkedin_ads');

  it('Meta brings the most leads', () => {
    expect(meta.leads).toBeGreaterThan(2 * google.leads);
    expect(meta.leads).toBeGreaterThan(2 * linkedin.leads);
  });

  it('Google Ads wins about three times as often from MQL as Meta', () => {
    expect(google.mqlToWon / meta.mqlToWon).toBeGreaterThan(2.4);
    expect(google.mqlToWon / meta.mqlToWon).toBeLessThan(3.6);
  });

  it('LinkedIn has the largest deals and the highest cost per lead', () => {
    expect(linkedin.averageDeal).toBeGreaterThan(2 * Math.max(meta.averageDeal, google.averageDeal));
    expect(linkedin.costPerLead).toBeGreaterThan(2 * Math.max(meta.costPerLead, google.costPerLead));
  });
});

describe('demoFunnel', () => {
  it.each(PLATFORMS.flatMap((platform) => LEVELS.map((level) => [platform, level] as const)))(
    '%s %s survives the contract’s own validation untouched',
    (platform, level) => {
      const answer = demoFunnel(query(platform, { level }), AS_OF);
      const body = JSON.parse(JSON.stringify({ currency: answer.currency, as_of: answer.asOf, rows: answer.rows }));
      expect(parseFunnelResponse(body)).toEqual(answer);
      expect(answer.problems).toEqual([]);
      expect(answer.rows.length).toBe(demoEntities(platform, level).length);
    },
  );

  it('gives the stored 30-day numbers for a 30-day range and smaller ones for a week', () => {
    const month = demoFunnel(query('meta_ads'), AS_OF);
    const week = demoFunnel(query('meta_ads', { to: '2026-10-07' }), AS_OF);
    const [first] = demoEntities('meta_ads', 'campaign');
    expect(month.rows[0]).toMatchObject({ id: first?.id, name: first?.name, leads: first?.funnel.leads, spend: first?.spend });
    expect(week.rows[0]?.leads).toBe(Math.round(((first?.funnel.leads ?? 0) * 7) / 30));
  });

  it('answers with no rows for another account, and with all for no account', () => {
    expect(demoFunnel(query('google_ads', { account_id: '1234567890' }), AS_OF).rows).toEqual([]);
    expect(demoFunnel(query('google_ads', { account_id: undefined }), AS_OF).rows).toHaveLength(demoEntities('google_ads', 'campaign').length);
  });

  it('reports as_of and currency', () => {
    expect(demoFunnel(query('linkedin_ads'), AS_OF)).toMatchObject({ currency: 'EUR', asOf: '2026-11-22T08:00:00.000Z' });
  });
});

/**
 * The built-in demo source: a small, fixed B2B world generated from seeds, so the extension can be
 * tried without a CRM. Story told by the numbers:
 *  - Meta brings the most leads, but few get past MQL;
 *  - Google Ads brings fewer leads that win about three times as often (MQL→Won);
 *  - LinkedIn costs the most per lead and brings the largest deals.
 * Pure code only: this module ships in the extension.
 */
import type { FunnelQuery, Level, MetaResponse, ParsedFunnel } from '../api/schema';
import type { Platform } from '../api/constants';
import { createIdFactory, createNameFactory } from './naming';
import { createRandom } from './random';
import type { Random } from './random';
import { inclusiveDays, scaledRow } from './scale';
import type { FunnelCounts } from './scale';

/** The demo ad accounts, as the platforms show them in their URLs. */
export const DEMO_ACCOUNTS: Record<Platform, string> = {
  meta_ads: '1234567890',
  google_ads: '5551234567',
  linkedin_ads: '508123456',
};

/** The demo CRM. Its stage labels are ours (ownStages in utils/i18n/stages), in the UI language. */
export const DEMO_META: Pick<MetaResponse, 'name' | 'currency'> = {
  name: 'Demo CRM',
  currency: 'EUR',
};

export interface DemoEntity {
  id: string;
  name: string;
  accountId: string;
  /** The campaign of an ad group, the ad group of an ad. */
  parentId?: string;
  spend: number;
  /** Over the last 30 days; see ./scale for other ranges. */
  funnel: FunnelCounts;
}

type Range = readonly [min: number, max: number];

interface PlatformProfile {
  seed: number;
  campaigns: number;
  /** 30-day leads of one ad, before the campaign's size factor. */
  leadsPerAd: Range;
  /** Share of the previous stage that reaches each stage. */
  rates: { mql: number; sql: number; meeting: number; won: number };
  /** Share of the not-won leads that are closed as lost. */
  lostShare: number;
  costPerLead: Range;
  dealSize: Range;
  daysToWon: Range;
}

// Expected MQL→Won = sql × meeting × won: Meta 0.3 × 0.6 × 0.27 ≈ 4.9 %, Google 0.5 × 0.72 × 0.44 ≈ 15.8 %;
// with these seeds the generated data lands at 5.6 % and 15.9 % (2.8×).
const PROFILES: Record<Platform, PlatformProfile> = {
  meta_ads: {
    seed: 0x3e7a,
    campaigns: 16,
    leadsPerAd: [10, 45],
    rates: { mql: 0.34, sql: 0.3, meeting: 0.6, won: 0.27 },
    lostShare: 0.35,
    costPerLead: [18, 40],
    dealSize: [4_000, 9_000],
    daysToWon: [55, 90],
  },
  google_ads: {
    seed: 0x600d,
    campaigns: 14,
    leadsPerAd: [4, 16],
    rates: { mql: 0.55, sql: 0.5, meeting: 0.72, won: 0.44 },
    lostShare: 0.25,
    costPerLead: [55, 110],
    dealSize: [9_000, 22_000],
    daysToWon: [30, 55],
  },
  linkedin_ads: {
    seed: 0x1171,
    campaigns: 12,
    leadsPerAd: [2, 7],
    rates: { mql: 0.6, sql: 0.4, meeting: 0.65, won: 0.3 },
    lostShare: 0.2,
    costPerLead: [160, 320],
    dealSize: [35_000, 90_000],
    daysToWon: [70, 120],
  },
};

const AD_GROUPS_PER_CAMPAIGN = 3;
const ADS_PER_AD_GROUP = 2;

const roundMoney = (amount: number): number => Math.round(amount * 100) / 100;

/** Traits shared by all ads of a campaign, so campaigns differ from each other as real ones do. */
interface CampaignTraits {
  size: number;
  /** Lead quality: scales MQL→SQL, the step where poor leads drop out. */
  quality: number;
  costPerLead: number;
  dealSize: number;
}

function drawAdFunnel(profile: PlatformProfile, traits: CampaignTraits, random: Random): { funnel: FunnelCounts; spend: number } {
  const { rates } = profile;
  const stage = (previous: number, rate: number) => Math.min(previous, random.roundCount(previous * rate));
  const leads = random.roundCount(random.between(...profile.leadsPerAd) * traits.size);
  const mql = stage(leads, rates.mql);
  const sql = stage(mql, Math.min(1, rates.sql * traits.quality));
  const meetings = stage(sql, rates.meeting);
  const won = stage(meetings, rates.won);
  const lost = random.roundCount((leads - won) * profile.lostShare);
  const deal = () => traits.dealSize * random.between(0.7, 1.3);
  let revenue = 0;
  for (let i = 0; i < won; i++) revenue += Math.round(deal());
  const funnel: FunnelCounts = {
    leads,
    mql,
    sql,
    meetings,
    won,
    lost,
    revenue,
    pipeline: Math.round((meetings - won) * deal() * 0.5),
  };
  if (won > 0) funnel.median_days_to_won = random.int(...profile.daysToWon);
  // Some spend even without leads: ads cost money whether or not they convert.
  const spend = roundMoney((leads + random.next()) * traits.costPerLead * random.between(0.85, 1.15));
  return { funnel, spend };
}

/** Sum children into their parent; the median time to win becomes a won-weighted average. */
function aggregate(children: ReadonlyArray<Pick<DemoEntity, 'funnel' | 'spend'>>): { funnel: FunnelCounts; spend: number } {
  const sum = (pick: (funnel: FunnelCounts) => number) => children.reduce((total, child) => total + pick(child.funnel), 0);
  const funnel: FunnelCounts = {
    leads: sum((f) => f.leads),
    mql: sum((f) => f.mql),
    sql: sum((f) => f.sql),
    meetings: sum((f) => f.meetings),
    won: sum((f) => f.won),
    lost: sum((f) => f.lost),
    revenue: sum((f) => f.revenue),
    pipeline: sum((f) => f.pipeline ?? 0),
  };
  if (funnel.won > 0) funnel.median_days_to_won = Math.round(sum((f) => (f.median_days_to_won ?? 0) * f.won) / funnel.won);
  return { funnel, spend: roundMoney(children.reduce((total, child) => total + child.spend, 0)) };
}

/** Every level of one platform's demo account, built bottom-up so parents are exactly the sum of their children. */
function buildPlatform(platform: Platform): Record<Level, DemoEntity[]> {
  const profile = PROFILES[platform];
  const random = createRandom(profile.seed);
  const nextId = createIdFactory(platform, random);
  const nextName = createNameFactory(platform, random);
  const accountId = DEMO_ACCOUNTS[platform];
  const levels: Record<Level, DemoEntity[]> = { campaign: [], ad_group: [], ad: [] };

  for (let c = 0; c < profile.campaigns; c++) {
    const campaign = { id: nextId(), name: nextName('campaign'), accountId };
    const traits: CampaignTraits = {
      size: random.between(0.4, 1.8),
      quality: random.between(0.6, 1.4),
      costPerLead: random.between(...profile.costPerLead),
      dealSize: random.between(...profile.dealSize),
    };
    const adGroups: DemoEntity[] = [];
    for (let g = 0; g < AD_GROUPS_PER_CAMPAIGN; g++) {
      const adGroup = { id: nextId(), name: nextName('ad_group'), accountId, parentId: campaign.id };
      const ads: DemoEntity[] = [];
      for (let a = 0; a < ADS_PER_AD_GROUP; a++) {
        ads.push({ id: nextId(), name: nextName('ad'), accountId, parentId: adGroup.id, ...drawAdFunnel(profile, traits, random) });
      }
      adGroups.push({ ...adGroup, ...aggregate(ads) });
      levels.ad.push(...ads);
    }
    levels.campaign.push({ ...campaign, ...aggregate(adGroups) });
    levels.ad_group.push(...adGroups);
  }
  return levels;
}

/** The demo account's entities of one platform and level, with their 30-day numbers. */
export function demoEntities(platform: Platform, level: Level): DemoEntity[] {
  return buildPlatform(platform)[level];
}

/** What a Funnel Stats API holding the demo data would answer for `query`. */
export function demoFunnel(query: FunnelQuery, asOf: Date): ParsedFunnel {
  const otherAccount = query.account_id !== undefined && query.account_id !== DEMO_ACCOUNTS[query.platform];
  const days = inclusiveDays(query.from, query.to);
  const rows = otherAccount ? [] : demoEntities(query.platform, query.level).map((entity) => scaledRow(entity, days));
  return { currency: DEMO_META.currency, asOf: asOf.toISOString(), rows, problems: [], problemCount: 0 };
}

/**
 * Serves the LinkedIn Campaign Manager replica (test/replicas/linkedin/) at the real Campaign
 * Manager URLs, through serve.ts's `routeReplica`, so the extension's content script matches and
 * runs exactly as on www.linkedin.com.
 */
import type { BrowserContext } from 'playwright-core';
import type { ReplicaCampaign } from '../fixtures/types';
import { routeReplica, type ReplicaSite } from './serve';

export interface LinkedInReplicaVariant {
  /** 'new' (default): Campaigns / Ad sets / Ads; 'old': Campaign groups / Campaigns / Ads. */
  naming?: 'new' | 'old';
  /** Loading state after every navigation and date change; default 300 ms. */
  loadingMs?: number;
  /** Default true; false renders no "Spent" column. */
  spentColumn?: boolean;
  /** Which lead column is shown: 'leads' (default), 'conversions' (Leads hidden) or 'none'. */
  leadColumn?: 'leads' | 'conversions' | 'none';
  /** 'label' (default); 'inputs-only': the label says "Custom", only the inputs hold dates; 'missing': no date control. */
  dateControl?: 'label' | 'inputs-only' | 'missing';
  /** 'range' (default): the label prints dates; 'preset': a chosen preset prints its name ("Last 30 days"). */
  labelStyle?: 'range' | 'preset';
  /** 'entity' (default): name links are `/campaign-groups/{id}`, `/campaigns/{id}`; 'filter': the drill-down list URLs. */
  linkStyle?: 'entity' | 'filter';
  /** Issue 17's drifted markup: the list is a div grid (no `<table>`), every class renamed. Default false. */
  drifted?: boolean;
}

export interface LinkedInReplicaData {
  /** Digits only: the account of `/campaignmanager/accounts` redirects. */
  accountId: string;
  accountName: string;
  currency: 'USD' | 'EUR' | 'GBP' | 'SEK';
  locale: 'en' | 'fi';
  /** campaign = URL "campaign groups", ad_group = URL "campaigns", ad = creatives; children by parentId. */
  levels: { campaign: ReplicaCampaign[]; ad_group: ReplicaCampaign[]; ad: ReplicaCampaign[] };
  variant?: LinkedInReplicaVariant;
  /** "Today" for the presets, YYYY-MM-DD; default the browser's date. */
  today?: string;
  /** The range shown at start; default the "Last 30 days" preset. */
  initialRange?: { from: string; to: string };
}

export const LINKEDIN_REPLICA: ReplicaSite = {
  name: 'linkedin',
  routes: ['https://www.linkedin.com/campaignmanager/**', 'https://www.linkedin.com/__replica__/**'],
  isPage: (url) => url.pathname === '/campaignmanager' || url.pathname.startsWith('/campaignmanager/'),
  assets: ['replica.js', 'replica.css'],
};

export async function routeLinkedInReplica(context: BrowserContext, data: LinkedInReplicaData): Promise<void> {
  await routeReplica(context, LINKEDIN_REPLICA, data);
}

const SEGMENT = { campaign: 'campaign-groups', ad_group: 'campaigns', ad: 'creatives' } as const;

/** A Campaign Manager list URL as LinkedIn writes it (`campaignGroupIds=%5B123%5D`). */
export function linkedInUrl(opts: {
  accountId: string;
  level?: 'campaign' | 'ad_group' | 'ad';
  /** Campaigns (ad sets) of these campaign groups. */
  campaignGroupIds?: string[];
}): string {
  const base = `https://www.linkedin.com/campaignmanager/accounts/${opts.accountId}/${SEGMENT[opts.level ?? 'campaign']}`;
  return opts.campaignGroupIds?.length ? `${base}?campaignGroupIds=${encodeURIComponent(`[${opts.campaignGroupIds.join(',')}]`)}` : base;
}

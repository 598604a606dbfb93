/**
 * Targets agreed between marketing and sales (the SLA), and whether a figure met one.
 *
 * The verdict is read from the 95% Wilson interval of MQL→Won, never from the point estimate:
 * "met" only when the whole interval is on the right side of the target, "missed" only when the
 * whole interval is on the wrong side, and otherwise "not enough data to say".
 *
 * Cost per won deal and ROAS depend on the win rate the same way, so each is turned into the win
 * rate it needs and judged on the same interval:
 * - cost per won = spend / (MQL × rate), so "cost ≤ target" ⇔ rate ≥ spend / (MQL × target);
 * - ROAS = MQL × rate × average deal / spend, so "ROAS ≥ target" ⇔ rate ≥ target × spend / (MQL × average deal).
 * The spend is known exactly; the average deal is taken as observed (the deal count is what is
 * uncertain). Pure functions, no formatting.
 */
import type { Platform } from '../api/constants';
import type { FunnelRow } from '../api/schema';
import { normalizeName } from '../matching/match';
import { costPer, roas } from './money';
import type { Rate } from './types';

export const TARGET_METRICS = ['mqlToWon', 'costPerWon', 'roas'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

/** The targets for one channel or campaign; a metric left out has no target. */
export interface TargetSet {
  /** MQL→Won as a share: 0.1 = 10%. At least this. */
  mqlToWon?: number;
  /** Spend per won deal, in the CRM's currency. At most this. */
  costPerWon?: number;
  /** CRM revenue ÷ spend, e.g. 3 = 3×. At least this. */
  roas?: number;
}

/** A campaign's own targets: matched by the platform's campaign ID or by the campaign name. */
export interface CampaignTarget extends TargetSet {
  platform: Platform;
  /** The campaign ID (digits) or name, as the CRM knows it. */
  campaign: string;
}

export interface Targets {
  channels: Partial<Record<Platform, TargetSet>>;
  campaigns: CampaignTarget[];
}

/** One platform's share of the targets, as it travels with each funnel answer. */
export interface PlatformTargets {
  channel: TargetSet | null;
  campaigns: CampaignTarget[];
}

export type TargetVerdict = 'met' | 'missed' | 'unclear';

export const NO_TARGETS: Targets = { channels: {}, campaigns: [] };

function hasAny(set: TargetSet | undefined | null): set is TargetSet {
  return !!set && (set.mqlToWon !== undefined || set.costPerWon !== undefined || set.roas !== undefined);
}

/** The targets that concern one platform, or null when there are none (the common case costs nothing). */
export function targetsForPlatform(targets: Targets, platform: Platform): PlatformTargets | null {
  const channel = targets.channels[platform];
  const campaigns = targets.campaigns.filter((c) => c.platform === platform && hasAny(c));
  if (!hasAny(channel) && campaigns.length === 0) return null;
  return { channel: hasAny(channel) ? channel : null, campaigns };
}

/**
 * Each platform's campaign targets by ID and by normalised name, built once per answer's targets:
 * badges of a scrolling table look a target up for every campaign they show.
 */
const campaignIndexes = new WeakMap<PlatformTargets, Map<string, CampaignTarget>>();

function campaignIndex(targets: PlatformTargets): Map<string, CampaignTarget> {
  let index = campaignIndexes.get(targets);
  if (!index) {
    index = new Map();
    for (const c of targets.campaigns) {
      // The first target for a campaign wins, as in the settings' order.
      for (const key of [`id:${c.campaign.trim()}`, `name:${normalizeName(c.campaign)}`]) if (!index.has(key)) index.set(key, c);
    }
    campaignIndexes.set(targets, index);
  }
  return index;
}

/**
 * The targets a campaign row is held to: its own (by ID, then by name, compared the way campaign
 * names are matched) metric by metric, else its channel's. Null when none applies.
 */
export function targetsForRow(targets: PlatformTargets, row: Pick<FunnelRow, 'id' | 'name'>): TargetSet | null {
  if (targets.campaigns.length === 0) return targets.channel;
  const index = campaignIndex(targets);
  const own =
    (row.id !== undefined ? index.get(`id:${row.id}`) : undefined) ?? (row.name !== undefined ? index.get(`name:${normalizeName(row.name)}`) : undefined);
  if (!own) return targets.channel;
  const merged: TargetSet = { ...(targets.channel ?? {}) };
  for (const metric of TARGET_METRICS) if (own[metric] !== undefined) merged[metric] = own[metric];
  return merged;
}

/**
 * The verdict of a win rate against the least rate that meets the target: met when the interval's
 * low end reaches it, missed when even the high end stays below it, otherwise not enough data to
 * say. Below the minimum MQLs (enoughData false) there is never a verdict.
 */
export function verdictForRequiredRate(rate: Pick<Rate, 'value' | 'low' | 'high' | 'enoughData'>, required: number): TargetVerdict {
  if (!rate.enoughData || rate.value === null || !Number.isFinite(required)) return 'unclear';
  if (rate.low >= required) return 'met';
  if (rate.high < required) return 'missed';
  return 'unclear';
}

/** What a figure and its target need: the counts, the won revenue and the spend (null when unknown). */
export interface TargetFigures {
  mql: number;
  won: number;
  revenue: number;
  /** In the CRM's currency; null when there is no spend in that currency. */
  spend: number | null;
}

export interface TargetCheck {
  metric: TargetMetric;
  target: number;
  verdict: TargetVerdict;
  /** The figure itself (rate, cost per won, ROAS); null when it cannot be computed. */
  value: number | null;
  /** The figure's 95% range, ends in ascending order (a cost's high end may be Infinity); null when unknown. */
  low: number | null;
  high: number | null;
}

/**
 * The 95% range of cost per won deal, cheapest first: the spend over the MQLs times the win
 * rate's interval ends (Infinity when the interval reaches 0%).
 */
export function costPerWonRange(spend: number, mql: number, rate: Pick<Rate, 'low' | 'high'>): { low: number; high: number } {
  const costAt = (r: number) => (r > 0 ? spend / (mql * r) : Infinity);
  return { low: costAt(rate.high), high: costAt(rate.low) };
}

/**
 * Every target of `set` checked against the figures, in the order of TARGET_METRICS. A money
 * target without a usable spend (none, or zero) is still listed, as "not enough data to say": the
 * user set it, so it must not vanish. ROAS needs a won deal too: without one the deal size, and so
 * the revenue a better rate would bring, is unknown.
 */
export function checkTargets(figures: TargetFigures, rate: Rate, set: TargetSet): TargetCheck[] {
  const { mql, won, revenue, spend } = figures;
  const checks: TargetCheck[] = [];
  for (const metric of TARGET_METRICS) {
    const target = set[metric];
    if (target === undefined) continue;
    let check: Omit<TargetCheck, 'metric' | 'target'> = { verdict: 'unclear', value: null, low: null, high: null };
    if (metric === 'mqlToWon') {
      check = {
        verdict: verdictForRequiredRate(rate, target),
        value: rate.value,
        low: rate.value === null ? null : rate.low,
        high: rate.value === null ? null : rate.high,
      };
    } else if (spend !== null && spend > 0 && mql > 0) {
      if (metric === 'costPerWon') {
        check = { verdict: verdictForRequiredRate(rate, spend / (mql * target)), value: costPer(spend, won), ...costPerWonRange(spend, mql, rate) };
      } else if (won > 0 && revenue > 0) {
        const perRate = (mql * revenue) / won / spend;
        check = { verdict: verdictForRequiredRate(rate, target / perRate), value: roas(revenue, spend), low: rate.low * perRate, high: rate.high * perRate };
      } else {
        check.value = roas(revenue, spend);
      }
    }
    checks.push({ metric, target, ...check });
  }
  return checks;
}

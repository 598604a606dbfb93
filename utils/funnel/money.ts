/**
 * Money figures of a funnel row: CRM revenue and pipeline, and — when the ad spend can be trusted
 * to be in the same currency as the CRM figures — ROAS on real revenue and cost per stage.
 */
import type { FunnelCounts } from './types';

/** Spend as read from the page (see parseSpend) or taken from the API. */
export interface SpendInput {
  amount: number;
  /** ISO 4217 code, or null when the text showed no unambiguous currency. */
  currency: string | null;
  /** True for abbreviated amounts such as `$1.2K`. */
  approximate?: boolean;
}

/** Why the spend-based figures are missing. */
export type SpendOmittedReason =
  /** No spend figure (or a negative / non-finite one). */
  | 'no-spend'
  /** The spend is in another currency than the CRM revenue: dividing them would be meaningless. */
  | 'currency-mismatch'
  /** The spend text showed no currency and the caller did not say which one to assume. */
  | 'currency-unknown';

export interface SpendFigures {
  amount: number;
  currency: string;
  /** Carried over from an abbreviated spend: every figure below is approximate too. */
  approximate: boolean;
  /** Return on ad spend on CRM revenue: `revenue / spend`; null when spend is 0. */
  roas: number | null;
  /** Cost per stage: `spend / count`; null when the count is 0. */
  costPerLead: number | null;
  costPerMql: number | null;
  costPerSql: number | null;
  costPerMeeting: number | null;
  costPerWon: number | null;
}

export interface MoneyFigures {
  /** The API's (CRM's) currency, in which revenue, avgDeal and pipeline are expressed. */
  currency: string;
  revenue: number;
  /** `revenue / won`; null when nothing was won. */
  avgDeal: number | null;
  /** Open pipeline value; null when the API did not send one. */
  pipeline: number | null;
  /** Spend-based figures, or null with the reason in `spendOmitted`. */
  spend: SpendFigures | null;
  spendOmitted: SpendOmittedReason | null;
}

export interface MoneyOptions {
  /**
   * Currency to assume when the spend shows none (e.g. the account currency read elsewhere on
   * the page). Without it, a spend with no currency is not used: guessing would risk showing a
   * ROAS computed across two currencies.
   */
  assumeCurrency?: string;
}

function divideOrNull(numerator: number, divisor: number): number | null {
  return divisor > 0 ? numerator / divisor : null;
}

/** Return on ad spend on CRM revenue: revenue ÷ spend; null without a spend above 0. */
export function roas(revenue: number, spend: number): number | null {
  return divideOrNull(revenue, spend);
}

/** Cost per stage reached (lead, MQL, won deal…): spend ÷ count; null when the count is 0. */
export function costPer(spend: number, count: number): number | null {
  return divideOrNull(spend, count);
}

/** Which currency the spend is in, or why it cannot be used with the API's figures. */
function spendCurrency(
  spend: SpendInput | null | undefined,
  apiCurrency: string,
  assumeCurrency: string | undefined,
): { currency: string } | { omitted: SpendOmittedReason } {
  if (!spend || !Number.isFinite(spend.amount) || spend.amount < 0) return { omitted: 'no-spend' };
  const currency = spend.currency ?? assumeCurrency ?? null;
  if (currency === null) return { omitted: 'currency-unknown' };
  if (currency.toUpperCase() !== apiCurrency.toUpperCase()) return { omitted: 'currency-mismatch' };
  return { currency: apiCurrency };
}

export function moneyFigures(counts: FunnelCounts, spend: SpendInput | null | undefined, apiCurrency: string, options: MoneyOptions = {}): MoneyFigures {
  const base = {
    currency: apiCurrency,
    revenue: counts.revenue,
    avgDeal: divideOrNull(counts.revenue, counts.won),
    pipeline: counts.pipeline ?? null,
  };
  const usable = spendCurrency(spend, apiCurrency, options.assumeCurrency);
  if ('omitted' in usable || !spend) {
    return { ...base, spend: null, spendOmitted: 'omitted' in usable ? usable.omitted : 'no-spend' };
  }
  const amount = spend.amount;
  return {
    ...base,
    spend: {
      amount,
      currency: usable.currency,
      approximate: spend.approximate === true,
      roas: roas(counts.revenue, amount),
      costPerLead: costPer(amount, counts.leads),
      costPerMql: costPer(amount, counts.mql),
      costPerSql: costPer(amount, counts.sql),
      costPerMeeting: costPer(amount, counts.meetings),
      costPerWon: costPer(amount, counts.won),
    },
    spendOmitted: null,
  };
}

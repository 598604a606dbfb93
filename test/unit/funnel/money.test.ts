import { describe, expect, it } from 'vitest';
import { costPer, moneyFigures, roas } from '../../../utils/funnel/money';
import { campaignX } from './seed';

describe('moneyFigures', () => {
  it('campaign X: €75,000 from 30 won deals is €2,500 a deal; pipeline €40,000', () => {
    const money = moneyFigures(campaignX, null, 'EUR');
    expect(money).toMatchObject({ currency: 'EUR', revenue: 75_000, avgDeal: 2_500, pipeline: 40_000 });
  });

  it('with €15,000 spend: ROAS 75,000/15,000 = 5, and cost per stage = 15,000 / count', () => {
    const money = moneyFigures(campaignX, { amount: 15_000, currency: 'EUR' }, 'EUR');
    expect(money.spendOmitted).toBeNull();
    expect(money.spend).toEqual({
      amount: 15_000,
      currency: 'EUR',
      approximate: false,
      roas: 5,
      costPerLead: 125, // / 120 leads
      costPerMql: 187.5, // / 80 MQLs
      costPerSql: 250, // / 60 SQLs
      costPerMeeting: 300, // / 50 meetings
      costPerWon: 500, // / 30 won
    });
  });

  it('spend in another currency than the CRM: no ROAS, no costs, reason currency-mismatch', () => {
    const money = moneyFigures(campaignX, { amount: 15_000, currency: 'USD' }, 'EUR');
    expect(money.spend).toBeNull();
    expect(money.spendOmitted).toBe('currency-mismatch');
    expect(money.revenue).toBe(75_000); // CRM figures are still shown
  });

  it('no spend: reason no-spend; a negative or non-finite amount counts as none', () => {
    expect(moneyFigures(campaignX, null, 'EUR').spendOmitted).toBe('no-spend');
    expect(moneyFigures(campaignX, undefined, 'EUR').spendOmitted).toBe('no-spend');
    expect(moneyFigures(campaignX, { amount: -5, currency: 'EUR' }, 'EUR').spendOmitted).toBe('no-spend');
    expect(moneyFigures(campaignX, { amount: Number.NaN, currency: 'EUR' }, 'EUR').spendOmitted).toBe('no-spend');
  });

  it('spend without a currency is only used when the caller names one to assume', () => {
    const spend = { amount: 25_000, currency: null };
    expect(moneyFigures(campaignX, spend, 'EUR')).toMatchObject({ spend: null, spendOmitted: 'currency-unknown' });
    expect(moneyFigures(campaignX, spend, 'EUR', { assumeCurrency: 'EUR' }).spend?.roas).toBe(3); // 75,000 / 25,000
    expect(moneyFigures(campaignX, spend, 'EUR', { assumeCurrency: 'SEK' }).spendOmitted).toBe('currency-mismatch');
  });

  it('an abbreviated spend ($1.2K) is used but flagged approximate', () => {
    const row = { ...campaignX, revenue: 6_000 };
    const money = moneyFigures(row, { amount: 1_200, currency: 'USD', approximate: true }, 'USD');
    expect(money.spend).toMatchObject({ approximate: true, roas: 5, costPerWon: 40 }); // 6,000/1,200; 1,200/30
  });

  it('currency codes compare case-insensitively', () => {
    expect(moneyFigures(campaignX, { amount: 15_000, currency: 'eur' }, 'EUR').spend?.currency).toBe('EUR');
  });

  it('divisions by zero give null, not Infinity', () => {
    const nothingWon = { leads: 10, mql: 0, sql: 0, meetings: 0, won: 0, lost: 2, revenue: 0 };
    const money = moneyFigures(nothingWon, { amount: 500, currency: 'EUR' }, 'EUR');
    expect(money.avgDeal).toBeNull();
    expect(money.pipeline).toBeNull(); // not sent by the API
    expect(money.spend).toMatchObject({ roas: 0, costPerLead: 50, costPerMql: null, costPerWon: null });
    expect(moneyFigures(campaignX, { amount: 0, currency: 'EUR' }, 'EUR').spend).toMatchObject({ roas: null, costPerLead: 0 });
  });
});

describe('roas and costPer', () => {
  it('divide revenue by spend and spend by a count, with no figure for a zero divisor', () => {
    expect(roas(35_000, 10_000)).toBe(3.5);
    expect(roas(35_000, 0)).toBeNull();
    expect(costPer(1_000, 4)).toBe(250);
    expect(costPer(1_000, 0)).toBeNull();
  });
});

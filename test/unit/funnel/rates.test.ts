import { describe, expect, it } from 'vitest';
import { RATE_KEYS, rateProportion, stageRates } from '../../../utils/funnel/rates';
import { campaignX } from './seed';

describe('stageRates', () => {
  it('campaign X (120 leads, 80 MQL, 60 SQL, 50 meetings, 30 won): every named rate', () => {
    const rates = stageRates(campaignX);
    expect(Object.keys(rates)).toEqual([...RATE_KEYS]);
    expect(rates.leadToMql).toMatchObject({ num: 80, den: 120, enoughData: true });
    expect(rates.leadToMql.value).toBeCloseTo(0.666667, 6); // 80 / 120
    expect(rates.mqlToSql).toMatchObject({ num: 60, den: 80, value: 0.75 });
    expect(rates.sqlToMeeting).toMatchObject({ num: 50, den: 60 });
    expect(rates.sqlToMeeting.value).toBeCloseTo(0.833333, 6); // 50 / 60
    expect(rates.meetingToWon).toMatchObject({ num: 30, den: 50, value: 0.6 }); // "30 of the 50 won"
    expect(rates.leadToWon).toMatchObject({ num: 30, den: 120, value: 0.25 });
  });

  it('the headline MQL→Won is won / mql = 30 / 80 = 37.5%, interval [0.2769, 0.4845]', () => {
    const { mqlToWon } = stageRates(campaignX);
    expect(mqlToWon).toMatchObject({ num: 30, den: 80, value: 0.375, enoughData: true });
    // n = 80: d = 1 + 3.841459/80 = 1.048018; centre = (0.375 + 0.024009) / d = 0.380728;
    // half = (1.959964 / d) · √(0.375·0.625/80 + 3.841459/25600) = 1.870162 · 0.055495 = 0.103784.
    expect(mqlToWon.low).toBeCloseTo(0.276942, 4);
    expect(mqlToWon.high).toBeCloseTo(0.484513, 4);
  });

  it('fewer than 10 MQLs: the headline is "not enough data", earlier stages can still be shown', () => {
    const small = { leads: 40, mql: 7, sql: 5, meetings: 4, won: 3, lost: 2 };
    const rates = stageRates(small);
    expect(rates.mqlToWon).toMatchObject({ num: 3, den: 7, enoughData: false });
    expect(rates.mqlToWon.value).toBeCloseTo(0.428571, 6); // still computed, the UI shows "3 / 7"
    expect(rates.leadToMql.enoughData).toBe(true); // 40 leads
    expect(rates.meetingToWon.enoughData).toBe(false); // 4 meetings
  });

  it('takes the threshold as an option and applies it to every denominator', () => {
    const small = { leads: 40, mql: 7, sql: 5, meetings: 4, won: 3, lost: 2 };
    const rates = stageRates(small, { minDenominator: 5 });
    expect(rates.mqlToWon.enoughData).toBe(true); // 7 ≥ 5
    expect(rates.mqlToSql.enoughData).toBe(true); // 7 ≥ 5
    expect(rates.meetingToWon.enoughData).toBe(false); // 4 < 5
  });

  it('a row with no MQLs has no MQL rates at all', () => {
    const rates = stageRates({ leads: 12, mql: 0, sql: 0, meetings: 0, won: 0, lost: 3 });
    expect(rates.mqlToWon).toMatchObject({ value: null, low: 0, high: 1, enoughData: false });
    expect(rates.leadToMql).toMatchObject({ value: 0, low: 0, enoughData: true });
  });
});

describe('rateProportion', () => {
  it('names the counts behind each rate', () => {
    expect(rateProportion(campaignX, 'mqlToWon')).toEqual({ num: 30, den: 80 });
    expect(rateProportion(campaignX, 'sqlToMeeting')).toEqual({ num: 50, den: 60 });
  });
});

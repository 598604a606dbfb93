import { describe, expect, it } from 'vitest';
import { compareChannels, compareRate, compareWithPeers, type PeerRow } from '../../../utils/funnel/compare';

// Wilson 95% intervals used below (see wilson.test.ts for the formula):
//   30/100 → [0.2189, 0.3958]   12/100 → [0.0700, 0.1981]   2/100 → [0.0055, 0.0700]
//   18/100 → [0.1170, 0.2667]   100/1000 → [0.0829, 0.1202] (point 0.1)
const baseline = { num: 100, den: 1000 };

describe('compareRate', () => {
  it('better when the whole interval lies above the baseline rate (0.2189 > 0.1)', () => {
    const result = compareRate({ num: 30, den: 100 }, baseline);
    expect(result.verdict).toBe('better');
    expect(result.rate.value).toBe(0.3);
    expect(result.baseline.value).toBe(0.1);
  });

  it('similar when the interval holds the baseline rate: 12% of 100 is noise next to 10%', () => {
    expect(compareRate({ num: 12, den: 100 }, baseline).verdict).toBe('similar');
  });

  it('worse when the whole interval lies below (0.0700 < 0.1)', () => {
    expect(compareRate({ num: 2, den: 100 }, baseline).verdict).toBe('worse');
  });

  it('the stricter non-overlap rule needs the two intervals apart', () => {
    // 18/100: low 0.1170 is above the baseline point 0.1 but not above its high 0.1202.
    expect(compareRate({ num: 18, den: 100 }, baseline).verdict).toBe('better');
    expect(compareRate({ num: 18, den: 100 }, baseline, { rule: 'non-overlap' }).verdict).toBe('similar');
    // 30/100 (low 0.2189 > 0.1202) and 2/100 (high 0.0700 < 0.0829) stay decided.
    expect(compareRate({ num: 30, den: 100 }, baseline, { rule: 'non-overlap' }).verdict).toBe('better');
    expect(compareRate({ num: 2, den: 100 }, baseline, { rule: 'non-overlap' }).verdict).toBe('worse');
  });

  it('insufficient below the minimum denominator on either side, or with an empty baseline', () => {
    expect(compareRate({ num: 3, den: 7 }, baseline).verdict).toBe('insufficient');
    expect(compareRate({ num: 30, den: 100 }, { num: 1, den: 5 }).verdict).toBe('insufficient');
    expect(compareRate({ num: 30, den: 100 }, { num: 0, den: 0 }).verdict).toBe('insufficient');
    // With the minimum lowered to 5, 3/7 is judged: its interval [0.1582, 0.7495] lies above 0.1.
    expect(compareRate({ num: 3, den: 7 }, baseline, { minDenominator: 5 }).verdict).toBe('better');
  });
});

describe('compareWithPeers', () => {
  const rows: PeerRow[] = [
    { platform: 'google_ads', accountId: 'A', leads: 200, mql: 100, sql: 60, meetings: 45, won: 30, lost: 50 },
    { platform: 'google_ads', accountId: 'A', leads: 900, mql: 500, sql: 200, meetings: 120, won: 50, lost: 300 },
    { platform: 'google_ads', accountId: 'A', leads: 900, mql: 500, sql: 200, meetings: 120, won: 50, lost: 300 },
    { platform: 'google_ads', accountId: 'B', leads: 90, mql: 40, sql: 20, meetings: 10, won: 4, lost: 30 },
    { platform: 'meta_ads', accountId: 'A', leads: 100, mql: 50, sql: 30, meetings: 20, won: 10, lost: 20 },
  ];

  it('pools the other rows of the same platform and account, leaving the row itself out', () => {
    const [first, second, third, otherAccount, otherPlatform] = compareWithPeers(rows);
    // Row 1: 30/100 against rows 2+3 pooled: 100/1000 = 0.1 → better.
    expect(first?.baseline).toMatchObject({ num: 100, den: 1000 });
    expect(first?.verdict).toBe('better');
    // Row 2: 50/500 = 0.1, interval [0.0767, 0.1294], against rows 1+3: 80/600 = 0.1333 → worse.
    expect(second?.baseline).toMatchObject({ num: 80, den: 600 });
    expect(second?.verdict).toBe('worse');
    expect(third?.verdict).toBe('worse');
    // Alone in its account / on its platform: nothing to compare with.
    expect(otherAccount?.baseline.den).toBe(0);
    expect(otherAccount?.verdict).toBe('insufficient');
    expect(otherPlatform?.verdict).toBe('insufficient');
  });

  it('compares the rate it is asked for with the rule it is given', () => {
    // Meeting→Won, row 1: 30/45 against rows 2+3: 100/240.
    const [first] = compareWithPeers(rows, { rate: 'meetingToWon' });
    expect(first?.rate).toMatchObject({ num: 30, den: 45 });
    expect(first?.baseline).toMatchObject({ num: 100, den: 240 });
    const strict = compareWithPeers(rows, { rule: 'non-overlap' });
    // Row 2: its interval [0.0767, 0.1294] overlaps the baseline's 80/600 interval [0.1085, 0.1629].
    expect(strict[1]?.verdict).toBe('similar');
  });
});

describe('compareChannels', () => {
  it('each channel against the pooled other channels', () => {
    const result = compareChannels([
      { platform: 'google_ads', leads: 3000, mql: 1000, sql: 500, meetings: 300, won: 130, lost: 900 },
      { platform: 'meta_ads', leads: 4000, mql: 1000, sql: 300, meetings: 100, won: 30, lost: 1500 },
      { platform: 'linkedin_ads', leads: 900, mql: 500, sql: 300, meetings: 200, won: 100, lost: 200 },
    ] as const);
    // Google 130/1000 [0.1106, 0.1523] vs (30 + 100)/1500 = 0.0867 → better.
    // Meta 30/1000 [0.0211, 0.0425] vs 230/1500 = 0.1533 → worse.
    // LinkedIn 100/500 [0.1673, 0.2373] vs 160/2000 = 0.08 → better.
    expect(result.map((r) => [r.platform, r.comparison.verdict])).toEqual([
      ['google_ads', 'better'],
      ['meta_ads', 'worse'],
      ['linkedin_ads', 'better'],
    ]);
    expect(result[1]?.comparison.baseline).toMatchObject({ num: 230, den: 1500 });
  });

  it('one channel alone has no baseline', () => {
    const [only] = compareChannels([{ platform: 'google_ads', leads: 30, mql: 20, sql: 10, meetings: 5, won: 2, lost: 3 }]);
    expect(only?.comparison.verdict).toBe('insufficient');
  });
});

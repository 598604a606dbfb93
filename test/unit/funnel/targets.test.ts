/**
 * Verdicts against targets, at the edges of the 95% Wilson interval. The interval of 8 won of
 * 80 MQLs is 5.1548%–18.5107% (worked by hand from the Wilson formula with z = 1.959964:
 * centre 0.118327, half-width 0.066780), so with €9,000 spend and €75,000 won:
 * cost per won €607.76–€2,182.45, ROAS 4.2956×–15.4256×.
 */
import { describe, expect, it } from 'vitest';
import { checkTargets, targetsForPlatform, targetsForRow, verdictForRequiredRate, type TargetFigures, type Targets } from '../../../utils/funnel/targets';
import { rate } from '../../../utils/funnel/wilson';

const eightOfEighty = rate(8, 80, { minDenominator: 10 });
const springSale = { mql: 80, won: 8, revenue: 75000, spend: 9000 };

describe('MQL→Won against a target', () => {
  it('is met when the interval’s low end reaches the target, and only then', () => {
    expect(verdictForRequiredRate(eightOfEighty, 0.0515)).toBe('met');
    expect(verdictForRequiredRate(eightOfEighty, 0.0516)).toBe('unclear');
  });

  it('is missed when even the high end stays below the target, and only then', () => {
    expect(verdictForRequiredRate(eightOfEighty, 0.1851)).toBe('unclear');
    expect(verdictForRequiredRate(eightOfEighty, 0.1852)).toBe('missed');
  });

  it('is not judged on the point estimate: 10% against a 10% target is not enough data to say', () => {
    expect(verdictForRequiredRate(eightOfEighty, 0.1)).toBe('unclear');
  });

  it('has no verdict below the minimum MQLs, however far off the target', () => {
    expect(verdictForRequiredRate(rate(0, 9, { minDenominator: 10 }), 0.9)).toBe('unclear');
    expect(verdictForRequiredRate(rate(0, 0, { minDenominator: 10 }), 0.01)).toBe('unclear');
  });

  it('judges 0 of 50 (interval 0%–7.13%) missed against 7.2% but not against 7.1%', () => {
    const none = rate(0, 50);
    expect(verdictForRequiredRate(none, 0.072)).toBe('missed');
    expect(verdictForRequiredRate(none, 0.071)).toBe('unclear');
  });
});

describe('cost per won deal and ROAS against targets', () => {
  const check = (set: Parameters<typeof checkTargets>[2], figures: TargetFigures = springSale) => checkTargets(figures, eightOfEighty, set);

  it('cost per won is met only when even the highest cost in the interval is within the target', () => {
    expect(check({ costPerWon: 2183 })[0]).toMatchObject({ metric: 'costPerWon', verdict: 'met', value: 1125 });
    expect(check({ costPerWon: 2182 })[0]?.verdict).toBe('unclear');
    expect(check({ costPerWon: 608 })[0]?.verdict).toBe('unclear');
    expect(check({ costPerWon: 607 })[0]?.verdict).toBe('missed');
  });

  it('gives the cost’s range, cheapest first', () => {
    const [cost] = check({ costPerWon: 1000 });
    expect(cost?.low).toBeCloseTo(607.757, 2);
    expect(cost?.high).toBeCloseTo(2182.448, 2);
  });

  it('ROAS is met only when the interval’s lowest ROAS reaches the target', () => {
    expect(check({ roas: 4.29 })[0]).toMatchObject({ metric: 'roas', verdict: 'met' });
    expect(check({ roas: 4.3 })[0]?.verdict).toBe('unclear');
    expect(check({ roas: 15.42 })[0]?.verdict).toBe('unclear');
    expect(check({ roas: 15.43 })[0]?.verdict).toBe('missed');
    expect(check({ roas: 8 })[0]?.value).toBeCloseTo(8.3333, 4);
  });

  it('keeps a money target without spend, as not enough data to say', () => {
    expect(check({ costPerWon: 5000, roas: 1 }, { ...springSale, spend: null })).toEqual([
      { metric: 'costPerWon', target: 5000, verdict: 'unclear', value: null, low: null, high: null },
      { metric: 'roas', target: 1, verdict: 'unclear', value: null, low: null, high: null },
    ]);
  });

  it('cannot judge ROAS with no won deal: the deal size is unknown', () => {
    expect(checkTargets({ mql: 200, won: 0, revenue: 0, spend: 1000 }, rate(0, 200), { roas: 0.5 })[0]?.verdict).toBe('unclear');
  });

  it('lists the targets in a fixed order: MQL→Won, cost per won, ROAS', () => {
    expect(check({ roas: 3, mqlToWon: 0.05, costPerWon: 3000 }).map((c) => [c.metric, c.verdict])).toEqual([
      ['mqlToWon', 'met'],
      ['costPerWon', 'met'],
      ['roas', 'met'],
    ]);
  });
});

describe('which targets apply', () => {
  const targets: Targets = {
    channels: { meta_ads: { mqlToWon: 0.1, roas: 3 } },
    campaigns: [
      { platform: 'meta_ads', campaign: '120210942987570608', mqlToWon: 0.2 },
      { platform: 'meta_ads', campaign: 'Nordics  | Lead Ads', costPerWon: 900 },
      { platform: 'google_ads', campaign: 'Brand', mqlToWon: 0.3 },
    ],
  };

  it('gives a platform only its own targets, and nothing when it has none', () => {
    expect(targetsForPlatform(targets, 'linkedin_ads')).toBeNull();
    expect(targetsForPlatform(targets, 'meta_ads')?.campaigns).toHaveLength(2);
    expect(targetsForPlatform({ channels: { linkedin_ads: {} }, campaigns: [] }, 'linkedin_ads')).toBeNull();
  });

  it('lets a campaign’s own target replace its channel’s, metric by metric, matched by ID or by name', () => {
    const meta = targetsForPlatform(targets, 'meta_ads');
    if (!meta) throw new Error('meta targets expected');
    expect(targetsForRow(meta, { id: '120210942987570608', name: 'Spring Sale' })).toEqual({ mqlToWon: 0.2, roas: 3 });
    expect(targetsForRow(meta, { id: '555', name: 'nordics | lead ads' })).toEqual({ mqlToWon: 0.1, roas: 3, costPerWon: 900 });
    expect(targetsForRow(meta, { id: '777', name: 'Other' })).toEqual({ mqlToWon: 0.1, roas: 3 });
  });
});

/**
 * The gap rules of issue 20: flagged when the CRM holds fewer than 80% or more than 120% of the
 * leads the platform reports; exactly 80% and 120% are within. Expectations are written by hand.
 */
import { describe, expect, it } from 'vitest';
import { costPerPlatformLead, platformGap, totalGap } from '../../../utils/funnel/platform-gap';

describe('platformGap', () => {
  it("the issue's example: Meta 120, CRM 95 is 79%, flagged as too few", () => {
    const gap = platformGap(120, 95);
    expect(gap.share).toBeCloseTo(0.7917, 4);
    expect(gap.flag).toBe('crm-low');
  });

  it.each([
    [100, 79, 'crm-low'],
    [100, 80, null],
    [100, 100, null],
    [100, 120, null],
    [100, 121, 'crm-high'],
    [5, 4, null], // exactly 80%
    [5, 6, null], // exactly 120%
    [10, 7, 'crm-low'],
    [10, 13, 'crm-high'],
    [12.5, 10, null], // fractional conversions (Google): exactly 80%
    [12.5, 9, 'crm-low'],
  ])('platform %d, CRM %d → %s', (platform, crm, flag) => {
    expect(platformGap(platform, crm).flag).toBe(flag);
  });

  it('no platform leads: no share; CRM leads the platform never reported are "more"', () => {
    expect(platformGap(0, 3)).toEqual({ platformLeads: 0, crmLeads: 3, share: null, flag: 'crm-high' });
    expect(platformGap(0, 0)).toEqual({ platformLeads: 0, crmLeads: 0, share: null, flag: null });
  });

  it('no CRM leads for platform leads is the largest gap', () => {
    expect(platformGap(40, 0)).toEqual({ platformLeads: 40, crmLeads: 0, share: 0, flag: 'crm-low' });
  });
});

describe('totalGap', () => {
  it('sums both sides over the same campaigns: 1,240 and 1,018 is 82%, not flagged', () => {
    const gap = totalGap([
      { platformLeads: 1000, crmLeads: 800 },
      { platformLeads: 240, crmLeads: 218 },
    ]);
    expect(gap).toEqual({ platformLeads: 1240, crmLeads: 1018, share: 1018 / 1240, flag: null });
    expect(Math.round((gap?.share ?? 0) * 100)).toBe(82);
  });

  it('nothing to compare: null', () => {
    expect(totalGap([])).toBeNull();
  });
});

describe('costPerPlatformLead', () => {
  it('spend per lead the platform counts', () => {
    expect(costPerPlatformLead(1200, 120)).toBe(10);
    expect(costPerPlatformLead(1200, 0)).toBeNull();
    expect(costPerPlatformLead(null, 120)).toBeNull();
  });
});

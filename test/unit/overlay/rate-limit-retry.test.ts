/** When a tab asks again after a 429: after the block, spread out so tabs do not come back together. */
import { describe, expect, it } from 'vitest';
import { rateLimitRetryDelayMs } from '../../../utils/overlay/funnel-source';

describe('rateLimitRetryDelayMs', () => {
  it('waits out Retry-After, then spreads the tabs over up to a fifth of the wait', () => {
    expect(rateLimitRetryDelayMs(120, () => 0)).toBe(120_250);
    expect(rateLimitRetryDelayMs(120, () => 0.5)).toBe(132_250);
    expect(rateLimitRetryDelayMs(120, () => 0.999)).toBeCloseTo(144_226, 0);
  });

  it('spreads short waits over at least a second, and assumes 30 s when the API did not say', () => {
    expect(rateLimitRetryDelayMs(2, () => 0.5)).toBe(2_750);
    expect(rateLimitRetryDelayMs(undefined, () => 0)).toBe(30_250);
    expect(rateLimitRetryDelayMs(undefined, () => 0.5)).toBe(33_250);
  });

  it('never waits more than ten minutes and a fifth', () => {
    expect(rateLimitRetryDelayMs(86_400, () => 0)).toBe(600_250);
    expect(rateLimitRetryDelayMs(86_400, () => 0.999)).toBeLessThan(720_250);
  });
});

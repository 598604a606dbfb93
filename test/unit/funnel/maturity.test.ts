import { describe, expect, it } from 'vitest';
import { DEFAULT_PROVISIONAL_OPEN_SHARE, maturity } from '../../../utils/funnel/maturity';
import { campaignX } from './seed';

describe('maturity', () => {
  it('campaign X: 120 − 30 won − 40 lost = 50 open, 50/120 = 41.7% open: not provisional', () => {
    const result = maturity(campaignX);
    expect(result.open).toBe(50);
    expect(result.openShare).toBeCloseTo(0.416667, 6);
    expect(result.provisional).toBe(false);
  });

  it('a young cohort (100 leads, 5 won, 10 lost → 85% open) is provisional, not bad', () => {
    expect(maturity({ leads: 100, won: 5, lost: 10 })).toEqual({ open: 85, openShare: 0.85, provisional: true });
  });

  it('provisional means strictly more than the threshold (default 0.5)', () => {
    expect(DEFAULT_PROVISIONAL_OPEN_SHARE).toBe(0.5);
    expect(maturity({ leads: 10, won: 2, lost: 3 }).provisional).toBe(false); // exactly 5/10 open
    expect(maturity({ leads: 10, won: 2, lost: 2 }).provisional).toBe(true); // 6/10 open
  });

  it('takes the threshold as an option', () => {
    expect(maturity({ leads: 100, won: 5, lost: 10 }, { provisionalOpenShare: 0.9 }).provisional).toBe(false);
    expect(maturity(campaignX, { provisionalOpenShare: 0.4 }).provisional).toBe(true);
  });

  it('no leads: no share and nothing to call provisional', () => {
    expect(maturity({ leads: 0, won: 0, lost: 0 })).toEqual({ open: 0, openShare: null, provisional: false });
  });

  it('never reports a negative number of open leads', () => {
    expect(maturity({ leads: 5, won: 4, lost: 3 })).toEqual({ open: 0, openShare: 0, provisional: false });
  });
});

/** Hook health as data: only declared hooks and alternatives are reported. */
import { describe, expect, it } from 'vitest';
import { checkedHealth, missingHooks } from '../../../utils/overlay/hooks';
import { GOOGLE_HOOKS } from '../../../utils/adapters/google-ads';
import { LINKEDIN_HOOKS } from '../../../utils/adapters/linkedin-ads';
import { META_HOOKS } from '../../../utils/adapters/meta-ads';

describe('hook health', () => {
  it('keeps declared alternatives, reports undeclared ones as not found, and leaves undeclared hooks out', () => {
    const health = checkedHealth(
      { row: ['data-surface', 'structure'], id: ['react'], spend: ['header text'] },
      { row: 'structure', id: 'made-up', spend: null, date: 'url' },
    );
    expect(health).toEqual({ row: 'structure', id: null, spend: null });
    expect(missingHooks(health)).toEqual(['id', 'spend']);
  });

  it('accepts the fallback finder for any declared hook', () => {
    expect(checkedHealth({ row: ['role'] }, { row: 'fallback' })).toEqual({ row: 'fallback' });
  });

  it('every adapter declares all eight hooks, each with at least one alternative', () => {
    for (const catalogue of [META_HOOKS, GOOGLE_HOOKS, LINKEDIN_HOOKS]) {
      expect(Object.keys(catalogue).sort()).toEqual(['account', 'date', 'id', 'level', 'name', 'row', 'spend', 'table']);
      for (const alternatives of Object.values(catalogue)) expect(alternatives.length).toBeGreaterThan(0);
    }
  });
});

/** Message text with `{name}` substitutions (English messages, as the unit environment's browser speaks). */
import { describe, expect, it } from 'vitest';
import { errorText } from '../../../utils/i18n/error-text';
import { t } from '../../../utils/i18n/t';

describe('t', () => {
  it('fills every placeholder, numbers included, and repeats the same message consistently', () => {
    const subs = {
      badge: 'MQL→Won 25% · €48K',
      name: 'Spring {won} Sale',
      mqlLabel: 'MQL',
      won: 3,
      mql: 12,
      revenue: '€48K',
      verdict: 'better than the account average',
    };
    const text =
      'MQL→Won 25% · €48K. Funnel Lens, Spring {won} Sale: 3 of 12 MQL won; won revenue €48K; better than the account average. Press Enter for the funnel.';
    expect(t('badge.ariaRate', subs)).toBe(text);
    // A value that looks like a placeholder stays text (the campaign name above), and the cached
    // template gives the same result the second time.
    expect(t('badge.ariaRate', subs)).toBe(text);
    expect(t('badge.fewData', { won: 0, mql: 4, mqlLabel: 'SQL' })).toBe('0/4 SQL won');
  });

  it('leaves a placeholder without a value visible rather than printing "undefined"', () => {
    expect(t('badge.rateNoRevenue', { rateLabel: 'MQL→Won' })).toBe('MQL→Won {rate}');
    expect(t('badge.rate')).toBe('{rateLabel} {rate} · {revenue}');
    expect(t('badge.noData')).toBe('No CRM data');
  });
});

describe('errorText', () => {
  it('says which limit an answer broke, rather than "cannot read"', () => {
    expect(errorText({ kind: 'invalid_response', tooLarge: 'rows' })).toBe(
      'The API answered with more than 100,000 rows, more than Funnel Lens reads at once. Ask your data team to split the account or shorten the date range.',
    );
    expect(errorText({ kind: 'invalid_response', tooLarge: 'bytes' })).toBe(
      "The API's answer is larger than 32 MB, more than Funnel Lens reads. Ask your data team to check the API.",
    );
    expect(errorText({ kind: 'invalid_response' })).toMatch(/^The API answered with data Funnel Lens cannot read/);
  });
});

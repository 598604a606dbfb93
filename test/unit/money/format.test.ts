import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, formatMoneyCompact, formatMultiple, formatPercent, NO_FIGURE } from '../../../utils/money/format';

const NBSP = '\u00a0';

describe('formatMoneyCompact', () => {
  it('English: symbol first, K / M / B, at most two significant digits', () => {
    expect(formatMoneyCompact(75_000, 'EUR', 'en')).toBe('€75K');
    expect(formatMoneyCompact(1_200_000, 'EUR', 'en')).toBe('€1.2M');
    expect(formatMoneyCompact(980, 'USD', 'en')).toBe('$980');
    expect(formatMoneyCompact(1_234.5, 'USD', 'en')).toBe('$1.2K');
    expect(formatMoneyCompact(0, 'GBP', 'en')).toBe('£0');
  });

  it('Finnish: comma decimals and Intl’s own abbreviations, with no-break spaces', () => {
    expect(formatMoneyCompact(75_000, 'EUR', 'fi')).toBe(`75${NBSP}t.${NBSP}€`);
    expect(formatMoneyCompact(1_200_000, 'EUR', 'fi')).toBe(`1,2${NBSP}milj.${NBSP}€`);
    expect(formatMoneyCompact(980, 'USD', 'fi')).toBe(`980${NBSP}$`);
  });

  it('no figure for a non-number', () => {
    expect(formatMoneyCompact(Number.NaN, 'EUR', 'en')).toBe(NO_FIGURE);
    expect(formatMoneyCompact(Number.POSITIVE_INFINITY, 'EUR', 'fi')).toBe(NO_FIGURE);
  });

  it('a malformed currency code does not throw and keeps its text', () => {
    expect(formatMoneyCompact(75_000, '€', 'en')).toBe(`75K${NBSP}€`);
  });
});

describe('formatMoney', () => {
  it('full amounts with the currency’s decimals', () => {
    expect(formatMoney(1234.56, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatMoney(1234.56, 'EUR', 'fi')).toBe(`1${NBSP}234,56${NBSP}€`);
    expect(formatMoney(5, 'eur', 'en')).toBe('€5.00');
  });

  it('a fixed number of decimals on request', () => {
    expect(formatMoney(2_500, 'EUR', 'en', 0)).toBe('€2,500');
    expect(formatMoney(1234.5, 'EUR', 'fi', 0)).toBe(`1${NBSP}235${NBSP}€`); // rounded half up
  });
});

describe('formatPercent, formatMultiple, formatCount', () => {
  it('percent: 60% / 60 %, decimals on request', () => {
    expect(formatPercent(0.6, 'en')).toBe('60%');
    expect(formatPercent(0.6, 'fi')).toBe(`60${NBSP}%`);
    expect(formatPercent(0.375, 'en', 1)).toBe('37.5%');
    expect(formatPercent(0.375, 'fi', 1)).toBe(`37,5${NBSP}%`);
    expect(formatPercent(Number.NaN, 'en')).toBe(NO_FIGURE);
  });

  it('multiple (ROAS): one decimal at most', () => {
    expect(formatMultiple(5, 'en')).toBe('5×');
    expect(formatMultiple(3.25, 'en')).toBe('3.3×');
    expect(formatMultiple(3.25, 'fi')).toBe('3,3×');
  });

  it('count with grouping', () => {
    expect(formatCount(12_345, 'en')).toBe('12,345');
    expect(formatCount(12_345, 'fi')).toBe(`12${NBSP}345`);
  });
});

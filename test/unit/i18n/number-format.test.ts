import { describe, expect, it } from 'vitest';
import { compactDisplayValue, formatCount, formatMoney, formatMoneyCompact, formatMultiple, formatPercent, NO_FIGURE } from '../../../utils/i18n/locale';

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

  it('prints exactly what Intl prints for the amount itself, though it formats each rounded value once', () => {
    // The oracle is Intl on the unrounded amount; only the spaces are normalised, as documented.
    const oracles = new Map<string, Intl.NumberFormat>();
    const direct = (amount: number, currency: string, locale: 'en' | 'fi') => {
      let oracle = oracles.get(`${locale}|${currency}`);
      if (!oracle) oracles.set(`${locale}|${currency}`, (oracle = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact' })));
      return oracle.format(amount).replace(/[\s\u00a0\u202f\u2009]/g, NBSP);
    };
    const boundaries = [
      999,
      999.99,
      1000,
      1049.99,
      1050,
      1149.99,
      1150,
      1150.01,
      9949.99,
      9950,
      9999.99,
      10_000,
      10_499.99,
      10_500,
      99_499.99,
      99_500,
      999_499.99,
      999_500,
      999_949.99,
      999_950,
      1_049_999.99,
      1_050_000,
      9_950_000,
      99_500_000,
      999_500_000,
      1_250_000_000,
      999_950_000_000,
      5e14 - 0.01,
      1e15,
      2e15,
      0,
      0.5,
      12.34,
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const samples = Array.from({ length: 3000 }, () => Math.round(10 ** (3 + random() * 12) * 100) / 100);
    for (const locale of ['en', 'fi'] as const) {
      for (const currency of ['EUR', 'USD', 'JPY']) {
        for (const amount of [...boundaries, ...samples]) {
          expect(formatMoneyCompact(amount, currency, locale), `${locale} ${currency} ${amount}`).toBe(direct(amount, currency, locale));
        }
      }
    }
  });
});

describe('compactDisplayValue', () => {
  it('rounds the way compact notation shows an amount, and leaves small and huge amounts alone', () => {
    expect(compactDisplayValue(1149.99)).toBe(1100);
    expect(compactDisplayValue(1150)).toBe(1200);
    expect(compactDisplayValue(48_350.75)).toBe(48_000);
    expect(compactDisplayValue(999_960)).toBe(1_000_000);
    expect(compactDisplayValue(1_234_567)).toBe(1_200_000);
    expect(compactDisplayValue(999)).toBeNull();
    expect(compactDisplayValue(1e15)).toBeNull();
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
    // Texts are remembered per locale and precision: asking again in another one gives its own.
    expect(formatPercent(0.375, 'fi')).toBe(`38${NBSP}%`);
    expect(formatPercent(0.6, 'en')).toBe('60%');
    expect(formatPercent(Number.NaN, 'en')).toBe(NO_FIGURE);
  });

  it('percent: texts remembered by what they show keep each value on its own side of a tie', () => {
    // Asked in this order, a cache keyed by the shown value must not hand 28.5% its neighbours' text.
    expect(formatPercent(0.2849, 'en')).toBe('28%');
    expect(formatPercent(0.2851, 'en')).toBe('29%');
    // 0.285 × 100 is 28.499999999999996 in floating point, but Intl rounds the shortest decimal
    // that prints as this double (0.285), a tie, away from zero: 29%, not the cached 28%.
    expect(formatPercent(0.285, 'en')).toBe('29%');
    expect(formatPercent(0.125, 'en')).toBe('13%');
    expect(formatPercent(0.004, 'en')).toBe('0%');
    expect(formatPercent(-0.004, 'en')).toBe('-0%');
    expect(formatPercent(0.0049, 'en', 1)).toBe('0.5%');
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

/**
 * Round trips between formatting and parsing, checked with fast-check: what Intl prints in the
 * locales the ad managers offer, parseSpend reads back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyCompact, formatPercent } from '../../../utils/i18n/locale';
import { parseSpend } from '../../../utils/money/parse-spend';

/**
 * Locales in which a bare `$` means USD. en-AU, es-MX and fr-CA print their own dollar as `$`;
 * parse-spend.test.ts covers what happens there.
 */
const LOCALES = [
  'en-US',
  'en-GB',
  'en-IN',
  'fi-FI',
  'sv-SE',
  'nb-NO',
  'da-DK',
  'de-DE',
  'de-CH',
  'fr-FR',
  'es-ES',
  'it-IT',
  'nl-NL',
  'pl-PL',
  'pt-BR',
  'ja-JP',
  'ko-KR',
  'zh-CN',
  'tr-TR',
  'vi-VN',
];
/** Excluded: three-decimal currencies (KWD, BHD…), whose `1.234` parseSpend reads as 1234. */
const CURRENCIES = ['EUR', 'USD', 'GBP', 'SEK', 'NOK', 'DKK', 'CHF', 'JPY', 'INR', 'VND', 'CAD', 'AUD', 'BRL', 'PLN', 'CNY'];

/** An amount with as many decimals as the currency shows (2, or 0 for JPY / VND). */
const money = fc
  .record({
    locale: fc.constantFrom(...LOCALES),
    currency: fc.constantFrom(...CURRENCIES),
    display: fc.constantFrom('symbol', 'code') as fc.Arbitrary<'symbol' | 'code'>,
    units: fc.integer({ min: 0, max: 100_000_000_000 }),
  })
  .map(({ locale, currency, display, units }) => {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: display });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    const amount = units / 10 ** digits;
    return { locale, currency, display, amount, text: format.format(amount) };
  });

describe('parsing a formatted amount gives back the amount', () => {
  it('any locale, any currency display: exact amount, the right currency or none', () => {
    fc.assert(
      fc.property(money, ({ currency, display, amount, text }) => {
        const parsed = parseSpend(text);
        expect(parsed).toMatchObject({ ok: true, amount, approximate: false });
        if (!parsed.ok) return;
        // Symbols such as `kr` or `¥` name no single currency; a wrong currency is never read.
        expect([currency, null]).toContain(parsed.currency);
        if (display === 'code' || ['EUR', 'USD', 'GBP', 'INR', 'VND', 'BRL'].includes(currency)) {
          expect(parsed.currency).toBe(currency);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('our own full format, en and fi', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.constantFrom('en', 'fi') as fc.Arbitrary<'en' | 'fi'>,
        fc.constantFrom('EUR', 'USD', 'GBP', 'SEK'),
        (cents, locale, currency) => {
          const amount = cents / 100;
          expect(parseSpend(formatMoney(amount, currency, locale))).toEqual({ ok: true, amount, currency, approximate: false });
        },
      ),
    );
  });

  it('our compact format: approximate above 1,000, within the rounding of two significant digits', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e11, noNaN: true }),
        fc.constantFrom('en', 'fi') as fc.Arbitrary<'en' | 'fi'>,
        fc.constantFrom('EUR', 'USD', 'GBP', 'SEK'),
        (amount, locale, currency) => {
          const text = formatMoneyCompact(amount, currency, locale);
          const parsed = parseSpend(text);
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          expect(parsed.currency).toBe(currency);
          // ≥ 999.5 is printed as "1K" (or more); below, as a plain number.
          expect(parsed.approximate).toBe(amount >= 999.5);
          // Two significant digits: at most 5% off (1,049 → 1.0K); plain numbers at most 0.5 off.
          expect(Math.abs(parsed.amount - amount)).toBeLessThanOrEqual(Math.max(0.5, amount * 0.05));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('percentages remembered by what they show', () => {
  it('print what Intl prints for every won/MQL ratio, whatever was formatted before', () => {
    const NBSP = '\u00a0';
    const intl = (locale: string, digits: number) =>
      new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 400 })), { minLength: 1, maxLength: 40 }),
        fc.constantFrom('en', 'fi') as fc.Arbitrary<'en' | 'fi'>,
        fc.constantFrom(0, 1),
        (ratios, locale, digits) => {
          for (const [won, mql] of ratios) {
            const value = Math.min(won, mql) / mql;
            const expected = intl(locale, digits)
              .format(value)
              .replace(/[\s\u202f]/g, NBSP);
            expect(formatPercent(value, locale, digits)).toBe(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseSpend never misbehaves', () => {
  it('any text: a reason, or a finite non-negative amount', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[\d.,' $€kKMt]{0,16}$/)), (text) => {
        const parsed = parseSpend(text);
        if (parsed.ok) expect(Number.isFinite(parsed.amount) && parsed.amount >= 0).toBe(true);
        else expect(['empty', 'no-data', 'unreadable']).toContain(parsed.reason);
      }),
      { numRuns: 500 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parseSpend } from '../../../utils/money/parse-spend';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const amount = (value: number, currency: string | null, approximate = false) => ({ ok: true, amount: value, currency, approximate });

describe('parseSpend: the formats named in issue #4', () => {
  it.each([
    ['US$1,234.56', 1234.56, 'USD'],
    ['$1,234.56', 1234.56, 'USD'],
    ['€1,234.56', 1234.56, 'EUR'],
    [`1${NBSP}234,56${NBSP}€`, 1234.56, 'EUR'],
    [`1${NNBSP}234,56${NBSP}€`, 1234.56, 'EUR'],
    ['1 234,56 €', 1234.56, 'EUR'],
    ['1.234,56 €', 1234.56, 'EUR'],
    ['28.81 $', 28.81, 'USD'],
    ['£980.00', 980, 'GBP'],
    ['1.234.567 ₫', 1234567, 'VND'],
    ['SEK 12 345', 12345, 'SEK'],
    [`SEK${NBSP}12${NBSP}345`, 12345, 'SEK'],
  ])('%s → %d %s', (text, value, currency) => {
    expect(parseSpend(text)).toEqual(amount(value, currency));
  });

  it('abbreviated amounts are read and flagged approximate', () => {
    expect(parseSpend('$1.2K')).toEqual(amount(1200, 'USD', true));
    expect(parseSpend('1,2 t. €')).toEqual(amount(1200, 'EUR', true));
    expect(parseSpend(`1,2${NBSP}t.${NBSP}€`)).toEqual(amount(1200, 'EUR', true));
    expect(parseSpend('75 t. €')).toEqual(amount(75_000, 'EUR', true));
    expect(parseSpend('$980k')).toEqual(amount(980_000, 'USD', true));
    expect(parseSpend('€1.5M')).toEqual(amount(1_500_000, 'EUR', true));
    expect(parseSpend('1,2 milj. €')).toEqual(amount(1_200_000, 'EUR', true));
    expect(parseSpend('3,4 mn kr')).toEqual(amount(3_400_000, null, true));
    expect(parseSpend('$2.5B')).toEqual(amount(2_500_000_000, 'USD', true));
    expect(parseSpend('12 mrd. €')).toEqual(amount(12_000_000_000, 'EUR', true));
    expect(parseSpend('1,5 Mio. €')).toEqual(amount(1_500_000, 'EUR', true));
  });

  it('abbreviated amounts are exact decimal products, not float noise (1.1 × 1000 = 1100)', () => {
    expect(parseSpend('$1.1K')).toEqual(amount(1100, 'USD', true));
  });

  it('empty and placeholder cells are "no figure", with the reason', () => {
    expect(parseSpend('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseSpend(`  ${NBSP} `)).toEqual({ ok: false, reason: 'empty' });
    expect(parseSpend('—')).toEqual({ ok: false, reason: 'no-data' });
    expect(parseSpend(' -- ')).toEqual({ ok: false, reason: 'no-data' });
    expect(parseSpend('–')).toEqual({ ok: false, reason: 'no-data' });
  });
});

describe('parseSpend: decimal or thousands separator', () => {
  it('both marks: the last one is the decimal separator', () => {
    expect(parseSpend('1.234.567,89 €')).toEqual(amount(1234567.89, 'EUR'));
    expect(parseSpend('$1,234,567.89')).toEqual(amount(1234567.89, 'USD'));
  });

  it('one mark, repeated: thousands', () => {
    expect(parseSpend('$1,234,567')).toEqual(amount(1234567, 'USD'));
  });

  it('one mark, once, not followed by exactly three digits: decimal', () => {
    expect(parseSpend('12,5 €')).toEqual(amount(12.5, 'EUR'));
    expect(parseSpend('$0.50')).toEqual(amount(0.5, 'USD'));
  });

  it('one mark, once, followed by three digits: thousands (spend has no three-decimal amounts)…', () => {
    expect(parseSpend('1,234 $')).toEqual(amount(1234, 'USD'));
    expect(parseSpend('1.235 ¥')).toEqual(amount(1235, null));
  });

  it('…except after a 0, beside space grouping, or in an abbreviation', () => {
    expect(parseSpend('0,125 €')).toEqual(amount(0.125, 'EUR'));
    expect(parseSpend('1 234.567 €')).toEqual(amount(1234.567, 'EUR'));
    expect(parseSpend('$1.234K')).toEqual(amount(1234, 'USD', true));
  });

  it('other groupings: Swiss apostrophes, Indian lakhs', () => {
    expect(parseSpend('CHF 1’234.50')).toEqual(amount(1234.5, 'CHF'));
    expect(parseSpend("CHF 1'234.50")).toEqual(amount(1234.5, 'CHF'));
    expect(parseSpend('₹12,34,567.89')).toEqual(amount(1234567.89, 'INR'));
  });

  it('no separator at all', () => {
    expect(parseSpend('1234567')).toEqual(amount(1234567, null));
    expect(parseSpend('1234,56 €')).toEqual(amount(1234.56, 'EUR')); // es-ES does not group 4 digits
  });
});

describe('parseSpend: currencies', () => {
  it.each([
    ['CA$1,234.56', 'CAD'],
    ['A$10.00', 'AUD'],
    ['R$ 1.234,56', 'BRL'],
    ['1 234,56 zł', 'PLN'],
    ['EUR 1,234.56', 'EUR'],
    ['1 234,56 EUR', 'EUR'],
    ['€1,234.56 EUR', 'EUR'],
    ['5 MXN', 'MXN'],
    ['1 Kč', 'CZK'],
    ['100 ₽', 'RUB'],
  ])('%s is %s', (text, currency) => {
    const parsed = parseSpend(text);
    expect(parsed.ok && parsed.currency).toBe(currency);
  });

  it('no symbol, or an ambiguous one (kr, ¥): amount without a currency', () => {
    expect(parseSpend('1 234,56 kr')).toEqual(amount(1234.56, null));
    expect(parseSpend('¥1,235')).toEqual(amount(1235, null));
    expect(parseSpend('￥1,235')).toEqual(amount(1235, null)); // full-width yen, folded by NFKC
    expect(parseSpend('42.50')).toEqual(amount(42.5, null));
  });
});

describe('parseSpend: better unreadable than wrong', () => {
  it.each([
    ['abc'],
    ['5%'],
    ['12/03/2024'], // two numbers
    ['$1 €'], // two different currencies
    ['€1,234.56 USD'],
    ['-€5'], // spend is never negative
    ['1,2,3'], // not a grouping
    ['1.2.3'],
    ['12 34 €'], // a space group must have three digits
    ['1.5 T$'], // unknown unit
  ])('%s', (text) => {
    expect(parseSpend(text)).toEqual({ ok: false, reason: 'unreadable' });
  });
});

describe('parseSpend: where a bare $ is a local dollar', () => {
  it('en-AU prints AUD as "$": read as USD, so the money figures omit ROAS rather than mix currencies', () => {
    const text = new Intl.NumberFormat('en-AU', { style: 'currency', currency: 'AUD' }).format(1234.5);
    expect(parseSpend(text)).toEqual(amount(1234.5, 'USD'));
  });

  it('French UIs put the country after the sign: "$US", "$ AU"', () => {
    expect(parseSpend('12 345,67 $US')).toEqual(amount(12345.67, 'USD'));
    expect(parseSpend('12 345,67 $ AU')).toEqual(amount(12345.67, 'AUD'));
  });
});

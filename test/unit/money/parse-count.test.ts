/**
 * Lead and conversion counts as the ad managers print them, in every locale the spend parser
 * reads (issue 20): grouping by comma, dot, (no-break) space and apostrophe, decimals, and the
 * abbreviations of compact formats.
 */
import { describe, expect, it } from 'vitest';
import { parseCount } from '../../../utils/money/parse-spend';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const exact = (count: number) => ({ ok: true, count, approximate: false });
const approx = (count: number) => ({ ok: true, count, approximate: true });

describe('parseCount', () => {
  it.each([
    ['120', 120],
    ['0', 0],
    ['1,234', 1234], // English grouping
    ['1.234', 1234], // German grouping
    ['1 234', 1234], // Finnish, plain space
    [`1${NBSP}234`, 1234], // Finnish as Intl prints it
    [`1${NNBSP}234`, 1234], // narrow no-break space (fr, newer ICU)
    ["1'234", 1234], // Swiss
    ['1,234,567', 1234567],
    [`1${NBSP}234${NBSP}567`, 1234567],
    ['12.50', 12.5], // Google prints fractional conversions
    ['12,50', 12.5], // the same in Finnish
    ['1,234.50', 1234.5],
    [`1${NBSP}234,50`, 1234.5],
    ['1.234,50', 1234.5],
    ['0,5', 0.5],
  ])('%s → %d', (text, count) => {
    expect(parseCount(text)).toEqual(exact(count));
  });

  it.each([
    ['1.2K', 1200],
    ['1.2k', 1200],
    ['12K', 12000],
    ['1,2 t.', 1200], // Finnish "tuhatta"
    [`1,2${NBSP}t.`, 1200],
    ['3.4M', 3_400_000],
    ['1,5 milj.', 1_500_000],
    ['2,1 Tsd.', 2100],
  ])('abbreviated %s → %d, approximate', (text, count) => {
    expect(parseCount(text)).toEqual(approx(count));
  });

  it('placeholders and empty cells are "no figure", with the reason', () => {
    expect(parseCount('—')).toEqual({ ok: false, reason: 'no-data' });
    expect(parseCount('--')).toEqual({ ok: false, reason: 'no-data' });
    expect(parseCount('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseCount(` ${NBSP}`)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each(['$120', '120 €', '12%', '12 %', '1,2,3', '12/30', '1.234.56', 'Leads', '120 leads', '3 of 4'])('%s is not a count', (text) => {
    expect(parseCount(text)).toEqual({ ok: false, reason: 'unreadable' });
  });
});

import { describe, expect, it } from 'vitest';
import { parseRangeLabel } from '../../../utils/dates/parse-range-label';

const NBSP = '\u00a0';
const THIN = '\u2009';
const NNBSP = '\u202f';
/** A Monday in late November; local time, as the extension's `new Date()` would be. */
const TODAY = new Date(2026, 10, 23, 15, 30);
const range = (from: string, to: string) => ({ from, to });

describe('parseRangeLabel: English ranges as Google Ads prints them', () => {
  it.each([
    ['Oct 1 – 31, 2026', '2026-10-01', '2026-10-31'],
    ['Sep 28 – Oct 27, 2026', '2026-09-28', '2026-10-27'],
    ['Dec 1, 2025 – Jan 15, 2026', '2025-12-01', '2026-01-15'],
    ['Aug 1, 2026 – Aug 30, 2026', '2026-08-01', '2026-08-30'],
    ['Oct 1, 2026', '2026-10-01', '2026-10-01'],
    ['October 1 – 31, 2026', '2026-10-01', '2026-10-31'],
    ['Sept 3 – 9, 2026', '2026-09-03', '2026-09-09'],
    ['Feb 1 – 29, 2028', '2028-02-01', '2028-02-29'],
    // The year printed once at the end: a range across New Year starts the year before.
    ['Dec 20 – Jan 5, 2026', '2025-12-20', '2026-01-05'],
  ])('%s', (label, from, to) => {
    expect(parseRangeLabel(label, TODAY)).toEqual(range(from, to));
  });

  it.each([
    ['en dash with spaces', 'Oct 1 – 31, 2026'],
    ['em dash', 'Oct 1 — 31, 2026'],
    ['hyphen', 'Oct 1 - 31, 2026'],
    ['no spaces around the dash', 'Oct 1–31, 2026'],
    ['minus sign', 'Oct 1 − 31, 2026'],
    ['no-break spaces', `Oct${NBSP}1${NBSP}–${NBSP}31,${NBSP}2026`],
    ['thin and narrow no-break spaces', `Oct${THIN}1${NNBSP}–${THIN}31,${NNBSP}2026`],
    ['runs of spaces and newlines around', '  Oct 1  –\n 31,   2026 '],
    ['upper case', 'OCT 1 – 31, 2026'],
  ])('any dash and any spaces: %s', (_, label) => {
    expect(parseRangeLabel(label, TODAY)).toEqual(range('2026-10-01', '2026-10-31'));
  });

  it('day-first English (en-GB)', () => {
    expect(parseRangeLabel('1 – 31 Oct 2026', TODAY)).toEqual(range('2026-10-01', '2026-10-31'));
    expect(parseRangeLabel('28 Sep – 27 Oct 2026', TODAY)).toEqual(range('2026-09-28', '2026-10-27'));
    expect(parseRangeLabel('1 Dec 2025 – 15 Jan 2026', TODAY)).toEqual(range('2025-12-01', '2026-01-15'));
    expect(parseRangeLabel('1 Oct 2026', TODAY)).toEqual(range('2026-10-01', '2026-10-01'));
  });

  it('a range without a year is in the current year', () => {
    expect(parseRangeLabel('Oct 1 – 31', TODAY)).toEqual(range('2026-10-01', '2026-10-31'));
  });

  it('ISO dates', () => {
    expect(parseRangeLabel('2026-10-01 – 2026-10-31', TODAY)).toEqual(range('2026-10-01', '2026-10-31'));
    expect(parseRangeLabel('2026-10-01 - 2026-10-31', TODAY)).toEqual(range('2026-10-01', '2026-10-31'));
  });
});

describe('parseRangeLabel: Finnish numeric forms', () => {
  it.each([
    ['1.–31.10.2026', '2026-10-01', '2026-10-31'],
    ['28.9.–27.10.2026', '2026-09-28', '2026-10-27'],
    ['1.12.2025–15.1.2026', '2025-12-01', '2026-01-15'],
    ['1.10.2026', '2026-10-01', '2026-10-01'],
    ['1. – 31.10.2026', '2026-10-01', '2026-10-31'],
    [`28.9.${NBSP}–${NBSP}27.10.2026`, '2026-09-28', '2026-10-27'],
    ['1.12.2025 - 15.1.2026', '2025-12-01', '2026-01-15'],
    ['01.10.2026–31.10.2026', '2026-10-01', '2026-10-31'],
    ['20.12.–5.1.2026', '2025-12-20', '2026-01-05'],
  ])('%s', (label, from, to) => {
    expect(parseRangeLabel(label, TODAY)).toEqual(range(from, to));
  });
});

describe('parseRangeLabel: presets', () => {
  it('a preset name followed by its printed range gives the printed range, not the preset resolved today', () => {
    // Printed range deliberately not what "Last 30 days" means on TODAY: the label is what the table shows.
    expect(parseRangeLabel('Last 30 days Oct 24 – Nov 22, 2026', TODAY)).toEqual(range('2026-10-24', '2026-11-22'));
    expect(parseRangeLabel('Last 30 days: Oct 24 – Nov 22, 2026', TODAY)).toEqual(range('2026-10-24', '2026-11-22'));
    expect(parseRangeLabel(`Last 7 days${NBSP}Nov 16 – 22, 2026`, TODAY)).toEqual(range('2026-11-16', '2026-11-22'));
    expect(parseRangeLabel('Custom Oct 1 – 31, 2026', TODAY)).toEqual(range('2026-10-01', '2026-10-31'));
    expect(parseRangeLabel('Viimeiset 30 päivää 24.10.–22.11.2026', TODAY)).toEqual(range('2026-10-24', '2026-11-22'));
    expect(parseRangeLabel('Tämä kuukausi: 1.–23.11.2026', TODAY)).toEqual(range('2026-11-01', '2026-11-23'));
  });

  it.each([
    // Google's "Last N days" are complete days: they end yesterday.
    ['Last 30 days', '2026-10-24', '2026-11-22'],
    ['Last 7 days', '2026-11-16', '2026-11-22'],
    ['Last 14 days', '2026-11-09', '2026-11-22'],
    ['Today', '2026-11-23', '2026-11-23'],
    ['Yesterday', '2026-11-22', '2026-11-22'],
    ['This month', '2026-11-01', '2026-11-23'],
    ['Last month', '2026-10-01', '2026-10-31'],
    ['Viimeiset 30 päivää', '2026-10-24', '2026-11-22'],
    ['Viimeiset 7 päivää', '2026-11-16', '2026-11-22'],
    ['Tänään', '2026-11-23', '2026-11-23'],
    ['Eilen', '2026-11-22', '2026-11-22'],
    ['Tämä kuukausi', '2026-11-01', '2026-11-23'],
    ['Edellinen kuukausi', '2026-10-01', '2026-10-31'],
    ['  last 30 DAYS ', '2026-10-24', '2026-11-22'],
  ])('bare preset %s', (label, from, to) => {
    expect(parseRangeLabel(label, TODAY)).toEqual(range(from, to));
  });

  it('resolves presets against the given today, across month and year ends', () => {
    const newYear = new Date(2027, 0, 1);
    expect(parseRangeLabel('Yesterday', newYear)).toEqual(range('2026-12-31', '2026-12-31'));
    expect(parseRangeLabel('Last month', newYear)).toEqual(range('2026-12-01', '2026-12-31'));
    expect(parseRangeLabel('Last 30 days', newYear)).toEqual(range('2026-12-02', '2026-12-31'));
  });
});

describe('parseRangeLabel: rejects', () => {
  it.each([
    ['', 'empty'],
    ['Feb 30, 2026', 'an impossible day'],
    ['Feb 29, 2026', 'a leap day in a common year'],
    ['Oct 1 – 32, 2026', 'day 32'],
    ['Foo 1 – 31, 2026', 'an unknown month'],
    ['31.2.2026', 'an impossible Finnish date'],
    ['1.13.2026', 'month 13'],
    ['Oct 31 – 1, 2026', 'a range that ends before it starts'],
    ['15.1.2026–1.12.2025', 'a Finnish range that ends before it starts'],
    ['All time', 'a preset without a range'],
    ['Last 0 days', 'zero days'],
    ['Compare: off', 'other picker text'],
    ['123-456-7890', 'a customer ID'],
    ['Oct 1 – 31, 2026 arrow_drop_down', 'trailing icon text'],
  ])('%s (%s)', (label) => {
    expect(parseRangeLabel(label, TODAY)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { detectDateOrder, isTruthy, parseAmount, parseDay, utmFromUrl } from '../../../utils/import/values';

describe('parseDay', () => {
  it('reads the ISO forms HubSpot and Pipedrive write, dropping the time', () => {
    expect(parseDay('2023-11-15 20:09', 'mdy')).toBe('2023-11-15');
    expect(parseDay('2025-01-15 09:00:00', 'dmy')).toBe('2025-01-15');
    expect(parseDay('2025-01-15T23:59:00Z', 'dmy')).toBe('2025-01-15');
  });
  it('reads Finnish and Salesforce US dates in the order given', () => {
    expect(parseDay('5.1.2024', 'dmy')).toBe('2024-01-05');
    expect(parseDay('5.1.2024 klo 14.30', 'dmy')).toBe('2024-01-05');
    expect(parseDay('3/4/2025, 10:22 AM', 'mdy')).toBe('2025-03-04');
    expect(parseDay('3/4/2025', 'dmy')).toBe('2025-04-03');
  });
  it('refuses what is not a calendar day', () => {
    for (const bad of ['', 'yesterday', '2025-02-30', '31.4.2025', '2025-13-01', '15/15/2025']) {
      expect(parseDay(bad, bad.includes('.') ? 'dmy' : 'mdy'), bad).toBeNull();
    }
  });
});

describe('detectDateOrder', () => {
  it('decides once per file from any part above 12', () => {
    expect(detectDateOrder(['3/4/2025', '12/25/2025'])).toBe('mdy');
    expect(detectDateOrder(['3/4/2025', '25/12/2025'])).toBe('dmy');
    expect(detectDateOrder(['5.1.2024'])).toBe('dmy');
    expect(detectDateOrder(['2024-01-05', '3/4/2025'])).toBe('mdy');
    // A broken date has no vote.
    expect(detectDateOrder(['13/45/2025', '3/20/2025'])).toBe('mdy');
  });
});

describe('parseAmount', () => {
  it('reads the number formats of the three CRMs and of Finnish Excel', () => {
    expect(parseAmount('117.0')).toBe(117);
    expect(parseAmount('30000')).toBe(30000);
    expect(parseAmount('1\u00a0234,50')).toBe(1234.5);
    expect(parseAmount('1\u202f234\u202f567,89')).toBe(1234567.89);
    expect(parseAmount('1,234.50')).toBe(1234.5);
    expect(parseAmount('1.234,50')).toBe(1234.5);
    expect(parseAmount('12,5')).toBe(12.5);
    expect(parseAmount('€1,234')).toBe(1234);
    expect(parseAmount('EUR 30000')).toBe(30000);
    expect(parseAmount('\u2212500')).toBe(-500);
  });
  it('refuses text', () => {
    expect(parseAmount('lots')).toBeNull();
    expect(parseAmount('12abc')).toBeNull();
  });
});

describe('isTruthy and utmFromUrl', () => {
  it('reads yes-like flags', () => {
    expect(['Yes', 'true', '1', 'Kyllä'].every(isTruthy)).toBe(true);
    expect(['No', 'false', '0', ''].some(isTruthy)).toBe(false);
  });
  it('reads utm_* from a landing page URL', () => {
    expect(utmFromUrl('https://acme.fi/demo?utm_source=facebook&utm_campaign=Nordics%20%7C%20Lead&utm_content=Set%201#x')).toEqual({
      source: 'facebook',
      campaign: 'Nordics | Lead',
      content: 'Set 1',
    });
    expect(utmFromUrl('https://acme.fi/')).toEqual({});
  });
});

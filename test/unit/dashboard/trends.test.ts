/**
 * A channel's trend from one answer per period: figures, maturing periods, gaps. Expected values
 * are worked out by hand: 31 won of 310 MQLs with €15,500 spend is a cost per won of €500, and
 * the Wilson interval 7.13%–13.84% puts the cost between 15,500 / (310 × 0.1384) = €361.3 and
 * 15,500 / (310 × 0.0713) = €701.3.
 */
import { describe, expect, it } from 'vitest';
import type { FunnelRow } from '../../../utils/api/schema';
import { trendChartSvg } from '../../../utils/dashboard/trend-chart';
import type { FunnelAnswer, FunnelData } from '../../../utils/messaging';
import { lastPeriods } from '../../../utils/trends/periods';
import { channelTrend } from '../../../utils/trends/trend-data';

const today = new Date(2026, 11, 1);
const months = lastPeriods('month', today, 3); // September, October, November 2026

function ok(rows: FunnelRow[], targets?: FunnelData['display']['targets']): FunnelAnswer {
  return {
    ok: true,
    source: 'api',
    sourceName: 'Acme',
    currency: 'EUR',
    stages: [],
    asOf: '2026-12-01T00:00:00Z',
    fetchedAt: 0,
    stale: false,
    rows,
    problems: [],
    problemCount: 0,
    refreshError: null,
    display: { minMql: 10, compareRule: 'interval', ...(targets ? { targets } : {}) },
  };
}
const row = (days: number): FunnelRow => ({
  id: '1',
  name: 'A',
  leads: days * 13,
  mql: days * 10,
  sql: days * 5,
  meetings: days * 3,
  won: days,
  lost: days * 10,
  revenue: days * 10_000,
  spend: days * 500,
  median_days_to_won: 45,
});

describe('channel trend', () => {
  it('gives each period its figures, and a failed period its reason and no figures', () => {
    const trend = channelTrend('meta_ads', months, [ok([row(30)]), { ok: false, error: { kind: 'server_error', status: 500 } }, ok([row(30)])], today);
    const [september, october, november] = trend.points;
    expect(september?.mqlToWon?.value).toBe(0.1);
    expect(september?.costPerWon?.value).toBe(500);
    expect(september?.revenue).toBe(300_000);
    expect(october).toMatchObject({ error: { kind: 'server_error', status: 500 }, mqlToWon: null, costPerWon: null, revenue: null });
    expect(november?.revenue).toBe(300_000);
  });

  it('puts the cost per won between the costs at the ends of the win rate’s interval', () => {
    const trend = channelTrend('meta_ads', months.slice(0, 1), [ok([row(31)])], today);
    const cost = trend.points[0]?.costPerWon;
    expect(cost?.value).toBe(500);
    expect(cost?.low).toBeCloseTo(361.3, 0);
    expect(cost?.high).toBeCloseTo(701.3, 0);
  });

  it('marks as still maturing the periods that ended less than the median days to won (45) ago', () => {
    const trend = channelTrend(
      'meta_ads',
      months,
      months.map(() => ok([row(30)])),
      today,
    );
    // September ended 61 days before 1 December, October 31, November 0.
    expect(trend.maturingDays).toBe(45);
    expect(trend.points.map((p) => p.provisional)).toEqual([false, true, true]);
  });

  it('judges each period against the channel target', () => {
    const targets = { channel: { mqlToWon: 0.2, costPerWon: 800 }, campaigns: [] };
    const trend = channelTrend('meta_ads', months.slice(0, 1), [ok([row(30)], targets)], today);
    expect(trend.target).toEqual({ mqlToWon: 0.2, costPerWon: 800 });
    expect(trend.points[0]?.targets.map((c) => [c.metric, c.verdict])).toEqual([
      ['mqlToWon', 'missed'],
      ['costPerWon', 'met'],
    ]);
  });
});

describe('trend chart', () => {
  const point = (value: number | null, extra: Partial<{ provisional: boolean; failed: boolean }> = {}) => ({
    label: 'x',
    value,
    low: value === null ? null : value - 0.02,
    high: value === null ? null : value + 0.02,
    provisional: false,
    failed: false,
    ...extra,
  });

  it('breaks the line at a failed period and marks it ×, shades maturing periods, draws the target', () => {
    const svg = trendChartSvg({
      title: 'Meta: MQL→Won',
      format: (v) => `${Math.round(v * 100)}%`,
      provisionalText: 'still maturing',
      target: { value: 0.12, text: 'target 12%' },
      points: [point(0.1), point(0.11), point(null, { failed: true }), point(0.09), point(0.1, { provisional: true })],
    });
    expect(svg.match(/<path /g)).toHaveLength(2); // two runs: before and after the gap
    expect(svg.match(/<polygon /g)).toHaveLength(2);
    expect(svg).toContain('>×</text>');
    expect(svg.match(/>still maturing</g)).toHaveLength(1);
    expect(svg).toContain('stroke-dasharray="5 3"');
    expect(svg).toContain('>target 12%</text>');
    expect(svg.match(/fill="#ffffff" stroke=/g)).toHaveLength(1); // one hollow (maturing) dot
  });
});

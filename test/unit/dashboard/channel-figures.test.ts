import { describe, expect, it } from 'vitest';
import type { FunnelRow } from '../../../utils/api/schema';
import { barShares, channelFigures, funnelSteps, weightedMedianDays } from '../../../utils/dashboard/channel-figures';
import { escapeXml, layoutFunnel, slideSvg } from '../../../utils/dashboard/funnel-chart';
import { totalsByPlatform } from '../../../utils/funnel/totals';

const rows: FunnelRow[] = [
  { id: 'a', leads: 400, mql: 200, sql: 100, meetings: 60, won: 30, lost: 100, revenue: 300_000, spend: 20_000, median_days_to_won: 40 },
  { id: 'b', leads: 100, mql: 50, sql: 20, meetings: 10, won: 5, lost: 20, revenue: 100_000, spend: 5_000, median_days_to_won: 90 },
  { id: 'c', leads: 10, mql: 2, sql: 0, meetings: 0, won: 0, lost: 8, revenue: 0, spend: 500 },
];

describe('channel figures', () => {
  const totals = totalsByPlatform(rows.map((r) => ({ ...r, platform: 'google_ads' as const })))[0];
  if (!totals) throw new Error('no totals');
  const figures = channelFigures({ totals, rows, currency: 'EUR', minMql: 10, comparison: null });

  it('lists the five stages with the pooled counts', () => {
    expect(figures.steps.map((s) => [s.stage, s.count])).toEqual([
      ['lead', 510],
      ['mql', 252],
      ['sql', 120],
      ['meeting', 70],
      ['won', 35],
    ]);
    expect(figures.rates.mqlToWon.value).toBeCloseTo(35 / 252);
    expect(figures.rates.mqlToWon.low).toBeLessThan(35 / 252);
    expect(figures.rates.mqlToWon.high).toBeGreaterThan(35 / 252);
  });

  it('computes money from the pooled totals: revenue, average deal, ROAS and costs', () => {
    expect(figures.money.revenue).toBe(400_000);
    expect(figures.money.avgDeal).toBeCloseTo(400_000 / 35);
    expect(figures.money.spend?.roas).toBeCloseTo(400_000 / 25_500);
    expect(figures.money.spend?.costPerLead).toBeCloseTo(25_500 / 510);
    expect(figures.money.spend?.costPerMql).toBeCloseTo(25_500 / 252);
    expect(figures.money.spend?.costPerWon).toBeCloseTo(25_500 / 35);
    expect(figures.maturity.openShare).toBeCloseTo((510 - 35 - 128) / 510);
  });

  it('leaves spend figures out when a row has no spend', () => {
    const partial = [...rows, { id: 'd', leads: 5, mql: 1, sql: 0, meetings: 0, won: 0, lost: 0, revenue: 0 }];
    const t2 = totalsByPlatform(partial.map((r) => ({ ...r, platform: 'meta_ads' as const })))[0];
    if (!t2) throw new Error('no totals');
    expect(channelFigures({ totals: t2, rows: partial, currency: 'EUR', minMql: 10, comparison: null }).money.spend).toBeNull();
  });

  it('takes the won-weighted median of the campaign medians', () => {
    expect(weightedMedianDays(rows)).toBe(40); // 30 won at 40 days outweigh 5 at 90
    expect(
      weightedMedianDays([
        { won: 1, median_days_to_won: 10 },
        { won: 3, median_days_to_won: 70 },
      ]),
    ).toBe(70);
    expect(
      weightedMedianDays([
        { won: 2, median_days_to_won: 10 },
        { won: 2, median_days_to_won: 70 },
      ]),
    ).toBe(10);
    expect(weightedMedianDays([{ won: 0 }])).toBeNull();
  });

  it('scales bars to the widest and keeps small non-zero stages visible', () => {
    expect(barShares(funnelSteps({ leads: 1000, mql: 500, sql: 1, meetings: 0, won: 0, lost: 0 }))).toEqual([1, 0.5, 0.01, 0, 0]);
    expect(barShares(funnelSteps({ leads: 0, mql: 0, sql: 0, meetings: 0, won: 0, lost: 0 }))).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('funnel chart and slide', () => {
  it('lays out bars proportionally and puts counts inside long bars only', () => {
    const layout = layoutFunnel(
      [
        { label: 'Lead', count: '8,814', share: 1 },
        { label: 'Won', count: '3', share: 0.02, rate: '5%' },
      ],
      360,
    );
    const [lead, won] = layout.steps;
    expect(lead?.barWidth).toBeCloseTo(lead?.trackWidth ?? 0);
    expect(lead?.countInside).toBe(true);
    expect(won?.countInside).toBe(false);
    expect(won?.countX).toBeGreaterThan((won?.barX ?? 0) + (won?.barWidth ?? 0));
  });

  it('widens the label column for a long stage label, so the bars start after it, and cuts only what a third of the chart cannot hold', () => {
    const steps = (meeting: string) => [
      { label: 'Liidi', count: '8 814', share: 1 },
      { label: meeting, count: '531', share: 0.06, rate: '59 %' },
    ];
    const short = layoutFunnel(
      [
        { label: 'Lead', count: '8,814', share: 1 },
        { label: 'Meeting', count: '531', share: 0.06 },
      ],
      360,
    );
    const finnish = layoutFunnel(steps('Tapaaminen'), 360);
    // "Tapaaminen" is ten characters of 12.5px semibold: about 80px, more than the 76px of "Meeting".
    expect(finnish.steps[1]?.shownLabel).toBe('Tapaaminen');
    expect(finnish.steps[1]?.barX).toBeGreaterThanOrEqual(85);
    expect(short.steps[1]?.barX).toBe(76);
    const apiLabel = 'Meeting held with the buying committee';
    const long = layoutFunnel(steps(apiLabel), 360);
    expect(long.steps[1]?.barX).toBe(120);
    expect(long.steps[1]?.shownLabel).toMatch(/^Meeting held…$/);
    expect(long.steps.every((s) => s.barX === long.steps[1]?.barX)).toBe(true);
  });

  it('escapes every text it draws', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const { svg, width, height } = slideSvg({
      title: 'Channels <script>',
      subtitle: 'A & B',
      highlights: ['Most leads: <Meta>'],
      footer: 'f',
      channels: [
        { name: 'Meta', tags: [{ text: 'Best', tone: 'good' }], steps: [{ label: 'Lead', count: '10', share: 1 }], figures: [{ label: 'ROAS', value: '3×' }] },
        { name: '<img onerror=x>', tags: [], steps: [], figures: [], message: 'No leads' },
      ],
    });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('Channels &lt;script&gt;');
    expect(svg).toContain('No leads');
    expect(svg).toContain('Most leads: &lt;Meta&gt;');
    expect(width).toBe(1600);
    expect(height).toBeGreaterThan(200);
    expect(svg.match(/<svg/g)).toHaveLength(1);
  });
});

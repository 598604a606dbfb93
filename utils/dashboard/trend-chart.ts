/**
 * One small trend chart as a self-contained SVG: a value per period as a line with dots, its 95%
 * interval as a band, the target as a dashed line with its value in words, still-maturing periods
 * shaded and drawn as hollow dots, and a failed period as a gap marked "×". The same SVG is shown
 * in the dashboard (as an image, with a table beside it) and nested in the review PNG.
 * Pure strings; every text is passed in already formatted.
 */
import { escapeXml, SLIDE_COLOURS } from './funnel-chart';

export interface TrendChartPoint {
  /** Short axis label, e.g. "Mar" or "W12". */
  label: string;
  value: number | null;
  /** The interval's ends; null for a figure without one (revenue). `high` may be Infinity. */
  low: number | null;
  high: number | null;
  provisional: boolean;
  failed: boolean;
}

export interface TrendChartInput {
  title: string;
  points: TrendChartPoint[];
  target: { value: number; text: string } | null;
  /** Formats an axis value, e.g. "10%", "€1.5K". */
  format: (value: number) => string;
  provisionalText: string;
  width?: number;
  height?: number;
}

export const TREND_CHART = { width: 340, height: 190, left: 64, right: 14, top: 30, bottom: 26 } as const;

/** A scale's top: above every value, finite interval end and the target, rounded up to a "nice" number. */
export function niceMax(values: readonly number[]): number {
  const max = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * magnitude >= max) ?? 10;
  return step * magnitude;
}

const f1 = (n: number) => n.toFixed(1);

export function trendChartSvg(input: TrendChartInput): string {
  const width = input.width ?? TREND_CHART.width;
  const height = input.height ?? TREND_CHART.height;
  const { left, right, top, bottom } = TREND_CHART;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const n = Math.max(1, input.points.length);
  const slot = plotW / n;
  const values = input.points.flatMap((p) => (p.value === null ? [] : [p.value]));
  // A cost interval can reach far out (a rate near 0% means a huge cost): it is clipped at twice
  // the largest value so the values themselves stay readable.
  const ceiling = 2 * Math.max(0, ...values);
  const ends = input.points.flatMap((p) => [p.low, p.high]).filter((v): v is number => v !== null && Number.isFinite(v) && v <= ceiling);
  const max = niceMax([...values, ...ends, ...(input.target ? [input.target.value] : [])]);
  const x = (i: number) => left + (i + 0.5) * slot;
  const y = (v: number) => top + plotH - (Math.min(v, max) / max) * plotH;
  const c = SLIDE_COLOURS;
  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="0" y="16" font-size="13" font-weight="700" fill="${c.text}">${escapeXml(input.title)}</text>`,
  ];

  // Still-maturing periods: a shaded column and the word once, over the first of them.
  let provisionalLabelled = false;
  input.points.forEach((p, i) => {
    if (!p.provisional || p.failed) return;
    parts.push(`<rect x="${f1(left + i * slot)}" y="${top}" width="${f1(slot)}" height="${plotH}" fill="#fff4d6"/>`);
    if (!provisionalLabelled) {
      parts.push(`<text x="${f1(left + i * slot + 2)}" y="${top - 4}" font-size="10" fill="${c.provisional}">${escapeXml(input.provisionalText)}</text>`);
      provisionalLabelled = true;
    }
  });

  // Axis: 0, half and the top, and the baseline.
  for (const v of [0, max / 2, max]) {
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${f1(y(v))}" y2="${f1(y(v))}" stroke="${c.line}" stroke-width="1"/>`,
      `<text x="${left - 4}" y="${f1(y(v) + 4)}" font-size="10" text-anchor="end" fill="${c.muted}">${escapeXml(input.format(v))}</text>`,
    );
  }
  const labelEvery = n > 8 ? 2 : 1;
  input.points.forEach((p, i) => {
    if ((n - 1 - i) % labelEvery === 0) {
      parts.push(`<text x="${f1(x(i))}" y="${height - 8}" font-size="10" text-anchor="middle" fill="${c.muted}">${escapeXml(p.label)}</text>`);
    }
  });

  // Runs of periods with a value: a failed or empty period breaks the band and the line.
  const runs: number[][] = [];
  let run: number[] = [];
  input.points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(i);
  });
  if (run.length) runs.push(run);
  for (const r of runs) {
    const banded = r.filter((i) => input.points[i]?.low !== null && input.points[i]?.high !== null);
    if (banded.length === r.length && r.length > 0) {
      const upper = r.map((i) => `${f1(x(i))},${f1(y((input.points[i] as TrendChartPoint).high as number))}`);
      const lower = [...r].reverse().map((i) => `${f1(x(i))},${f1(y((input.points[i] as TrendChartPoint).low as number))}`);
      const halo = r.length === 1 ? ` stroke="#c9d8f2" stroke-width="8"` : '';
      parts.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="#c9d8f2" fill-opacity="0.7"${halo}/>`);
    }
    if (r.length > 1) {
      const d = r.map((i, k) => `${k === 0 ? 'M' : 'L'}${f1(x(i))} ${f1(y((input.points[i] as TrendChartPoint).value as number))}`).join(' ');
      parts.push(`<path d="${d}" fill="none" stroke="${c.bar}" stroke-width="2"/>`);
    }
  }
  input.points.forEach((p, i) => {
    if (p.value !== null) {
      parts.push(`<circle cx="${f1(x(i))}" cy="${f1(y(p.value))}" r="3.5" fill="${p.provisional ? '#ffffff' : c.bar}" stroke="${c.bar}" stroke-width="1.5"/>`);
    } else if (p.failed) {
      parts.push(`<text x="${f1(x(i))}" y="${f1(top + plotH - 4)}" font-size="14" font-weight="700" text-anchor="middle" fill="${c.bad}">×</text>`);
    }
  });

  if (input.target) {
    const ty = f1(y(input.target.value));
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${ty}" y2="${ty}" stroke="${c.bad}" stroke-width="1.5" stroke-dasharray="5 3"/>`,
      `<text x="${width - right}" y="${f1(Number(ty) - 4)}" font-size="10" font-weight="600" text-anchor="end" fill="${c.bad}">${escapeXml(input.target.text)}</text>`,
    );
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif">`,
    ...parts,
    '</svg>',
  ].join('');
}

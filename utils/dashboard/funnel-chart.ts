/**
 * Geometry of one funnel chart (Lead → MQL → SQL → Meeting → Won: a bar per stage with its count
 * and the step rate from the previous stage), shared by the on-screen Preact SVG and the slide
 * image so both draw the same chart. Pure numbers and strings.
 */

export interface ChartStep {
  label: string;
  /** Formatted count. */
  count: string;
  /** 0–1 of the widest bar. */
  share: number;
  /** Formatted step rate with interval, e.g. "34% (31–37%)"; absent for the first stage. */
  rate?: string;
}

export interface PlacedStep extends ChartStep {
  /** The label as drawn: cut with "…" when even the widest label column cannot hold it. */
  shownLabel: string;
  y: number;
  barX: number;
  barWidth: number;
  trackWidth: number;
  /** Where the count goes: inside a long bar (white text) or just after a short one. */
  countX: number;
  countInside: boolean;
  rateY: number;
}

export const CHART = {
  /** The narrowest label column; it grows with the longest label ("Tapaaminen", an API's own names). */
  labelWidth: 76,
  /** Rough width of one character of a label in 12.5–14px semibold. */
  labelCharWidth: 8,
  barHeight: 22,
  rowHeight: 50,
  top: 4,
} as const;

/** Rough width of a count in 14px semibold tabular digits; enough to decide inside / outside. */
function countWidth(text: string): number {
  return text.length * 8.6 + 12;
}

export function layoutFunnel(steps: readonly ChartStep[], width: number): { steps: PlacedStep[]; height: number } {
  // Wide enough for the longest label, but never more than a third of the chart: the bars matter more.
  const longest = Math.max(0, ...steps.map((s) => s.label.length));
  const labelWidth = Math.round(Math.min(width / 3, Math.max(CHART.labelWidth, longest * CHART.labelCharWidth + 10)));
  const labelChars = Math.max(2, Math.floor((labelWidth - 10) / CHART.labelCharWidth));
  const trackWidth = Math.max(40, width - labelWidth);
  const placed = steps.map((step, i): PlacedStep => {
    const y = CHART.top + i * CHART.rowHeight;
    const barWidth = step.share > 0 ? Math.max(2, step.share * trackWidth) : 0;
    const countInside = barWidth >= countWidth(step.count) + 4 && barWidth > trackWidth - countWidth(step.count) - 8;
    return {
      ...step,
      shownLabel: fit(step.label, labelChars),
      y,
      barX: labelWidth,
      barWidth,
      trackWidth,
      countInside,
      countX: countInside ? labelWidth + barWidth - 8 : labelWidth + barWidth + 6,
      rateY: y + CHART.barHeight + 15,
    };
  });
  return { steps: placed, height: CHART.top + steps.length * CHART.rowHeight };
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

export interface SlideChannel {
  name: string;
  /** Short tags under the name, e.g. "Best lead quality" (good) or "Provisional". */
  tags: Array<{ text: string; tone: 'good' | 'bad' | 'provisional' }>;
  steps: ChartStep[];
  figures: Array<{ label: string; value: string }>;
  /** Shown instead of a chart when the channel has no data. */
  message?: string;
}

export interface SlideInput {
  title: string;
  subtitle: string;
  /** The headline findings, one line under the subtitle. */
  highlights?: string[];
  footer: string;
  channels: SlideChannel[];
}

export const SLIDE_COLOURS = {
  text: '#1f2328',
  muted: '#57606a',
  track: '#eef1f4',
  bar: '#2f5fb3',
  accent: '#0b57d0',
  good: '#116329',
  bad: '#a40e26',
  provisional: '#6c4a00',
  line: '#d0d7de',
} as const;

/** Cuts text to about `max` characters so it stays inside its column. */
function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/**
 * The channel view as one self-contained SVG (16:9-ish, 1600 wide) for a slide: title, range,
 * one column per channel with its funnel and key figures. No external fonts or images, so it
 * renders the same through an <img> onto a canvas.
 */
export function slideSvg(input: SlideInput): { svg: string; width: number; height: number } {
  const width = 1600;
  const pad = 48;
  const gap = 40;
  const columns = Math.max(1, input.channels.length);
  const colWidth = (width - 2 * pad - gap * (columns - 1)) / columns;
  const highlights = input.highlights?.filter(Boolean) ?? [];
  const chartTop = highlights.length ? 240 : 200;
  const maxChars = Math.floor(colWidth / 8.5);
  const parts: string[] = [];
  let bottom = chartTop;

  input.channels.forEach((channel, i) => {
    const x = pad + i * (colWidth + gap);
    parts.push(
      `<text x="${x}" y="${chartTop - 40}" font-size="24" font-weight="700" fill="${SLIDE_COLOURS.text}">${escapeXml(fit(channel.name, maxChars / 1.4))}</text>`,
    );
    let tagX = x;
    for (const tag of channel.tags) {
      const text = fit(tag.text, maxChars);
      parts.push(`<text x="${tagX}" y="${chartTop - 14}" font-size="15" font-weight="600" fill="${SLIDE_COLOURS[tag.tone]}">${escapeXml(text)}</text>`);
      tagX += text.length * 8.4 + 18;
    }
    if (channel.message !== undefined) {
      parts.push(`<text x="${x}" y="${chartTop + 24}" font-size="16" fill="${SLIDE_COLOURS.muted}">${escapeXml(fit(channel.message, maxChars))}</text>`);
      bottom = Math.max(bottom, chartTop + 40);
      return;
    }
    const layout = layoutFunnel(channel.steps, colWidth);
    parts.push(`<g transform="translate(${x} ${chartTop})" font-size="14">`);
    for (const s of layout.steps) {
      parts.push(
        `<text x="0" y="${s.y + 16}" fill="${SLIDE_COLOURS.text}" font-weight="600">${escapeXml(s.shownLabel)}</text>`,
        `<rect x="${s.barX}" y="${s.y}" width="${s.trackWidth}" height="${CHART.barHeight}" rx="3" fill="${SLIDE_COLOURS.track}"/>`,
        `<rect x="${s.barX}" y="${s.y}" width="${s.barWidth.toFixed(1)}" height="${CHART.barHeight}" rx="3" fill="${SLIDE_COLOURS.bar}"/>`,
        `<text x="${s.countX.toFixed(1)}" y="${s.y + 16}" font-weight="700" text-anchor="${s.countInside ? 'end' : 'start'}" fill="${s.countInside ? '#ffffff' : SLIDE_COLOURS.text}">${escapeXml(s.count)}</text>`,
      );
      if (s.rate) parts.push(`<text x="${s.barX}" y="${s.rateY}" font-size="13" fill="${SLIDE_COLOURS.muted}">${escapeXml(fit(s.rate, maxChars))}</text>`);
    }
    parts.push('</g>');
    let y = chartTop + layout.height + 28;
    for (const figure of channel.figures) {
      parts.push(
        `<text x="${x}" y="${y}" font-size="15" fill="${SLIDE_COLOURS.muted}">${escapeXml(fit(figure.label, maxChars * 0.6))}</text>`,
        `<text x="${x + colWidth}" y="${y}" font-size="15" font-weight="700" text-anchor="end" fill="${SLIDE_COLOURS.text}">${escapeXml(fit(figure.value, maxChars * 0.45))}</text>`,
        `<line x1="${x}" x2="${x + colWidth}" y1="${y + 9}" y2="${y + 9}" stroke="${SLIDE_COLOURS.line}" stroke-width="1"/>`,
      );
      y += 30;
    }
    bottom = Math.max(bottom, y);
  });

  const height = Math.ceil(bottom + 50);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${pad}" y="64" font-size="34" font-weight="700" fill="${SLIDE_COLOURS.text}">${escapeXml(input.title)}</text>`,
    `<text x="${pad}" y="98" font-size="18" fill="${SLIDE_COLOURS.muted}">${escapeXml(input.subtitle)}</text>`,
    ...(highlights.length
      ? [`<text x="${pad}" y="140" font-size="19" font-weight="700" fill="${SLIDE_COLOURS.accent}">${escapeXml(highlights.join('   ·   '))}</text>`]
      : []),
    ...parts,
    `<text x="${pad}" y="${height - 20}" font-size="13" fill="${SLIDE_COLOURS.muted}">${escapeXml(input.footer)}</text>`,
    '</svg>',
  ].join('');
  return { svg, width, height };
}

/**
 * What a badge must say for an API row, written out from the rules independently of the
 * extension's code: "MQL→Won 10% · €75k" with the rate as a whole percent; "1/4 MQL won" below
 * 10 MQLs; a muted "–" without CRM data.
 */
import type { FunnelRow } from '../../../utils/api/schema';

export const MIN_MQL = 10;

export interface ParsedBadge {
  percent?: number;
  revenue?: number;
  few?: { won: number; mql: number };
  none?: true;
}

const SCALE: Record<string, number> = { '': 1, K: 1e3, k: 1e3, M: 1e6, B: 1e9 };

/** Reads a badge's text back into numbers. */
export function parseBadgeText(text: string): ParsedBadge | null {
  if (text.trim() === '–') return { none: true };
  const few = /^(\d+)\/(\d+) MQL won$/.exec(text.trim());
  if (few) return { few: { won: Number(few[1]), mql: Number(few[2]) } };
  const rate = /^MQL→Won (\d+)%(?: · [€$£]([\d.,]+)([KMBk]?))?$/.exec(text.trim());
  if (!rate) return null;
  const parsed: ParsedBadge = { percent: Number(rate[1]) };
  if (rate[2] !== undefined) parsed.revenue = Number(rate[2].replace(/,/g, '')) * (SCALE[rate[3] ?? ''] ?? 1);
  return parsed;
}

/** Whether a badge's text states this row's numbers (compact revenue within its rounding). */
export function badgeAgrees(text: string, row: FunnelRow | undefined): boolean {
  const parsed = parseBadgeText(text);
  if (!parsed) return false;
  if (!row) return parsed.none === true;
  if (row.mql < MIN_MQL) return parsed.few?.won === row.won && parsed.few?.mql === row.mql;
  if (parsed.percent !== Math.round((row.won / row.mql) * 100)) return false;
  if (row.revenue === 0) return parsed.revenue === undefined;
  if (parsed.revenue === undefined) return false;
  // Compact notation keeps two or three significant digits: within 5% of the exact figure.
  return Math.abs(parsed.revenue - row.revenue) <= row.revenue * 0.05;
}

/**
 * The same rule as `badgeAgrees`, as page-side source for in-page probes (a plain string: no
 * transpiled helper may reach the page). Declares `agrees(text, [mql, won, revenue] | undefined)`.
 */
export const BADGE_AGREES_IN_PAGE = String.raw`
  function agrees(text, row) {
    const SCALE = { '': 1, K: 1e3, k: 1e3, M: 1e6, B: 1e9 };
    const MIN_MQL = ${MIN_MQL};
    if (typeof text !== 'string') return false;
    const t = text.trim();
    if (!row) return t === '–';
    const [mql, won, revenue] = row;
    if (mql < MIN_MQL) {
      const few = /^(\d+)\/(\d+) MQL won$/.exec(t);
      return !!few && Number(few[1]) === won && Number(few[2]) === mql;
    }
    const m = /^MQL→Won (\d+)%(?: · [€$£]([\d.,]+)([KMBk]?))?$/.exec(t);
    if (!m || Number(m[1]) !== Math.round((won / mql) * 100)) return false;
    if (revenue === 0) return m[2] === undefined;
    if (m[2] === undefined) return false;
    const shown = Number(m[2].replace(/,/g, '')) * (SCALE[m[3] || ''] || 1);
    return Math.abs(shown - revenue) <= revenue * 0.05;
  }`;

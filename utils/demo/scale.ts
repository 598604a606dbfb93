/**
 * Turn an entity's 30-day funnel into the numbers for any date range. Shared by the built-in demo
 * and the test stats server so both answer the same question with the same numbers.
 */
import type { FunnelRow } from '../api/schema';

/** Funnel numbers without identity; spend lives beside them on the entity (the ad platform owns it). */
export type FunnelCounts = Omit<FunnelRow, 'id' | 'name' | 'spend'>;

/** The window an entity's stored funnel describes. */
export const BASE_WINDOW_DAYS = 30;

const DAY_MS = 86_400_000;

/** Days from `from` to `to`, both included (ISO dates); 0 when `to` is before `from`. */
export function inclusiveDays(from: string, to: string): number {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) throw new RangeError(`not an ISO date range: ${from}..${to}`);
  return Math.max(0, Math.round((end - start) / DAY_MS) + 1);
}

const roundMoney = (amount: number): number => Math.round(amount * 100) / 100;

/**
 * Scale linearly by days/30. Rounding is monotonic, so leads ≥ mql ≥ sql ≥ meetings ≥ won survives;
 * won + lost ≤ leads may not (½ + ½ rounds to 1 + 1), so lost is clamped.
 * Revenue follows won deals; the median time to win is a duration and does not scale.
 */
export function scaleFunnel(funnel: FunnelCounts, days: number): FunnelCounts {
  const factor = days / BASE_WINDOW_DAYS;
  const scaled = (count: number) => Math.round(count * factor);
  const leads = scaled(funnel.leads);
  const won = scaled(funnel.won);
  const lost = Math.min(scaled(funnel.lost), leads - won);
  const [mql, sql, meetings] = [scaled(funnel.mql), scaled(funnel.sql), scaled(funnel.meetings)];
  const revenue = roundMoney(funnel.won > 0 ? funnel.revenue * (won / funnel.won) : funnel.revenue * factor);
  const result: FunnelCounts = { leads, mql, sql, meetings, won, lost, revenue };
  if (funnel.pipeline !== undefined) result.pipeline = roundMoney(funnel.pipeline * factor);
  if (funnel.median_days_to_won !== undefined && won > 0) result.median_days_to_won = funnel.median_days_to_won;
  return result;
}

export function scaleSpend(spend: number, days: number): number {
  return roundMoney((spend * days) / BASE_WINDOW_DAYS);
}

/** The API row for an entity over `days` days. */
export function scaledRow(entity: { id: string; name: string; spend: number | null; funnel: FunnelCounts }, days: number): FunnelRow {
  const row: FunnelRow = { id: entity.id, name: entity.name, ...scaleFunnel(entity.funnel, days) };
  if (entity.spend !== null) row.spend = scaleSpend(entity.spend, days);
  return row;
}

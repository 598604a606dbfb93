/**
 * The targets form's fields as text and back: what a user types ("10", "12,5 %", "1 500 €",
 * "3x") to the numbers the settings keep (0.1, 0.125, 1500, 3). Pure; blank means "no target".
 */
import type { TargetMetric, TargetSet } from '../funnel/targets';
import { TARGET_METRICS } from '../funnel/targets';
import { TARGET_LIMITS } from '../settings/settings';
import type { UiLocale } from '../i18n/locale';

export type ParsedField = { ok: true; value: number | undefined } | { ok: false };

/** The largest value each field accepts, in the units typed (a percentage, money, a multiple). */
export const FIELD_MAX: Record<TargetMetric, number> = { mqlToWon: 100, costPerWon: TARGET_LIMITS.costPerWon, roas: TARGET_LIMITS.roas };

/**
 * One field. Grouping spaces and a trailing unit (%, ×, x, a currency sign or code) are ignored;
 * a comma or a dot is the decimal mark. Values must be above 0 and at most FIELD_MAX.
 */
export function parseTargetField(metric: TargetMetric, text: string): ParsedField {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return { ok: true, value: undefined };
  const number = compact.replace(/^[€$£]|(%|×|x|X|€|\$|£|[A-Za-z]{3})$/g, '');
  if (!/^\d+([.,]\d+)?$/.test(number)) return { ok: false };
  const value = Number(number.replace(',', '.'));
  if (!(value > 0) || value > FIELD_MAX[metric]) return { ok: false };
  // A share is kept as a fraction; rounding keeps 12.5% exactly 0.125 and not 0.12500000000000003.
  return { ok: true, value: metric === 'mqlToWon' ? Math.round(value * 1e4) / 1e6 : value };
}

/** A stored value as the field shows it, in the UI language's decimal mark: 0.125 → "12,5" (fi). */
export function targetFieldText(metric: TargetMetric, value: number | undefined, locale: UiLocale): string {
  if (value === undefined) return '';
  const shown = metric === 'mqlToWon' ? Math.round(value * 1e6) / 1e4 : value;
  return locale === 'fi' ? String(shown).replace('.', ',') : String(shown);
}

/** The fields of one target set, parsed; null when any field is invalid (the form then says which). */
export function parseTargetSet(fields: Record<TargetMetric, string>): TargetSet | null {
  const set: TargetSet = {};
  for (const metric of TARGET_METRICS) {
    const parsed = parseTargetField(metric, fields[metric]);
    if (!parsed.ok) return null;
    if (parsed.value !== undefined) set[metric] = parsed.value;
  }
  return set;
}

/** Whether a set names any target (an empty campaign line is dropped, not saved). */
export function isEmptyTargetSet(set: TargetSet): boolean {
  return TARGET_METRICS.every((m) => set[m] === undefined);
}

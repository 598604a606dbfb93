/**
 * Hook health as data. Each adapter declares the hooks it reads a page by (table, row, name, ID,
 * spend, date, account, level), each with its alternatives, strongest first. On every page context
 * the engine records which alternative matched, so "the page changed" is visible to the user (the
 * summary's details), to the popup, and in the diagnostics a user can copy into a bug report.
 */

export const HOOK_NAMES = ['table', 'row', 'name', 'id', 'spend', 'date', 'account', 'level'] as const;
export type HookName = (typeof HOOK_NAMES)[number];

/** An adapter's hooks and their alternatives, strongest first. A hook it does not read is left out. */
export type HookCatalogue = Readonly<Partial<Record<HookName, readonly string[]>>>;

/** Which alternative of each declared hook matched on the page; null: none of them did. */
export type HookHealth = Partial<Record<HookName, string | null>>;

/** Alternatives the engine itself adds to every catalogue: the platform-blind fallback finder. */
export const FALLBACK_HOOK = 'fallback';

/**
 * The health as it may be shown: only declared hooks, and only declared alternatives (or the
 * fallback's). An adapter naming an alternative it never declared is reported as not found, so the
 * report never claims a hook the catalogue does not know.
 */
export function checkedHealth(catalogue: HookCatalogue, reported: HookHealth): HookHealth {
  const health: HookHealth = {};
  for (const hook of HOOK_NAMES) {
    const alternatives = catalogue[hook];
    if (!alternatives) continue;
    const matched = reported[hook] ?? null;
    health[hook] = matched !== null && (alternatives.includes(matched) || matched === FALLBACK_HOOK) ? matched : null;
  }
  return health;
}

/** The declared hooks none of whose alternatives matched. */
export function missingHooks(health: HookHealth): HookName[] {
  return HOOK_NAMES.filter((hook) => hook in health && health[hook] === null);
}

/** Per-platform outcome of the last API call, for the popup's status section. */
import { storage } from 'wxt/utils/storage';
import type { ApiError } from '../api/errors';
import type { Platform } from '../api/constants';

export interface PlatformOutcome {
  lastUpdate: number | null;
  lastError: ApiError | null;
}

export type OutcomeByPlatform = Partial<Record<Platform, PlatformOutcome>>;

export const outcomesItem = storage.defineItem<OutcomeByPlatform>('local:platformOutcomes', { fallback: {} });

/** Writes are chained so two outcomes landing together do not overwrite each other. */
let writes: Promise<unknown> = Promise.resolve();

export function recordPlatformOutcome(platform: Platform, outcome: { ok: true; at: number } | { ok: false; error: ApiError; at: number }): Promise<void> {
  const write = writes.then(async () => {
    const all = await outcomesItem.getValue();
    const previous = all[platform] ?? { lastUpdate: null, lastError: null };
    all[platform] = outcome.ok ? { lastUpdate: outcome.at, lastError: null } : { lastUpdate: previous.lastUpdate, lastError: outcome.error };
    await outcomesItem.setValue(all);
  });
  writes = write.catch(() => undefined);
  return write;
}

/**
 * The date range each tab's user picked in the page summary (utils/dates/range-choice.ts), kept
 * by the background in `storage.session`: the page cannot read it (content scripts have no access
 * to session storage in Chrome, and none of this is in the page), it survives a reload of the tab
 * and a restart of the worker, and it ends with the browser session. A closed tab's choice is
 * never read again (tab IDs are not reused within a session) and is dropped at the next choice
 * made in any tab: listening for closed tabs instead would wake the worker at every tab the user
 * closes, anywhere in the browser.
 */
import { FunnelQuerySchema } from '../api/schema';
import { z } from '../api/zod';
import { resolveTabRange, TAB_RANGE_PRESETS, type TabRangeChoice } from '../dates/range-choice';

/** A choice as a content script may send it; anything else is refused (the page is hostile). */
export const TabRangeChoiceSchema: z.ZodType<TabRangeChoice> = z.union([
  z.object({ preset: z.enum(TAB_RANGE_PRESETS) }).strict(),
  z
    .object({ preset: z.literal('custom'), from: FunnelQuerySchema.shape.from, to: FunnelQuerySchema.shape.to })
    .strict()
    // Real calendar days, in order (the shape alone lets `2026-02-30` through).
    .refine((c) => resolveTabRange(c, new Date()) !== null),
]);

export type StoredTabRanges = Record<string, TabRangeChoice>;

export interface TabRangeItem {
  get(): Promise<StoredTabRanges>;
  set(value: StoredTabRanges): Promise<void>;
  /** Whether the tab is still open (closed tabs' choices are dropped). */
  isOpen(tabId: number): Promise<boolean>;
}

export interface TabRanges {
  get(tabId: number): Promise<TabRangeChoice | null>;
  /** null forgets the tab's choice. */
  set(tabId: number, choice: TabRangeChoice | null): Promise<void>;
}

export function createTabRanges(item: TabRangeItem): TabRanges {
  // One write after another: two quick choices must not overwrite each other's read-modify-write.
  let queue: Promise<unknown> = Promise.resolve();
  /** `change` says whether it changed anything (forgetting a tab that had no choice does not). */
  const update = (change: (stored: StoredTabRanges) => boolean | Promise<boolean>) => {
    const next = queue.then(async () => {
      const stored = { ...((await item.get()) ?? {}) };
      if (await change(stored)) await item.set(stored);
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    async get(tabId) {
      await queue;
      const stored = (await item.get())?.[String(tabId)];
      // Whatever is stored is checked again: an older version may have stored another shape.
      const parsed = TabRangeChoiceSchema.safeParse(stored);
      return parsed.success ? parsed.data : null;
    },
    set(tabId, choice) {
      return update(async (stored) => {
        const key = String(tabId);
        if (choice === null) {
          if (!(key in stored)) return false;
          delete stored[key];
          return true;
        }
        stored[key] = choice;
        // The choices of tabs closed since: dropped now (see the file comment).
        const others = Object.keys(stored).filter((k) => k !== key);
        const open = await Promise.all(others.map((k) => item.isOpen(Number(k)).catch(() => true)));
        others.forEach((k, i) => {
          if (!open[i]) delete stored[k];
        });
        return true;
      });
    },
  };
}

/** The range each tab's user picked in the summary: kept per sender tab, validated, forgotten on request. */
import { describe, expect, it } from 'vitest';
import { createHandlers, RefusedMessageError, type HandlerDeps } from '../../../utils/background/handlers';
import { createTabRanges, type StoredTabRanges } from '../../../utils/background/tab-ranges';
import type { FunnelService } from '../../../utils/background/funnel-service';
import { readSettings, updateSettings } from '../../../utils/settings/settings';

const EXTENSION_ID = 'funnel-lens-test-id';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const googleTab = (id: number) => ({ id: EXTENSION_ID, url: 'https://ads.google.com/aw/campaigns?ocid=1', tab: { id } });
const popup = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html` };

function setup() {
  let stored: StoredTabRanges = {};
  const tabRanges = createTabRanges({ get: async () => stored, set: async (value) => void (stored = value), isOpen: async () => true });
  const deps: HandlerDeps = {
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    service: {} as FunnelService,
    readSettings,
    updateSettings,
    readConnection: async () => null,
    writeConnection: async () => undefined,
    readOutcomes: async () => ({}),
    clearOutcomes: async () => undefined,
    hasOriginPermission: async () => true,
    getMeta: async () => ({ name: 'x', currency: 'EUR', stages: [{ key: 'lead', label: 'Lead' }] }),
    subscribe: () => undefined,
    notifyAll: () => undefined,
    tabRanges,
  };
  return { handlers: createHandlers(deps), tabRanges, stored: () => stored };
}

describe('tab range choices', () => {
  it('keep each tab its own choice, keyed by the sending tab, and forget it on null', async () => {
    const { handlers, tabRanges } = setup();
    expect(await handlers.getTabRange(undefined, googleTab(4))).toBeNull();
    await handlers.setTabRange({ preset: 'last_7d' }, googleTab(4));
    await handlers.setTabRange({ preset: 'custom', from: '2026-10-01', to: '2026-10-31' }, googleTab(5));
    expect(await handlers.getTabRange(undefined, googleTab(4))).toEqual({ preset: 'last_7d' });
    expect(await handlers.getTabRange(undefined, googleTab(5))).toEqual({ preset: 'custom', from: '2026-10-01', to: '2026-10-31' });
    await tabRanges.set(4, null);
    expect(await handlers.getTabRange(undefined, googleTab(4))).toBeNull();
    expect(await handlers.getTabRange(undefined, googleTab(5))).not.toBeNull();
  });

  it('refuse choices that are not real ranges, and extension pages or senders without a tab', async () => {
    const { handlers, stored } = setup();
    const bad: unknown[] = [
      { preset: 'last_10000d' },
      { preset: 'custom', from: '2026-02-30', to: '2026-03-01' },
      { preset: 'custom', from: '2026-10-31', to: '2026-10-01' },
      { preset: 'custom', from: '2026-10-01' },
      { preset: 'last_7d', tabId: 9 },
      '__proto__',
    ];
    for (const choice of bad) await expect(handlers.setTabRange(choice as never, googleTab(4))).rejects.toBeInstanceOf(RefusedMessageError);
    await expect(handlers.setTabRange({ preset: 'last_7d' }, popup)).rejects.toBeInstanceOf(RefusedMessageError);
    await expect(handlers.getTabRange(undefined, popup)).rejects.toBeInstanceOf(RefusedMessageError);
    await expect(handlers.setTabRange({ preset: 'last_7d' }, { id: EXTENSION_ID, url: googleTab(1).url })).rejects.toBeInstanceOf(RefusedMessageError);
    expect(stored()).toEqual({});
  });

  it('keep both of two quick choices from different tabs (writes in turn)', async () => {
    const { tabRanges, stored } = setup();
    await Promise.all([tabRanges.set(1, { preset: 'last_7d' }), tabRanges.set(2, { preset: 'last_month' })]);
    expect(stored()).toEqual({ 1: { preset: 'last_7d' }, 2: { preset: 'last_month' } });
  });

  it('drop the choices of closed tabs at the next choice, and write nothing to forget a tab without one', async () => {
    let stored: StoredTabRanges = { 1: { preset: 'last_7d' }, 2: { preset: 'last_month' } };
    let writes = 0;
    const open = new Set([2, 3]);
    const tabRanges = createTabRanges({ get: async () => stored, set: async (value) => void (writes++, (stored = value)), isOpen: async (id) => open.has(id) });
    await tabRanges.set(9, null);
    expect(writes).toBe(0);
    await tabRanges.set(3, { preset: 'this_month' });
    expect(stored).toEqual({ 2: { preset: 'last_month' }, 3: { preset: 'this_month' } });
  });

  it('read a stored value of another shape as no choice', async () => {
    const tabRanges = createTabRanges({ get: async () => ({ 3: { from: 'x' } as never }), set: async () => undefined, isOpen: async () => true });
    expect(await tabRanges.get(3)).toBeNull();
  });
});

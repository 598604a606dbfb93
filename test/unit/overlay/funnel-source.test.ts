/**
 * The funnel source: one request per page context, the answer of the latest context only, a
 * refresh that keeps the numbers on screen, funnelChanged for this context only, and a retry
 * after a 429 once the block has passed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FunnelAnswer, FunnelRequest } from '../../../utils/messaging';
import type { PageContext } from '../../../utils/overlay/adapter';
import { createFunnelSource } from '../../../utils/overlay/funnel-source';
import type { SeenRow } from '../../../utils/overlay/seen-row';
import { funnelData as data, springSale } from './support/answers';
import { openOverlayPage, type OverlayPage } from './support/overlay-dom';

const october: PageContext = {
  platform: 'meta_ads',
  level: 'campaign',
  levelLabel: null,
  accountId: '1',
  range: { from: '2026-10-01', to: '2026-10-31' },
  rangeAssumed: false,
};
const may: PageContext = { ...october, range: { from: '2026-05-01', to: '2026-05-31' } };
let page: OverlayPage;
beforeEach(() => {
  page = openOverlayPage('');
});
afterEach(() => {
  page.restore();
  vi.useRealTimers();
});

/** A background whose answers the test hands out, in any order. */
function setUp(seen: SeenRow[] = []) {
  const asked: Array<{ request: FunnelRequest; answer(a: FunnelAnswer): void }> = [];
  const listeners = new Set<(request: FunnelRequest) => void>();
  const events: string[] = [];
  let context: PageContext | null = october;
  const source = createFunnelSource(page.ctx, page.ctx.signal, {
    askFunnel: (request) => new Promise((resolve) => asked.push({ request, answer: resolve })),
    onFunnelChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    context: () => context,
    seen: () => seen,
    onCleared: () => events.push('cleared'),
    onAnswer: (answer) => events.push(answer.ok ? `answer ${answer.rows.length}` : `error ${answer.error.kind}`),
    random: () => 0,
  });
  const changed = (request: FunnelRequest) => listeners.forEach((l) => l(request));
  return { source, asked, events, changed, listeners, setContext: (c: PageContext | null) => (context = c) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createFunnelSource', () => {
  it('asks once per context, and keeps only the answer of the context asked last', async () => {
    const { source, asked, events, setContext } = setUp();
    source.load(october);
    setContext(may);
    source.load(may);
    expect(asked.map((a) => a.request)).toEqual([
      { platform: 'meta_ads', level: 'campaign', accountId: '1', from: '2026-10-01', to: '2026-10-31' },
      { platform: 'meta_ads', level: 'campaign', accountId: '1', from: '2026-05-01', to: '2026-05-31' },
    ]);
    asked[1]!.answer(data([springSale]));
    await flush();
    // October's answer arrives late: it must not replace May's.
    asked[0]!.answer(data([]));
    await flush();
    expect(events).toEqual(['cleared', 'cleared', 'answer 1']);
    expect(source.answer).toMatchObject({ ok: true, rows: [springSale] });
  });

  it('indexes the answer with the campaigns already seen, and a refresh keeps the numbers on screen', async () => {
    const { source, asked, changed } = setUp([{ key: 'id:7', id: '7', name: 'Spring Sale' }]);
    source.load(october);
    asked[0]!.answer(data([springSale]));
    await flush();
    expect(source.index?.lookup('7', 'Spring Sale')).toMatchObject({ kind: 'match', row: springSale });
    expect(source.baseline).not.toBeNull();
    // Fresher data for another range: not ours. For this one: asked again, the old answer stays meanwhile.
    changed({ platform: 'meta_ads', level: 'campaign', accountId: '1', from: '2026-05-01', to: '2026-05-31' });
    expect(asked).toHaveLength(1);
    changed({ platform: 'meta_ads', level: 'campaign', accountId: '1', from: '2026-10-01', to: '2026-10-31' });
    expect(asked).toHaveLength(2);
    expect(source.answer).toMatchObject({ ok: true, rows: [springSale] });
  });

  it('asks again after a 429 once the block has passed, and stops listening when the context goes', async () => {
    vi.useFakeTimers();
    const { source, asked, listeners } = setUp();
    source.load(october);
    asked[0]!.answer({ ok: false, error: { kind: 'rate_limited', retryAfterSec: 2 } });
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(asked).toHaveLength(1);
    // 2 s, plus 250 ms, plus the random share (0 here) of at least a second.
    await vi.advanceTimersByTimeAsync(250);
    expect(asked).toHaveLength(2);
    expect(source.answer).toMatchObject({ ok: false });
    page.ctx.abort();
    expect(listeners.size).toBe(0);
  });
});

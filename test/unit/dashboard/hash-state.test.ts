import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseHash, resolveRange, serialiseHash, type DashboardState } from '../../../utils/dashboard/hash-state';

describe('dashboard hash state', () => {
  it('round-trips every field through the hash', () => {
    const state: DashboardState = {
      tab: 'campaigns',
      range: { preset: 'custom', from: '2026-01-01', to: '2026-03-31' },
      channel: 'linkedin_ads',
      query: 'Hinnoittelu & ÄÖ =x',
      sort: { key: 'revenue', dir: 'asc' },
      grain: 'quarter',
    };
    const hash = serialiseHash(state);
    expect(hash.startsWith('#')).toBe(true);
    expect(parseHash(hash)).toEqual(state);
  });

  it('writes presets by name and leaves defaults out', () => {
    expect(serialiseHash({ ...DEFAULT_STATE, tab: 'channels', range: { preset: 'last_quarter' } })).toBe('#tab=channels&range=last_quarter');
  });

  it('falls back to the default for anything unknown or broken', () => {
    expect(parseHash('')).toEqual(DEFAULT_STATE);
    expect(parseHash('#tab=nope&range=last_7d&channel=tiktok&sort=secret&dir=sideways')).toEqual(DEFAULT_STATE);
    // Not a real day, and from after to: both ignored, the preset wins.
    expect(parseHash('#from=2026-02-30&to=2026-03-01&range=last_30d').range).toEqual({ preset: 'last_30d' });
    expect(parseHash('#from=2026-04-01&to=2026-03-01').range).toEqual(DEFAULT_STATE.range);
    // A bare sort key defaults to descending.
    expect(parseHash('#sort=leads').sort).toEqual({ key: 'leads', dir: 'desc' });
    expect(parseHash(`#q=${'x'.repeat(500)}`).query).toHaveLength(200);
    expect(parseHash('#tab=trends&grain=decade')).toEqual({ ...DEFAULT_STATE, tab: 'trends' });
  });

  it('resolves presets against today in the local calendar', () => {
    const today = new Date(2026, 4, 15); // 15 May 2026, Q2
    expect(resolveRange({ preset: 'last_30d' }, today)).toEqual({ from: '2026-04-15', to: '2026-05-14' });
    expect(resolveRange({ preset: 'last_365d' }, today)).toEqual({ from: '2025-05-15', to: '2026-05-14' });
    expect(resolveRange({ preset: 'this_quarter' }, today)).toEqual({ from: '2026-04-01', to: '2026-05-15' });
    expect(resolveRange({ preset: 'last_quarter' }, today)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(resolveRange({ preset: 'last_quarter' }, new Date(2026, 1, 3))).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(resolveRange({ preset: 'custom', from: '2026-01-05', to: '2026-01-06' }, today)).toEqual({ from: '2026-01-05', to: '2026-01-06' });
  });
});

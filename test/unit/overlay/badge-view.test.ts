/** What a badge says, in English, for each state; the README's worked example included. */
import { describe, expect, it } from 'vitest';
import type { FunnelRow } from '../../../utils/api/schema';
import { t } from '../../../utils/i18n/t';
import { createMatchIndex } from '../../../utils/matching/lookup';
import { badgeFigures, buildBadgeView, type BadgeFigures, type FiguresInput } from '../../../utils/overlay/badge-view';
import { poolCounts } from '../../../utils/funnel/totals';
import { funnelData, STAGES } from './support/answers';
import type { FunnelData } from '../../../utils/messaging';

const answer = funnelData;

const springSale: FunnelRow = {
  id: '120210942987570608',
  name: 'Spring Sale',
  leads: 120,
  mql: 80,
  sql: 30,
  meetings: 20,
  won: 8,
  lost: 10,
  revenue: 75000,
  pipeline: 120000,
  median_days_to_won: 47,
  spend: 9000,
};
// The rest of the account: 400 MQLs, 40 won = 10%, the same as Spring Sale.
const rest: FunnelRow = { id: '2', name: 'Rest', leads: 800, mql: 400, sql: 150, meetings: 100, won: 40, lost: 60, revenue: 300000 };
// A much better campaign: 60 of 100 MQLs won.
const star: FunnelRow = { id: '3', name: 'Star', leads: 150, mql: 100, sql: 90, meetings: 80, won: 60, lost: 10, revenue: 600000 };

function view(row: FunnelRow, rows: FunnelRow[], data = answer(rows)) {
  const index = createMatchIndex(rows);
  return buildBadgeView({
    answer: data,
    match: index.lookup(row.id ?? null, row.name ?? ''),
    baseline: poolCounts(rows),
    locale: 'en',
    name: row.name ?? '',
    t,
  });
}

describe('badge view', () => {
  it('reads like the README example: MQL→Won 10% · €75K, similar to an account at 10%', () => {
    const v = view(springSale, [springSale, rest]);
    expect(v.text).toBe('MQL→Won 10% · €75K');
    expect(v.tone).toBe('similar');
    // The visible text first (WCAG 2.5.3, label in name), then what it means.
    expect(v.ariaLabel).toBe(
      'MQL→Won 10% · €75K. Funnel Lens, Spring Sale: 8 of 80 MQL won; won revenue €75K; similar to the account average. Press Enter for the funnel.',
    );
  });

  it('remembered figures are shared by every page row of a campaign, each keeping its own name', () => {
    const rows = [springSale, rest];
    const data = answer(rows);
    const index = createMatchIndex(rows);
    const made: FunnelRow[] = [];
    const remembered = new Map<FunnelRow, BadgeFigures>();
    const figures = (row: FunnelRow, input: FiguresInput) => {
      if (!remembered.has(row)) {
        made.push(row);
        remembered.set(row, badgeFigures(row, input));
      }
      return remembered.get(row) as BadgeFigures;
    };
    const shown = (name: string) =>
      buildBadgeView({ answer: data, match: index.lookup(springSale.id ?? null, name), baseline: poolCounts(rows), locale: 'en', name, t, figures });
    const first = shown('Spring Sale');
    const second = shown('Spring Sale (copy)');
    expect(made).toEqual([springSale]);
    expect(second.text).toBe('MQL→Won 10% · €75K');
    expect(first.ariaLabel).toContain('Funnel Lens, Spring Sale: 8 of 80');
    expect(second.ariaLabel).toContain('Funnel Lens, Spring Sale (copy): 8 of 80');
  });

  it('calls a campaign better only when its interval clears the rest of the account', () => {
    expect(view(star, [springSale, rest, star]).tone).toBe('better');
    expect(view(rest, [springSale, rest, star]).tone).toBe('worse');
  });

  it('shows the counts, not a percentage, below the minimum MQLs', () => {
    const few: FunnelRow = { id: '9', name: 'Tiny', leads: 9, mql: 4, sql: 2, meetings: 1, won: 1, lost: 2, revenue: 5000 };
    const v = view(few, [few, rest]);
    expect(v.text).toBe('1/4 MQL won');
    expect(v.tone).toBe('insufficient');
    expect(v.ariaLabel).toBe('1/4 MQL won. Funnel Lens, Tiny: too little data for a rate; won revenue €5K. Press Enter for the funnel.');
  });

  it('uses the stage labels the API sends', () => {
    const renamed = STAGES.map((s) => (s.key === 'mql' ? { ...s, label: 'MQL+' } : s.key === 'won' ? { ...s, label: 'Closed' } : s));
    const v = view(springSale, [springSale, rest], answer([springSale, rest], { stages: renamed }));
    expect(v.text).toBe('MQL+→Closed 10% · €75K');
  });

  it('shows a muted marker without CRM data, and a loading state before the answer', () => {
    const index = createMatchIndex([rest]);
    const none = buildBadgeView({
      answer: answer([rest]),
      match: index.lookup('404', 'Unknown campaign'),
      baseline: poolCounts([rest]),
      locale: 'en',
      name: 'Unknown campaign',
      t,
    });
    expect(none).toMatchObject({ text: '–', tone: 'none', hasDetails: false });
    expect(none.ariaLabel).toContain('no CRM data');
    const loading = buildBadgeView({ answer: null, match: null, baseline: null, locale: 'en', name: 'x', t });
    expect(loading).toMatchObject({ text: '…', tone: 'loading' });
  });

  it('omits revenue when nothing was won, but still shows the rate', () => {
    const zero: FunnelRow = { id: '5', name: 'Zero', leads: 100, mql: 50, sql: 10, meetings: 5, won: 0, lost: 20, revenue: 0 };
    expect(view(zero, [zero, rest]).text).toBe('MQL→Won 0%');
  });

  describe('against a target (issue 23)', () => {
    const withTargets = (targets: NonNullable<FunnelData['display']['targets']>) =>
      answer([springSale, rest], { display: { minMql: 10, compareRule: 'interval', targets } });

    it('adds a one-character marker and the verdict in words, judged on the 95% interval (5.2%–18.5%)', () => {
      const missed = view(springSale, [springSale, rest], withTargets({ channel: { mqlToWon: 0.2 }, campaigns: [] }));
      expect(missed.text).toBe('MQL→Won 10% · €75K ✗');
      expect(missed.ariaLabel).toBe(
        'MQL→Won 10% · €75K ✗. Funnel Lens, Spring Sale: 8 of 80 MQL won; won revenue €75K; similar to the account average. Press Enter for the funnel. MQL→Won target 20%: missed',
      );
      const met = view(springSale, [springSale, rest], withTargets({ channel: { mqlToWon: 0.05 }, campaigns: [] }));
      expect(met.text).toBe('MQL→Won 10% · €75K ✓');
      expect(met.ariaLabel.endsWith('MQL→Won target 5%: met')).toBe(true);
      const unclear = view(springSale, [springSale, rest], withTargets({ channel: { mqlToWon: 0.1 }, campaigns: [] }));
      expect(unclear.text).toBe('MQL→Won 10% · €75K ?');
      expect(unclear.ariaLabel.endsWith('MQL→Won target 10%: not enough data to say')).toBe(true);
    });

    it('uses the campaign’s own target before its channel’s', () => {
      const v = view(
        springSale,
        [springSale, rest],
        withTargets({ channel: { mqlToWon: 0.2 }, campaigns: [{ platform: 'meta_ads', campaign: 'Spring Sale', mqlToWon: 0.05 }] }),
      );
      expect(v.text).toBe('MQL→Won 10% · €75K ✓');
    });

    it('is unchanged when no MQL→Won target applies to the campaign', () => {
      const v = view(springSale, [springSale, rest], withTargets({ channel: { roas: 3 }, campaigns: [] }));
      expect(v.text).toBe('MQL→Won 10% · €75K');
      expect(v.ariaLabel).toBe(view(springSale, [springSale, rest]).ariaLabel);
    });
  });
});

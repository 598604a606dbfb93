/** The platform's lead counts by campaign: read at most once a second, sent only when they change. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FunnelRequest, PlatformLeadsNoteRow } from '../../../utils/messaging';
import type { PageContext, PageRow } from '../../../utils/overlay/adapter';
import { createLeadCounts } from '../../../utils/overlay/lead-counts';
import type { SeenRow } from '../../../utils/overlay/seen-row';

const context: PageContext = {
  platform: 'meta_ads',
  level: 'campaign',
  levelLabel: null,
  accountId: '1',
  range: { from: '2026-10-01', to: '2026-10-31' },
  rangeAssumed: false,
};
const table = {} as Element;
const node = (text: string | null) => ({ text }) as unknown as Element;
const rows: PageRow[] = [
  { row: node('120'), anchor: node(null), id: '7', name: 'Spring Sale' },
  { row: node('1.2K'), anchor: node(null), id: '9', name: 'Tiny' },
];
const seen = new Map<string, SeenRow>([
  ['id:7', { key: 'id:7', id: '7', name: 'Spring Sale' }],
  ['id:9', { key: 'id:9', id: '9', name: 'Tiny' }],
]);

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-22T12:00:00Z') }));
afterEach(() => vi.useRealTimers());

function setUp() {
  const sent: Array<{ request: FunnelRequest; rows: PlatformLeadsNoteRow[] }> = [];
  const counts = createLeadCounts({
    adapter: { readPlatformLeads: (row) => (row as unknown as { text: string | null }).text },
    seen,
    send: (request, sentRows) => sent.push({ request, rows: sentRows }),
  });
  return { counts, sent };
}

describe('createLeadCounts', () => {
  it('reads every row at most once a second, and sends only the counts that changed', () => {
    const { counts, sent } = setUp();
    counts.readDue(rows, table, context);
    expect(counts.byKey.get('id:7')).toEqual({ text: '120', count: 120, approximate: false });
    expect(counts.byKey.get('id:9')).toEqual({ text: '1.2K', count: 1200, approximate: true });
    expect(sent).toEqual([
      {
        request: { platform: 'meta_ads', level: 'campaign', accountId: '1', from: '2026-10-01', to: '2026-10-31' },
        rows: [
          { id: '7', name: 'Spring Sale', leads: 120 },
          { id: '9', name: 'Tiny', leads: 1200 },
        ],
      },
    ]);
    (rows[0]!.row as unknown as { text: string }).text = '121';
    vi.advanceTimersByTime(999);
    counts.readDue(rows, table, context);
    expect(counts.byKey.get('id:7')?.count).toBe(120);
    vi.advanceTimersByTime(1);
    counts.readDue(rows, table, context);
    expect(sent.at(-1)?.rows).toEqual([{ id: '7', name: 'Spring Sale', leads: 121 }]);
    (rows[0]!.row as unknown as { text: string }).text = '120';
  });

  it('keeps the last count of a row whose cell is not rendered now, and starts empty on a new context', () => {
    const { counts } = setUp();
    expect(counts.readRow('id:7', node('95'), table)?.count).toBe(95);
    const version = counts.version;
    expect(counts.readRow('id:7', node(null), table)?.count).toBe(95);
    expect(counts.version).toBe(version);
    counts.clear();
    expect(counts.byKey.size).toBe(0);
    expect(counts.readRow('id:7', node(null), table)).toBeNull();
  });
});

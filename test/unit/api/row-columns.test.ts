/** Rows as columns on the wire: what a tab decodes must equal what the background parsed. */
import { describe, expect, it } from 'vitest';
import { packRows, unpackRows } from '../../../utils/api/row-columns';
import { FunnelRowSchema, parseFunnelResponse, type FunnelRow } from '../../../utils/api/schema';

const FULL: FunnelRow = {
  id: '120210942987570608',
  name: 'Spring Sale | FI',
  leads: 120,
  mql: 80,
  sql: 30,
  meetings: 20,
  won: 8,
  lost: 10,
  revenue: 64000.5,
  pipeline: 90000,
  median_days_to_won: 41.5,
  spend: 3891.53,
};

describe('rows as columns', () => {
  it('carry every field of the contract and give back equal rows', () => {
    // Every key of the schema is set here, so a field added to the contract but not to the
    // columns fails this test.
    expect(Object.keys(FULL).sort()).toEqual(Object.keys(FunnelRowSchema.shape).sort());
    const columns = packRows([FULL]);
    expect(unpackRows(columns)).toEqual([FULL]);
    expect(Object.keys(unpackRows(columns)[0]!)).toEqual(Object.keys(FunnelRowSchema.shape));
  });

  it('leave optional fields out again, rather than turning them into null or 0', () => {
    const byName: FunnelRow = { name: 'No id', leads: 5, mql: 3, sql: 0, meetings: 0, won: 0, lost: 1, revenue: 0 };
    const byId: FunnelRow = { id: '42', leads: 1, mql: 1, sql: 1, meetings: 1, won: 1, lost: 0, revenue: 10, spend: 0 };
    const decoded = unpackRows(packRows([byName, byId, FULL]));
    expect(decoded).toEqual([byName, byId, FULL]);
    expect('id' in decoded[0]!).toBe(false);
    expect('spend' in decoded[0]!).toBe(false);
    expect(decoded[1]!.spend).toBe(0);
  });

  it('survive the JSON that chrome.runtime messaging uses, for a whole parsed response', () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      ...(i % 3 === 0 ? {} : { id: `1202${i}` }),
      ...(i % 3 === 1 ? {} : { name: `Campaign ${i} – “quoted” \\ slash` }),
      leads: 100 + i,
      mql: 50 + (i % 50),
      sql: 20,
      meetings: 10,
      won: i % 10,
      lost: 3,
      revenue: i * 1000.25,
      ...(i % 2 ? { pipeline: i * 7 } : {}),
    }));
    const parsed = parseFunnelResponse({ currency: 'EUR', as_of: '2026-11-01T00:00:00Z', rows });
    expect(parsed.rows).toHaveLength(300);
    const travelled = JSON.parse(JSON.stringify(packRows(parsed.rows)));
    expect(unpackRows(travelled)).toEqual(parsed.rows);
  });

  it('handle an empty answer', () => {
    expect(unpackRows(JSON.parse(JSON.stringify(packRows([]))))).toEqual([]);
  });
});

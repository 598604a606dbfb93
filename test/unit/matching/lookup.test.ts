/** The overlay's per-row match index (the matching rules, answered one row at a time). */
import { describe, expect, it } from 'vitest';
import type { FunnelRow } from '../../../utils/api/schema';
import { createMatchIndex } from '../../../utils/matching/lookup';

const counts = { leads: 10, mql: 5, sql: 2, meetings: 1, won: 1, lost: 1, revenue: 100 };
const api: FunnelRow[] = [
  { id: '111', name: 'Brand FI', ...counts },
  { name: 'Spring Sale', ...counts, won: 2 },
  { name: 'Retargeting', ...counts, won: 3 },
];

describe('createMatchIndex', () => {
  it('matches by ID first, whatever the names on the page', () => {
    const index = createMatchIndex(api);
    index.notePageRow({ key: 'id:111', id: '111', name: 'Spring Sale' });
    index.notePageRow({ key: 'id:222', id: '222', name: 'Spring Sale' });
    expect(index.lookup('111', 'Spring Sale')).toMatchObject({ kind: 'match', by: 'id', row: api[0] });
  });

  it('sees a name shared by two page rows as ambiguous, though both were noted before any lookup', () => {
    const index = createMatchIndex(api);
    expect(index.notePageRow({ key: 'name:spring-a', id: null, name: 'Spring Sale' })).toBe(false);
    expect(index.notePageRow({ key: 'name:spring-b', id: null, name: ' spring  sale ' })).toBe(false);
    expect(index.lookup(null, 'Spring Sale')).toEqual({ kind: 'ambiguous' });
    expect(index.lookup(null, 'Retargeting')).toMatchObject({ kind: 'match', by: 'name', row: api[2] });
  });

  it('says when a second page row makes a name match shown earlier ambiguous', () => {
    const index = createMatchIndex(api);
    index.notePageRow({ key: 'name:a', id: null, name: 'Spring Sale' });
    expect(index.lookup(null, 'Spring Sale')).toMatchObject({ kind: 'match', by: 'name', row: api[1] });
    // The same page row again changes nothing; another row with that name does.
    expect(index.notePageRow({ key: 'name:a', id: null, name: 'Spring Sale' })).toBe(false);
    expect(index.notePageRow({ key: 'name:b', id: null, name: 'Spring Sale' })).toBe(true);
    expect(index.lookup(null, 'Spring Sale')).toEqual({ kind: 'ambiguous' });
    // A name no API row has cannot make anything ambiguous.
    index.notePageRow({ key: 'name:c', id: null, name: 'Unknown' });
    expect(index.notePageRow({ key: 'name:d', id: null, name: 'Unknown' })).toBe(false);
  });

  it('pairs a page row whose ID finds nothing only with API rows without an ID', () => {
    const index = createMatchIndex(api);
    expect(index.lookup('999', 'Brand FI')).toEqual({ kind: 'none' });
    expect(index.lookup('999', 'Spring Sale')).toMatchObject({ kind: 'match', by: 'name', row: api[1] });
  });
});

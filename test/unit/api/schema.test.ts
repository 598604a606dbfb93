import { describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, FunnelQuerySchema, MAX_NAME_LENGTH, MetaResponseSchema, parseFunnelResponse, parseMetaResponse } from '../../../utils/api/schema';
import { toApiError } from '../../../utils/api/errors';

const META = {
  name: 'Acme CRM',
  currency: 'EUR',
  stages: [
    { key: 'lead', label: 'Lead' },
    { key: 'mql', label: 'MQL' },
    { key: 'sql', label: 'SQL' },
    { key: 'meeting', label: 'Meeting' },
    { key: 'won', label: 'Won' },
  ],
};

const ROW = {
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

const envelope = (rows: unknown[]) => ({ currency: 'EUR', as_of: '2026-11-22T08:00:00Z', rows });

describe('MetaResponseSchema', () => {
  it('accepts the documented example', () => {
    expect(MetaResponseSchema.parse(META)).toEqual(META);
  });

  it.each([
    ['a lowercase currency', { ...META, currency: 'eur' }],
    ['a currency name', { ...META, currency: 'Euro' }],
    ['no stages', { ...META, stages: [] }],
    ['an unknown stage key', { ...META, stages: [{ key: 'demo', label: 'Demo' }] }],
    ['an empty name', { ...META, name: '' }],
    ['a missing name', { currency: 'EUR', stages: META.stages }],
    ['a stage key twice', { ...META, stages: [...META.stages, { key: 'won', label: 'Closed won' }] }],
    ['a required stage missing (no SQL)', { ...META, stages: META.stages.filter((s) => s.key !== 'sql') }],
    ['more than 20 stages', { ...META, stages: Array.from({ length: 21 }, (_, i) => META.stages[i % 5]) }],
    ['a label of 61 characters', { ...META, stages: [{ key: 'lead', label: 'L'.repeat(61) }, ...META.stages.slice(1)] }],
  ])('rejects %s', (_label, body) => {
    expect(MetaResponseSchema.safeParse(body).success).toBe(false);
  });

  it('strips control and bidi characters from the CRM name and stage labels', () => {
    const meta = parseMetaResponse({ ...META, name: 'Acme\u202E CRM\b', stages: [{ key: 'lead', label: 'Le\u0007ad' }, ...META.stages.slice(1)] });
    expect(meta.name).toBe('Acme CRM');
    expect(meta.stages[0]?.label).toBe('Lead');
  });
});

describe('parseFunnelResponse: bounded input', () => {
  it('refuses more than 100,000 rows with an error that says so', () => {
    const rows = Array.from({ length: 100_001 }, (_, i) => ({ ...ROW, id: String(i) }));
    let thrown: unknown;
    try {
      parseFunnelResponse(envelope(rows));
    } catch (error) {
      thrown = error;
    }
    expect(toApiError(thrown)).toEqual({ kind: 'invalid_response', tooLarge: 'rows' });
    expect(parseFunnelResponse(envelope(rows.slice(0, 100_000))).rows).toHaveLength(100_000);
    // Validating 100,000 rows takes about a second alone and several on a busy 2-core machine.
  }, 30_000);

  it('reports the first 50 broken rows one by one, and how many there were in all', () => {
    const broken = Array.from({ length: 120 }, (_, i) => ({ ...ROW, id: `b${i}`, won: -1 }));
    const parsed = parseFunnelResponse(envelope([ROW, ...broken]));
    expect(parsed.rows).toEqual([ROW]);
    expect(parsed.problems).toHaveLength(50);
    expect(parsed.problems[49]).toMatchObject({ index: 50, field: 'won' });
    expect(parsed.problemCount).toBe(120);
  });

  it('drops a row whose money is over 1e12', () => {
    const parsed = parseFunnelResponse(
      envelope([
        { ...ROW, id: 'r', revenue: 1e12 + 1 },
        { ...ROW, id: 'p', pipeline: 1e15 },
        { ...ROW, id: 's', spend: 2e12 },
        { ...ROW, id: 'ok', revenue: 1e12 },
      ]),
    );
    expect(parsed.rows.map((r) => r.id)).toEqual(['ok']);
    expect(parsed.problems.map((p) => p.field)).toEqual(['revenue', 'pipeline', 'spend']);
  });

  it('strips control and bidi-override characters from names; a name of nothing else is dropped', () => {
    const parsed = parseFunnelResponse(
      envelope([
        { ...ROW, id: '1', name: '\u202Egnp.exe\u202C Spring\b Sale\u0000' },
        { ...ROW, id: '2', name: '\u2066\u0008' },
        { ...ROW, id: undefined, name: '\u202E\u202C' },
      ]),
    );
    expect(parsed.rows.map((r) => [r.id, r.name])).toEqual([
      ['1', 'gnp.exe Spring Sale'],
      ['2', undefined],
    ]);
    expect(parsed.rows[1]).not.toHaveProperty('name');
    expect(parsed.problems).toEqual([{ index: 2, field: 'name', message: 'the name has no printable characters' }]);
  });
});

describe('parseFunnelResponse', () => {
  it('accepts the documented example', () => {
    expect(parseFunnelResponse(envelope([ROW]))).toEqual({ currency: 'EUR', asOf: '2026-11-22T08:00:00Z', rows: [ROW], problems: [], problemCount: 0 });
  });

  it('accepts a row with only a name, or only an id, and without the optional fields', () => {
    const { leads, mql, sql, meetings, won, lost, revenue } = ROW;
    const minimal = { leads, mql, sql, meetings, won, lost, revenue };
    const parsed = parseFunnelResponse(
      envelope([
        { ...minimal, name: 'Only name' },
        { ...minimal, id: '123' },
      ]),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toHaveLength(2);
  });

  it.each([
    ['a negative count', { ...ROW, lost: -1 }, 'lost'],
    ['a non-integer count', { ...ROW, leads: 120.5 }, 'leads'],
    ['negative revenue', { ...ROW, revenue: -5 }, 'revenue'],
    ['mql above leads', { ...ROW, mql: 121 }, 'mql'],
    ['sql above mql', { ...ROW, sql: 81 }, 'sql'],
    ['meetings above sql', { ...ROW, meetings: 31 }, 'meetings'],
    ['won above meetings', { ...ROW, won: 21 }, 'won'],
    ['won above mql', { ...ROW, mql: 10, sql: 10, meetings: 10, won: 11 }, 'won'],
    ['won + lost above leads', { ...ROW, lost: 113 }, 'lost'],
    ['neither id nor name', { ...ROW, id: undefined, name: undefined }, 'id'],
    ['"NaN" as a string', { ...ROW, revenue: 'NaN' }, 'revenue'],
    ['"Infinity" as a string', { ...ROW, spend: 'Infinity' }, 'spend'],
    ['a count as a string', { ...ROW, leads: '120' }, 'leads'],
    ['a name longer than the limit', { ...ROW, name: 'x'.repeat(MAX_NAME_LENGTH + 1) }, 'name'],
    ['a 5,000-character name', { ...ROW, name: 'ä'.repeat(5000) }, 'name'],
    ['a blank name', { ...ROW, name: '   ' }, 'name'],
    ['an id with spaces', { ...ROW, id: '120 210' }, 'id'],
    ['a negative median', { ...ROW, median_days_to_won: -1 }, 'median_days_to_won'],
  ])('reports %s with its field and keeps the good rows', (_label, bad, field) => {
    const good = { ...ROW, id: '999', name: 'Good' };
    const parsed = parseFunnelResponse(envelope([good, bad, { ...good, id: '1000' }]));
    expect(parsed.problems).toEqual([{ index: 1, field, message: expect.any(String) }]);
    expect(parsed.rows.map((row) => row.id)).toEqual(['999', '1000']);
  });

  it('reports a duplicate id and keeps the first row with it', () => {
    const parsed = parseFunnelResponse(envelope([ROW, { ...ROW, name: 'Copy' }]));
    expect(parsed.rows).toEqual([ROW]);
    expect(parsed.problems).toEqual([{ index: 1, field: 'id', message: `duplicate id ${ROW.id}` }]);
  });

  it('reports a row that is not an object', () => {
    expect(parseFunnelResponse(envelope(['row', null])).problems.map((p) => p.index)).toEqual([0, 1]);
  });

  it.each([
    ['rows missing', { currency: 'EUR', as_of: '2026-11-22T08:00:00Z' }],
    ['rows not an array', { ...envelope([]), rows: { 0: ROW } }],
    ['a bare array', [ROW]],
    ['null', null],
    ['a lowercase currency', { ...envelope([]), currency: 'eur' }],
    ['a four-letter currency', { ...envelope([]), currency: 'EURO' }],
    ['as_of as a date only', { ...envelope([]), as_of: '2026-11-22' }],
    ['as_of as words', { ...envelope([]), as_of: 'yesterday' }],
    ['as_of missing', { currency: 'EUR', rows: [] }],
  ])('throws on a wrong envelope: %s', (_label, body) => {
    expect(() => parseFunnelResponse(body)).toThrow();
  });

  it('accepts as_of with an offset', () => {
    expect(parseFunnelResponse({ ...envelope([]), as_of: '2026-11-22T10:00:00+02:00' }).asOf).toBe('2026-11-22T10:00:00+02:00');
  });
});

describe('FunnelQuerySchema', () => {
  const query = { platform: 'meta_ads', level: 'campaign', account_id: '1234567890', from: '2026-10-01', to: '2026-10-31' };

  it('accepts the documented query, with or without account_id', () => {
    expect(FunnelQuerySchema.parse(query)).toEqual(query);
    expect(FunnelQuerySchema.safeParse({ ...query, account_id: undefined }).success).toBe(true);
  });

  it.each([
    ['an unknown platform', { ...query, platform: 'tiktok_ads' }],
    ['an unknown level', { ...query, level: 'adset' }],
    ['a dashed account id', { ...query, account_id: '123-456-7890' }],
    ['a non-ISO date', { ...query, from: '1.10.2026' }],
  ])('rejects %s', (_label, value) => {
    expect(FunnelQuerySchema.safeParse(value).success).toBe(false);
  });
});

describe('ApiErrorBodySchema', () => {
  it('accepts the documented error body and rejects others', () => {
    expect(ApiErrorBodySchema.safeParse({ error: { code: 'unauthorized', message: 'bad key' } }).success).toBe(true);
    expect(ApiErrorBodySchema.safeParse({ error: 'bad key' }).success).toBe(false);
    expect(ApiErrorBodySchema.safeParse({ message: 'bad key' }).success).toBe(false);
  });
});

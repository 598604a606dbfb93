/**
 * Funnel Stats API v1: the single source of truth for the contract's types.
 * Every type the extension uses for API data is `z.infer` of a schema here, and
 * docs/api's JSON Schema is generated from these same schemas.
 */
import { LEVELS, MAX_NAME_LENGTH, PLATFORMS, RESPONSE_LIMITS, STAGE_KEYS } from './constants';
import { ApiRequestError, apiError } from './errors';
import { z } from './zod';

export { LEVELS, PLATFORMS, RESPONSE_LIMITS, STAGE_KEYS };
// The enumerations' types have one home, beside the constants (content scripts bundle no zod).
export type { Level, StageKey } from './constants';
export const PlatformSchema = z.enum(PLATFORMS);

export const LevelSchema = z.enum(LEVELS);

export const StageKeySchema = z.enum(STAGE_KEYS);

export { MAX_NAME_LENGTH };

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');
const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR');

export const StageSchema = z.object({
  key: StageKeySchema,
  label: z.string().min(1).max(60),
});

export const MetaResponseSchema = z.object({
  name: z.string().min(1).max(200),
  currency: CurrencyCode,
  stages: z
    .array(StageSchema)
    .max(RESPONSE_LIMITS.stages)
    .superRefine((stages, ctx) => {
      const keys = stages.map((s) => s.key);
      if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', message: 'stage keys must be unique' });
      const missing = STAGE_KEYS.filter((key) => !keys.includes(key));
      if (missing.length > 0) ctx.addIssue({ code: 'custom', message: `missing stages: ${missing.join(', ')}` });
    }),
});
export type MetaResponse = z.infer<typeof MetaResponseSchema>;

const Count = z.number().int().nonnegative().finite();
const Money = z.number().nonnegative().finite().max(RESPONSE_LIMITS.money);

export const FunnelRowSchema = z
  .object({
    id: z
      .string()
      .regex(/^[0-9A-Za-z_:.-]{1,64}$/, 'expected the platform object ID')
      .optional(),
    name: z.string().trim().min(1).max(MAX_NAME_LENGTH).optional(),
    leads: Count,
    mql: Count,
    sql: Count,
    meetings: Count,
    won: Count,
    lost: Count,
    revenue: Money,
    pipeline: Money.optional(),
    median_days_to_won: z.number().nonnegative().finite().optional(),
    spend: Money.optional(),
  })
  .superRefine((row, ctx) => {
    if (row.id === undefined && row.name === undefined) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'a row needs an id or a name' });
    }
    // Counts are cumulative: "reached at least this stage".
    const order: Array<[keyof typeof row, keyof typeof row]> = [
      ['mql', 'leads'],
      ['sql', 'mql'],
      ['meetings', 'sql'],
      ['won', 'meetings'],
    ];
    for (const [later, earlier] of order) {
      if ((row[later] as number) > (row[earlier] as number)) {
        ctx.addIssue({ code: 'custom', path: [later], message: `${later} cannot exceed ${earlier}` });
      }
    }
    if (row.won + row.lost > row.leads) {
      ctx.addIssue({ code: 'custom', path: ['lost'], message: 'won + lost cannot exceed leads' });
    }
  });
export type FunnelRow = z.infer<typeof FunnelRowSchema>;

/** The envelope is checked strictly; rows one by one, so one bad row does not sink the rest. */
export const FunnelEnvelopeSchema = z.object({
  currency: CurrencyCode,
  as_of: z.iso.datetime({ offset: true }),
  rows: z.array(z.unknown()),
});

/** What the contract documents (used for the JSON Schema export). */
export const FunnelResponseSchema = FunnelEnvelopeSchema.extend({ rows: z.array(FunnelRowSchema).max(RESPONSE_LIMITS.rows) });

export const ApiErrorBodySchema = z.object({
  error: z.object({ code: z.string().max(100), message: z.string().max(1000) }),
});

export const FunnelQuerySchema = z.object({
  platform: PlatformSchema,
  level: LevelSchema,
  account_id: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
  from: IsoDate,
  to: IsoDate,
});
export type FunnelQuery = z.infer<typeof FunnelQuerySchema>;

export interface RowProblem {
  /** Index of the row in the response's `rows` array. */
  index: number;
  /** The offending field, e.g. `won` or `id`. */
  field: string;
  message: string;
}

export interface ParsedFunnel {
  currency: string;
  asOf: string;
  rows: FunnelRow[];
  /** The first RESPONSE_LIMITS.reportedProblems broken rows. */
  problems: RowProblem[];
  /** How many rows were broken in all. */
  problemCount: number;
}

/**
 * C0 and C1 control characters, and the bidi marks, embeddings, overrides and isolates. In a
 * name they only garble the UI, reorder what the user reads (`\u202Egnp.exe`), or break files
 * made from it (a `\b` makes the exported SVG/PNG invalid XML).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_TEXT = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A name or label from the API, safe to display and export. */
export function cleanText(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, '');
}

/** Validate a `/v1/meta` body (throws via zod); names and labels cleaned for display. */
export function parseMetaResponse(body: unknown): MetaResponse {
  const meta = MetaResponseSchema.parse(body);
  return { ...meta, name: cleanText(meta.name), stages: meta.stages.map((s) => ({ ...s, label: cleanText(s.label) })) };
}

/**
 * Validate a `/v1/funnel` body. Throws (via zod) when the envelope is not the contract's shape;
 * otherwise keeps every valid row and reports every broken one with its index and field.
 */
export function parseFunnelResponse(body: unknown): ParsedFunnel {
  const envelope = FunnelEnvelopeSchema.parse(body);
  if (envelope.rows.length > RESPONSE_LIMITS.rows) throw new ApiRequestError(apiError('invalid_response', { tooLarge: 'rows' }));
  const rows: FunnelRow[] = [];
  const problems: RowProblem[] = [];
  let problemCount = 0;
  const report = (problem: RowProblem) => {
    if (problemCount++ < RESPONSE_LIMITS.reportedProblems) problems.push(problem);
  };
  const seenIds = new Set<string>();
  envelope.rows.forEach((raw, index) => {
    const result = FunnelRowSchema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      report({ index, field: String(issue?.path[0] ?? 'row'), message: issue?.message ?? 'invalid row' });
      return;
    }
    const row = result.data;
    if (row.name !== undefined) {
      const name = cleanText(row.name).trim();
      if (name !== '') row.name = name;
      else if (row.id !== undefined) delete row.name;
      else return report({ index, field: 'name', message: 'the name has no printable characters' });
    }
    if (row.id !== undefined) {
      if (seenIds.has(row.id)) return report({ index, field: 'id', message: `duplicate id ${row.id}` });
      seenIds.add(row.id);
    }
    rows.push(row);
  });
  return { currency: envelope.currency, asOf: envelope.as_of, rows, problems, problemCount };
}

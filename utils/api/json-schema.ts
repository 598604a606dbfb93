/**
 * JSON Schemas of the Funnel Stats API v1, generated from the zod schemas (the single source of
 * truth) for data teams who build servers against the contract. `npm run api-schema` writes them
 * to docs in the repo; a unit test fails when the committed files drift from the schemas.
 * Cross-field rules (leads ≥ mql ≥ … ≥ won, won + lost ≤ leads, id or name) cannot be expressed
 * in JSON Schema; they are stated in the schema's description and enforced by the extension.
 */
import { ApiErrorBodySchema, FunnelQuerySchema, FunnelResponseSchema, MetaResponseSchema } from './schema';
import { z } from './zod';

const ROW_RULES =
  'Counts are cumulative ("reached at least this stage"): leads ≥ mql ≥ sql ≥ meetings ≥ won; won + lost ≤ leads; ' +
  'still open = leads − won − lost. Each row needs an id or a name (or both). Rows breaking a rule are dropped and reported (the first 50 one by one); ' +
  'duplicate ids are dropped after the first.';

export function apiJsonSchemas(): Record<string, unknown> {
  const schema = (s: z.ZodType, title: string, description: string) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title,
    description,
    ...(z.toJSONSchema(s, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
  });
  return {
    'meta.schema.json': schema(
      MetaResponseSchema,
      'GET {base}/v1/meta',
      'The CRM behind the API: its name, currency (ISO 4217) and stage labels, one for each of the keys lead, mql, sql, meeting and won.',
    ),
    'funnel.schema.json': schema(FunnelResponseSchema, 'GET {base}/v1/funnel', `Funnel counts per campaign for a cohort of leads. ${ROW_RULES}`),
    'funnel-query.schema.json': schema(
      FunnelQuerySchema,
      'Query parameters of GET {base}/v1/funnel',
      'from/to are inclusive ISO dates of lead creation; account_id is digits only and optional.',
    ),
    'error.schema.json': schema(ApiErrorBodySchema, 'Error body (any non-2xx)', 'Optional body of an error answer; 429 may carry Retry-After.'),
  };
}

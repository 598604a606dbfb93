/** The published JSON Schemas must be exactly what the zod schemas generate, and must describe the worked example. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiJsonSchemas } from '../../../utils/api/json-schema';
import { SCHEMA_DIR, serialise } from '../../tools/write-api-schema';

describe('published JSON Schemas', () => {
  it.each(Object.entries(apiJsonSchemas()))('%s is up to date (run `npm run api-schema` after changing the zod schemas)', (file, schema) => {
    expect(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')).toBe(serialise(schema));
  });

  it('requires what the contract requires of a row', () => {
    const funnel = apiJsonSchemas()['funnel.schema.json'] as {
      required: string[];
      properties: { rows: { items: { required: string[]; properties: Record<string, { type: string }> } } };
    };
    expect(funnel.required).toEqual(['currency', 'as_of', 'rows']);
    expect(funnel.properties.rows.items.required.sort()).toEqual(['leads', 'lost', 'meetings', 'mql', 'revenue', 'sql', 'won'].sort());
    expect(funnel.properties.rows.items.properties.won?.type).toBe('integer');
  });
});

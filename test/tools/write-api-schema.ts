/** `npm run api-schema`: writes the contract's JSON Schemas next to the zod schemas they come from. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { apiJsonSchemas } from '../../utils/api/json-schema';

export const SCHEMA_DIR = path.resolve(import.meta.dirname, '../../utils/api/json-schema');

export function serialise(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [file, schema] of Object.entries(apiJsonSchemas())) {
    writeFileSync(path.join(SCHEMA_DIR, file), serialise(schema));
    console.log(path.join(SCHEMA_DIR, file));
  }
}

/** The JSON Schema editors use (VS Code's YAML extension), generated from the zod schema. */
import { z } from 'zod';
import { issueSchema } from './schema.js';

export const SCHEMA_ID = 'https://bantin.invalid/schema/issue.schema.json';

export function issueJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(issueSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: SCHEMA_ID, title: 'bantin issue' };
}

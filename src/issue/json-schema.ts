/**
 * The JSON Schema editors use, generated from the zod schema: draft-07, the newest draft the VS
 * Code YAML extension fully supports.
 */
import { z } from 'zod';
import { issueSchema } from './schema.js';

export const SCHEMA_ID = 'https://bantin.invalid/schema/issue.schema.json';

export function issueJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(issueSchema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: SCHEMA_ID, title: 'bantin issue' };
}

/** The JSON Schema of theme.yaml for editors, generated from the same zod schema that validates it. */
import { z } from 'zod';
import { themeSchema } from './schema.js';

export const THEME_SCHEMA_ID = 'https://bantin.invalid/schema/theme.schema.json';

export function themeJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(themeSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return { ...schema, $id: THEME_SCHEMA_ID, title: 'bantin theme' };
}

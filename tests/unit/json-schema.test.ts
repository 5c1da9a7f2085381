/** The shipped JSON Schema is generated from the zod schema, and both agree on real files. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { issueJsonSchema } from '../../src/issue/json-schema.js';
import { issueSchema } from '../../src/issue/schema.js';

const root = path.resolve(import.meta.dirname, '../..');
const shipped = JSON.parse(readFileSync(path.join(root, 'schema/issue.schema.json'), 'utf8')) as Record<string, unknown>;

describe('schema/issue.schema.json', () => {
  it('is the one generated from the zod schema (run npm run build after changing it)', () => {
    expect(shipped).toEqual(issueJsonSchema());
  });

  it('declares draft-07, which the VS Code YAML extension fully supports', () => {
    expect(shipped.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  // Ajv's default class is draft-07: it refuses a schema written for another draft.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(shipped);
  const examples = ['so-20-2026', 'so-15-2026'].map((name) => parse(readFileSync(path.join(root, 'examples', `${name}.yaml`), 'utf8')) as unknown);

  it.each(examples.map((doc, i) => [i, doc]))('accepts example %i like the validator does', (_i, doc) => {
    expect(issueSchema.safeParse(doc).success).toBe(true);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  const base = examples[0] as { parts: Array<Record<string, unknown>>; issue: Record<string, unknown>; series: Record<string, unknown> };
  const broken: Array<[string, (d: typeof base) => void]> = [
    ['unknown top-level key', (d) => Object.assign(d, { extra: 1 })],
    ['unknown article key', (d) => Object.assign((d.parts[1]!.articles as Array<Record<string, unknown>>)[0]!, { titel: 'x' })],
    ['missing title', (d) => delete (d.parts[1]!.articles as Array<Record<string, unknown>>)[0]!.title],
    ['bad kind', (d) => Object.assign(d.parts[1]!, { kind: 'tin' })],
    ['bad number', (d) => Object.assign(d.issue, { number: '20-2026' })],
    ['publisher not a list', (d) => Object.assign(d.series, { publisher: 'Sở KH&CN' })],
    ['no parts', (d) => Object.assign(d, { parts: [] })],
  ];
  it.each(broken)('rejects an issue with %s, like the validator', (_name, mutate) => {
    const doc = structuredClone(base);
    mutate(doc);
    expect(issueSchema.safeParse(doc).success).toBe(false);
    expect(validate(doc)).toBe(false);
  });
});

/**
 * Schema validation: every zod issue becomes a Diagnostic at the YAML node it concerns.
 */
import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import type { Diagnostic, PathSegment } from '../core/diagnostics.js';
import { language, t, type MessageKey } from '../core/i18n.js';
import { issueSchema, type IssueInput } from './schema.js';
import { diagnosticAt, type IssueSource } from './source.js';
import { visibleControls } from './text.js';

export function validateIssue(source: IssueSource, data: unknown): { issue?: IssueInput; diagnostics: Diagnostic[] } {
  if (data === null || data === undefined) {
    return { diagnostics: [at(source, [], t('issue.schema.empty-file'), 'empty')] };
  }
  const result = validateWith(issueSchema, source, data);
  return result.value ? { issue: result.value, diagnostics: [] } : { diagnostics: result.diagnostics };
}

/** Any YAML file against its zod schema (issues, theme.yaml): problems at their lines. */
export function validateWith<S extends z.ZodType>(schema: S, source: IssueSource, data: unknown): { value?: z.output<S>; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(data, { error: unworded });
  if (result.success) return { value: result.data, diagnostics: [] };
  return { diagnostics: result.error.issues.flatMap((problem) => toDiagnostics(schema, source, data, problem)) };
}

function toDiagnostics(schema: z.ZodType, source: IssueSource, data: unknown, problem: z.core.$ZodIssue): Diagnostic[] {
  const path = problem.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  if (problem.code === 'unrecognized_keys') {
    const known = knownKeys(schema, data, path);
    return problem.keys.map((key) => {
      const suggestion = known.length ? closest(key, known) : undefined;
      const near = suggestion !== undefined && distance(key, suggestion) <= Math.max(2, Math.floor(key.length / 3));
      const message = near
        ? t('issue.schema.unknown-field-near', { key, suggestion })
        : known.length
          ? t('issue.schema.unknown-field-known', { key, known: known.join(', ') })
          : t('issue.schema.unknown-field', { key });
      return at(source, [...path, key], message, 'unknown-key', { key: true });
    });
  }
  const value = valueAt(data, path);
  if (value === undefined && path.length > 0) {
    const field = path[path.length - 1]!;
    return [at(source, path, t('issue.schema.missing', { field: String(field), detail: problem.message }), 'missing')];
  }
  return [at(source, path, problem.message, 'schema')];
}

/**
 * Words for a problem the schema gives none of its own: a value of the wrong kind is named with
 * what was found; otherwise zod's message, in English as zod writes it, in Vietnamese from the
 * catalogue. Called while validating, so in the language chosen by then.
 */
function unworded(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input !== undefined) return t('issue.schema.expected-got', { expected: typeName(issue.expected), got: describe(issue.input) });
  return language() === 'en' ? undefined : zodWords(issue);
}

const TYPE_NAMES: Partial<Record<string, MessageKey>> = {
  object: 'issue.schema.type.object',
  array: 'issue.schema.type.array',
  record: 'issue.schema.type.record',
  string: 'issue.schema.type.string',
  number: 'issue.schema.type.number',
  boolean: 'issue.schema.type.boolean',
};

const typeName = (expected: string): string => {
  const key = TYPE_NAMES[expected];
  return key ? t(key) : expected;
};

function zodWords(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return t('issue.schema.zod.expected', { expected: typeName(issue.expected) });
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const n = Number(small ? issue.minimum : issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') return t(small ? 'issue.schema.zod.min-items' : 'issue.schema.zod.max-items', { n });
      if (issue.origin === 'string') return t(small ? 'issue.schema.zod.min-chars' : 'issue.schema.zod.max-chars', { n });
      if (issue.inclusive === false) return t(small ? 'issue.schema.zod.above' : 'issue.schema.zod.below', { n });
      return t(small ? 'issue.schema.zod.min-number' : 'issue.schema.zod.max-number', { n });
    }
    case 'invalid_value':
      return issue.values.length === 1 ? t('issue.schema.zod.value', { value: String(issue.values[0]) }) : t('issue.schema.zod.one-of', { values: issue.values.map(String).join(', ') });
    case 'invalid_format':
      return t('issue.schema.zod.format');
    case 'not_multiple_of':
      return t('issue.schema.zod.multiple-of', { n: Number(issue.divisor) });
    default:
      return t('issue.schema.zod.invalid');
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return t('issue.schema.value.list');
  if (value === null) return t('issue.schema.value.nothing');
  if (typeof value === 'object') return t('issue.schema.value.block');
  // Shown in a terminal: control characters (escape sequences) appear as symbols, never raw.
  if (typeof value === 'string') return t('issue.schema.value.text', { text: visibleControls(value.length > 40 ? `${value.slice(0, 40)}…` : value) });
  if (typeof value === 'number') return t('issue.schema.value.number', { value: String(value) });
  if (typeof value === 'boolean') return t('issue.schema.value.boolean', { value: String(value) });
  return t('issue.schema.value.other', { type: typeof value, value: String(value) });
}

function at(
  source: IssueSource,
  path: readonly PathSegment[],
  message: string,
  code: string,
  opts: { key?: boolean } = {},
): Diagnostic {
  return diagnosticAt(source, path, message, { code, key: opts.key });
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** The field names the schema allows at `path`, used for "did you mean". */
function knownKeys(schema: z.ZodType, data: unknown, path: readonly PathSegment[]): string[] {
  let current: z.ZodType | undefined = schema;
  let value: unknown = data;
  const resolve = (s: z.ZodType, v: unknown): z.ZodType => {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) return resolve(s.unwrap() as z.ZodType, v);
    if (s instanceof z.ZodDiscriminatedUnion) {
      const discriminator = s.def.discriminator;
      const tag = v && typeof v === 'object' ? (v as Record<string, unknown>)[discriminator] : undefined;
      const options = s.options as z.ZodType[];
      const match = options.find((o) => o instanceof z.ZodObject && (o.shape as Record<string, z.ZodType>)[discriminator] instanceof z.ZodLiteral && ((o.shape as Record<string, z.ZodLiteral>)[discriminator]!.value === tag));
      return match ?? options[0]!;
    }
    return s;
  };
  for (const segment of path) {
    current = resolve(current, value);
    if (current instanceof z.ZodObject && typeof segment === 'string') current = (current.shape as Record<string, z.ZodType>)[segment];
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else return [];
    if (!current) return [];
    value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  current = resolve(current, value);
  // A record keyed by a list of names (a theme's colors, labels): those names.
  if (current instanceof z.ZodRecord && current.keyType instanceof z.ZodEnum) return current.keyType.options.map(String);
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

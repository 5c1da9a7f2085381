/**
 * Schema validation: every zod issue becomes a Diagnostic at the YAML node it concerns.
 */
import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import type { Diagnostic, PathSegment } from '../core/diagnostics.js';
import { issueSchema, type IssueInput } from './schema.js';
import { diagnosticAt, type IssueSource } from './source.js';
import { visibleControls } from './text.js';

export function validateIssue(source: IssueSource, data: unknown): { issue?: IssueInput; diagnostics: Diagnostic[] } {
  if (data === null || data === undefined) {
    return { diagnostics: [at(source, [], 'the file is empty: expected an issue with series, issue and parts', 'empty')] };
  }
  const result = validateWith(issueSchema, source, data);
  return result.value ? { issue: result.value, diagnostics: [] } : { diagnostics: result.diagnostics };
}

/** Any YAML file against its zod schema (issues, theme.yaml): problems at their lines. */
export function validateWith<S extends z.ZodType>(schema: S, source: IssueSource, data: unknown): { value?: z.output<S>; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(data);
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
      const hint = near ? `did you mean "${suggestion}"?` : known.length ? `expected one of: ${known.join(', ')}` : '';
      return at(source, [...path, key], `unknown field "${key}"${hint ? `: ${hint}` : ''}`, 'unknown-key', { key: true });
    });
  }
  const value = valueAt(data, path);
  if (value === undefined && path.length > 0) {
    const field = path[path.length - 1]!;
    return [at(source, path, `missing required field "${field}": ${problem.message}`, 'missing')];
  }
  if (problem.code === 'invalid_type' && problem.message.startsWith('Invalid input')) {
    return [at(source, path, `expected ${problem.expected === 'object' ? 'a block of fields (key: value)' : problem.expected === 'array' ? 'a list (- item)' : problem.expected}, got ${describe(value)}`, 'schema')];
  }
  return [at(source, path, problem.message, 'schema')];
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing';
  if (typeof value === 'object') return 'a block of fields';
  // Shown in a terminal: control characters (escape sequences) appear as symbols, never raw.
  if (typeof value === 'string') return `the text "${visibleControls(value.length > 40 ? `${value.slice(0, 40)}…` : value)}"`;
  return `${typeof value} ${String(value)}`;
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

/** Reading an issue file of either form up to its validated input: what `convert` starts from. */
import path from 'node:path';
import type { Diagnostic } from '../../core/diagnostics.js';
import { bidiDiagnostics } from '../bidi.js';
import type { IssueInput } from '../schema.js';
import { MAX_ALIAS_COUNT, parseIssueSource, type IssueSource } from '../source.js';
import { validateIssue } from '../validate.js';
import { yamlRuleDiagnostics } from '../yaml-rules.js';
import { parseMarkdownIssue } from './parse.js';

export type IssueFormat = 'md' | 'yaml';

/** .md and .markdown are Markdown, .yaml and .yml YAML; anything else undefined. */
export function formatOf(file: string): IssueFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  return ext === '.md' || ext === '.markdown' ? 'md' : ext === '.yaml' || ext === '.yml' ? 'yaml' : undefined;
}

export const isMarkdownFile = (file: string) => formatOf(file) === 'md';

/** The file's text parsed as its form says. */
export function parseIssueFile(file: string, text: string, format: IssueFormat = formatOf(file) ?? 'yaml'): { source: IssueSource; diagnostics: Diagnostic[] } {
  return format === 'md' ? parseMarkdownIssue(file, text) : parseIssueSource(file, text);
}

export interface ReadIssue {
  source: IssueSource;
  /** The validated input; absent when there are errors. */
  input?: IssueInput;
  diagnostics: Diagnostic[];
}

/** Syntax, the YAML rules, bidi controls and the schema: the errors that make a file another issue, or none. */
export function readIssueInput(file: string, text: string, format?: IssueFormat): ReadIssue {
  const { source, diagnostics } = parseIssueFile(file, text, format);
  diagnostics.push(...yamlRuleDiagnostics(source), ...bidiDiagnostics(source));
  if (diagnostics.some((d) => d.severity === 'error')) return { source, diagnostics };
  const validated = validateIssue(source, source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  return { source, input: validated.issue, diagnostics: [...diagnostics, ...validated.diagnostics] };
}

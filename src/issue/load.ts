/**
 * issue.yaml or issue.md → Issue model, collecting every problem with its position.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import { resolveAssets, type AssetMap } from './assets.js';
import { bidiDiagnostics } from './bidi.js';
import { lintIssue, type LintOptions } from './lint/index.js';
import { previousDateOrder } from './lint/previous-issue.js';
import { runsBothWays } from './lint/date-order.js';
import { buildIssue, type Issue } from './model.js';
import { parseIssueFile } from './markdown/read.js';
import { MAX_ALIAS_COUNT, readIssueText, type IssueSource } from './source.js';
import { validateIssue } from './validate.js';
import { yamlRuleDiagnostics } from './yaml-rules.js';

export interface LoadResult {
  issue?: Issue;
  assets: AssetMap;
  diagnostics: Diagnostic[];
  /** Warnings silenced in the file with `# bantin-ignore: code`. */
  ignored: Diagnostic[];
  /** The parsed file, to place problems found later (at print time) on its lines. */
  source?: IssueSource;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');

export interface LoadOptions {
  /** Settings for the editorial warnings that a theme brings (outlet names, date order). */
  lint?: LintOptions;
  /** Read the previous issue of the folder for the series' date order (loadIssue: yes). */
  previousIssue?: boolean;
}

/** Loads and validates an issue file. Throws UserError only when the file cannot be read at all. */
export async function loadIssue(file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const text = await readIssueText(file);
  return loadIssueText(file, text, { previousIssue: true, ...options });
}

export async function loadIssueText(file: string, text: string, options: LoadOptions = {}): Promise<LoadResult> {
  const result = await loadUnsorted(file, text, options);
  return { ...result, diagnostics: tidy(result.diagnostics), ignored: tidy(result.ignored) };
}

/**
 * In file order. yaml reports a syntax error's cause first; further syntax errors on the same
 * or the next line follow from it and only add noise.
 */
function tidy(diagnostics: Diagnostic[]): Diagnostic[] {
  const syntaxLines = new Set<number>();
  const kept = diagnostics.filter((d) => {
    if (d.code !== 'yaml' || d.severity !== 'error') return true;
    const near = [d.line - 1, d.line, d.line + 1].some((line) => syntaxLines.has(line));
    syntaxLines.add(d.line);
    return !near;
  });
  return kept.sort((a, b) => a.line - b.line || a.col - b.col);
}

async function loadUnsorted(file: string, text: string, options: LoadOptions): Promise<LoadResult> {
  // issue.md or issue.yaml, by the file's extension: the same IssueSource either way.
  const { source, diagnostics } = parseIssueFile(file, text);
  diagnostics.push(...yamlRuleDiagnostics(source), ...bidiDiagnostics(source));
  const empty: AssetMap = new Map();
  const ignored: Diagnostic[] = [];
  if (hasErrors(diagnostics)) return { assets: empty, diagnostics, ignored };
  const validated = validateIssue(source, source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  diagnostics.push(...validated.diagnostics);
  if (!validated.issue) return { assets: empty, diagnostics, ignored };
  const built = buildIssue(source, validated.issue);
  diagnostics.push(...built.diagnostics);
  const resolved = await resolveAssets(source, built.issue);
  diagnostics.push(...resolved.diagnostics);
  if (!hasErrors(diagnostics)) {
    const lint: LintOptions = { ...options.lint };
    const ordered = built.issue.checks.dateOrder ?? lint.dateOrder;
    if (!ordered && options.previousIssue && runsBothWays(built.issue)) lint.previousDateOrder = await previousDateOrder(file, built.issue);
    const findings = lintIssue(source, built.issue, lint);
    diagnostics.push(...findings.warnings);
    ignored.push(...findings.ignored);
  }
  return hasErrors(diagnostics) ? { assets: resolved.assets, diagnostics, source, ignored } : { issue: built.issue, assets: resolved.assets, diagnostics, source, ignored };
}

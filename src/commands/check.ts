/** bantin check: validation and editorial lint, without a browser; the issue's theme is checked too. */
import path from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { isUserError, type Diagnostic } from '../core/diagnostics.js';
import { hasErrors, loadIssue, type LoadOptions } from '../issue/load.js';
import { checkTheme } from '../render/check-theme.js';
import { themeIssue } from '../theme/choose.js';
import { expandInputs } from './inputs.js';
import { t } from '../core/i18n.js';

export interface CheckOptions {
  /** Warnings count as errors: the issue is not ok while any remain. */
  strict?: boolean;
  /** A theme to check against instead of the issue's series.theme. */
  theme?: string;
  /** What a theme brings to the editorial warnings. */
  lint?: LoadOptions['lint'];
}

export interface CheckResult {
  file: string;
  ok: boolean;
  /** Errors and warnings in file order; with `strict`, every warning has become an error. */
  diagnostics: Diagnostic[];
  /** Warnings silenced with `# bantin-ignore: code`. */
  ignored: Diagnostic[];
}

const readError = (file: string, message: string): Diagnostic => ({ severity: 'error', file, line: 0, col: 0, path: '', message, code: 'read' });

/**
 * Checks every file, one after the other, in the order given; quoted globs ('issues/*.yaml')
 * expand as for build, their matches sorted. A file that cannot be read fails alone.
 */
export async function check(inputs: readonly string[], options: CheckOptions = {}): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const files = isDynamicPattern(input) ? (await expandInputs([input])).files.map((f) => path.relative(process.cwd(), f)) : [input];
    if (files.length === 0) results.push({ file: input, ok: false, diagnostics: [readError(input, t('commands.no-match', { pattern: input }))], ignored: [] });
    for (const file of files) {
      if (seen.has(path.resolve(file))) continue;
      seen.add(path.resolve(file));
      results.push(await checkOne(file, options));
    }
  }
  return results;
}

/** The files `check` would read for these inputs (globs expanded), each once: what --fix edits. */
export async function checkedFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    for (const file of isDynamicPattern(input) ? (await expandInputs([input])).files.map((f) => path.relative(process.cwd(), f)) : [input]) {
      if (!files.some((f) => path.resolve(f) === path.resolve(file))) files.push(file);
    }
  }
  return files;
}

async function checkOne(file: string, options: CheckOptions): Promise<CheckResult> {
  let diagnostics: Diagnostic[];
  let ignored: Diagnostic[] = [];
  diagnostics = [];
  try {
    const loaded = await loadIssue(file, { lint: options.lint });
    ({ diagnostics, ignored } = loaded);
    if (loaded.issue) {
      const themed = await themeIssue(loaded.issue, loaded.source, options.theme);
      diagnostics = [...diagnostics, ...themed.diagnostics];
      checkTheme(themed.theme);
    }
  } catch (error) {
    if (!isUserError(error)) throw error;
    // A theme that fails keeps the issue's own problems found before it.
    diagnostics = [...diagnostics, ...(error.diagnostics.length ? error.diagnostics : [readError(file, error.message)])];
  }
  if (options.strict) diagnostics = diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
  return { file, ok: !hasErrors(diagnostics), diagnostics, ignored };
}

/** The machine-readable shape `bantin check --json` prints. */
export interface CheckReport {
  file: string;
  ok: boolean;
  errors: ReportedProblem[];
  warnings: ReportedProblem[];
  /** Warnings silenced in the file with `# bantin-ignore: code`. */
  ignored: ReportedProblem[];
}

export type ReportedProblem = Pick<Diagnostic, 'line' | 'col' | 'path' | 'message' | 'code'>;

export function toReport(results: readonly CheckResult[]): CheckReport[] {
  const problem = ({ line, col, path, message, code }: Diagnostic): ReportedProblem => ({ line, col, path, message, code });
  return results.map((r) => ({
    file: r.file,
    ok: r.ok,
    errors: r.diagnostics.filter((d) => d.severity === 'error').map(problem),
    warnings: r.diagnostics.filter((d) => d.severity === 'warning').map(problem),
    ignored: r.ignored.map(problem),
  }));
}

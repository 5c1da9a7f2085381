/** bantin check: validation and editorial lint, without a browser. */
import { isUserError, type Diagnostic } from '../issue/diagnostics.js';
import { hasErrors, loadIssue } from '../issue/load.js';

export interface CheckOptions {
  /** Warnings count as errors: the issue is not ok while any remain. */
  strict?: boolean;
}

export interface CheckResult {
  file: string;
  ok: boolean;
  /** Errors and warnings in file order; with `strict`, every warning has become an error. */
  diagnostics: Diagnostic[];
}

/** Checks every file, one after the other; a file that cannot be read fails alone. */
export async function check(files: readonly string[], options: CheckOptions = {}): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const file of files) {
    let diagnostics: Diagnostic[];
    try {
      ({ diagnostics } = await loadIssue(file));
    } catch (error) {
      if (!isUserError(error)) throw error;
      diagnostics = error.diagnostics.length ? error.diagnostics : [{ severity: 'error', file, line: 0, col: 0, path: '', message: error.message, code: 'read' }];
    }
    if (options.strict) diagnostics = diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
    results.push({ file, ok: !hasErrors(diagnostics), diagnostics });
  }
  return results;
}

/** The machine-readable shape `bantin check --json` prints. */
export interface CheckReport {
  file: string;
  ok: boolean;
  errors: ReportedProblem[];
  warnings: ReportedProblem[];
}

export type ReportedProblem = Pick<Diagnostic, 'line' | 'col' | 'path' | 'message' | 'code'>;

export function toReport(results: readonly CheckResult[]): CheckReport[] {
  const problem = ({ line, col, path, message, code }: Diagnostic): ReportedProblem => ({ line, col, path, message, code });
  return results.map((r) => ({
    file: r.file,
    ok: r.ok,
    errors: r.diagnostics.filter((d) => d.severity === 'error').map(problem),
    warnings: r.diagnostics.filter((d) => d.severity === 'warning').map(problem),
  }));
}

/** bantin check: validation and editorial lint, without a browser; the issue's theme is checked too. */
import { isUserError, type Diagnostic } from '../issue/diagnostics.js';
import { hasErrors, loadIssue } from '../issue/load.js';
import { checkTheme } from '../render/check-theme.js';
import { themeIssue } from '../theme/choose.js';

export interface CheckOptions {
  /** Warnings count as errors: the issue is not ok while any remain. */
  strict?: boolean;
  /** A theme to check against instead of the issue's series.theme. */
  theme?: string;
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
    let diagnostics: Diagnostic[] = [];
    try {
      const loaded = await loadIssue(file);
      diagnostics = loaded.diagnostics;
      if (loaded.issue) {
        const themed = await themeIssue(loaded.issue, loaded.source, options.theme);
        diagnostics = [...diagnostics, ...themed.diagnostics];
        checkTheme(themed.theme);
      }
    } catch (error) {
      if (!isUserError(error)) throw error;
      // A theme that fails keeps the issue's own problems found before it.
      diagnostics = [...diagnostics, ...(error.diagnostics.length ? error.diagnostics : [{ severity: 'error' as const, file, line: 0, col: 0, path: '', message: error.message, code: 'read' }])];
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

/** bantin check: validation without a browser. */
import type { Diagnostic } from '../issue/diagnostics.js';
import { hasErrors, loadIssue } from '../issue/load.js';

export interface CheckResult {
  file: string;
  ok: boolean;
  diagnostics: Diagnostic[];
}

export async function check(files: readonly string[]): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const file of files) {
    const { diagnostics } = await loadIssue(file);
    results.push({ file, ok: !hasErrors(diagnostics), diagnostics });
  }
  return results;
}

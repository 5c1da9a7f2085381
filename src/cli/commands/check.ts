/** `bantin check`: validation (and lint) without a browser. */
import type { Command } from 'commander';
import { EXIT, loggerFor } from '../context.js';
import { formatDiagnostic, summarize } from '../report.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('validate issues without printing (no browser)')
    .argument('<files...>', 'issue files (YAML)')
    .action(async (files: string[]) => {
      const logger = loggerFor(program);
      const { check } = await import('../../commands/check.js');
      const results = await check(files);
      for (const r of results) {
        for (const d of r.diagnostics) (d.severity === 'error' ? logger.error : logger.warn)(formatDiagnostic(d, logger.color));
        logger.progress(`${r.file}: ${r.ok ? 'ok' : 'failed'}${r.diagnostics.length ? ` (${summarize(r.diagnostics)})` : ''}`);
      }
      if (results.some((r) => !r.ok)) process.exitCode = EXIT.userError;
    });
}

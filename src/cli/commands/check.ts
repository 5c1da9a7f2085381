/** `bantin check`: validation and editorial lint without a browser (nothing here loads puppeteer). */
import type { Command } from 'commander';
import { EXIT, loggerFor } from '../context.js';
import { formatDiagnostic, summarize } from '../../core/report.js';

interface CheckFlags {
  strict?: boolean;
  json?: boolean;
  theme?: string;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('validate issues and point out likely editorial mistakes, without printing (files or quoted globs: bantin check "issues/*.yaml")')
    .argument('<files...>', 'issue files (Markdown or YAML) or glob patterns')
    .option('--strict', 'treat warnings as errors (exit 1 if any)')
    .option('--json', 'print the results as JSON on stdout: [{file, ok, errors, warnings, ignored}]')
    .option('--theme <name|dir>', "check against this theme instead of the issue's series.theme")
    .action(async (files: string[], opts: CheckFlags) => {
      const logger = loggerFor(program);
      const { check, toReport } = await import('../../commands/check.js');
      const results = await check(files, { strict: opts.strict, theme: opts.theme });
      if (results.some((r) => !r.ok)) process.exitCode = EXIT.userError;
      if (opts.json) {
        logger.result(JSON.stringify(toReport(results), null, 2));
        return;
      }
      for (const r of results) {
        for (const d of r.diagnostics) {
          if (d.code === 'read') logger.error(`${logger.color.red('bantin:')} ${d.message}`);
          else (d.severity === 'error' ? logger.error : logger.warn)(formatDiagnostic(d, logger.color));
        }
        const counts = r.diagnostics.length ? ` (${summarize(r.diagnostics)})` : '';
        const strictly = opts.strict && r.diagnostics.some((d) => d.code !== 'read') ? ' — --strict counts warnings as errors' : '';
        if (!r.ok) logger.error(`${logger.color.red('bantin:')} ${r.file}: failed${counts}${strictly}`);
        else if (counts) logger.warn(`${r.file}: ok${counts}`);
        else logger.progress(`${r.file}: ok`);
      }
    });
}

/** `bantin check`: validation and editorial lint without a browser (nothing here loads puppeteer). */
import type { Command } from 'commander';
import { EXIT, loggerFor } from '../context.js';
import { formatDiagnostic, summarize } from '../../core/report.js';
import { t } from '../../core/i18n.js';

interface CheckFlags {
  strict?: boolean;
  json?: boolean;
  theme?: string;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(t('cli.check.description'))
    .argument(`<${t('cli.arg.files')}...>`, t('cli.build.files'))
    .option('--strict', t('cli.check.strict'))
    .option('--json', t('cli.check.json'))
    .option('--theme <name|dir>', t('cli.check.theme'))
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
        const strictly = opts.strict && r.diagnostics.some((d) => d.code !== 'read') ? t('cli.check.strictly') : '';
        if (!r.ok) logger.error(`${logger.color.red('bantin:')} ${t('cli.check.failed', { file: r.file, counts, strictly })}`);
        else if (counts) logger.warn(t('cli.check.ok', { file: r.file, counts }));
        else logger.progress(t('cli.check.ok', { file: r.file, counts: '' }));
      }
    });
}

/** `bantin check`: validation and editorial lint without a browser (nothing here loads puppeteer). */
import type { Command } from 'commander';
import { EXIT, loggerFor } from '../context.js';
import { formatDiagnostic, summarize } from '../../core/report.js';
import { t } from '../../core/i18n.js';
import type { Logger } from '../../core/logger.js';

/** `--fix`: each file's changes as file:line: what (stdout), or its diff with --dry-run. */
async function fixAll(files: readonly string[], dryRun: boolean, logger: Logger): Promise<void> {
  const { fixFile } = await import('../../commands/fix.js');
  const { isUserError } = await import('../../core/diagnostics.js');
  for (const file of files) {
    let result;
    try {
      result = await fixFile(file, { dryRun });
    } catch (error) {
      // A file that cannot be read or written is reported by the check that follows, or here.
      if (!isUserError(error)) throw error;
      logger.error(`bantin: ${error.message}`);
      process.exitCode = EXIT.userError;
      continue;
    }
    if (result.diff) logger.result(result.diff.replace(/\n$/, ''));
    else for (const fix of result.fixes) logger.result(t('fix.changed', { file, line: fix.line, what: fix.what }));
    if (result.refused) logger.error(t('fix.not-written', { file, reason: result.refused }));
    else if (result.written) logger.info(t('fix.written', { file, count: result.fixes.length }));
    else if (dryRun && result.fixes.length) logger.info(t('fix.dry-run', { file, count: result.fixes.length }));
    else logger.info(t('fix.nothing', { file }));
  }
}

interface CheckFlags {
  strict?: boolean;
  json?: boolean;
  theme?: string;
  fix?: boolean;
  dryRun?: boolean;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(t('cli.check.description'))
    .argument(`<${t('cli.arg.files')}...>`, t('cli.build.files'))
    .option('--strict', t('cli.check.strict'))
    .option('--json', t('cli.check.json'))
    .option('--theme <name|dir>', t('cli.check.theme'))
    .option('--fix', t('cli.check.fix'))
    .option('--dry-run', t('cli.check.dry-run'))
    .action(async (files: string[], opts: CheckFlags, command: Command) => {
      const logger = loggerFor(program);
      if (opts.dryRun && !opts.fix) command.error(`${t('cli.error.prefix')}${t('cli.check.dry-run-alone')}`, { exitCode: EXIT.usage });
      const { check, checkedFiles, toReport } = await import('../../commands/check.js');
      // Fixes first, each file on its own: what is left is then checked as usual.
      if (opts.fix) await fixAll(await checkedFiles(files), opts.dryRun === true, logger);
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

/** `bantin site`: argv → options → commands/site (the archive: issue folders, index, feed, search). */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { inRange, RANGES, shardOption } from '../numbers.js';
import { isUserError, UsageError } from '../../core/diagnostics.js';
import { formatDiagnostic } from '../../core/report.js';
import { t } from '../../core/i18n.js';
import type { Shard } from '../../site/shard.js';
import { EXIT, loggerFor } from '../context.js';
import type { Logger } from '../logger.js';
import { showProgress } from './build.js';

interface SiteFlags {
  output?: string;
  shard?: Shard;
  indexOnly?: boolean;
  jobs?: number;
  browser?: string;
  timeout: number;
  theme?: string;
}

type Items = Awaited<ReturnType<typeof import('../../commands/site.js').site>>['items'];

export function registerSite(program: Command): void {
  program
    .command('site')
    .description(t('cli.site.description'))
    .argument(`[${t('cli.arg.files')}...]`, t('cli.site.files'))
    .option('-o, --output <dir>', t('cli.site.output'))
    .addOption(new Option('--shard <K/N>', t('cli.site.shard')).argParser(shardOption))
    .option('--index-only', t('cli.site.index-only'))
    .addOption(new Option('-j, --jobs <n>', t('cli.build.jobs')).argParser(inRange(RANGES.jobs)))
    .option('--theme <name|dir>', t('cli.build.theme'))
    .option('--browser <path>', t('cli.build.browser'))
    .addOption(new Option('--timeout <seconds>', t('cli.build.timeout')).argParser(inRange(RANGES.timeout)).default(60))
    .action(async (files: string[], opts: SiteFlags, command: Command) => {
      const logger = loggerFor(program);
      if (!opts.output) command.error(t('cli.site.needs-output'), { exitCode: EXIT.usage });
      if (opts.indexOnly && files.length) command.error(t('cli.site.index-only-files'), { exitCode: EXIT.usage });
      if (opts.indexOnly && opts.shard) command.error(t('cli.site.index-only-shard'), { exitCode: EXIT.usage });
      if (!opts.indexOnly && !files.length) command.error(t('cli.site.needs-issues'), { exitCode: EXIT.usage });
      const dir = opts.output!;
      const { site } = await import('../../commands/site.js');
      const result = await site({
        inputs: files,
        outDir: dir,
        shard: opts.shard,
        indexOnly: opts.indexOnly,
        jobs: opts.jobs,
        browserPath: opts.browser,
        timeoutMs: opts.timeout * 1000,
        theme: opts.theme,
        logger,
        onProgress: (p) => showProgress(p, logger),
      });
      logger.status('');
      for (const item of result.items) if (item.reused) logger.progress(t('cli.site.reused', { file: path.relative(process.cwd(), item.input) || item.input }));
      process.exitCode = report(result.items, logger);
      if (!opts.indexOnly) {
        const count = (test: (i: Items[number]) => boolean) => result.items.filter(test).length;
        logger.info(t('cli.site.summary', { built: count((i) => Boolean(i.result)), reused: count((i) => Boolean(i.reused)), failed: count((i) => Boolean(i.error)) }));
      }
      // A shard's folders on stdout, one a line: what a CI job uploads for the join (docs/site.md).
      if (opts.shard) for (const item of result.items) if (item.slug && (item.result || item.reused)) logger.result(path.join(dir, item.slug));
      if (opts.shard) logger.info(t('cli.site.shard-done', { shard: `${opts.shard.index}/${opts.shard.count}`, dir }));
      if (result.indexed !== undefined) {
        const index = path.join(dir, 'index.html');
        logger.info(t('cli.site.indexed', { count: result.indexed, seconds: result.seconds.toFixed(2), file: index }));
        logger.result(index);
      }
    });
}

/** Each failed issue's problems (stderr) and warnings of the built ones; the exit code they make. */
function report(items: Items, logger: Logger): number {
  let code: number = EXIT.ok;
  for (const item of items) {
    if (item.result) for (const w of item.result.warnings) logger.warn(formatDiagnostic(w, logger.color));
    if (!item.error) continue;
    if (isUserError(item.error)) {
      for (const d of item.error.diagnostics) logger.error(formatDiagnostic(d, logger.color));
      logger.error(`${logger.color.red('bantin:')} ${item.error.message}`);
      code = Math.max(code, item.error instanceof UsageError ? EXIT.usage : EXIT.userError);
    } else {
      logger.error(`${logger.color.red(t('cli.build.internal-error'))}${t('cli.build.internal-error-building', { file: path.relative(process.cwd(), item.input) || item.input })}`);
      logger.error(item.error instanceof Error ? (item.error.stack ?? item.error.message) : String(item.error));
      code = EXIT.bug;
    }
  }
  return code;
}

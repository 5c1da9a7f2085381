/** `bantin build`: argv → options → commands/build (one issue) or commands/build-many (several). */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { inRange, RANGES, shardOption, sourceDateEpochProblem } from '../numbers.js';
import { isUserError, UsageError } from '../../core/diagnostics.js';
import type { PageSize } from '../../issue/page.js';
import type { Profile } from '../../pdf/profile.js';
import type { Format } from '../../commands/build.js';
import { EXIT, loggerFor } from '../context.js';
import type { Logger } from '../logger.js';
import { formatDiagnostic, summarize } from '../../core/report.js';
import { t } from '../../core/i18n.js';

/** "a4", "A4" → A4: paper sizes are names, not codes to type exactly. */
export function pageSize(value: string): PageSize {
  const size = value.trim().toUpperCase();
  if (size !== 'A4' && size !== 'A5') throw new InvalidArgumentError(t('cli.value.page-size'));
  return size;
}

/** "pdf", "web", "pdf,web" (any order, spaces allowed) → the formats, each once. */
export function buildFormats(value: string): Format[] {
  const names = value.split(',').map((v) => v.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0 || names.some((n) => n !== 'pdf' && n !== 'web')) throw new InvalidArgumentError(t('cli.value.build-format'));
  return (['pdf', 'web'] as const).filter((f) => names.includes(f));
}

/** Bytes as people read them: 212 KB, 1.4 MB. */
export function readableSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

interface BuildFlags {
  format: Format[];
  profile: Profile;
  bleed?: number;
  size?: PageSize;
  cmyk?: boolean;
  tags: boolean;
  pdfa?: boolean;
  duplex?: boolean;
  impose?: 'booklet';
  watch?: boolean;
  serve?: boolean | number;
  output?: string;
  outDir?: string;
  jobs?: number;
  shard?: import('../../site/shard.js').Shard;
  html?: boolean;
  browser?: string;
  timeout: number;
  theme?: string;
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description(t('cli.build.description'))
    .argument(`<${t('cli.arg.files')}...>`, t('cli.build.files'))
    .option('-o, --output <file>', t('cli.build.output'))
    .option('-d, --out-dir <dir>', t('cli.build.out-dir'))
    .addOption(new Option('-j, --jobs <n>', t('cli.build.jobs')).argParser(inRange(RANGES.jobs)))
    .addOption(new Option('--shard <K/N>', t('cli.build.shard')).argParser(shardOption))
    .addOption(new Option('--profile <profile>', t('cli.build.profile')).choices(['screen', 'print', 'press']).default('print'))
    .addOption(new Option('--bleed <mm>', t('cli.build.bleed')).argParser(inRange(RANGES.bleed)))
    .addOption(new Option('--size <size>', t('cli.build.size')).argParser(pageSize))
    .option('--cmyk', t('cli.build.cmyk'))
    .option('--no-tags', t('cli.build.no-tags'))
    .option('--pdfa', t('cli.build.pdfa'))
    .addOption(new Option('--format <formats>', t('cli.build.format')).argParser(buildFormats).default(['pdf'], 'pdf'))
    .option('--duplex', t('cli.build.duplex'))
    .addOption(new Option('--impose <layout>', t('cli.build.impose')).choices(['booklet']))
    .option('--html', t('cli.build.html'))
    .option('--theme <name|dir>', t('cli.build.theme'))
    .option('-w, --watch', t('cli.build.watch'))
    .addOption(new Option('--serve [port]', t('cli.build.serve')).argParser(inRange(RANGES.port)))
    .option('--browser <path>', t('cli.build.browser'))
    .addOption(new Option('--timeout <seconds>', t('cli.build.timeout')).argParser(inRange(RANGES.timeout)).default(60))
    .action(async (files: string[], opts: BuildFlags, command: Command) => {
      const logger = loggerFor(program);
      const epoch = sourceDateEpochProblem();
      if (epoch) command.error(`${t('cli.error.prefix')}${epoch}`, { exitCode: EXIT.usage });
      if (opts.bleed !== undefined && opts.profile !== 'press') command.error(t('cli.build.bleed-needs-press'), { exitCode: EXIT.usage });
      if (opts.cmyk && opts.profile === 'screen') command.error(t('cli.build.cmyk-not-screen'), { exitCode: EXIT.usage });
      // PDF/A here is also tagged (the README says so): an untagged "PDF/A" would be a lie.
      if (opts.pdfa && !opts.tags) command.error(t('cli.build.pdfa-no-tags'), { exitCode: EXIT.usage });
      if (opts.pdfa && opts.cmyk) command.error(t('cli.build.pdfa-cmyk'), { exitCode: EXIT.usage });
      const web = opts.format.includes('web');
      if (opts.html && web) command.error(t('cli.build.html-web'), { exitCode: EXIT.usage });
      if (opts.watch && web) command.error(t('cli.build.watch-web'), { exitCode: EXIT.usage });
      const common = { formats: opts.format, html: opts.html, browserPath: opts.browser, timeoutMs: opts.timeout * 1000, logger, profile: opts.profile, bleedMm: opts.bleed, size: opts.size, cmyk: opts.cmyk, tagged: opts.tags, pdfa: opts.pdfa, theme: opts.theme, duplex: opts.duplex, impose: opts.impose };
      if (opts.impose && (opts.profile === 'screen' || opts.pdfa || opts.watch)) command.error(t('cli.build.impose-not'), { exitCode: EXIT.usage });
      const single = files.length === 1 && (existsSync(files[0]!) || !/[*?[{]/.test(files[0]!)) && !opts.outDir && !opts.shard;
      if (opts.serve && !opts.watch) command.error(t('cli.build.serve-needs-watch'), { exitCode: EXIT.usage });
      if (opts.watch) {
        if (!single) command.error(t('cli.build.watch-one'), { exitCode: EXIT.usage });
        await runWatch({ ...common, input: files[0]!, output: opts.output }, opts.serve);
        return;
      }
      if (single) {
        const { build } = await import('../../commands/build.js');
        const result = await build({ ...common, input: files[0]!, output: opts.output });
        for (const w of result.warnings) logger.warn(formatDiagnostic(w, logger.color));
        const seconds = result.seconds.toFixed(2);
        logger.progress(result.pageCount ? t('cli.build.pages-in', { pages: result.pageCount, seconds }) : t('cli.build.web-in', { seconds }));
        reportWeb(result, logger);
        if (result.htmlOutput) logger.result(result.htmlOutput);
        if (opts.format.includes('pdf')) logger.result(result.output);
        if (result.web) logger.result(result.web.output);
        return;
      }
      if (opts.output) command.error(t('cli.build.output-one'), { exitCode: EXIT.usage });
      const { buildMany } = await import('../../commands/build-many.js');
      const batch = await buildMany({ ...common, inputs: files, outDir: opts.outDir, jobs: opts.jobs, shard: opts.shard, onProgress: (p) => showProgress(p, logger) });
      logger.status('');
      process.exitCode = report(batch.items, batch.seconds, logger);
    });
}

/** The preview's port when none is asked: the same every run (a tab left open finds it again), else the next free one. */
export const PREVIEW_PORT = 4500;

type Serve = NonNullable<import('../../commands/watch.js').WatchOptions['serve']>;

/** With --verbose: how big the web edition is, and what in it. */
function reportWeb(result: import('../../commands/build.js').BuildResult, logger: Logger): void {
  const web = result.web;
  if (!web) return;
  const file = path.relative(process.cwd(), web.output) || web.output;
  const image = path.relative(process.cwd(), web.image) || web.image;
  logger.debug(t('cli.build.web-size', { file, size: readableSize(web.bytes), fonts: readableSize(web.fontBytes), images: readableSize(web.imageBytes), image }));
}

/** Runs until Ctrl-C (the CLI's signal handler closes everything through the cleanups). */
export async function runWatch(options: import('../../commands/build.js').BuildOptions, serve: boolean | number | Serve | undefined): Promise<void> {
  const { watch } = await import('../../commands/watch.js');
  const served = serve === undefined || serve === false ? undefined : serve === true ? { port: PREVIEW_PORT, nextFree: true } : typeof serve === 'number' ? { port: serve } : serve;
  await watch({ ...options, serve: served });
}

type Items = Awaited<ReturnType<typeof import('../../commands/build-many.js').buildMany>>['items'];
type Progress = import('../../commands/build-many.js').BatchProgress;

/** In a terminal: `[3/8] so-15-2026.yaml  21 pages  1.40 s` as each issue finishes, under it one updating status line. */
export function progressLine({ finished, done, total }: Progress): string | undefined {
  if (!finished) return undefined;
  const r = finished.result;
  const seconds = r?.seconds.toFixed(2) ?? '';
  const what = !r ? t('cli.build.progress-failed') : r.pageCount ? t('cli.build.progress-done', { pages: r.pageCount, seconds }) : t('cli.build.progress-web', { size: readableSize(r.web?.bytes ?? 0), seconds });
  return `[${done}/${total}] ${path.basename(finished.input)}  ${what}`;
}

export function showProgress(progress: Progress, logger: Logger): void {
  const line = progressLine(progress);
  if (line) logger.progress(line);
  const { done, total, running } = progress;
  logger.status(done === total ? '' : `${t('cli.build.status', { done, total })}${running.length ? t('cli.build.status-printing', { files: running.map((f) => path.basename(f)).join(', ') }) : ''}`);
}

/** Problems per issue, then a summary table on stderr; the PDFs' paths on stdout. */
function report(items: Items, seconds: number, logger: Logger): number {
  let code: number = EXIT.ok;
  const rel = (file: string) => path.relative(process.cwd(), file) || file;
  for (const item of items) {
    if (item.result) {
      for (const w of item.result.warnings) logger.warn(formatDiagnostic(w, logger.color));
      reportWeb(item.result, logger);
      if (item.result.pageCount) logger.result(item.result.output);
      if (item.result.web) logger.result(item.result.web.output);
    } else if (isUserError(item.error)) {
      for (const d of item.error.diagnostics) logger.error(formatDiagnostic(d, logger.color));
      logger.error(`${logger.color.red('bantin:')} ${item.error.message}`);
      code = Math.max(code, item.error instanceof UsageError ? EXIT.usage : EXIT.userError);
    } else {
      logger.error(`${logger.color.red(t('cli.build.internal-error'))}${t('cli.build.internal-error-building', { file: rel(item.input) })}`);
      logger.error(item.error instanceof Error ? (item.error.stack ?? item.error.message) : String(item.error));
      code = EXIT.bug;
    }
  }
  const width = Math.max(4, ...items.map((i) => rel(i.input).length));
  logger.warn(`\n${t('cli.build.table-issue').padEnd(width)}${t('cli.build.table-head')}`);
  for (const item of items) {
    const r = item.result;
    const status = r ? (r.warnings.length ? logger.color.yellow(summarize(r.warnings)) : logger.color.green(t('cli.build.table-ok'))) : logger.color.red(isUserError(item.error) && item.error.diagnostics.length ? t('cli.build.table-failed-counts', { counts: summarize(item.error.diagnostics) }) : t('cli.build.table-failed'));
    logger.warn(`${rel(item.input).padEnd(width)}  ${String(r?.pageCount || '–').padStart(5)}  ${(r ? r.seconds.toFixed(2) : '–').padStart(7)}  ${status}`);
  }
  const built = items.filter((i) => i.result).length;
  logger.warn(t('cli.build.built', { built, total: items.length, seconds: seconds.toFixed(2) }));
  return code;
}

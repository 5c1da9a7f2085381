/** `bantin build`: argv → options → commands/build (one issue) or commands/build-many (several). */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { inRange, RANGES, sourceDateEpochProblem } from '../numbers.js';
import { isUserError, UsageError } from '../../core/diagnostics.js';
import type { PageSize } from '../../issue/page.js';
import type { Profile } from '../../pdf/profile.js';
import { EXIT, loggerFor } from '../context.js';
import type { Logger } from '../logger.js';
import { formatDiagnostic, summarize } from '../../core/report.js';

/** "a4", "A4" → A4: paper sizes are names, not codes to type exactly. */
export function pageSize(value: string): PageSize {
  const size = value.trim().toUpperCase();
  if (size !== 'A4' && size !== 'A5') throw new InvalidArgumentError('expected A4 or A5');
  return size;
}

interface BuildFlags {
  profile: Profile;
  bleed?: number;
  size?: PageSize;
  cmyk?: boolean;
  tags: boolean;
  pdfa?: boolean;
  watch?: boolean;
  serve?: boolean | number;
  output?: string;
  outDir?: string;
  jobs?: number;
  html?: boolean;
  browser?: string;
  timeout: number;
  theme?: string;
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('validate issues and print them to PDF (files or quoted globs: bantin build "issues/*.yaml")')
    .argument('<files...>', 'issue files (Markdown or YAML) or glob patterns')
    .option('-o, --output <file>', 'where to write the PDF of a single issue (default: beside the YAML, same name)')
    .option('-d, --out-dir <dir>', 'write every PDF into this folder')
    .addOption(new Option('-j, --jobs <n>', 'issues printed at the same time (default: fits the machine)').argParser(inRange(RANGES.jobs)))
    .addOption(new Option('--profile <profile>', 'screen (RGB, small file), print (A4 trim, full resolution) or press (bleed, crop marks, page boxes)').choices(['screen', 'print', 'press']).default('print'))
    .addOption(new Option('--bleed <mm>', 'bleed of the press profile in millimetres (default 3)').argParser(inRange(RANGES.bleed)))
    .addOption(new Option('--size <size>', "paper size, overriding the issue's page.size: A4 or A5 (any case)").argParser(pageSize))
    .option('--cmyk', 'colours in CMYK, black text in K only (not PDF/X); needs gs installed')
    .option('--no-tags', 'an untagged PDF: no structure tree for screen readers (slightly smaller and faster)')
    .option('--pdfa', 'an archival PDF/A-2b file (sRGB output intent, XMP identification, tagged); not with --cmyk or --no-tags')
    .option('--html', 'also write the rendered HTML beside each PDF')
    .option('--theme <name|dir>', "a built-in theme (bantin theme list) or a theme folder, overriding the issue's series.theme")
    .option('-w, --watch', 'rebuild when the issue, its images, a template or a style changes')
    .addOption(new Option('--serve [port]', 'with --watch: show a live preview on http://127.0.0.1:<port>').argParser(inRange(RANGES.port)))
    .option('--browser <path>', 'the Chromium or Chrome to use (default: BANTIN_BROWSER, puppeteer, system)')
    .addOption(new Option('--timeout <seconds>', 'give up on a browser step after this long').argParser(inRange(RANGES.timeout)).default(60))
    .action(async (files: string[], opts: BuildFlags, command: Command) => {
      const logger = loggerFor(program);
      const epoch = sourceDateEpochProblem();
      if (epoch) command.error(`error: ${epoch}`, { exitCode: EXIT.usage });
      if (opts.bleed !== undefined && opts.profile !== 'press') command.error('error: --bleed goes with --profile press', { exitCode: EXIT.usage });
      if (opts.cmyk && opts.profile === 'screen') command.error('error: --cmyk is for print; the screen profile is RGB', { exitCode: EXIT.usage });
      // PDF/A here is also tagged (the README says so): an untagged "PDF/A" would be a lie.
      if (opts.pdfa && !opts.tags) command.error('error: --pdfa and --no-tags do not go together: a PDF/A file from bantin is also tagged (accessible); leave out --no-tags', { exitCode: EXIT.usage });
      if (opts.pdfa && opts.cmyk) command.error('error: --pdfa and --cmyk do not go together: a PDF/A file here has an sRGB output intent, and a CMYK file cannot carry it', { exitCode: EXIT.usage });
      const common = { html: opts.html, browserPath: opts.browser, timeoutMs: opts.timeout * 1000, logger, profile: opts.profile, bleedMm: opts.bleed, size: opts.size, cmyk: opts.cmyk, tagged: opts.tags, pdfa: opts.pdfa, theme: opts.theme };
      const single = files.length === 1 && (existsSync(files[0]!) || !/[*?[{]/.test(files[0]!)) && !opts.outDir;
      if (opts.serve && !opts.watch) command.error('error: --serve goes with --watch (or use: bantin preview FILE)', { exitCode: EXIT.usage });
      if (opts.watch) {
        if (!single) command.error('error: --watch follows one issue file', { exitCode: EXIT.usage });
        await runWatch({ ...common, input: files[0]!, output: opts.output }, opts.serve);
        return;
      }
      if (single) {
        const { build } = await import('../../commands/build.js');
        const result = await build({ ...common, input: files[0]!, output: opts.output });
        for (const w of result.warnings) logger.warn(formatDiagnostic(w, logger.color));
        logger.progress(`${result.pageCount} pages in ${result.seconds.toFixed(2)} s`);
        if (result.htmlOutput) logger.result(result.htmlOutput);
        logger.result(result.output);
        return;
      }
      if (opts.output) command.error('error: -o/--output names one PDF; with several issues use --out-dir', { exitCode: EXIT.usage });
      const { buildMany } = await import('../../commands/build-many.js');
      const batch = await buildMany({ ...common, inputs: files, outDir: opts.outDir, jobs: opts.jobs, onProgress: (p) => showProgress(p, logger) });
      logger.status('');
      process.exitCode = report(batch.items, batch.seconds, logger);
    });
}

/** Runs until Ctrl-C (the CLI's signal handler closes everything through the cleanups). */
export async function runWatch(options: import('../../commands/build.js').BuildOptions, serve: boolean | number | undefined, open?: boolean): Promise<void> {
  const { watch } = await import('../../commands/watch.js');
  await watch({ ...options, serve: serve === undefined || serve === false ? undefined : { port: serve === true ? 0 : serve, open } });
}

type Items = Awaited<ReturnType<typeof import('../../commands/build-many.js').buildMany>>['items'];
type Progress = import('../../commands/build-many.js').BatchProgress;

/** In a terminal: `[3/8] so-15-2026.yaml  21 pages  1.40 s` as each issue finishes, under it one updating status line. */
export function progressLine({ finished, done, total }: Progress): string | undefined {
  if (!finished) return undefined;
  const r = finished.result;
  const what = r ? `${r.pageCount} pages  ${r.seconds.toFixed(2)} s` : 'failed';
  return `[${done}/${total}] ${path.basename(finished.input)}  ${what}`;
}

function showProgress(progress: Progress, logger: Logger): void {
  const line = progressLine(progress);
  if (line) logger.progress(line);
  const { done, total, running } = progress;
  logger.status(done === total ? '' : `${done} of ${total} done${running.length ? ` · printing ${running.map((f) => path.basename(f)).join(', ')}` : ''}`);
}

/** Problems per issue, then a summary table on stderr; the PDFs' paths on stdout. */
function report(items: Items, seconds: number, logger: Logger): number {
  let code: number = EXIT.ok;
  const rel = (file: string) => path.relative(process.cwd(), file) || file;
  for (const item of items) {
    if (item.result) {
      for (const w of item.result.warnings) logger.warn(formatDiagnostic(w, logger.color));
      logger.result(item.result.output);
    } else if (isUserError(item.error)) {
      for (const d of item.error.diagnostics) logger.error(formatDiagnostic(d, logger.color));
      logger.error(`${logger.color.red('bantin:')} ${item.error.message}`);
      code = Math.max(code, item.error instanceof UsageError ? EXIT.usage : EXIT.userError);
    } else {
      logger.error(`${logger.color.red('bantin: internal error')} building ${rel(item.input)} — this is a bug in bantin, please report it:`);
      logger.error(item.error instanceof Error ? (item.error.stack ?? item.error.message) : String(item.error));
      code = EXIT.bug;
    }
  }
  const width = Math.max(4, ...items.map((i) => rel(i.input).length));
  logger.warn(`\n${'issue'.padEnd(width)}  pages  seconds  result`);
  for (const item of items) {
    const r = item.result;
    const status = r ? (r.warnings.length ? logger.color.yellow(summarize(r.warnings)) : logger.color.green('ok')) : logger.color.red(isUserError(item.error) && item.error.diagnostics.length ? `failed (${summarize(item.error.diagnostics)})` : 'failed');
    logger.warn(`${rel(item.input).padEnd(width)}  ${String(r?.pageCount ?? '–').padStart(5)}  ${(r ? r.seconds.toFixed(2) : '–').padStart(7)}  ${status}`);
  }
  const built = items.filter((i) => i.result).length;
  logger.warn(`${built} of ${items.length} built in ${seconds.toFixed(2)} s`);
  return code;
}

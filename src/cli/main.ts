/**
 * The command line: argv → checked options → a command function → exit code.
 * Only this file sets process.exitCode; library code never exits.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isUserError } from '../issue/diagnostics.js';
import { runCleanups } from '../pdf/browser.js';
import { version } from '../paths.js';
import { createLogger, type LogLevel, type Logger } from './logger.js';
import { formatDiagnostic, summarize } from './report.js';

export const EXIT = { ok: 0, userError: 1, usage: 2, bug: 70, interrupted: 130 } as const;

interface GlobalFlags {
  quiet?: boolean;
  verbose?: boolean;
}

function loggerFor(flags: GlobalFlags): Logger {
  const level: LogLevel = flags.quiet ? 'quiet' : flags.verbose ? 'verbose' : 'normal';
  return createLogger({ level });
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds, e.g. 60');
  return n;
}

export function createProgram(): Command {
  const program = new Command();
  program
    .name('bantin')
    .description('Turn one YAML file into a print-ready PDF issue of a news bulletin.')
    .version(version, '-V, --version')
    .option('-q, --quiet', 'print only errors and the result')
    .option('-v, --verbose', 'print every step')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  program
    .command('build')
    .description('validate an issue and print it to PDF')
    .argument('<file>', 'the issue file (YAML)')
    .option('-o, --output <file>', 'where to write the PDF (default: beside the YAML, same name)')
    .option('--html', 'also write the rendered HTML beside the PDF')
    .option('--browser <path>', 'the Chromium or Chrome to use (default: BANTIN_BROWSER, puppeteer, system)')
    .addOption(new Option('--timeout <seconds>', 'give up on a browser step after this long').argParser(seconds).default(60))
    .action(async (file: string, opts: { output?: string; html?: boolean; browser?: string; timeout: number }) => {
      const logger = loggerFor(program.opts<GlobalFlags>());
      const { build } = await import('../commands/build.js');
      const result = await build({ input: file, output: opts.output, html: opts.html, browserPath: opts.browser, timeoutMs: opts.timeout * 1000, logger });
      for (const w of result.warnings) logger.warn(formatDiagnostic(w, logger.color));
      logger.progress(`${result.pageCount} pages in ${result.seconds.toFixed(2)} s`);
      if (result.htmlOutput) logger.result(result.htmlOutput);
      logger.result(result.output);
    });

  program
    .command('check')
    .description('validate issues without printing (no browser)')
    .argument('<files...>', 'issue files (YAML)')
    .action(async (files: string[]) => {
      const logger = loggerFor(program.opts<GlobalFlags>());
      const { check } = await import('../commands/check.js');
      const results = await check(files);
      for (const r of results) {
        for (const d of r.diagnostics) (d.severity === 'error' ? logger.error : logger.warn)(formatDiagnostic(d, logger.color));
        logger.progress(`${r.file}: ${r.ok ? 'ok' : 'failed'}${r.diagnostics.length ? ` (${summarize(r.diagnostics)})` : ''}`);
      }
      if (results.some((r) => !r.ok)) process.exitCode = EXIT.userError;
    });

  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`\ninterrupted (${signal}): cleaning up\n`);
    void runCleanups().finally(() => process.exit(EXIT.interrupted));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const program = createProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here too, with code 0.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  const logger = createLogger();
  if (isUserError(error)) {
    for (const d of error.diagnostics) logger.error(formatDiagnostic(d, logger.color));
    const counts = error.diagnostics.length ? ` (${summarize(error.diagnostics)})` : '';
    logger.error(`${logger.color.red('bantin:')} ${error.message}${counts}`);
    return EXIT.userError;
  }
  logger.error(`${logger.color.red('bantin: internal error')} — this is a bug in bantin, please report it with the issue file:`);
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return EXIT.bug;
}

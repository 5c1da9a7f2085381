/**
 * The command line: argv → checked options → a command function → exit code.
 * Only the CLI layer sets process.exitCode; library code never exits. Each command's
 * wrapper lives in cli/commands/ and loads its implementation only when it runs.
 */
import { Command, CommanderError, Option } from 'commander';
import { isUserError, UsageError } from '../core/diagnostics.js';
import { lateCleanups, runCleanups } from '../core/cleanup.js';
import { killChildren } from '../core/owned.js';
import { version } from '../paths.js';
import { registerAdd } from './commands/add.js';
import { registerBuild } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { registerConvert } from './commands/convert.js';
import { registerImport } from './commands/import.js';
import { registerNew } from './commands/new.js';
import { registerPreview } from './commands/preview.js';
import { registerSite } from './commands/site.js';
import { registerTheme } from './commands/theme.js';
import { EXIT, SIGNAL_EXIT } from './context.js';
import { createLogger } from './logger.js';
import { formatDiagnostic, summarize } from '../core/report.js';
import { chooseLanguage, setLanguage, t } from '../core/i18n.js';
import { localizeProgram } from './help.js';

export { EXIT } from './context.js';

export function createProgram(): Command {
  const program = new Command();
  program
    .name('bantin')
    .description(t('cli.program.description'))
    .version(version, '-V, --version', t('cli.option.version'))
    .option('-q, --quiet', t('cli.option.quiet'))
    .option('-v, --verbose', t('cli.option.verbose'))
    .addOption(new Option('--lang <lang>', t('cli.option.lang')).choices(['vi', 'en']))
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  localizeProgram(program);
  registerBuild(program);
  registerCheck(program);
  registerAdd(program);
  registerConvert(program);
  registerImport(program);
  registerNew(program);
  registerPreview(program);
  registerSite(program);
  registerTheme(program);
  return program;
}

/**
 * The value of --lang in argv (`--lang vi` or `--lang=vi`), read before commander parses it: the
 * help and every description are put into words when the program is built, so the language must
 * be chosen first. Arguments after `--` are files, not options.
 */
export function langFlag(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') found = argv[++i];
    else if (arg.startsWith('--lang=')) found = arg.slice('--lang='.length);
  }
  return found || undefined;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  setLanguage(chooseLanguage(langFlag(argv), process.env));
  // Ctrl-C, kill and a closed terminal end bantin the same way: child processes killed, temporary
  // files and folders removed, nothing written; the exit code is 128 + the signal's number.
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = signal;
    // After SIGHUP the terminal may be gone: a failed write must not stop the cleaning up.
    process.stderr.on('error', () => undefined);
    process.stderr.write(`\n${t('cli.interrupted', { signal })}\n`);
    killChildren();
    const code = SIGNAL_EXIT[signal as keyof typeof SIGNAL_EXIT] ?? EXIT.interrupted;
    // Cleanups that hang cannot keep bantin alive (a second signal ends it at once).
    setTimeout(() => process.exit(code), 5000).unref();
    // Then the command itself stops at its next step (a browser being launched is closed, its
    // folder removed): waited for, up to 2 s, before exiting. That timer is not unref'd: with
    // nothing else left to wait on, Node would end the process with code 13 (a top-level await
    // that never settled) instead of the signal's code.
    void runCleanups()
      .then(() => Promise.race([working, new Promise((resolve) => setTimeout(resolve, 2000))]))
      .then(() => lateCleanups())
      .finally(() => process.exit(code));
  };
  let working: Promise<unknown> = Promise.resolve();
  for (const signal of Object.keys(SIGNAL_EXIT) as NodeJS.Signals[]) process.once(signal, onSignal);
  const program = createProgram();
  try {
    const parsing = program.parseAsync(argv);
    working = parsing.then(
      () => undefined,
      () => undefined,
    );
    await parsing;
  } catch (error) {
    // Once a signal has come, what fails is what bantin ended itself (Ghostscript, the browser):
    // the handler has said so and sets the exit code; a second message would only mislead.
    if (interrupted) process.exitCode = SIGNAL_EXIT[interrupted as keyof typeof SIGNAL_EXIT] ?? EXIT.interrupted;
    else process.exitCode = exitCodeFor(error);
  } finally {
    for (const signal of Object.keys(SIGNAL_EXIT) as NodeJS.Signals[]) process.off(signal, onSignal);
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
    return error instanceof UsageError ? EXIT.usage : EXIT.userError;
  }
  logger.error(`${logger.color.red(t('cli.internal-error'))}${t('cli.internal-error-report')}`);
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return EXIT.bug;
}

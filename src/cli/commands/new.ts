/** `bantin new`: argv (and, in a terminal, a few questions) → commands/new. */
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { UserError } from '../../core/diagnostics.js';
import type { NewOptions } from '../../commands/new/index.js';
import { loggerFor } from '../context.js';
import { t } from '../../core/i18n.js';
import { readTypedDate } from '../../issue/typed-date.js';

/** The command's flags are the options of commands/new, plus --yes. */
type NewFlags = Pick<NewOptions, 'from' | 'dir' | 'output' | 'number' | 'weekStart' | 'title' | 'format'> & { publisher: string[]; yes?: boolean };

const issueFormat = (value: string): 'md' | 'yaml' => {
  const format = value.toLowerCase();
  if (format === 'md' || format === 'markdown') return 'md';
  if (format === 'yaml' || format === 'yml') return 'yaml';
  throw new InvalidArgumentError(t('cli.value.format'));
};

const issueNumber = (value: string): string => {
  if (!/^[1-9]\d{0,2}\/\d{4}$/.test(value)) throw new InvalidArgumentError(t('cli.value.number'));
  return value;
};
// Not the zod schema: registering a command must not load zod (every command starts through here).
// 2027-01-04, or as typed in Vietnam: 4/1/2027, 04/01/2027, 4-1-2027.
const weekStart = (value: string): string => {
  const iso = readTypedDate(value);
  if (!iso) throw new InvalidArgumentError(t('cli.value.date'));
  return iso;
};
const text = (what: 'cli.value.series-title' | 'cli.value.publisher') => (value: string): string => {
  if (!value.trim()) throw new InvalidArgumentError(t(what));
  return value.trim();
};

/** Ctrl-D (end of input) or Ctrl-C at a question: stop, having written nothing. */
const cancelled = (error: unknown): never => {
  if ((error as Error).name === 'AbortError') throw new UserError(t('cli.new.cancelled'));
  throw error;
};

export function registerNew(program: Command): void {
  program
    .command('new')
    .description(t('cli.new.description'))
    .option('--from <file>', t('cli.new.from'))
    .option('-d, --dir <dir>', t('cli.new.dir'), '.')
    .option('-o, --output <file>', t('cli.new.output'))
    .option('--format <md|yaml>', t('cli.new.format'), issueFormat)
    .option('--number <n/year>', t('cli.new.number'), issueNumber)
    .option('--week-start <date>', t('cli.new.week-start'), weekStart)
    .option('--title <title>', t('cli.new.title'), text('cli.value.series-title'))
    .option('--publisher <line>', t('cli.new.publisher'), (v: string, all: string[]) => [...all, text('cli.value.publisher')(v)], [] as string[])
    .option('-y, --yes', t('cli.new.yes'))
    .action(async (opts: NewFlags) => {
      const logger = loggerFor(program);
      const { newIssue } = await import('../../commands/new/index.js');
      const interactive = !opts.yes && process.stdin.isTTY === true;
      const rl = interactive ? (await import('node:readline/promises')).createInterface({ input: process.stdin, output: process.stderr }) : undefined;
      try {
        const result = await newIssue({
          from: opts.from,
          dir: opts.dir,
          output: opts.output,
          format: opts.format,
          number: opts.number,
          weekStart: opts.weekStart,
          title: opts.title,
          publisher: opts.publisher,
          ask: rl && ((question) => rl.question(question).catch(cancelled)),
        });
        const shown = (file: string) => path.relative(process.cwd(), file) || file;
        for (const note of result.notes) logger.warn(`${logger.color.yellow(t('cli.new.warning'))} ${note}`);
        logger.info(
          t('cli.new.done', {
            number: result.number,
            week: result.week.label,
            after: result.from ? t('cli.new.after', { file: shown(result.from) }) : '',
            placeholders: result.placeholders,
            file: shown(result.output),
          }),
        );
        logger.result(result.output);
      } finally {
        rl?.close();
      }
    });
}

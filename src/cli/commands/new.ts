/** `bantin new`: argv (and, in a terminal, a few questions) → commands/new. */
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { UserError } from '../../core/diagnostics.js';
import type { NewOptions } from '../../commands/new/index.js';
import { loggerFor } from '../context.js';

/** The command's flags are the options of commands/new, plus --yes. */
type NewFlags = Pick<NewOptions, 'from' | 'dir' | 'output' | 'number' | 'weekStart' | 'title' | 'format'> & { publisher: string[]; yes?: boolean };

const issueFormat = (value: string): 'md' | 'yaml' => {
  const format = value.toLowerCase();
  if (format === 'md' || format === 'markdown') return 'md';
  if (format === 'yaml' || format === 'yml') return 'yaml';
  throw new InvalidArgumentError('expected md or yaml');
};

const issueNumber = (value: string): string => {
  if (!/^[1-9]\d{0,2}\/\d{4}$/.test(value)) throw new InvalidArgumentError('expected number/year, e.g. 21/2026');
  return value;
};
// Not the zod schema: registering a command must not load zod (every command starts through here).
const weekStart = (value: string): string => {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC reads the years 0–99 as 1900–1999: the year is compared too.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) throw new InvalidArgumentError('expected a real date written YYYY-MM-DD, e.g. 2026-06-01');
  return value;
};
const text = (what: string) => (value: string): string => {
  if (!value.trim()) throw new InvalidArgumentError(`expected ${what}`);
  return value.trim();
};

/** Ctrl-D (end of input) or Ctrl-C at a question: stop, having written nothing. */
const cancelled = (error: unknown): never => {
  if ((error as Error).name === 'AbortError') throw new UserError('cancelled: no file was written');
  throw error;
};

export function registerNew(program: Command): void {
  program
    .command('new')
    .description('start the next issue from the last one (number, week, series and parts carried over), never overwriting a file')
    .option('--from <file>', 'the previous issue (default: the newest issue file in --dir)')
    .option('-d, --dir <dir>', 'folder to look for the previous issue and to write the new one in', '.')
    .option('-o, --output <file>', 'where to write the new issue (default: so-<number>-<year>.yaml or .md in --dir, the current folder)')
    .option('--format <md|yaml>', "write the issue as Markdown or YAML (default: as -o's name says, else as the previous issue)", issueFormat)
    .option('--number <n/year>', 'the issue number (default: the next one)', issueNumber)
    .option('--week-start <date>', 'the first day of the week, YYYY-MM-DD (default: 7 days after the previous week)', weekStart)
    .option('--title <title>', 'the series title, for a new series', text('a series title'))
    .option('--publisher <line>', 'a publisher line, parent body first (repeat for more lines)', (v: string, all: string[]) => [...all, text('a publisher line')(v)], [] as string[])
    .option('-y, --yes', 'ask nothing: use the flags and the defaults')
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
        for (const note of result.notes) logger.warn(`${logger.color.yellow('warning')} ${note}`);
        logger.info(
          `issue ${result.number}, week ${result.week.label}${result.from ? ` (after ${shown(result.from)})` : ''}: ` +
            `replace the ${result.placeholders} placeholders, then run bantin check ${shown(result.output)}`,
        );
        logger.result(result.output);
      } finally {
        rl?.close();
      }
    });
}

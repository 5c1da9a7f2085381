/** `bantin convert FILE --to md|yaml [-o OUT]`: argv → commands/convert. */
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loggerFor } from '../context.js';
import { formatDiagnostic } from '../../core/report.js';

interface ConvertFlags {
  to?: 'md' | 'yaml';
  output?: string;
}

const issueFormat = (value: string): 'md' | 'yaml' => {
  const format = value.toLowerCase();
  if (format === 'md' || format === 'markdown') return 'md';
  if (format === 'yaml' || format === 'yml') return 'yaml';
  throw new InvalidArgumentError('expected md or yaml');
};

export function registerConvert(program: Command): void {
  program
    .command('convert')
    .description('write an issue in the other form, Markdown or YAML, losing nothing (comments in the front matter kept); never over the input')
    .argument('<file>', 'the issue file (.yaml, .yml or .md)')
    .option('--to <md|yaml>', "the form to write (default: as -o's name says, else the other form)", issueFormat)
    .option('-o, --output <file>', 'where to write it (default: beside the input, with the other extension; an existing file is replaced only when named here)')
    .action(async (file: string, opts: ConvertFlags) => {
      const logger = loggerFor(program);
      const { convert } = await import('../../commands/convert.js');
      const result = await convert({ input: file, to: opts.to, output: opts.output });
      for (const d of result.diagnostics) logger.warn(formatDiagnostic(d, logger.color));
      logger.progress(`${path.relative(process.cwd(), result.input) || result.input} → ${path.relative(process.cwd(), result.output) || result.output}`);
      logger.result(result.output);
    });
}

/** `bantin convert FILE --to md|yaml [-o OUT]`: argv → commands/convert. */
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loggerFor } from '../context.js';
import { formatDiagnostic } from '../../core/report.js';
import { t } from '../../core/i18n.js';

interface ConvertFlags {
  to?: 'md' | 'yaml';
  output?: string;
}

const issueFormat = (value: string): 'md' | 'yaml' => {
  const format = value.toLowerCase();
  if (format === 'md' || format === 'markdown') return 'md';
  if (format === 'yaml' || format === 'yml') return 'yaml';
  throw new InvalidArgumentError(t('cli.value.format'));
};

export function registerConvert(program: Command): void {
  program
    .command('convert')
    .description(t('cli.convert.description'))
    .argument(`<${t('cli.arg.file')}>`, t('cli.convert.file'))
    .option('--to <md|yaml>', t('cli.convert.to'), issueFormat)
    .option('-o, --output <file>', t('cli.convert.output'))
    .action(async (file: string, opts: ConvertFlags) => {
      const logger = loggerFor(program);
      const { convert } = await import('../../commands/convert.js');
      const result = await convert({ input: file, to: opts.to, output: opts.output });
      for (const d of result.diagnostics) logger.warn(formatDiagnostic(d, logger.color));
      logger.progress(`${path.relative(process.cwd(), result.input) || result.input} → ${path.relative(process.cwd(), result.output) || result.output}`);
      logger.result(result.output);
    });
}

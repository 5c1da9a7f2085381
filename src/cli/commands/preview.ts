/** `bantin preview FILE`: build --watch with a live preview in the reader's browser. */
import { Option, type Command } from 'commander';
import { inRange, RANGES, sourceDateEpochProblem } from '../numbers.js';
import { EXIT, loggerFor } from '../context.js';
import { PREVIEW_PORT, runWatch } from './build.js';
import { t } from '../../core/i18n.js';

export function registerPreview(program: Command): void {
  program
    .command('preview')
    .description(t('cli.preview.description'))
    .argument(`<${t('cli.arg.file')}>`, t('cli.preview.file'))
    .option('-o, --output <file>', t('cli.preview.output'))
    .addOption(
      new Option('-p, --port <port>', t('cli.preview.port')).argParser(inRange(RANGES.anyPort)),
    )
    .option('--open', t('cli.preview.open'))
    .option('--no-open', t('cli.preview.no-open'))
    .option('--editor <editor>', t('cli.preview.editor'))
    .option('--browser <path>', t('cli.preview.browser'))
    .option('--theme <name|dir>', t('cli.preview.theme'))
    .action(async (file: string, opts: { output?: string; port?: number; browser?: string; open?: boolean; editor?: string; theme?: string }, command: Command) => {
      const logger = loggerFor(program);
      const epoch = sourceDateEpochProblem();
      if (epoch) command.error(`${t('cli.error.prefix')}${epoch}`, { exitCode: EXIT.usage });
      const serve = { port: opts.port ?? PREVIEW_PORT, nextFree: opts.port === undefined, open: opts.open ?? ('auto' as const), editor: opts.editor };
      await runWatch({ input: file, output: opts.output, browserPath: opts.browser, logger, theme: opts.theme }, serve);
    });
}

/** `bantin preview FILE`: build --watch with a live preview in the reader's browser. */
import { Option, type Command } from 'commander';
import { inRange, RANGES, sourceDateEpochProblem } from '../numbers.js';
import { EXIT, loggerFor } from '../context.js';
import { runWatch } from './build.js';

export function registerPreview(program: Command): void {
  program
    .command('preview')
    .description('rebuild on every change and show the PDF live on http://127.0.0.1 (loopback only)')
    .argument('<file>', 'the issue file (YAML)')
    .option('-o, --output <file>', 'where to write the PDF (default: beside the YAML)')
    .addOption(
      new Option('-p, --port <port>', 'port to serve on (default: a free one)').argParser(inRange(RANGES.anyPort)),
    )
    .option('--open', "open the preview in the system's browser")
    .option('--browser <path>', 'the Chromium or Chrome to use')
    .option('--theme <name|dir>', "a built-in theme or a theme folder, overriding the issue's series.theme")
    .action(async (file: string, opts: { output?: string; port?: number; browser?: string; open?: boolean; theme?: string }, command: Command) => {
      const logger = loggerFor(program);
      const epoch = sourceDateEpochProblem();
      if (epoch) command.error(`error: ${epoch}`, { exitCode: EXIT.usage });
      await runWatch({ input: file, output: opts.output, browserPath: opts.browser, logger, theme: opts.theme }, opts.port ?? true, opts.open);
    });
}

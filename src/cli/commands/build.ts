/** `bantin build`: argv → BuildOptions → commands/build. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { loggerFor } from '../context.js';
import { formatDiagnostic } from '../report.js';

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds, e.g. 60');
  return n;
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('validate an issue and print it to PDF')
    .argument('<file>', 'the issue file (YAML)')
    .option('-o, --output <file>', 'where to write the PDF (default: beside the YAML, same name)')
    .option('--html', 'also write the rendered HTML beside the PDF')
    .option('--browser <path>', 'the Chromium or Chrome to use (default: BANTIN_BROWSER, puppeteer, system)')
    .addOption(new Option('--timeout <seconds>', 'give up on a browser step after this long').argParser(seconds).default(60))
    .action(async (file: string, opts: { output?: string; html?: boolean; browser?: string; timeout: number }) => {
      const logger = loggerFor(program);
      const { build } = await import('../../commands/build.js');
      const result = await build({ input: file, output: opts.output, html: opts.html, browserPath: opts.browser, timeoutMs: opts.timeout * 1000, logger });
      for (const w of result.warnings) logger.warn(formatDiagnostic(w, logger.color));
      logger.progress(`${result.pageCount} pages in ${result.seconds.toFixed(2)} s`);
      if (result.htmlOutput) logger.result(result.htmlOutput);
      logger.result(result.output);
    });
}

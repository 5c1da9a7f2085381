/** `bantin theme list` and `bantin theme new DIR [--from NAME|DIR] [--eject]`. */
import path from 'node:path';
import type { Command } from 'commander';
import { loggerFor } from '../context.js';

export function registerTheme(program: Command): void {
  const theme = program.command('theme').description('list the built-in themes, or start a theme of your own');
  theme
    .command('list')
    .description('the built-in themes, each with one line about its look')
    .action(async () => {
      const logger = loggerFor(program);
      const { listThemes } = await import('../../commands/theme.js');
      const themes = await listThemes();
      const width = Math.max(...themes.map((t) => t.name.length));
      for (const t of themes) logger.result(`${t.name.padEnd(width)}  ${t.description}${t.isDefault ? ' (default)' : ''}`);
    });
  theme
    .command('new')
    .description('write a theme folder that extends another theme: a commented theme.yaml (--eject: with every partial and stylesheet)')
    .argument('<dir>', 'the new theme folder')
    .option('--from <name|dir>', 'the theme it extends', 'haiphong')
    .option('--eject', 'also copy every partial and stylesheet, to change them freely')
    .action(async (dir: string, opts: { from: string; eject?: boolean }) => {
      const logger = loggerFor(program);
      const { newTheme } = await import('../../commands/theme.js');
      const files = await newTheme({ dir, from: opts.from, eject: opts.eject });
      logger.progress(`wrote ${files.length} ${files.length === 1 ? 'file' : 'files'}; use it with series.theme: ./${path.relative(process.cwd(), path.resolve(dir)) || '.'} or --theme ${dir}`);
      logger.result(path.join(dir, 'theme.yaml'));
    });
}

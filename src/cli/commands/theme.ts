/** `bantin theme list` and `bantin theme new DIR [--from NAME|DIR] [--eject]`. */
import path from 'node:path';
import type { Command } from 'commander';
import { loggerFor } from '../context.js';
import { t } from '../../core/i18n.js';

export function registerTheme(program: Command): void {
  const theme = program.command('theme').description(t('cli.theme.description'));
  theme
    .command('list')
    .description(t('cli.theme.list.description'))
    .action(async () => {
      const logger = loggerFor(program);
      const { listThemes } = await import('../../commands/theme.js');
      const themes = await listThemes();
      const width = Math.max(...themes.map((theme) => theme.name.length));
      for (const theme of themes) logger.result(`${theme.name.padEnd(width)}  ${theme.description}${theme.isDefault ? t('cli.theme.list.default') : ''}`);
    });
  theme
    .command('new')
    .description(t('cli.theme.new.description'))
    .argument(`<${t('cli.arg.dir')}>`, t('cli.theme.new.dir'))
    .option('--from <name|dir>', t('cli.theme.new.from'), 'haiphong')
    .option('--eject', t('cli.theme.new.eject'))
    .action(async (dir: string, opts: { from: string; eject?: boolean }) => {
      const logger = loggerFor(program);
      const { newTheme } = await import('../../commands/theme.js');
      const files = await newTheme({ dir, from: opts.from, eject: opts.eject });
      logger.progress(t(files.length === 1 ? 'cli.theme.new.wrote.one' : 'cli.theme.new.wrote.many', { n: files.length, dir: path.relative(process.cwd(), path.resolve(dir)) || '.', name: dir }));
      logger.result(path.join(dir, 'theme.yaml'));
    });
}

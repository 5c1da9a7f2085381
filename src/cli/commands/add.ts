/** `bantin add ISSUE URL… [--part NAME|NUMBER] [--from-file urls.txt] [--offline PAGE.html]`: argv → commands/add. */
import path from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../../core/diagnostics.js';
import { t } from '../../core/i18n.js';
import { loggerFor } from '../context.js';
import type { LinkOutcome } from '../../commands/add/index.js';

interface AddFlags {
  part?: string;
  fromFile?: string;
  offline?: string[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerAdd(program: Command): void {
  program
    .command('add')
    .description(t('add.cli.description'))
    .argument(`<${t('add.cli.arg.issue')}>`, t('add.cli.issue'))
    .argument(`[${t('add.cli.arg.links')}...]`, t('add.cli.links'))
    .option('--part <name|number>', t('add.cli.part'))
    .option('--from-file <file>', t('add.cli.from-file'))
    .option('--offline <page.html>', t('add.cli.offline'), collect)
    .action(async (issue: string, links: string[], opts: AddFlags) => {
      const logger = loggerFor(program);
      const { addLinks } = await import('../../commands/add/index.js');
      // Progress as each page comes in (in any order); then every link's outcome in the order given.
      const say = (outcome: LinkOutcome) => {
        if (outcome.kind === 'added') {
          const { item } = outcome;
          logger.info(t('add.out.added', { title: item.title, outlet: item.source.name, date: item.date ?? t('add.out.no-date') }));
          for (const note of outcome.notes) logger.warn(t('add.out.note', { note }));
        } else if (outcome.kind === 'skipped') logger.warn(t('add.out.skipped', { url: outcome.url, reason: outcome.reason }));
        else logger.error(t('add.out.failed', { url: outcome.url, reason: outcome.reason }));
      };
      let done = 0;
      const result = await addLinks({
        issue,
        urls: links,
        fromFile: opts.fromFile,
        part: opts.part,
        offline: opts.offline,
        onLink: (outcome) => logger.progress(`${++done} · ${outcome.url}`),
      });
      result.outcomes.forEach(say);
      const shown = path.relative(process.cwd(), result.file) || result.file;
      if (result.written) {
        logger.info(t('add.out.done', { added: result.added, total: result.outcomes.length, number: result.part.number, title: result.part.title, file: shown }));
        logger.result(result.file);
      } else logger.info(t('add.out.nothing', { file: shown }));
      if (result.failed) throw new UserError(t('add.some-failed', { failed: result.failed, total: result.outcomes.length }));
    });
}

/** `bantin import DRAFT.docx [-o issue.yaml|issue.md] [--force] [--from ISSUE] [--names FILE]`: argv → commands/import. */
import path from 'node:path';
import type { Command } from 'commander';
import { loggerFor } from '../context.js';
import { formatDiagnostic } from '../../core/report.js';
import { t } from '../../core/i18n.js';

interface ImportFlags {
  output?: string;
  force?: boolean;
  from?: string;
  names?: string;
}

const shown = (file: string) => path.relative(process.cwd(), file) || file;

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(t('cli.import.description'))
    .argument(`<${t('cli.arg.file')}>`, t('cli.import.file'))
    .option('-o, --output <file>', t('cli.import.output'))
    .option('-f, --force', t('cli.import.force'))
    .option('--from <issue>', t('cli.import.from'))
    .option('--names <file>', t('cli.import.names'))
    .action(async (file: string, opts: ImportFlags) => {
      const logger = loggerFor(program);
      const { importDraft } = await import('../../commands/import.js');
      const result = await importDraft({ input: file, output: opts.output, force: opts.force, from: opts.from, names: opts.names });
      const { report } = result;
      logger.info(t('import.report.wrote', { output: shown(result.output), items: report.items, parts: report.parts.length }));
      for (const part of report.parts) {
        const count = part.kind === 'summary' ? t('import.report.sections', { n: part.sections }) : t('import.report.items', { n: part.items });
        logger.info(t('import.report.part', { title: part.title, count }));
      }
      if (result.pictures.length) logger.info(t('import.report.pictures', { n: result.pictures.length, dir: shown(path.dirname(result.pictures[0]!)) }));
      const s = report.skipped;
      logger.info(t('import.report.skipped', { cover: s.cover, toc: s.toc, pages: s.pageNumbers, heads: s.runningHeads }));
      if (report.missing.length) {
        const or = t('import.report.or');
        const what = (keys: readonly string[]) => keys.map((k) => t(`import.report.what.${k}` as 'import.report.what.source')).join(or);
        logger.warn(t('import.report.missing', { what: what(['source', 'link', 'date']) }));
        for (const m of report.missing) logger.warn(t('import.report.missing-item', { n: m.n, title: m.title, what: what(m.what) }));
      }
      for (const w of report.warnings) logger.warn(t('import.report.warning', { n: w.n, text: w.text }));
      if (report.notPlaced.length) {
        logger.warn(t('import.report.not-placed'));
        for (const note of report.notPlaced) logger.warn(t('import.report.not-placed-item', { n: note.n, text: note.text.length > 120 ? `${note.text.slice(0, 117)}…` : note.text }));
      }
      for (const d of result.diagnostics) logger.warn(formatDiagnostic(d, logger.color));
      logger.result(result.output);
    });
}

/**
 * bantin new: the next issue's file, started from the last one (series, cover settings and the
 * parts carried over, each part with one placeholder to replace), or from a few answers.
 */
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatWeek } from '../../issue/dates.js';
import { UserError } from '../../core/diagnostics.js';
import { loadIssueText } from '../../issue/load.js';
import { formatOf, yamlToMarkdown } from '../../issue/markdown/index.js';
import { defaultFileName, planProblem } from './numbering.js';
import type { NewOptions, NewResult } from './options.js';
import { continueFrom, startSeries } from './plan.js';
import { newestIssue } from './previous-issue.js';
import { renderIssueYaml } from './render-yaml.js';
import { exists, folderProblem } from '../output.js';
import { t } from '../../core/i18n.js';

export type { NewOptions, NewResult } from './options.js';
export { defaultFileName, mondayOf, nextIssueNumber, nextWeek } from './numbering.js';
export { newestIssue } from './previous-issue.js';
export { DEFAULT_SERIES_TITLE } from '../../issue/lint/placeholders.js';

export async function newIssue(options: NewOptions): Promise<NewResult> {
  const dir = path.resolve(options.dir ?? '.');
  if (options.output && (await exists(options.output))) throw await refuse(path.resolve(options.output));
  const folder = options.output && folderProblem(options.output);
  if (folder) throw new UserError(t('new.cannot-write', { file: path.resolve(options.output!), reason: folder }));
  const from = options.from ?? (await newestIssue(dir));
  const plan = from ? await continueFrom(from, options) : await startSeries(options);
  const limit = planProblem(plan, options);
  if (limit) throw new UserError(t('new.cannot-start', { reason: limit }));
  // Into the folder the editor works in (the current one, or --dir), never beside --from: that
  // file may be an installed example inside node_modules.
  const format = options.format ?? (options.output ? formatOf(options.output) : undefined) ?? (from ? formatOf(from) : undefined) ?? 'yaml';
  const output = path.resolve(options.output ?? path.join(dir, defaultFileName(plan.number, format)));
  if (await exists(output)) throw await refuse(output);
  const yaml = renderIssueYaml({ ...plan, output, from });
  // The Markdown form is the YAML's, converted: one writer of placeholders and comments.
  const text = format === 'md' ? yamlToMarkdown(output, yaml).text : yaml;
  if (text === undefined) throw new Error(t('new.bug.markdown'));

  // The file must build as written; an image the previous issue names may be left behind.
  const check = await loadIssueText(output, text);
  const notes = check.diagnostics.filter((d) => d.severity === 'error' && d.code === 'image').map((d) => `${d.path}: ${d.message}`);
  const other = check.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'image');
  // A bug of bantin's if it happens: the values it was given are checked above (planProblem).
  if (other.length) throw new Error(`${t('new.bug.invalid')}\n${other.map((d) => `${d.line}:${d.col} ${d.path}: ${d.message}`).join('\n')}`);
  try {
    await writeFile(output, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw await refuse(output);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError(t('new.cannot-write', { file: output, reason: folderProblem(output) ?? t('new.no-folder', { dir: path.dirname(output) }) }));
    throw new UserError(t('new.cannot-write', { file: output, reason: code ?? String(error) }));
  }
  const { start, end } = plan.week;
  return {
    output,
    from: from && path.resolve(from),
    number: plan.number,
    week: { start: start.iso, end: end.iso, label: formatWeek(start, end) },
    placeholders: check.diagnostics.filter((d) => d.code === 'placeholder').length,
    notes,
  };
}

const refuse = async (output: string) =>
  (await stat(output).then((s) => s.isDirectory(), () => false))
    ? new UserError(t('new.output-is-folder', { output, example: path.join(output, '<name>.yaml') }))
    : new UserError(t('new.output-exists', { output }));

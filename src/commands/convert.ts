/**
 * bantin convert FILE --to md|yaml [-o OUT]: an issue from one form to the other, losing
 * nothing. The result is read back before it is written: the same validated issue, or no file.
 * The input is never replaced; a file that exists is replaced only when -o names it.
 */
import path from 'node:path';
import { UsageError, UserError, type Diagnostic } from '../core/diagnostics.js';
import { t } from '../core/i18n.js';
import { formatOf, markdownToYaml, NotLossless, yamlToMarkdown, type IssueFormat } from '../issue/markdown/index.js';
import { readIssueText } from '../issue/source.js';
import { guardOutputs } from './output-guard.js';
import { defaultOutput, exists, writeAtomic } from './output.js';

export interface ConvertOptions {
  input: string;
  /** The form to write; default: the one -o's name says, else the other form. */
  to?: IssueFormat;
  /** Default: beside the input, with the other form's extension (never replacing a file). */
  output?: string;
}

export interface ConvertResult {
  input: string;
  output: string;
  from: IssueFormat;
  to: IssueFormat;
  /** The input's warnings (an error stops the conversion). */
  diagnostics: Diagnostic[];
}

const EXTENSION: Record<IssueFormat, string> = { md: '.md', yaml: '.yaml' };
const other = (format: IssueFormat): IssueFormat => (format === 'md' ? 'yaml' : 'md');
const formatName = (format: IssueFormat) => t(format === 'md' ? 'convert.format.md' : 'convert.format.yaml');

export async function convert(options: ConvertOptions): Promise<ConvertResult> {
  const from = formatOf(options.input);
  if (!from) throw new UsageError(t('convert.unknownFormat', { file: options.input }));
  const named = options.output === undefined ? undefined : formatOf(options.output);
  const to = options.to ?? named ?? other(from);
  if (to === from) throw new UsageError(t('convert.sameFormat', { file: options.input, format: formatName(from), other: other(from) }));
  if (named && named !== to) throw new UsageError(t('convert.outputExtension', { output: options.output!, format: formatName(to), ext: EXTENSION[to] }));
  const output = path.resolve(options.output ?? defaultOutput(options.input, EXTENSION[to]));
  // Before anything is read: an output that is the input (or a link, a folder…) is refused.
  await guardOutputs([output], [path.resolve(options.input)]);
  if (options.output === undefined && (await exists(output))) throw new UserError(t('convert.exists', { output: shown(output) }));

  const text = await readIssueText(options.input);
  let converted;
  try {
    converted = to === 'md' ? yamlToMarkdown(options.input, text) : markdownToYaml(options.input, text);
  } catch (error) {
    // A bug, not the editor's mistake: said as such, with what differed.
    if (error instanceof NotLossless) throw new Error(`${t('convert.notLossless', { file: shown(output) })}\n${error.message}`);
    throw error;
  }
  if (converted.text === undefined) throw new UserError(t('convert.invalid', { file: options.input }), converted.diagnostics);
  await writeAtomic(output, converted.text);
  return { input: path.resolve(options.input), output, from, to, diagnostics: converted.diagnostics };
}

const shown = (file: string) => path.relative(process.cwd(), file) || file;

/**
 * bantin import DRAFT.docx [-o issue.yaml|issue.md]: the office's Word draft as an issue file.
 * The draft is read as a regular file of at most 50 MB and checked to be a .docx (not a .doc,
 * a PDF, an encrypted file or a zip bomb) before mammoth turns it into HTML; the paragraphs are
 * recognised (src/import/recognise.ts), written as YAML or Markdown, checked as `bantin check`
 * would, and written with the pictures beside it, all at once or not at all. Neither the draft
 * nor an existing file is replaced, unless --force names an existing output.
 */
import mammoth from 'mammoth';
import { rmdir } from 'node:fs/promises';
import path from 'node:path';
import { UsageError, UserError, type Diagnostic } from '../core/diagnostics.js';
import { t } from '../core/i18n.js';
import { MAX_DRAFT_BYTES, MAX_IMAGE_BYTES, megabytes, ReadProblem, readRegular } from '../core/read-file.js';
import { checkDocx, NotADocx } from '../import/container.js';
import { BROKEN_PICTURE, htmlBlocks, UNSUPPORTED_PICTURE } from '../import/blocks.js';
import { previousIssue, type Previous } from '../import/previous.js';
import type { Draft, Note } from '../import/draft.js';
import { recognise } from '../import/recognise.js';
import { nameList, type NameList } from '../import/sentence-case.js';
import { writeIssue } from '../import/write-issue.js';
import { inspectImage } from '../issue/image-check.js';
import { hasErrors, loadIssueText } from '../issue/load.js';
import { formatOf, yamlToMarkdown, type IssueFormat } from '../issue/markdown/index.js';
import { writeComment } from '../issue/markdown/lines.js';
import { schemaReference } from './new/schema-ref.js';
import { guardOutputs } from './output-guard.js';
import { defaultOutput, exists, makeFolder, writeAllAtomic } from './output.js';

export interface ImportOptions {
  input: string;
  /** Default: beside the draft, DRAFT.yaml. Its extension (.yaml, .yml, .md) gives the form. */
  output?: string;
  /** Replace an existing output (never the draft). */
  force?: boolean;
  /** An earlier issue of the series: its series, its part names and the names in its titles. */
  from?: string;
  /** A file of names and acronyms, one a line, that titles keep in capitals. */
  names?: string;
}

export interface ImportReport {
  parts: Array<{ title: string; kind: string; items: number; sections: number; n: number }>;
  items: number;
  /** Items without a source, a link or a date, at their paragraph in the draft. */
  missing: Array<{ n: number; title: string; what: Array<'source' | 'link' | 'date'> }>;
  notPlaced: Note[];
  /** Titles left in capitals, tables written as text, placeholders… at their paragraph. */
  warnings: Note[];
  skipped: Draft['skipped'];
}

export interface ImportResult {
  input: string;
  output: string;
  format: IssueFormat;
  pictures: string[];
  report: ImportReport;
  /** The issue file's own warnings, as `bantin check` gives them. */
  diagnostics: Diagnostic[];
}

const PICTURE_TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/jpg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/svg+xml': 'svg' };
const shown = (file: string) => path.relative(process.cwd(), file) || file;

export async function importDraft(options: ImportOptions): Promise<ImportResult> {
  const input = path.resolve(options.input);
  const output = path.resolve(options.output ?? defaultOutput(options.input, '.yaml'));
  const format = formatOf(output);
  if (!format) throw new UsageError(t('import.output-format', { output: shown(output) }));
  await guardOutputs([output], [input]);
  if (!options.force && (await exists(output))) throw new UserError(t('import.exists', { output: shown(output) }));

  const bytes = await readDocx(input);
  const previous: Previous | undefined = options.from ? await previousIssue(options.from) : undefined;
  const extraNames = options.names ? await namesFile(options.names) : [];
  const names = nameList([...(previous?.names ?? []), ...extraNames]);

  // Pictures: saved beside the issue as <name>-images/picture-N.<ext>, in the order they come.
  const base = path.basename(output, path.extname(output));
  const pictureDir = path.join(path.dirname(output), `${base}-images`);
  const { html, pictures } = await draftHtml(bytes, { input, output, pictureDir });

  const draft = recognise(htmlBlocks(html), { names, parts: previous?.parts, year: previous && Number(previous.issue.start.slice(0, 4)) });
  const items = draft.parts.reduce((n, p) => n + p.items.length, 0);
  if (!draft.parts.length || (!items && draft.parts.every((p) => !p.sections.length))) throw new UserError(t('import.nothing', { file: shown(input) }));

  const { text, filled } = await issueText(draft, { input, output, format, previous, names });
  await writeOutputs({ input, output, text, pictures, pictureDir, force: options.force });
  const final = await loadIssueText(output, text);
  if (hasErrors(final.diagnostics)) throw new UserError(t('import.invalid', { file: shown(input) }), final.diagnostics.filter((d) => d.severity === 'error'));

  return { input, output, format, pictures: pictures.map((p) => p.file), report: reportOf(draft, filled), diagnostics: final.diagnostics };
}

/** The draft's bytes: a regular file of at most MAX_DRAFT_BYTES that is a .docx mammoth can safely open. */
async function readDocx(input: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readRegular(input, MAX_DRAFT_BYTES);
  } catch (error) {
    if (error instanceof ReadProblem) throw new UserError(t('import.unreadable', { file: shown(input), reason: error.message }));
    throw error;
  }
  try {
    checkDocx(bytes);
  } catch (error) {
    if (error instanceof NotADocx) throw new UserError(t('import.not-docx', { file: shown(input), reason: error.message }));
    throw error;
  }
  return bytes;
}

interface SavedPicture {
  file: string;
  data: Buffer;
}

/** The draft as mammoth's HTML, and the pictures to save in `pictureDir` (an <img> names each by its path from the issue file). */
async function draftHtml(bytes: Buffer, where: { input: string; output: string; pictureDir: string }): Promise<{ html: string; pictures: SavedPicture[] }> {
  const pictures: SavedPicture[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        ignoreEmptyParagraphs: false,
        styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
        convertImage: mammoth.images.imgElement(async (image) => {
          const ext = PICTURE_TYPES[image.contentType.toLowerCase()];
          if (!ext) return { src: `${UNSUPPORTED_PICTURE}${image.contentType}` };
          const data = await image.readAsBuffer();
          if (data.length > MAX_IMAGE_BYTES) return { src: `${BROKEN_PICTURE}${t('core.read.too-large', { size: megabytes(data.length), max: megabytes(MAX_IMAGE_BYTES) })}` };
          // The bytes decide, as `bantin check` will: a picture that would not print is not saved.
          const inspected = inspectImage(`picture.${ext}`, data);
          if ('problem' in inspected) return { src: `${BROKEN_PICTURE}${inspected.problem}` };
          const file = path.join(where.pictureDir, `picture-${pictures.length + 1}.${inspected.info.type}`);
          pictures.push({ file, data });
          return { src: path.relative(path.dirname(where.output), file).split(path.sep).join('/') };
        }),
      },
    );
    return { html: result.value, pictures };
  } catch (error) {
    throw new UserError(t('import.not-docx', { file: shown(where.input), reason: t('import.bad.damaged') + ` (${(error as Error).message})` }));
  }
}

/** The issue file's text (YAML, or Markdown made from it) and what it fills in, once it passes `bantin check` but for its pictures, not written yet. */
async function issueText(draft: Draft, options: { input: string; output: string; format: IssueFormat; previous?: Previous; names: NameList }): Promise<{ text: string; filled: Note[] }> {
  const { input, output, format, previous, names } = options;
  const written = writeIssue(draft, { schema: schemaReference(path.dirname(output)), series: previous?.series, previous: previous?.issue, names, markdown: format === 'md' });
  let text = written.text;
  if (format === 'md') {
    const converted = yamlToMarkdown(output.replace(/\.md$/i, '.yaml'), text);
    if (converted.text === undefined) throw new UserError(t('import.invalid', { file: shown(input) }), converted.diagnostics);
    text = converted.text + written.trailing.map((line) => `\n${writeComment(line)}`).join('');
    if (written.trailing.length) text += '\n';
  }
  const check = await loadIssueText(output, text);
  const errors = check.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'image');
  if (errors.length) throw new UserError(t('import.invalid', { file: shown(input) }), errors);
  return { text, filled: written.filled };
}

/** The pictures and the issue file, all written or none; no existing file replaced without --force. */
async function writeOutputs(options: { input: string; output: string; text: string; pictures: SavedPicture[]; pictureDir: string; force?: boolean }): Promise<void> {
  const { input, output, text, pictures, pictureDir } = options;
  if (!options.force) {
    for (const picture of pictures) if (await exists(picture.file)) throw new UserError(t('import.exists', { output: shown(picture.file) }));
  }
  await guardOutputs([output, ...pictures.map((p) => p.file)], [input]);
  const madeFolder = pictures.length > 0 && !(await exists(pictureDir));
  if (pictures.length) await makeFolder(pictureDir);
  try {
    await writeAllAtomic([...pictures, { file: output, data: text }]);
  } catch (error) {
    // Nothing was written: the folder made for the pictures goes too (rmdir: only when empty).
    if (madeFolder) await rmdir(pictureDir).catch(() => undefined);
    throw error;
  }
}

function reportOf(draft: Draft, filled: Note[]): ImportReport {
  const missing: ImportReport['missing'] = [];
  for (const part of draft.parts) {
    for (const item of part.items) {
      const what: Array<'source' | 'link' | 'date'> = [];
      if (!item.source) what.push('source');
      if (!item.source?.url) what.push('link');
      if (!item.date && part.kind === 'news') what.push('date');
      if (what.length) missing.push({ n: item.n, title: item.title, what });
    }
  }
  return {
    parts: draft.parts.map((p) => ({ title: p.title, kind: p.kind, items: p.items.length, sections: p.sections.length, n: p.n })),
    items: draft.parts.reduce((n, p) => n + p.items.length, 0),
    missing,
    notPlaced: draft.notPlaced,
    warnings: [...draft.warnings, ...filled].sort((a, b) => a.n - b.n),
    skipped: draft.skipped,
  };
}

async function namesFile(file: string): Promise<string[]> {
  try {
    const text = (await readRegular(file, 1024 * 1024)).toString('utf8');
    return text.split(/\r?\n/).map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);
  } catch (error) {
    if (error instanceof ReadProblem) throw new UserError(t('import.unreadable', { file: shown(path.resolve(file)), reason: error.message }));
    throw error;
  }
}

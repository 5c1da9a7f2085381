/**
 * Drafted items into the issue's text, leaving every byte of it as it was around them: each
 * new item is written between two lines of the chosen part (after an item, or before the
 * first) and nothing else moves, so the file keeps its comments, order, quoting and line
 * breaks exactly. The yaml package's
 * Document (or, for issue.md, the Markdown reader's, whose nodes carry offsets into the .md)
 * says where the part ends and how its items are indented; an item's YAML is made by
 * yaml's own writer, its Markdown by the writer `bantin convert` uses (markdown/write.ts).
 * (Re-serialising the whole Document would also keep the comments, but re-fold long lines and
 * re-indent lists the editor wrote otherwise.)
 */
import { Document, isMap, isSeq, parseDocument, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { UserError } from '../../core/diagnostics.js';
import { t } from '../../core/i18n.js';
import { parseMarkdownIssue } from '../../issue/markdown/parse.js';
import type { Period } from '../../issue/markdown/day-month.js';
import { readComment, writeComment } from '../../issue/markdown/lines.js';
import { writeItem, type Fallback } from '../../issue/markdown/write.js';

export interface DraftItem {
  date?: string;
  title: string;
  source: { name: string; url: string };
  body: string;
  draft: true;
}

/** The offset just past the line holding the last non-blank character before `end`. */
function afterLastLine(text: string, end: number): number {
  let at = Math.min(end, text.length);
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  const newline = text.indexOf('\n', at);
  return newline === -1 ? text.length : newline + 1;
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const columnOf = (text: string, offset: number) => offset - lineStart(text, offset);
const eol = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');

/** `text` with `lines` inserted at `at` (which is a line's start, or the end of a file without a final line break). */
function insertLines(text: string, at: number, lines: string[]): string {
  const nl = eol(text);
  const before = text.slice(0, at);
  const lead = before === '' || before.endsWith('\n') ? '' : nl;
  return `${before}${lead}${lines.join(nl)}${nl}${text.slice(at)}`;
}

/** One item as YAML lines under a list's dash at `dash` columns, its fields at `inner`. */
function yamlItemLines(item: DraftItem, comment: string, dash: number, inner: number): string[] {
  const yaml = new Document(item).toString({ lineWidth: 0 }).replace(/\n$/, '').split('\n');
  return [
    `${' '.repeat(dash)}# ${comment}`,
    `${' '.repeat(dash)}-${' '.repeat(Math.max(1, inner - dash - 1))}${yaml[0]}`,
    ...yaml.slice(1).map((line) => (line ? `${' '.repeat(inner)}${line}` : line)),
  ];
}

/** The draft as item `index` of the part's articles (at the end when there are fewer). */
export function insertYaml(text: string, partIndex: number, index: number, item: DraftItem, comment: string): string {
  const doc = parseDocument(text);
  const part = (doc.get('parts') as YAMLSeq).items[partIndex] as YAMLMap;
  const pair = part.items.find((p) => (p.key as { value?: unknown })?.value === 'articles');
  const seq = pair?.value as Node | undefined;
  if (!pair || !isSeq(seq)) throw new UserError(t('add.no-articles-list'));
  if (seq.flow) {
    if (seq.items.length) throw new UserError(t('add.flow-list'));
    // `articles: []` becomes a block list under its key.
    const keyColumn = columnOf(text, (pair.key as Node).range![0]);
    const nl = eol(text);
    const [from, to] = seq.range!;
    return `${text.slice(0, from).replace(/[ \t]+$/, '')}${nl}${yamlItemLines(item, comment, keyColumn + 2, keyColumn + 4).join(nl)}${text.slice(to)}`;
  }
  const items = seq.items as Node[];
  const dash = columnOf(text, seq.range![0]);
  const model = items[Math.min(index, items.length - 1)]!;
  const inner = isMap(model) && model.range ? columnOf(text, model.range[0]) : dash + 2;
  // Items set apart by blank lines get one too.
  const spaced = items.length < 2 || /\n[ \t]*\r?\n/.test(text.slice(afterLastLine(text, items[0]!.range![1]) - 1, items[1]!.range![0]));
  const lines = yamlItemLines(item, comment, dash, inner);
  if (index > 0) return insertLines(text, afterLastLine(text, items[Math.min(index, items.length) - 1]!.range![1]), spaced ? ['', ...lines] : lines);
  // Before the first item: at the start of its line, its comments staying above the list.
  return insertLines(text, lineStart(text, items[0]!.range![0]), spaced ? [...lines, ''] : lines);
}

/**
 * The Markdown item: `## 14/03: Title`, `Chi tiết: [Outlet](url)`, `Nháp: có`, the summary;
 * `level` 1 or 2 moves the text (then every field) into a ```bantin block, for a summary that
 * would read back as something else (a line that looks like `Nguồn: …`).
 */
export function insertMarkdown(options: { file: string; text: string; partIndex: number; index: number; item: DraftItem; comment: string; period?: Period; level: 0 | 1 | 2 }): string {
  const { file, text, partIndex, index, item, comment, period, level } = options;
  const { source } = parseMarkdownIssue(file, text);
  const part = (source.doc.get('parts') as YAMLSeq).items[partIndex] as YAMLMap;
  const articles = part.get('articles', true) as YAMLSeq | undefined;
  const items = (articles?.items ?? []) as Node[];
  const fallback: Fallback = new Map(level ? [['new', level]] : []);
  const written = writeItem({ front: '', parts: [], comments: new Map(), period, fallback }, { ...item }, 'new').flatMap((line) => line.split('\n'));
  const lines = [writeComment(` ${comment}`), ...written];
  if (index >= items.length || index > 0) {
    const after = index >= items.length ? part.range![1] : items[index - 1]!.range![1];
    return insertLines(text, afterLastLine(text, after), ['', ...lines]);
  }
  // Before the first item, and before the comments over its heading.
  let at = lineStart(text, items[0]!.range![0]);
  while (at > 0 && readComment(lineAt(text, lineStart(text, at - 1), at - 1))) at = lineStart(text, at - 1);
  return insertLines(text, at, [...lines, '']);
}

const lineAt = (text: string, start: number, end: number) => ({ text: text.slice(start, end).replace(/\r$/, ''), start, end });

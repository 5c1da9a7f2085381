/**
 * Drafted items into the issue's text, leaving every byte of it as it was around them: the
 * new items are written after the last line of the chosen part and nothing else moves, so the
 * file keeps its comments, order, quoting and line breaks exactly. The yaml package's
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
import { writeComment } from '../../issue/markdown/lines.js';
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

const columnOf = (text: string, offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);
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

export function appendYaml(text: string, partIndex: number, items: readonly DraftItem[], comment: string): string {
  const doc = parseDocument(text);
  const part = (doc.get('parts') as YAMLSeq).items[partIndex] as YAMLMap;
  const pair = part.items.find((p) => (p.key as { value?: unknown })?.value === 'articles');
  const seq = pair?.value as Node | undefined;
  if (!pair || !isSeq(seq)) throw new UserError(t('add.no-articles-list'));
  if (seq.flow) {
    if (seq.items.length) throw new UserError(t('add.flow-list'));
    // `articles: []` becomes a block list under its key.
    const keyColumn = columnOf(text, (pair.key as Node).range![0]);
    const lines = items.flatMap((item, i) => [...(i ? [''] : []), ...yamlItemLines(item, comment, keyColumn + 2, keyColumn + 4)]);
    const nl = eol(text);
    const [from, to] = seq.range!;
    return `${text.slice(0, from).replace(/[ \t]+$/, '')}${nl}${lines.join(nl)}${text.slice(to)}`;
  }
  const last = seq.items.at(-1) as Node;
  const dash = columnOf(text, seq.range![0]);
  const inner = isMap(last) && last.range ? columnOf(text, last.range[0]) : dash + 2;
  // Items set apart by blank lines get one too.
  const previous = seq.items.at(-2) as Node | undefined;
  const spaced = previous ? /\n[ \t]*\r?\n/.test(text.slice(afterLastLine(text, previous.range![1]) - 1, last.range![0])) : true;
  const lines = items.flatMap((item) => [...(spaced ? [''] : []), ...yamlItemLines(item, comment, dash, inner)]);
  return insertLines(text, afterLastLine(text, last.range![1]), lines);
}

/**
 * The Markdown item: `## 14/03: Title`, `Chi tiết: [Outlet](url)`, the summary, `draft: true`
 * in a ```bantin block; `level` 1 or 2 moves the text (then every field) into that block, for a
 * summary that would read back as something else (a line that looks like `Nguồn: …`).
 */
export function appendMarkdown(file: string, text: string, partIndex: number, items: readonly DraftItem[], comment: string, period: Period | undefined, level: 0 | 1 | 2 = 0): string {
  const { source } = parseMarkdownIssue(file, text);
  const part = (source.doc.get('parts') as YAMLSeq).items[partIndex] as YAMLMap;
  const at = afterLastLine(text, part.range![1]);
  const lines = items.flatMap((item) => {
    const fallback: Fallback = new Map(level ? [['new', level]] : []);
    const written = writeItem({ front: '', parts: [], comments: new Map(), period, fallback }, { ...item }, 'new');
    return ['', writeComment(` ${comment}`), ...written.flatMap((line) => line.split('\n'))];
  });
  return insertLines(text, at, lines);
}

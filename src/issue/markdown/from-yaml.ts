/**
 * issue.yaml → issue.md. The front matter is the YAML file's own text with the parts cut out,
 * so its comments and layout stay as written; comments before a part, item or section become
 * `<!-- … -->` lines before its heading (a `bantin-ignore` anywhere inside one is kept there
 * too). The result is read back and compared with the YAML's validated input: whatever would
 * read back differently is written again in a ```bantin block, until everything is the same.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isSeq, visit, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Diagnostic } from '../../core/diagnostics.js';
import type { IssueInput } from '../schema.js';
import { MAX_ALIAS_COUNT, type IssueSource } from '../source.js';
import { cleanValue } from '../text.js';
import { periodOf } from './day-month.js';
import { readIssueInput, type ReadIssue } from './read.js';
import { writeMarkdown, type Fallback } from './write.js';
import { t } from '../../core/i18n.js';

export interface Converted {
  /** The other form's text; absent when the input has errors. */
  text?: string;
  /** The input both files describe. */
  input?: IssueInput;
  /** The input's problems (errors stop the conversion; warnings do not). */
  diagnostics: Diagnostic[];
}

export class NotLossless extends Error {}

export function yamlToMarkdown(file: string, yamlText: string): Converted {
  const read = readIssueInput(file, yamlText, 'yaml');
  if (!read.input) return { diagnostics: read.diagnostics };
  const base = {
    front: frontMatterOf(read.source),
    parts: read.input.parts,
    comments: partComments(read.source.doc),
    period: periodOf(read.input),
    blockYaml: (itemPath: string, index: number) => blockYaml(read.source.doc, itemPath, index),
  };
  const fallback: Fallback = new Map();
  const mdFile = file.replace(/\.ya?ml$/i, '') + '.md';
  for (;;) {
    const text = writeMarkdown({ ...base, fallback });
    const wrong = differences(read.input, readIssueInput(mdFile, text, 'md'));
    if (!wrong.length) return { text, input: read.input, diagnostics: read.diagnostics };
    let escalated = false;
    for (const path of wrong) {
      const level = fallback.get(path) ?? 0;
      if (path && level < 2) {
        fallback.set(path, (level + 1) as 1 | 2);
        escalated = true;
      }
    }
    if (!escalated) throw new NotLossless(t('convert.differs.markdown', { file, where: wrong.join(', ') || t('convert.differs.front-matter') }));
  }
}

/** The YAML file's text without its `parts:` field (the lines from its key to its last line). */
function frontMatterOf(source: IssueSource): string {
  const contents = (source.doc as Document).contents;
  if (!isMap(contents)) return '';
  const pair = contents.items.find((p) => (p.key as { value?: unknown } | null)?.value === 'parts');
  const key = pair?.key as Node | undefined;
  const value = pair?.value as Node | undefined;
  if (!pair || !key?.range) return ensureNewline(source.text);
  if (contents.flow) {
    contents.delete('parts');
    return ensureNewline(source.doc.toString({ lineWidth: 0 }));
  }
  const text = source.text;
  const start = text.lastIndexOf('\n', key.range[0] - 1) + 1;
  let end = value?.range?.[2] ?? key.range[1];
  if (end > 0 && text[end - 1] !== '\n') {
    const newline = text.indexOf('\n', end);
    end = newline === -1 ? text.length : newline + 1;
  }
  return ensureNewline(text.slice(0, start) + text.slice(end));
}

/** A block's YAML as its file wrote it: comments and flow style kept. */
function blockYaml(doc: Document, itemPath: string, index: number): string | undefined {
  const at = /^parts\[(\d+)\]\.articles\[(\d+)\]$/.exec(itemPath);
  const node = at ? doc.getIn(['parts', Number(at[1]), 'articles', Number(at[2]), 'blocks', index], true) : undefined;
  if (!isMap(node)) return undefined;
  const copy = node.clone() as YAMLMap;
  copy.spaceBefore = false;
  const single = new Document();
  single.contents = copy;
  return single.toString({ lineWidth: 0 });
}

const ensureNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

const IGNORE = /^\s*bantin-ignore:/;

/** Comments before each part, item and section, with the `bantin-ignore` comments found inside it. */
function partComments(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  const parts = doc.get('parts', true);
  if (!isSeq(parts)) return out;
  const lines = (comment: string | null | undefined) => (comment ? comment.split('\n').filter((l) => l.trim()) : []);
  /**
   * Comments before a part or item: its own, those among its fields, and what yaml hung on the
   * one above it (a map's trailing comment holds the lines up to the next one).
   */
  const add = (path: string, seq: YAMLSeq, i: number, inside: string[]) => {
    const above = i > 0 ? (seq.items[i - 1] as Node).comment : undefined;
    const before = [i === 0 ? seq.commentBefore : undefined, above, (seq.items[i] as Node).commentBefore].flatMap(lines);
    const all = [...before, ...inside];
    if (all.length) out.set(path, all.join('\n'));
  };
  parts.items.forEach((part, p) => {
    if (!isMap(part)) return;
    const children = ['articles', 'sections'].map((k): unknown => part.get(k, true)).find((node): node is YAMLSeq => isSeq(node));
    // After the last item or section, and after the last part: kept with the part.
    const lastChild = children?.items.at(-1) as Node | undefined;
    const last = p === parts.items.length - 1;
    const after = [children?.comment, lastChild?.comment, last ? part.comment : undefined, last ? parts.comment : undefined].flatMap(lines);
    add(`parts[${p}]`, parts, p, [...fieldComments(part, children), ...after]);
    if (!children) return;
    const name = (part.get('articles', true) as unknown) === children ? 'articles' : 'sections';
    children.items.forEach((child, i) => add(`parts[${p}].${name}[${i}]`, children, i, isMap(child) ? fieldComments(child) : []));
  });
  return out;
}

/**
 * The comments written among a map's fields ("date: 2026-05-28 # the day it ran"), each named
 * by its field, and the `bantin-ignore` comments as they are: the Markdown form has no place
 * for a comment beside a field, so they go before the heading. Not those of the children list
 * (they have comments of their own) nor of blocks (written with their own YAML).
 */
function fieldComments(map: YAMLMap, children?: Node): string[] {
  const found: string[] = [];
  for (const pair of map.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
    if (pair.value === children) continue;
    const value = pair.value as Node | null;
    // The blocks themselves keep their comments in their own YAML; the list's are taken here.
    const own = key === 'blocks' && isSeq(value) ? [value.commentBefore, value.comment].flatMap((c) => (c ? c.split('\n').filter((l) => l.trim()) : [])) : commentLines(value);
    for (const line of [...commentLines(pair.key as Node), ...own]) found.push(IGNORE.test(line) ? line : ` ${key}:${line.startsWith(' ') ? '' : ' '}${line}`);
  }
  return found;
}

/** The comment lines anywhere inside a node. */
function commentLines(root: Node | null | undefined): string[] {
  const found: string[] = [];
  if (!root) return found;
  const take = (comment: string | null | undefined) => comment && found.push(...comment.split('\n').filter((line) => line.trim()));
  visit(root, {
    Node: (_key, node) => {
      take(node.commentBefore);
      take(node.comment);
    },
  });
  return found;
}

type Fields = Record<string, unknown>;
const without = (value: object, key: string) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));

/** What the schema makes of a value's texts (composed, without zero-width characters, trimmed): nothing else changes. */
function cleaned(value: unknown): unknown {
  if (typeof value === 'string') return cleanValue(value).trim();
  if (Array.isArray(value)) return value.map(cleaned);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleaned(v)]));
  return value;
}

/**
 * Where the Markdown reads back differently: "" for the front matter, else the part, item or
 * section. Compared on what was read, valid or not, so that a body cut in two by a line read as
 * a heading is named, not the items after it; when a part's children no longer line up, only
 * the first that differs is named: it is the one that split.
 */
export function differences(expected: IssueInput, back: ReadIssue): string[] {
  let actual: Fields;
  try {
    actual = cleaned(back.source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })) as Fields;
  } catch {
    return [''];
  }
  const out: string[] = [];
  if (!isDeepStrictEqual(without(expected, 'parts'), without(actual ?? {}, 'parts'))) out.push('');
  const theirParts = Array.isArray(actual?.parts) ? (actual.parts as Fields[]) : [];
  expected.parts.forEach((part, p) => {
    const other = theirParts[p];
    const key = part.kind === 'summary' ? 'sections' : 'articles';
    const mine = ((part as Fields)[key] as unknown[]) ?? [];
    const theirs = Array.isArray(other?.[key]) ? (other[key] as unknown[]) : [];
    if (!other || !isDeepStrictEqual(without(part, key), without(other, key))) out.push(`parts[${p}]`);
    const aligned = mine.length === theirs.length;
    for (let i = 0; i < mine.length; i++) {
      if (isDeepStrictEqual(mine[i], theirs[i])) continue;
      out.push(`parts[${p}].${key}[${i}]`);
      if (!aligned) break;
    }
  });
  if (!out.length && (!back.input || !isDeepStrictEqual(expected, back.input))) out.push(`parts[${Math.max(0, expected.parts.length - 1)}]`);
  return out;
}

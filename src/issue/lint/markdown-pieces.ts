/** The Markdown texts of an issue, cut into paragraphs, list items and headings, each with its place in the file. */
import type { PathSegment } from '../../core/diagnostics.js';
import { blockTexts } from '../blocks.js';
import type { Article, Issue } from '../model.js';
import type { IssueSource } from '../source.js';
import type { LintContext } from './context.js';
import { PLACEHOLDER } from './placeholders.js';

export interface TextField {
  path: PathSegment[];
  text: string;
}

/** Every Markdown text of the issue, in reading order (placeholders left out). */
export function textFields(issue: Issue, placeholders: Set<Article>): TextField[] {
  const fields: TextField[] = [];
  const add = (path: PathSegment[], text: string | undefined) => text && fields.push({ path, text });
  for (const part of issue.parts) {
    add([...part.path, 'intro'], part.intro);
    part.sections.forEach((s, i) => s.body !== PLACEHOLDER.sectionBody && add([...part.path, 'sections', i, 'body'], s.body));
    add([...part.path, 'closing'], part.closing);
    for (const a of part.articles) {
      if (placeholders.has(a)) continue;
      add([...a.path, 'lead'], a.lead);
      add([...a.path, 'body'], a.body);
      a.blocks.forEach((b, i) => {
        if (b.type === 'quote') add([...a.path, 'blocks', i, 'text'], b.text);
        if (b.type === 'box') add([...a.path, 'blocks', i, 'body'], b.body);
        if (b.type === 'related') b.items.forEach((item, k) => add([...a.path, 'blocks', i, 'items', k, 'body'], item.body));
        for (const piece of blockTexts(b)) if (piece.prose) add([...a.path, 'blocks', i, ...piece.at], piece.text);
      });
    }
  }
  return fields;
}

export interface Piece {
  /** First line as written, to find it in the file. */
  first: string;
  key: string;
  heading?: { level: number; text: string };
}

const HEADING = /^(#{1,6})\s+(.*)$/;
const LIST_ITEM = /^(?:[-*+]|\d+[.)])\s+/;

/** Paragraphs, list items and headings of a Markdown text. */
export function splitMarkdown(text: string): Piece[] {
  const pieces: Piece[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) pieces.push({ first: lines[0]!, key: normalizeText(lines.join(' ')) });
    lines = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const heading = HEADING.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      pieces.push({ first: line, key: normalizeText(line), heading: { level: heading[1]!.length, text: heading[2]!.trim() } });
    } else {
      if (LIST_ITEM.test(line)) flush();
      lines.push(line);
    }
  }
  flush();
  return pieces;
}

export function normalizeText(text: string): string {
  return text
    .replace(/^(?:#{1,6}|[-*+]|\d+[.)])\s+/, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Where each piece starts in the file: its first line searched for inside the field's node, in order. */
export function findPieces(source: IssueSource, path: PathSegment[], pieces: Piece[]): number[] {
  const node = source.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  const [start, end] = node?.range ?? [0, 0];
  let cursor = start;
  return pieces.map((piece) => {
    // Folded and quoted scalars break or escape lines: the first words are what the file surely holds.
    for (const needle of [piece.first, piece.first.slice(0, 24)]) {
      const at = source.text.slice(cursor, end).indexOf(needle);
      if (at >= 0) {
        cursor += at + needle.length;
        return cursor - needle.length;
      }
    }
    return cursor;
  });
}

export interface FieldPieces extends TextField {
  pieces: Piece[];
  /** Where each piece starts in the file. */
  offsets: number[];
}

const cache = new WeakMap<LintContext, FieldPieces[]>();

/** Every text field cut into pieces, once per lint run (repeated-text and stray-punctuation share it). */
export function fieldPieces(ctx: LintContext): FieldPieces[] {
  let fields = cache.get(ctx);
  if (!fields) {
    fields = textFields(ctx.issue, ctx.placeholders).map((field) => {
      const pieces = splitMarkdown(field.text);
      return { ...field, pieces, offsets: findPieces(ctx.source, field.path, pieces) };
    });
    cache.set(ctx, fields);
  }
  return fields;
}

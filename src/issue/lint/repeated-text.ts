/**
 * repeated-text: a whole text, a ### block (its heading and everything under it) or a paragraph
 * (a list item counts as one) that appeared before, word for word (issue 20 repeats a block);
 * and, inside one text, a sentence said twice: a body pasted twice without a blank line
 * between is one paragraph, which the paragraphs alone never show.
 */
import { formatPath, type PathSegment } from '../../core/diagnostics.js';
import { t } from '../../core/i18n.js';
import type { LintContext } from './context.js';
import { fieldPieces, type FieldPieces } from './markdown-pieces.js';

/** Shorter paragraphs ("Nội dung chính:", a one-line bullet) legitimately repeat. */
export const REPEAT_MIN_CHARS = 60;

export function repeatedTexts(ctx: LintContext): void {
  const { source } = ctx;
  const repeats = repeatedText(fieldPieces(ctx));
  for (const repeat of repeats) {
    const at = t('lint.at-line', { path: formatPath(repeat.first.path), line: source.lines.linePos(repeat.first.offset).line });
    const { unit } = repeat;
    const message = unit.kind === 'block' ? t('lint.repeated-text.block', { heading: unit.heading, at }) : t(unit.kind === 'field' ? 'lint.repeated-text.field' : 'lint.repeated-text.paragraph', { at });
    ctx.warn(repeat.path, message, 'repeated-text', repeat.offset);
  }
  for (const repeat of repeatedSentences(ctx, new Set(repeats.filter((r) => r.unit.kind === 'field').map((r) => r.offset)))) {
    const line = source.lines.linePos(repeat.first).line;
    ctx.warn(repeat.path, t('lint.repeated-text.sentence', { line }), 'repeated-text', repeat.offset);
  }
}

/** A sentence ends at . ! ? or … before a space. */
const SENTENCE_END = /(?<=[.!?…])\s+/u;

/**
 * Sentences of 60 characters or more said twice inside one text, once per paragraph (a body
 * pasted twice repeats every sentence: one warning is enough), where no larger unit is.
 */
function repeatedSentences(ctx: LintContext, repeatedFields: ReadonlySet<number>): Array<{ path: PathSegment[]; offset: number; first: number }> {
  const found: Array<{ path: PathSegment[]; offset: number; first: number }> = [];
  // A paragraph found twice is the paragraph's (or its block's) repeat, reported as such.
  const count = new Map<string, number>();
  for (const field of fieldPieces(ctx)) for (const piece of field.pieces) count.set(piece.key, (count.get(piece.key) ?? 0) + 1);
  for (const field of fieldPieces(ctx)) {
    const node = ctx.source.doc.getIn(field.path, true) as { range?: [number, number, number] } | undefined;
    const [start, end] = node?.range ?? [0, 0];
    const written = ctx.source.text.slice(start, end).toLowerCase();
    const seen = new Set<string>();
    const reported = new Set<number>();
    if (repeatedFields.has(field.offsets[0]!)) continue;
    field.pieces.forEach((piece, i) => {
      if (piece.heading || count.get(piece.key)! > 1) return;
      for (const sentence of piece.key.split(SENTENCE_END)) {
        if (sentence.length < REPEAT_MIN_CHARS) continue;
        if (!seen.has(sentence)) {
          seen.add(sentence);
          continue;
        }
        if (reported.has(i)) return;
        reported.add(i);
        const needle = sentence.slice(0, 24);
        const first = written.indexOf(needle);
        const again = first < 0 ? -1 : written.indexOf(needle, first + needle.length);
        found.push({ path: field.path, offset: again < 0 ? field.offsets[i]! : start + again, first: first < 0 ? field.offsets[0]! : start + first });
      }
    });
  }
  return found;
}

type Unit = { kind: 'field' } | { kind: 'block'; heading: string } | { kind: 'paragraph' };

interface Seen {
  path: PathSegment[];
  offset: number;
}

interface Repeat {
  unit: Unit;
  path: PathSegment[];
  offset: number;
  first: Seen;
}

/**
 * A whole text, a ### block (its heading and everything under it) or a paragraph (a list item
 * counts as one) that appeared before. The largest repeated unit is reported, once.
 */
function repeatedText(fields: FieldPieces[]): Repeat[] {
  const seen = new Map<string, Seen>();
  const repeats: Repeat[] = [];
  const remember = (kind: string, text: string, at: Seen): Seen | undefined => {
    if (text.length < REPEAT_MIN_CHARS) return undefined;
    const key = `${kind}:${text}`;
    const earlier = seen.get(key);
    if (!earlier) seen.set(key, at);
    return earlier;
  };
  for (const field of fields) {
    const { pieces, offsets } = field;
    const earlier = remember('text', pieces.map((p) => p.key).join('\n'), { path: field.path, offset: offsets[0]! });
    if (earlier) {
      repeats.push({ unit: { kind: 'field' }, path: field.path, offset: offsets[0]!, first: earlier });
      continue;
    }
    const covered = new Set<number>();
    pieces.forEach((piece, i) => {
      if (!piece.heading || covered.has(i)) return;
      let end = i + 1;
      while (end < pieces.length && (pieces[end]!.heading?.level ?? 99) > piece.heading.level) end++;
      if (end === i + 1) return;
      const first = remember('block', pieces.slice(i, end).map((p) => p.key).join('\n'), { path: field.path, offset: offsets[i]! });
      if (!first) return;
      repeats.push({ unit: { kind: 'block', heading: piece.heading.text }, path: field.path, offset: offsets[i]!, first });
      for (let j = i; j < end; j++) covered.add(j);
    });
    pieces.forEach((piece, i) => {
      if (piece.heading || covered.has(i)) return;
      const first = remember('paragraph', piece.key, { path: field.path, offset: offsets[i]! });
      if (first) repeats.push({ unit: { kind: 'paragraph' }, path: field.path, offset: offsets[i]!, first });
    });
  }
  return repeats;
}


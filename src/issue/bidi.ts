/**
 * Bidirectional controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates) are
 * invisible and reorder the text around them: a title with U+202E prints reversed in the table
 * of contents. A Vietnamese bulletin has no right-to-left text, so each is an error at its place,
 * whether typed, pasted or written as a Markdown entity (&#x202E;) in a text printed as Markdown.
 * (YAML escapes such as "\u202E" are found by the schema, in the value.)
 */
import { formatPath, type Diagnostic } from '../core/diagnostics.js';
import { t, type MessageKey } from '../core/i18n.js';
import { lineText, pathAt, type IssueSource } from './source.js';

export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

const NAMES: Record<number, MessageKey> = {
  0x202a: 'issue.text.bidi.lre',
  0x202b: 'issue.text.bidi.rle',
  0x202c: 'issue.text.bidi.pdf',
  0x202d: 'issue.text.bidi.lro',
  0x202e: 'issue.text.bidi.rlo',
  0x2066: 'issue.text.bidi.lri',
  0x2067: 'issue.text.bidi.rli',
  0x2068: 'issue.text.bidi.fsi',
  0x2069: 'issue.text.bidi.pdi',
};

export function bidiMessage(char: string): string {
  const code = char.codePointAt(0)!;
  return t('issue.text.bidi', { code: code.toString(16).toUpperCase(), name: t(NAMES[code] ?? 'issue.text.bidi.other') });
}

/** Fields bantin prints as Markdown, where an entity becomes the character it names. */
const MARKDOWN_FIELDS = new Set(['body', 'lead', 'intro', 'closing']);
const RAW = /[\u202A-\u202E\u2066-\u2069]/g;
const ENTITY = /&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));/g;

/** At most one per line and a dozen in all, as for control characters. */
export function bidiDiagnostics(source: IssueSource): Diagnostic[] {
  const found: Array<{ offset: number; char: string; entity: boolean }> = [];
  for (const m of source.text.matchAll(RAW)) found.push({ offset: m.index, char: m[0], entity: false });
  for (const m of source.text.matchAll(ENTITY)) {
    const code = m[1] !== undefined ? Number.parseInt(m[1], 16) : Number(m[2]);
    const char = code <= 0x10ffff ? String.fromCodePoint(code) : '';
    if (BIDI_CONTROL.test(char)) found.push({ offset: m.index, char, entity: true });
  }
  const out: Diagnostic[] = [];
  const lines = new Set<number>();
  for (const { offset, char, entity } of found.sort((a, b) => a.offset - b.offset)) {
    const path = pathAt(source.doc, offset);
    if (entity && !MARKDOWN_FIELDS.has(String(path.at(-1)))) continue; // printed as the text "&#x202E;"
    const { line, col } = source.lines.linePos(offset);
    if (lines.has(line) || out.length === 12) continue;
    lines.add(line);
    const message = entity ? t('issue.text.bidi-entity', { message: bidiMessage(char), entity: source.text.slice(offset, source.text.indexOf(';', offset) + 1) }) : bidiMessage(char);
    out.push({ severity: 'error', file: source.file, line, col, path: formatPath(path), message, sourceLine: lineText(source, line), code: 'bidi-control' });
  }
  return out;
}

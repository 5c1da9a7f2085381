/**
 * The shapes of a draft's lines: an item's date, a source line, a part's name (a misspelling
 * of one or two letters too), a line in capitals, a heading; and a simple table as Markdown.
 */
import { distance } from 'fastest-levenshtein';
import type { Block } from './blocks.js';
import type { KnownPart } from './draft.js';
import type { Week } from './regions.js';

export const ITEM_DATE = /^(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{2,4}))?\s*:\s*(.+)$/u;
export const DATE_LINE = /^(?:ngày\s*)?(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?$/iu;
export const SOURCE_LINE = /^[[(]?\s*(?:xem\s+)?(chi tiết|nguồn)\s*:\s*(.+?)\s*[\])]?$/iu;
export const SOURCE_INLINE = /^(.*?)\s*[[(]?\s*(?:chi tiết|nguồn)\s*:\s*(.+?)\s*[\])]?$/iu;
export const SOURCE_END = /\s*\(\s*(?:nguồn|theo)\s*:?\s*([^()]{1,100})\)\s*\.?$/iu;
export const SOURCE_END_MD = /\s*\(\s*(?:\*\*)?(?:nguồn|theo)\b(?:[^()]|\([^()]*\))*\)\s*\.?$/iu;

/** A text in capitals: letters nearly all capitals (digits, acronyms and punctuation aside). */
export function inCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 4) return false;
  const upper = letters.filter((c) => c !== c.toLowerCase() && c === c.toUpperCase()).length;
  return upper / letters.length >= 0.9;
}

export const isHeading = (b: Block) => b.kind === 'h1' || b.kind === 'h2' || b.kind === 'h3';
/** A heading, or a line set bold throughout (drafts without styles), short enough to be one. */
export const headingLike = (b: Block) => isHeading(b) || (b.bold && b.text.length <= 300);

/** The known part a line names, what follows the name, and the line with the name spelled right. */
export function matchPart(text: string, known: readonly KnownPart[]): { part: KnownPart; rest: string; full: string } | undefined {
  const clean = text
    .normalize('NFC')
    .replace(/^#+\s*/, '')
    .replace(/^[●•▪■*-]\s*/u, '')
    .replace(/^PHẦN\s+[IVXLC]+\s*[.:]?\s*/iu, '')
    .replace(/\s*\((?:TUẦN|tuần)[^)]*\)\s*$/u, '')
    .trim();
  const upper = clean.toLocaleUpperCase('vi');
  for (const part of known) {
    const head = upper.slice(0, part.name.length);
    const next = upper.charAt(part.name.length);
    if (next && next !== ' ' && next !== ':') continue;
    if (head === part.name || (part.name.length >= 8 && distance(head, part.name) <= 2)) {
      const rest = clean.slice(part.name.length).replace(/^[\s:]+/, '');
      return { part, rest, full: rest ? `${part.name} ${rest}` : part.name };
    }
  }
  return undefined;
}

/** The year of a "25/05" date: the issue week's (the one nearer, across New Year), else the number's. */
export function yearFor(month: number, week: Week | undefined, number: string | undefined): number | undefined {
  if (week) {
    if (week.start.year === week.end.year) return week.start.year;
    return month >= week.start.month ? week.start.year : week.end.year;
  }
  return number ? Number(number.split('/')[1]) : undefined;
}

/** A simple table (the same number of cells in each row, one line each) as a Markdown table. */
export function markdownTable(b: Block): string | undefined {
  const rows = b.rows ?? [];
  if (b.complex || !rows.length || rows.some((r) => r.length !== rows[0]!.length || r.some((c) => /\n/.test(c)))) return undefined;
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|') || ' ').join(' | ')} |`;
  return [line(rows[0]!), line(rows[0]!.map(() => '---')), ...rows.slice(1).map(line)].join('\n');
}

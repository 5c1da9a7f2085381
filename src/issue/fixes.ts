/**
 * The safe fixes of `bantin check --fix`: mechanical edits of pasted text that change nothing
 * an editor meant. Each is a change of one line's text, so line numbers never move, comments
 * and layout stay as written, and the change can be listed as `file:line: what`.
 *
 * - invisible characters: zero-width spaces and joiners, direction marks, stray byte-order
 *   marks (as load drops them) and Word's soft hyphens;
 * - spaces and tabs at the end of a line;
 * - a tab in a line's indentation (YAML; the Markdown file's front matter and ```bantin blocks);
 * - a YAML text that YAML cannot read as written: one holding ": ", or starting with a quoted
 *   part ('Lời giải' cho…): put in double quotes, exactly as it was typed;
 * - a date typed 20/4/2026 where the file needs 2026-04-20.
 *
 * Nothing else: a fix that would need a choice (which of two spellings, where a misplaced field
 * belongs) is left to the editor, and `fixIssueText` verifies that the result reads back as
 * the same issue before offering it.
 */
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, visit, type YAMLError } from 'yaml';
import { t } from '../core/i18n.js';
import { isoForTyped } from './typed-date.js';
import { overIndentedField, tabLines, withoutTabs, YAML_OPTIONS } from './yaml-indent.js';
import { quotedStart } from './source.js';
import { stripZeroWidth } from './text.js';

export interface Fix {
  /** 1-based. */
  line: number;
  /** What was done, in the interface's language. */
  what: string;
}

export interface FixResult {
  /** The fixed text (the input when nothing was fixed, or when the fixes could not be verified). */
  text: string;
  fixes: Fix[];
  /** Why nothing was written although fixes were found: the result did not read back as the same issue. */
  refused?: string;
}

const SOFT_HYPHEN = /\u00AD/g;
const DATE_FIELD = /((?:^|[\s{,])(?:-[ \t]+)?(?:date|start|end)[ \t]*:[ \t]*)(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})(?=[ \t]*(?:$|[,}#]))/g;

interface Lines {
  text: string[];
  /** Whether each line ended in \r (CRLF kept as it was). */
  cr: boolean[];
}

function split(text: string): Lines {
  const raw = text.split('\n');
  return { text: raw.map((l) => l.replace(/\r$/, '')), cr: raw.map((l) => l.endsWith('\r')) };
}

const join = (lines: Lines) => lines.text.map((l, i) => l + (lines.cr[i] ? '\r' : '')).join('\n');

/** Fixes for any line: invisible characters, then spaces at its end. */
function lineFixes(lines: Lines, fixes: Fix[], range: (index: number) => boolean): void {
  lines.text.forEach((line, i) => {
    if (!range(i)) return;
    const visible = stripZeroWidth(line).replace(SOFT_HYPHEN, '');
    if (visible !== line) fixes.push({ line: i + 1, what: t('fix.invisible', { count: [...line].length - [...visible].length }) });
    const trimmed = visible.replace(/[ \t]+$/, '');
    if (trimmed !== visible && trimmed.trim()) fixes.push({ line: i + 1, what: t('fix.trailing') });
    else if (trimmed !== visible) fixes.push({ line: i + 1, what: t('fix.blank-line') });
    lines.text[i] = trimmed;
  });
}

/** Dates typed day first, after date:, start: or end:. */
function dateFixes(lines: Lines, fixes: Fix[], range: (index: number) => boolean): void {
  lines.text.forEach((line, i) => {
    if (!range(i) || /^\s*#/.test(line)) return;
    lines.text[i] = line.replace(DATE_FIELD, (whole, before: string, typed: string) => {
      const iso = isoForTyped(typed);
      if (!iso) return whole;
      fixes.push({ line: i + 1, what: t('fix.date', { typed, iso }) });
      return before + iso;
    });
  });
}

/** YAML text of lines [from, to): tabs in indentation, then texts that need quotes, until it reads. */
function yamlFixes(lines: Lines, fixes: Fix[], from: number, to: number): void {
  const part = () => lines.text.slice(from, to).join('\n');
  const errors = parseDocument(part(), YAML_OPTIONS).errors;
  const lineOf = (offset: number) => part().slice(0, offset).split('\n').length;
  const refused = new Set(errors.filter((e) => e.code === 'TAB_AS_INDENT').map((e) => lineOf(e.pos[0]) - 1));
  for (const tab of tabLines(part(), refused)) {
    const i = from + tab.index;
    lines.text[i] = withoutTabs(lines.text[i]!, [{ ...tab, index: 0 }]);
    fixes.push({ line: i + 1, what: t(tab.char === '\t' ? 'fix.tab' : 'fix.odd-space', { spaces: tab.spaces.length }) });
  }
  // One text at a time: an error after the first may be the first one's consequence.
  for (let round = 0; round < 200; round++) {
    const text = part();
    const quotable = parseDocument(text, YAML_OPTIONS).errors.map((e) => quoteTarget(text, e)).find((q) => q !== undefined);
    if (!quotable) return;
    const i = from + text.slice(0, quotable.offset).split('\n').length - 1;
    const line = lines.text[i]!;
    const column = quotable.offset - (text.lastIndexOf('\n', quotable.offset - 1) + 1);
    lines.text[i] = `${line.slice(0, column)}${JSON.stringify(quotable.value)}${quotable.comment}`;
    fixes.push({ line: i + 1, what: t('fix.quoted', { field: quotable.field }) });
  }
}

/**
 * The text an error calls for quoting: "title: Hải Phòng: dẫn đầu" (a ": " in the line's own
 * value) or "title: 'Lời giải' cho bài toán"; undefined for any other error, or a value that
 * is not a plain one-line text (a block, a list, a text going on below).
 */
function quoteTarget(text: string, error: YAMLError): { offset: number; value: string; comment: string; field: string } | undefined {
  let offset: number;
  if (error.code === 'UNEXPECTED_TOKEN') {
    const quoted = quotedStart(text, error.pos[0]);
    if (!quoted) return undefined;
    offset = quoted.offset;
  } else if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && !overIndentedField(text, error.pos[0])) {
    offset = error.pos[0];
  } else return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const rest = text.slice(offset, lineEnd < 0 ? undefined : lineEnd);
  const field = /(?:^|[\s-])([^\s:#'"{}[\],-][^:#{}[\],]*?)[ \t]*:[ \t]+$/.exec(text.slice(lineStart, offset))?.[1];
  if (!field || /^[|>[{&*!%@`]/.test(rest)) return undefined;
  // The text goes on to the next line when that is indented further: not one line, not ours to quote.
  const next = lineEnd < 0 ? '' : text.slice(lineEnd + 1, text.indexOf('\n', lineEnd + 1) < 0 ? undefined : text.indexOf('\n', lineEnd + 1));
  const indent = (s: string) => /^[ \t]*/.exec(s)![0].length;
  if (next.trim() && !/^\s*#/.test(next) && indent(next) > indent(text.slice(lineStart)) && !/^\s*-\s/.test(next) && !/^[ \t]*[^\s:#]+:([ \t]|$)/.test(next)) return undefined;
  const comment = / #.*$/.exec(rest);
  const value = (comment ? rest.slice(0, comment.index) : rest).trim();
  if (!value) return undefined;
  return { offset, value, comment: comment ? ` ${comment[0].trim()}` : '', field };
}

/** The front matter (between the first two --- lines) and ```bantin blocks of a Markdown file: the YAML in it. */
function yamlRanges(lines: Lines): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (/^---[ \t]*$/.test(lines.text[0] ?? '')) {
    const close = lines.text.findIndex((l, i) => i > 0 && /^---[ \t]*$/.test(l));
    if (close > 0) ranges.push([1, close]);
  }
  for (let i = ranges[0]?.[1] ?? 0; i < lines.text.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})[ \t]*bantin[ \t]*$/i.exec(lines.text[i]!);
    if (!open) continue;
    let close = i + 1;
    while (close < lines.text.length && !new RegExp(`^ {0,3}${open[1]![0]}{${open[1]!.length},}[ \\t]*$`).test(lines.text[close]!)) close++;
    ranges.push([i + 1, close]);
    i = close;
  }
  return ranges;
}

/** The data a text reads as, or undefined when it does not read (fixIssueText normalizes what the fixes change before it compares). */
export type ReadBack = (text: string) => unknown;

/**
 * The fixes of an issue file's text (YAML, or Markdown with `markdown`). `read` gives the
 * issue's data (or undefined when the text does not read): the fixed text must read, and, when
 * the original did, as the same issue once the fixed values are compared as fixed.
 */
export function fixIssueText(text: string, options: { markdown: boolean; read: ReadBack }): FixResult {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lines = split(text.slice(bom.length));
  const fixes: Fix[] = [];
  const ranges = options.markdown ? yamlRanges(lines) : [[0, lines.text.length] as [number, number]];
  const inYaml = (i: number) => ranges.some(([from, to]) => from <= i && i < to);
  // Dates first: the issue read with ISO dates is what the other fixes must leave unchanged
  // (a Markdown item's "20/4:" takes its year from the front matter's dates).
  dateFixes(lines, fixes, inYaml);
  const dated = bom + join(lines);
  lineFixes(lines, fixes, () => true);
  for (const [from, to] of ranges) yamlFixes(lines, fixes, from, to);
  fixes.sort((a, b) => a.line - b.line);
  if (!fixes.length) return { text, fixes };
  const fixed = bom + join(lines);
  const after = options.read(fixed);
  if (after === undefined) return { text, fixes, refused: t('fix.refused.unreadable') };
  const before = options.read(dated);
  if (before !== undefined && !isDeepStrictEqual(normalized(before), normalized(after))) return { text, fixes, refused: t('fix.refused.changed') };
  // A file that did not read has nothing to compare with: a quote that runs over lines is the
  // sign of one left open, which the fixes' quotes would only pair up wrongly.
  if (before === undefined && ranges.some(([from, to]) => quoteOverLines(lines.text.slice(from, to).join('\n')))) return { text, fixes, refused: t('fix.refused.unreadable') };
  return { text: fixed, fixes };
}

function quoteOverLines(yaml: string): boolean {
  let found = false;
  visit(parseDocument(yaml, YAML_OPTIONS), {
    Scalar: (_key, node) => {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && yaml.slice(node.range[0], node.range[1]).includes('\n')) found = true;
    },
  });
  return found;
}

/** Values as the fixes leave them: no invisible characters, no spaces before a line break. */
function normalized(value: unknown): unknown {
  if (typeof value === 'string') return stripZeroWidth(value).replace(SOFT_HYPHEN, '').replace(/[ \t]+(?=\n|$)/g, '');
  if (Array.isArray(value)) return value.map(normalized);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalized(v)]));
  return value;
}

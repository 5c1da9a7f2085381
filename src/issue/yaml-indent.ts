/**
 * Indentation, said as indentation. Two traps of pasted text that yaml reports by their
 * consequences, far from their cause:
 *
 * - a tab at the start of a line (Word indents a paragraph's first line with one): yaml gives
 *   "Block scalar lines must not be less indented…" or "All mapping items must start at the
 *   same column", then misreads every line below it. The tab is named, at its own column, and
 *   nothing after it is reported;
 * - a field indented one space too far reads as the text above it going on ("title: X\n
 *   source: …"), which yaml reports as a ": " inside that text.
 */
import { parseDocument, type YAMLError } from 'yaml';

interface Line {
  text: string;
  start: number;
}

/** The last text split: a document with many errors asks for the same lines once per error. */
let cached: { text: string; lines: Line[] } | undefined;

function lines(text: string): Line[] {
  if (cached?.text === text) return cached.lines;
  const out: Line[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push({ text: line.replace(/\r$/, ''), start });
    start += line.length + 1;
  }
  cached = { text, lines: out };
  return out;
}

/** The index of the line holding `offset`. */
function lineIndex(all: readonly Line[], offset: number): number {
  let low = 0;
  let high = all.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (all[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Spaces a paste puts where YAML wants plain ones: tabs, and the non-breaking and other wide spaces of web pages. */
const ODD_SPACE = '\\t\\u00A0\\u2000-\\u200A\\u202F\\u3000';
const INDENT = new RegExp(`^[ ${ODD_SPACE}]*`);
const indentOf = (text: string) => INDENT.exec(text)![0];
const isBlankOrComment = (text: string) => /^[ \t]*(#.*)?$/.test(text);

export interface TabLine {
  /** Offset of the line's first tab (or non-breaking space). */
  offset: number;
  /** That character. */
  char: string;
  /** The line's index (0-based). */
  index: number;
  /** The spaces that replace the line's indentation: those of the line above it. */
  spaces: string;
}

/**
 * Lines whose indentation holds a tab where the line above is indented further (or a tab yaml
 * itself refused), with the spaces that put them back in their block. A tab deeper than the
 * line above is text inside a `|` block: kept.
 */
export function tabLines(text: string, refused: ReadonlySet<number> = new Set()): TabLine[] {
  const all = lines(text);
  const found: TabLine[] = [];
  let above = '';
  all.forEach((line, index) => {
    const indent = indentOf(line.text);
    const tab = indent.search(/[^ ]/);
    if (tab >= 0 && !isBlankOrComment(line.text) && (tab < above.length || refused.has(index))) {
      found.push({ offset: line.start + tab, char: indent[tab]!, index, spaces: above });
      return; // the next line is compared with where this one belongs
    }
    // Under "body: |" or "source:", the lines below are indented further: two more spaces.
    if (!isBlankOrComment(line.text)) above = (/[^ ]/.test(indent) ? above : indent) + (/:[ \t]*([|>][-+0-9]*)?[ \t]*(#.*)?$/.test(line.text) ? '  ' : '');
  });
  return found;
}

/** The text with each tab line's indentation replaced by its spaces (what `check --fix` writes). */
export function withoutTabs(text: string, tabs: readonly TabLine[]): string {
  if (!tabs.length) return text;
  const all = text.split('\n');
  for (const { index, spaces } of tabs) all[index] = spaces + all[index]!.replace(INDENT, '');
  return all.join('\n');
}

/** How an issue file's YAML is parsed (source.ts): errors at their offsets, a key given twice and anything YAML 1.2 does not allow refused. */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/**
 * The tab lines to blame for a document's syntax errors: those found, when the text reads with
 * fewer errors once they are spaces (a tab that changes nothing is not the cause); and the
 * lines (1-based) that still have an error then, the only ones worth reporting beside the tabs.
 */
export function tabsToBlame(text: string, errors: readonly YAMLError[], lineOf: (offset: number) => number): { tabs: TabLine[]; stillWrong: Set<number> } {
  const none = { tabs: [], stillWrong: new Set<number>() };
  if (!errors.length || !new RegExp(`[${ODD_SPACE}]`).test(text)) return none;
  const refused = new Set(errors.filter((e) => e.code === 'TAB_AS_INDENT').map((e) => lineOf(e.pos[0]) - 1));
  const tabs = tabLines(text, refused);
  if (!tabs.length) return none;
  const fixedText = withoutTabs(text, tabs);
  const fixed = parseDocument(fixedText, YAML_OPTIONS);
  if (!refused.size && fixed.errors.length >= errors.length) return none;
  const stillWrong = new Set(fixed.errors.map((e) => fixedText.slice(0, e.pos[0]).split('\n').length));
  return { tabs, stillWrong };
}

/**
 * For yaml's "nested mappings are not allowed in compact mappings" at `offset` (a value): the
 * offset of the line below that is a field indented further than the value's own field, when
 * that is what happened ("title: X" then "   source: …"); undefined when the ": " is in the text.
 */
export function overIndentedField(text: string, offset: number): { offset: number; column: number } | undefined {
  const all = lines(text);
  const at = lineIndex(all, offset);
  const own = all[at]!;
  if (/:[ \t]/.test(own.text.slice(offset - own.start))) return undefined;
  const fieldIndent = indentOf(own.text.replace(/^([ \t]*)- /, '$1  ')).length;
  for (let i = at + 1; i < all.length; i++) {
    const line = all[i]!;
    if (isBlankOrComment(line.text)) continue;
    const indent = indentOf(line.text).length;
    if (indent > fieldIndent && /^[ \t]*[^\s:#'"[{-][^:]*:([ \t]|$)/.test(line.text)) return { offset: line.start + indent, column: fieldIndent + 1 };
    return undefined;
  }
  return undefined;
}

/**
 * For "all mapping items must start at the same column" on a line: the column of the fields of
 * its block, read from the nearest field above (undefined if none, or if it starts there too).
 */
export function blockColumn(text: string, offset: number): { line: number; column: number } | undefined {
  const all = lines(text);
  const at = lineIndex(all, offset);
  const mine = indentOf(all[at]!.text).length;
  for (let i = at - 1; i >= 0; i--) {
    const text = all[i]!.text;
    if (isBlankOrComment(text) || !/^[ \t]*(- )?[^\s:#][^:]*:([ \t]|$)/.test(text)) continue;
    const indent = indentOf(text.replace(/^([ \t]*)- /, '$1  ')).length;
    return indent === mine ? undefined : { line: i + 1, column: indent + 1 };
  }
  return undefined;
}

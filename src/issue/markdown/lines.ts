/**
 * The Markdown issue file cut into lines, each classified: a part or item heading, a comment,
 * a ```bantin fence, a thematic break, or text. Offsets are into the file's text, so every
 * value read from a line keeps its place for diagnostics.
 */
import { LineCounter } from 'yaml';

export interface Line {
  /** The line without its line break (a CRLF's \r dropped). */
  text: string;
  /** Offset of the line's first character in the file. */
  start: number;
  /** Offset just past its last character (before \r\n or \n). */
  end: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const stop = newline === -1 ? text.length : newline;
    const end = stop > start && text[stop - 1] === '\r' ? stop - 1 : stop;
    lines.push({ text: text.slice(start, end), start, end });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/** A LineCounter over the whole file, as yaml's parser would have made it. */
export function lineCounter(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) counter.addNewLine(at + 1);
  return counter;
}

export interface Heading {
  level: number;
  /** The heading's text, trimmed, and where it is in the file. */
  text: string;
  textStart: number;
  textEnd: number;
}

/**
 * An ATX heading (`# Tin trong nước`, `## 25/05: …`, or `##` alone). Closing #s are not
 * stripped: a title may end in "#" ("C#"), and nothing is lost by keeping them.
 */
export function readHeading(line: Line): Heading | undefined {
  const match = /^( {0,3})(#{1,6})(?:[ \t]+|$)/.exec(line.text);
  if (!match) return undefined;
  let from = match[0].length;
  let to = line.text.length;
  while (to > from && /[ \t]/.test(line.text[to - 1]!)) to--;
  while (from < to && /[ \t]/.test(line.text[from]!)) from++;
  return { level: match[2]!.length, text: line.text.slice(from, to), textStart: line.start + from, textEnd: line.start + to };
}

/** `<!-- … -->` on a line of its own: a comment, never printed (`<!-- bantin-ignore: code -->` silences a warning). */
export function readComment(line: Line): string | undefined {
  const match = /^[ \t]*<!--(.*?)-->[ \t]*$/.exec(line.text);
  if (!match || match[1]!.includes('-->')) return undefined;
  // "<!-- x -->" holds the YAML comment " x": the space before --> is the writer's.
  return match[1]!.endsWith(' ') ? match[1]!.slice(0, -1) : match[1]!;
}

export function writeComment(comment: string): string {
  return `<!--${comment.replaceAll('-->', '-- >')} -->`;
}

/** The opening line of a ```bantin block: its fence characters, to find the closing line. */
export function readFenceOpening(line: Line): string | undefined {
  return /^ {0,3}(`{3,}|~{3,})[ \t]*bantin[ \t]*$/i.exec(line.text)?.[1];
}

export function closesFence(line: Line, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line.text);
  return !!match && match[1]![0] === fence[0] && match[1]!.length >= fence.length;
}

/** `---` (or `***`, `___`) alone: in a summary part, what follows the last section is its closing. */
export function isThematicBreak(line: Line): boolean {
  return /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line.text);
}

export const isBlank = (line: Line) => line.text.trim() === '';

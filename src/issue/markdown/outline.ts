/**
 * The file's outline after the front matter: regions that start at a `#` (part) or `##` (item
 * or section) heading, each a list of units — text, blank lines, comments, ```bantin blocks.
 * Only ```bantin blocks hide headings: a pasted "```" elsewhere cannot swallow the issue's
 * remaining items.
 */
import { closesFence, isBlank, isThematicBreak, readComment, readFenceOpening, readHeading, type Heading, type Line } from './lines.js';

export type Unit =
  | { type: 'text' | 'blank' | 'break'; line: Line }
  | { type: 'comment'; line: Line; comment: string }
  | { type: 'fence'; line: Line; contentStart: number; contentEnd: number; end: number; closed: boolean };

export interface Region {
  /** The heading line and what it says; the preamble (before the first heading) has none. */
  heading?: Heading & { line: Line };
  /** Comments written just before the heading: they belong to what it starts. */
  comments: string[];
  units: Unit[];
}

export function outline(lines: readonly Line[], from: number, textLength: number): Region[] {
  const regions: Region[] = [{ comments: [], units: [] }];
  let current = regions[0]!;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = readFenceOpening(line);
    if (fence) {
      let close = i + 1;
      while (close < lines.length && !closesFence(lines[close]!, fence)) close++;
      const closed = close < lines.length;
      current.units.push({
        type: 'fence',
        line,
        contentStart: lines[i + 1]?.start ?? textLength,
        contentEnd: closed ? lines[close]!.start : textLength,
        end: closed ? lines[close]!.end : textLength,
        closed,
      });
      i = close;
      continue;
    }
    const heading = readHeading(line);
    if (heading && heading.level <= 2) {
      current = { heading: { ...heading, line }, comments: [], units: [] };
      regions.push(current);
      continue;
    }
    const comment = readComment(line);
    if (comment !== undefined) current.units.push({ type: 'comment', line, comment });
    else current.units.push({ type: isBlank(line) ? 'blank' : isThematicBreak(line) ? 'break' : 'text', line });
  }
  // Comments at the end of a region (only blank lines after them) introduce the next heading.
  for (let r = 0; r + 1 < regions.length; r++) {
    const region = regions[r]!;
    let cut = region.units.length;
    while (cut > 0 && (region.units[cut - 1]!.type === 'blank' || region.units[cut - 1]!.type === 'comment')) cut--;
    // Before the first heading, every comment is the first part's.
    const moved = r === 0 ? region.units : region.units.slice(cut);
    region.units = r === 0 ? region.units.filter((u) => u.type !== 'comment') : region.units.slice(0, cut);
    regions[r + 1]!.comments.unshift(...moved.flatMap((u) => (u.type === 'comment' ? [u.comment] : [])));
  }
  return regions;
}

/** The lines of text units, without blank lines at either end; undefined when there is no text. */
export function textLines(units: readonly Unit[]): Line[] | undefined {
  const lines = units.filter((u) => u.type === 'text' || u.type === 'blank' || u.type === 'break').map((u) => u.line);
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && isBlank(lines[first]!)) first++;
  while (last >= first && isBlank(lines[last]!)) last--;
  return first <= last ? lines.slice(first, last + 1) : undefined;
}

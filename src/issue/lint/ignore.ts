/**
 * `# bantin-ignore: code` silences one warning, like eslint-disable-next-line: written on the
 * line before the warning's line, before the field's key, or before the list item it is in
 * (`- date: …`, to silence it for the whole story). Several codes: `# bantin-ignore: a, b`.
 * In a Markdown issue: `<!-- bantin-ignore: code -->` (before an item's ## heading: the whole
 * item), and `# bantin-ignore:` in its front matter, where # starts a YAML comment.
 */
import type { PathSegment } from '../../core/diagnostics.js';
import { locate, type IssueSource } from '../source.js';

const DIRECTIVE = /^\s*#\s*bantin-ignore:\s*(.*?)\s*$/;
const HTML_DIRECTIVE = /^\s*<!--\s*bantin-ignore:\s*(.*?)\s*-->\s*$/;

/**
 * Line (1-based) → the codes silenced on it: a directive applies to the next line that is not a
 * comment or blank. In Markdown, a # line after the front matter is a heading, not a comment.
 */
export function ignoreDirectives(text: string, markdown = false): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  let pending: string[] = [];
  let yaml = !markdown;
  text.split('\n').forEach((line, i) => {
    if (markdown && /^---\s*$/.test(line)) yaml = i === 0;
    const directive = (yaml ? DIRECTIVE : HTML_DIRECTIVE).exec(line);
    if (directive) pending.push(...directive[1]!.split(/[\s,]+/).filter(Boolean));
    else if ((yaml ? /^\s*(?:#.*)?$/ : /^\s*(?:<!--.*-->\s*)?$|^---\s*$/).test(line)) return;
    else if (pending.length) {
      out.set(i + 1, new Set(pending));
      pending = [];
    }
  });
  return out;
}

/** The lines a directive for this warning may stand before: its own, its field's key, and every enclosing field or item. */
export function linesFor(source: IssueSource, path: readonly PathSegment[], line: number): number[] {
  const lines = [line];
  for (let i = 1; i <= path.length; i++) {
    const prefix = path.slice(0, i);
    const at = locate(source, prefix, { key: typeof prefix[i - 1] === 'string' });
    if (at.exact) lines.push(at.line);
  }
  return lines;
}

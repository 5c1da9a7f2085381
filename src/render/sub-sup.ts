/**
 * Subscripts and superscripts in Markdown texts: CO~2~, m^2^, 10^6^ (pandoc's and
 * markdown-it-sub/sup's syntax: no space inside unless escaped), and <sub>…</sub>, <sup>…</sup>
 * as Word's HTML export and the web write them: the only raw HTML bantin reads; any other tag
 * still prints as text. The content is plain text, at most a short run on one line.
 */
import type MarkdownIt from 'markdown-it';
import type { StateInline } from 'markdown-it';

const TAGS = /^<(sub|sup)>([^<>\n]{1,200}?)<\/\1>/i;
const MARKS: Record<string, 'sub' | 'sup'> = { '~': 'sub', '^': 'sup' };

function push(state: StateInline, tag: 'sub' | 'sup', content: string): void {
  state.push(`${tag}_open`, tag, 1).markup = tag;
  state.push('text', '', 0).content = content;
  state.push(`${tag}_close`, tag, -1).markup = tag;
}

/** `~x~` or `^x^` at the position: one run without spaces (a backslash keeps a space or mark). */
function marked(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const mark = state.src[start]!;
  const tag = MARKS[mark];
  if (!tag || state.src[start + 1] === mark) return false; // ~~ is strikethrough
  let end = start + 1;
  while (end < state.posMax && state.src[end] !== mark) {
    if (state.src[end] === '\\') end++;
    else if (/\s/.test(state.src[end]!)) return false;
    end++;
  }
  if (end >= state.posMax || end === start + 1) return false;
  if (!silent) push(state, tag, state.src.slice(start + 1, end).replace(/\\([ \\~^])/g, '$1'));
  state.pos = end + 1;
  return true;
}

function tagged(state: StateInline, silent: boolean): boolean {
  if (state.src[state.pos] !== '<') return false;
  const match = TAGS.exec(state.src.slice(state.pos, state.posMax));
  if (!match) return false;
  if (!silent) push(state, match[1]!.toLowerCase() as 'sub' | 'sup', match[2]!);
  state.pos += match[0].length;
  return true;
}

export function subSup(md: MarkdownIt): void {
  md.inline.ruler.before('strikethrough', 'bantin_sub_sup', marked);
  md.inline.ruler.before('html_inline', 'bantin_sub_sup_tags', tagged);
}

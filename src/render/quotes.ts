/**
 * One quote style per issue, whatever was pasted: text copied from Word brings “ ” and ‘ ’,
 * text typed in an editor brings " and '. The theme's `quotes` setting chooses (typographic by
 * default), and it is applied when printing: the issue file keeps what was written.
 *
 * Markdown texts get the same through markdown-it's smartquotes (markdown.ts), which sees
 * quotes across emphasis; plain texts (titles, source names, captions…) get `setQuotes`.
 */
export type QuoteStyle = 'typographic' | 'straight';

/** What may stand before an opening quote: nothing, a space, an opening bracket, a dash, or punctuation that leads into a text (=, :, ;, ,) — as markdown-it's smartquotes has it. */
const OPENS_AFTER = /[\s([{\u2014\u2013\-/=:;,<>+*_~^|]/u;

const TAG = /<\/?[A-Za-z][^<>]*>/y;

/** Straight quotes → “ ” ‘ ’ (an apostrophe between letters → ’), or curly quotes → straight. */
export function setQuotes(text: string, style: QuoteStyle): string {
  if (style === 'straight') return text.replace(/[“”„‟]/g, '"').replace(/[‘’‚‛]/g, "'");
  if (!/["']/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    // An HTML tag in the text (a theme may print a field with {{{ }}}) keeps its attribute quotes.
    TAG.lastIndex = i;
    const tag = c === '<' ? TAG.exec(text) : null;
    if (tag) {
      out += tag[0];
      i += tag[0].length - 1;
      continue;
    }
    if (c !== '"' && c !== "'") {
      out += c;
      continue;
    }
    const before = i === 0 ? ' ' : text[i - 1]!;
    const after = i + 1 < text.length ? text[i + 1]! : ' ';
    const opening = OPENS_AFTER.test(before) && !/\s/u.test(after);
    if (c === '"') out += opening ? '“' : '”';
    else out += opening ? '‘' : '’';
  }
  return out;
}

/** Keys whose values are not prose: addresses, files, ids, dates, kinds. */
const NOT_PROSE = new Set(['url', 'src', 'id', 'ref', 'endId', 'kind', 'type', 'date', 'start', 'end', 'iso', 'path', 'theme', 'file', 'website', 'size', 'logo']);

/**
 * A copy of `value` with the quote style applied to every plain text in it, except under
 * NOT_PROSE keys and the Markdown fields (`markdownKeys`), which the Markdown renderer sets.
 */
export function withQuotes<T>(value: T, style: QuoteStyle, markdownKeys: ReadonlySet<string>): T {
  const walk = (node: unknown, key?: string): unknown => {
    if (typeof node === 'string') return key !== undefined && (NOT_PROSE.has(key) || markdownKeys.has(key)) ? node : setQuotes(node, style);
    if (Array.isArray(node)) return node.map((item) => walk(item, key));
    if (!node || typeof node !== 'object' || Object.getPrototypeOf(node) !== Object.prototype) return node;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, NOT_PROSE.has(k) || markdownKeys.has(k) ? v : walk(v, k)]));
  };
  return walk(value) as T;
}

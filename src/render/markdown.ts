/**
 * Markdown for article bodies: raw HTML off, no images, links only to http(s).
 * Headings inside a body are demoted below the heading they sit under, so the levels never skip:
 * `#`, `##` and `###` become the body's level (h3 under an article's h2), `####` one below, …
 *
 * Pasted text prints as typed: a paragraph indented with a tab or four spaces (Word's first-line
 * indent) is a paragraph, not a code block; quotes take the one style (quotes.ts);
 * CO~2~, m^2^ and the only raw HTML allowed, <sub> and <sup>, print as subscripts and
 * superscripts (sub-sup.ts).
 */
import MarkdownIt from 'markdown-it';
import { stripZeroWidth } from '../issue/text.js';
import { setQuotes, type QuoteStyle } from './quotes.js';
import { subSup } from './sub-sup.js';

// The typographer only for its quotes: its other replacements ((c) → ©, -- → –) change what was typed.
const md = new MarkdownIt({ html: false, linkify: false, typographer: true, breaks: false, quotes: '“”‘’' });
md.disable(['replacements', 'code']);
md.use(subSup);
// Images come from the issue's `image` field, never from Markdown: ![alt](url) prints its alt text.
md.renderer.rules.image = (tokens, idx) => md.utils.escapeHtml(tokens[idx]!.content);
md.validateLink = (url: string) => /^https?:\/\//i.test(url.trim());

const renderToken = md.renderer.renderToken.bind(md.renderer);
interface Env {
  headingLevel?: number;
  quotes?: QuoteStyle;
}
/** `#`–`###` → the body's level, `####` one below, and so on, never past h6. */
const demote = (tag: string, env: Env) => {
  const base = env.headingLevel ?? 3;
  return `h${Math.min(6, base + Math.max(0, Number(tag.slice(1)) - 3))}`;
};
md.renderer.rules.heading_open = (tokens, idx, options, env: Env) => {
  const token = tokens[idx]!;
  token.tag = demote(token.tag, env);
  token.attrJoin('class', 'md-heading');
  return renderToken(tokens, idx, options);
};
md.renderer.rules.heading_close = (tokens, idx, options, env: Env) => {
  const token = tokens[idx]!;
  token.tag = demote(token.tag, env);
  return renderToken(tokens, idx, options);
};

// Entities (&#x200B;, &zwj;) become characters only here: clean them as the YAML's values are.
const CLEANED = new Set(['text', 'text_special', 'code_inline', 'code_block', 'fence']);
md.core.ruler.push('bantin_clean', (state) => {
  for (const token of state.tokens) {
    if (CLEANED.has(token.type)) token.content = stripZeroWidth(token.content);
    for (const child of token.children ?? []) if (CLEANED.has(child.type)) child.content = stripZeroWidth(child.content);
  }
});
// smartquotes made every straight quote typographic; the straight style turns them all back.
md.core.ruler.push('bantin_quotes', (state) => {
  if ((state.env as Env).quotes !== 'straight') return;
  for (const token of state.tokens) {
    for (const child of token.children ?? []) if (child.type === 'text') child.content = setQuotes(child.content, 'straight');
  }
});

/**
 * `headingLevel`: the level of the body's top headings (3 under an article title, 4 under a
 * summary section's); `quotes`: the quote style (default typographic).
 */
export function renderMarkdown(text: string, options: { headingLevel?: number; quotes?: QuoteStyle } = {}): string {
  return md.render(text, { headingLevel: options.headingLevel, quotes: options.quotes } satisfies Env);
}

export function renderMarkdownInline(text: string, options: { quotes?: QuoteStyle } = {}): string {
  return md.renderInline(text, { quotes: options.quotes } satisfies Env);
}

/**
 * Markdown for article bodies: raw HTML off, no images, links only to http(s).
 * Headings inside a body are demoted below the article title (### → h4).
 */
import MarkdownIt from 'markdown-it';
import { stripZeroWidth } from '../issue/text.js';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
// Images come from the issue's `image` field, never from Markdown: ![alt](url) prints its alt text.
md.renderer.rules.image = (tokens, idx) => md.utils.escapeHtml(tokens[idx]!.content);
md.validateLink = (url: string) => /^https?:\/\//i.test(url.trim());

const renderToken = md.renderer.renderToken.bind(md.renderer);
md.renderer.rules.heading_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const level = Number(token.tag.slice(1));
  token.tag = `h${Math.min(6, Math.max(4, level + 1))}`;
  token.attrJoin('class', 'md-heading');
  return renderToken(tokens, idx, options);
};
md.renderer.rules.heading_close = (tokens, idx, options) => {
  const token = tokens[idx]!;
  const level = Number(token.tag.slice(1));
  token.tag = `h${Math.min(6, Math.max(4, level + 1))}`;
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

export function renderMarkdown(text: string): string {
  return md.render(text);
}

export function renderMarkdownInline(text: string): string {
  return md.renderInline(text);
}

/**
 * The Handlebars environment: templates/ holds all markup; helpers return only tiny,
 * bantin-made HTML (rendered Markdown, QR SVG, page-reference slots).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { templatesDir } from '../paths.js';
import { renderMarkdown, renderMarkdownInline } from './markdown.js';

export interface RenderContext {
  /** Ids that a page reference may point at. */
  targets: ReadonlySet<string>;
  qr: ReadonlyMap<string, string>;
  /** Turns an issue-relative image path into the URL the page loads it from. */
  imageUrl: (src: string) => string;
  /** Placeholder printed in page-reference slots before the numbers are known. */
  placeholder: string;
}

export type TemplateFn = (data: unknown, ctx: RenderContext) => string;

let compiled: Handlebars.TemplateDelegate | undefined;
let hbs: typeof Handlebars | undefined;
let current: RenderContext | undefined;

function environment(dir: string): typeof Handlebars {
  const env = Handlebars.create();
  const ctx = (): RenderContext => {
    if (!current) throw new Error('template helper called outside a render');
    return current;
  };
  /** `{{md body level=4}}`: the body's headings start at <h4> (default <h3>, under an article's <h2>). */
  env.registerHelper('md', (text: unknown, options: { hash?: { level?: number } }) =>
    new env.SafeString(typeof text === 'string' ? renderMarkdown(text, { headingLevel: options.hash?.level }) : ''),
  );
  env.registerHelper('mdInline', (text: unknown) => new env.SafeString(typeof text === 'string' ? renderMarkdownInline(text) : ''));
  // The code's alternative text ("Mã QR: <URL>") is the partial qr-alt.hbs: its label lives there only.
  let qrAlt: Handlebars.TemplateDelegate | undefined;
  env.registerHelper('qr', (url: unknown) => {
    const svg = typeof url === 'string' ? ctx().qr.get(url) : undefined;
    if (!svg) throw new Error(`no QR code was made for ${String(url)}`);
    qrAlt ??= env.compile(String(env.partials['qr-alt'] ?? '{{this}}'), { strict: false });
    const alt = qrAlt(url).trim().replaceAll('"', '&quot;');
    return new env.SafeString(svg.replace(' role="img"', ` role="img" aria-label="${alt}"`));
  });
  env.registerHelper('pageref', (id: unknown) => {
    if (typeof id !== 'string' || !ctx().targets.has(id)) throw new Error(`pageref: no article or part has the id "${String(id)}"`);
    const safe = env.escapeExpression(id);
    return new env.SafeString(`<span class="pageref" data-pageref="${safe}">${ctx().placeholder}</span>`);
  });
  env.registerHelper('image', (src: unknown) => (typeof src === 'string' ? ctx().imageUrl(src) : ''));
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('inc', (n: unknown) => Number(n) + 1);
  /** A CSS string literal for @page margin boxes (content: "…"). */
  env.registerHelper('cssString', (text: unknown) => new env.SafeString(JSON.stringify(String(text ?? '')).replace(/</g, '\\3C ')));
  /** "https://www.facebook.com/TinKHCN/" → "facebook.com/TinKHCN"; with `host=true` only the domain. */
  env.registerHelper('shortUrl', (url: unknown, options: { hash?: { host?: boolean } }) => {
    try {
      const u = new URL(String(url));
      const host = u.hostname.replace(/^www\./, '');
      return options.hash?.host ? host : (host + u.pathname).replace(/\/$/, '');
    } catch {
      return String(url);
    }
  });
  /** An address that may break only after a "/" or a "." (a <wbr> there; nowhere else). */
  env.registerHelper('breakUrl', (text: unknown) => new env.SafeString(env.escapeExpression(String(text ?? '')).replace(/([./])(?=.)/g, '$1<wbr>')));
  for (const file of readdirSync(path.join(dir, 'partials'))) {
    if (file.endsWith('.hbs')) env.registerPartial(file.slice(0, -4), readFileSync(path.join(dir, 'partials', file), 'utf8'));
  }
  return env;
}

/** Forgets the compiled templates (watch mode, after a template changed). */
export function resetTemplates(): void {
  compiled = undefined;
  hbs = undefined;
}

/** Renders templates/issue.hbs; templates are compiled once per process. */
export function renderTemplate(data: unknown, ctx: RenderContext): string {
  if (!compiled || !hbs) {
    hbs = environment(templatesDir);
    compiled = hbs.compile(readFileSync(path.join(templatesDir, 'issue.hbs'), 'utf8'), { strict: false, preventIndent: true });
  }
  current = ctx;
  try {
    return compiled(data, { allowProtoPropertiesByDefault: false });
  } finally {
    current = undefined;
  }
}

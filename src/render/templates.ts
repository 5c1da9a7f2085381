/**
 * The Handlebars environment of a theme: its issue.hbs and partials (looked up through the
 * theme chain); helpers return only tiny, bantin-made HTML (rendered Markdown, QR SVG,
 * page-reference slots). Prototype access stays off; a template cannot reach a page script.
 */
import Handlebars from 'handlebars';
import { LABEL_KEYS, formatLabel, type LabelKey, type Labels } from '../theme/label-keys.js';
import type { Theme, ThemeFile } from '../theme/theme.js';
import { UserError, type Diagnostic } from '../core/diagnostics.js';
import { renderMarkdown, renderMarkdownInline } from './markdown.js';
import type { QuoteStyle } from './quotes.js';
import { themeTemplates } from './check-theme.js';
import { COMPILE_OPTIONS } from './precompiled.js';
import { shownPath } from './template-check.js';
import { t as say } from '../core/i18n.js';

export interface RenderContext {
  /** Ids that a page reference may point at. */
  targets: ReadonlySet<string>;
  qr: ReadonlyMap<string, string>;
  /** Turns an issue-relative image path into the URL the page loads it from. */
  imageUrl: (src: string) => string;
  /** Placeholder printed in page-reference slots before the numbers are known. */
  placeholder: string;
  labels: Labels;
  /** The quote style, for Markdown texts (plain texts are set in html.ts). */
  quotes?: QuoteStyle;
}

let current: RenderContext | undefined;

function environment(): typeof Handlebars {
  const env = Handlebars.create();
  const ctx = (): RenderContext => {
    if (!current) throw new Error(say('render.helper.outside-render'));
    return current;
  };
  /** `{{md body level=4}}`: the body's headings start at <h4> (default <h3>, under an article's <h2>). */
  env.registerHelper('md', (text: unknown, options: { hash?: { level?: number } }) =>
    new env.SafeString(typeof text === 'string' ? renderMarkdown(text, { headingLevel: options.hash?.level, quotes: current?.quotes }) : ''),
  );
  env.registerHelper('mdInline', (text: unknown) => new env.SafeString(typeof text === 'string' ? renderMarkdownInline(text, { quotes: current?.quotes }) : ''));
  // The code's alternative text ("Mã QR: <URL>") is the partial qr-alt.hbs: its label lives there only.
  let qrAlt: Handlebars.TemplateDelegate | undefined;
  env.registerHelper('qr', (url: unknown) => {
    const svg = typeof url === 'string' ? ctx().qr.get(url) : undefined;
    if (!svg) throw new Error(say('render.helper.no-qr', { url: String(url) }));
    // Partials are registered compiled (compileTheme): the theme's qr-alt is a template already.
    const partial = env.partials['qr-alt'] as Handlebars.TemplateDelegate | string | undefined;
    qrAlt ??= typeof partial === 'function' ? partial : env.compile(String(partial ?? '{{this}}'), { strict: false });
    const alt = qrAlt(url).trim().replaceAll('"', '&quot;');
    return new env.SafeString(svg.replace(' role="img"', ` role="img" aria-label="${alt}"`));
  });
  env.registerHelper('pageref', (id: unknown) => {
    if (typeof id !== 'string' || !ctx().targets.has(id)) throw new Error(say('render.helper.pageref', { id: String(id) }));
    const safe = env.escapeExpression(id);
    return new env.SafeString(`<span class="pageref" data-pageref="${safe}">${ctx().placeholder}</span>`);
  });
  /** "Trang 5–12": the theme's pageRange label with both slots; the "–12" part hides when both pages are one (page-numbers.ts). */
  env.registerHelper('pagerange', (from: unknown, to: unknown) => {
    const slot = (id: unknown) => String(env.helpers['pageref']!(id));
    const label = ctx().labels.pageRange;
    const [head, rest = ''] = label.split('{from}');
    const [mid, tail] = rest.includes('{to}') ? rest.split('{to}') as [string, string] : ['', rest];
    const esc = (text: string) => env.escapeExpression(text);
    return new env.SafeString(`<span class="pagerange">${esc(head!)}${slot(from)}<span class="pagerange-to">${esc(mid)}${slot(to)}</span>${esc(tail)}</span>`);
  });
  env.registerHelper('image', (src: unknown) => (typeof src === 'string' ? ctx().imageUrl(src) : ''));
  /** A label of the theme, its {slots} filled from the hash: {{t "weekOf" week=issue.week.label}} (escaped like any value). */
  env.registerHelper('t', (key: unknown, options: { hash?: Record<string, unknown> }) => {
    // template-check.ts refuses unknown names before a render; this guards helpers called by name.
    if (typeof key !== 'string' || !(LABEL_KEYS as readonly string[]).includes(key)) throw new Error(say('render.helper.no-label', { name: String(key) }));
    return formatLabel(ctx().labels[key as LabelKey], options.hash ?? {});
  });
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
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
  /** The last two words held together (a no-break space): a TOC entry never ends in a line of one syllable ("cử", "quả"). */
  env.registerHelper('keepLastTwo', (text: unknown) => String(text ?? '').replace(/ (\S+)$/u, '\u00a0$1'));
  return env;
}

/** The helpers a template can call (template-check.ts keeps the same list for its check). */
export function helperNames(): string[] {
  return Object.keys(environment().helpers);
}

/** Compiled templates per theme (its chain of folders); watch mode forgets them when a file changes. */
const compiled = new Map<string, Handlebars.TemplateDelegate>();

export function resetTemplates(): void {
  compiled.clear();
}

function themeKey(theme: Theme): string {
  return theme.layers.map((l) => l.dir).join('\n');
}

/**
 * The theme's issue template, compiled once per process. Every partial and label a template
 * names must exist: checked here (and by `bantin check`), not found empty at print time.
 */
export function compileTheme(theme: Theme): Handlebars.TemplateDelegate {
  const key = themeKey(theme);
  let template = compiled.get(key);
  if (!template) {
    const env = environment();
    const files = [theme.template, ...theme.partials.values()];
    const [main, ...partials] = themeTemplates(theme).map((t, i) => traced(files[i]!, theme, 'spec' in t ? env.template(t.spec) : env.compile(t.ast, COMPILE_OPTIONS)));
    [...theme.partials.keys()].forEach((name, i) => env.registerPartial(name, partials[i]!));
    template = main!;
    compiled.set(key, template);
  }
  return template;
}

/**
 * A template set of bantin's own outside the theme chain (the web edition's templates/web/),
 * with the same helpers, compiled once per process.
 */
export function compileOwn(key: string, main: string, partials: ReadonlyMap<string, string>): Handlebars.TemplateDelegate {
  let template = compiled.get(`own:${key}`);
  if (!template) {
    const env = environment();
    for (const [name, text] of partials) env.registerPartial(name, env.compile(text, COMPILE_OPTIONS));
    template = env.compile(main, COMPILE_OPTIONS);
    compiled.set(`own:${key}`, template);
  }
  return template;
}

export function renderTemplate(theme: Theme, data: unknown, ctx: RenderContext): string {
  return renderCompiled(compileTheme(theme), data, ctx);
}

export function renderCompiled(template: Handlebars.TemplateDelegate, data: unknown, ctx: RenderContext): string {
  current = ctx;
  try {
    return template(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (error) {
    throw templateFailure(error) ?? error;
  } finally {
    current = undefined;
    running.length = 0;
  }
}

/** The templates running, outermost first, each with whether it is a theme's own (not built in). */
const running: Array<{ file: ThemeFile; own: boolean }> = [];
/** The templates that were running when an error was thrown (recorded by the innermost). */
const failedIn = new WeakMap<object, Array<{ file: ThemeFile; own: boolean }>>();

/** A template that records itself while it runs, so that a failure can name it. */
function traced(file: ThemeFile, theme: Theme, template: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate {
  const own = !theme.layers[file.layer]?.builtin;
  return (context: unknown, options?: Handlebars.RuntimeOptions) => {
    running.push({ file, own });
    try {
      return template(context, options);
    } catch (error) {
      if (error instanceof Object && !failedIn.has(error)) failedIn.set(error, [...running]);
      throw error;
    } finally {
      running.pop();
    }
  };
}

/**
 * A render that failed inside a theme's own template (a helper given what it cannot use, a
 * partial that calls itself: what check-time checks cannot see) is the theme's mistake, named
 * with the template; one inside the built-in templates alone is a bug, left as it is.
 */
function templateFailure(error: unknown): UserError | undefined {
  const trace = error instanceof Object ? failedIn.get(error) : undefined;
  const own = trace && [...trace].reverse().find((t) => t.own);
  if (!own) return undefined;
  const e = error as Error & { lineNumber?: number; column?: number };
  const why = error instanceof RangeError ? say('render.template.stack') : (e.message ?? String(error)).split('\n')[0]!;
  const file = shownPath(own.file.file);
  const diagnostics: Diagnostic[] = e.lineNumber ? [{ severity: 'error', file, line: e.lineNumber, col: (e.column ?? 0) + 1, path: '', message: why, code: 'template-runtime' }] : [];
  return new UserError(say('render.template.failed', { file, reason: why }), diagnostics);
}

/**
 * What an SVG refers to. A picture in the PDF may use only its own parts (`#id`) and data it
 * carries (`data:` URIs): bantin never fetches, so anything else would print as a broken image,
 * and a file on the machine must never be read into a page. The references are found in URL
 * attributes (href, xlink:href, src…), in CSS (`url(…)`, `image-set(…)`, `@import`) of
 * `<style>` sheets, style attributes and presentation attributes, and in `<?xml-stylesheet?>`.
 */

import { t } from '../core/i18n.js';

/** Attributes that load what they name (SVG, and HTML inside <foreignObject>). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'poster', 'data', 'background', 'action', 'formaction', 'codebase', 'archive', 'manifest', 'longdesc']);
/** Presentation attributes that take a url(…); `style` holds any CSS. */
export const CSS_ATTRIBUTES = new Set(['style', 'fill', 'stroke', 'clip-path', 'mask', 'filter', 'marker', 'marker-start', 'marker-mid', 'marker-end', 'cursor']);

/** A reference found in the SVG: to one of its own elements (`id`), or to data it carries (`data`). */
export type Reference = { id: string; marker: boolean } | { data: string };

/** `#id` → the id; `data:` → the URI; anything else → the reason it is refused. */
export function classify(value: string): { id: string } | { data: string } | { refused: string } {
  const v = value.trim();
  if (v.startsWith('#')) return { id: decodeId(v.slice(1)) };
  if (/^data:/i.test(v)) return { data: v };
  if (v === '') return { refused: t('issue.image.svg.empty-ref') };
  return { refused: `"${v.length > 80 ? `${v.slice(0, 77)}…` : v}"` };
}

function decodeId(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/**
 * The references an attribute makes, or what is refused in it. `element` is the local name of the
 * element it is on (an <a>'s href only links, it loads nothing: http(s) and mailto pass there).
 */
export function attributeReferences(element: string, name: string, value: string): { refs: Reference[]; refused?: string } {
  if (URL_ATTRIBUTES.has(name)) {
    if (element === 'a' && name === 'href' && /^\s*(https?|mailto):/i.test(value)) return { refs: [] };
    const urls = name === 'srcset' ? srcsetUrls(value) : [value];
    const refs: Reference[] = [];
    for (const url of urls) {
      const found = classify(url);
      if ('refused' in found) return { refs, refused: t('issue.image.svg.ref-in-attribute', { what: found.refused, name }) };
      // An external document in <use> is not counted: only the file's own parts.
      if ('data' in found && element === 'use') return { refs, refused: t('issue.image.svg.data-in-use', { name }) };
      refs.push('id' in found ? { id: found.id, marker: false } : found);
    }
    return { refs };
  }
  if (CSS_ATTRIBUTES.has(name)) return cssReferences(name === 'style' ? value : `${name}:${value}`);
  return { refs: [] };
}

/** The URLs of a srcset (HTML's rule: a URL runs to white space; a comma ends it only at its end). */
function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  for (let at = 0; at < value.length; ) {
    while (at < value.length && /[\s,]/.test(value[at]!)) at++;
    const start = at;
    while (at < value.length && !/\s/.test(value[at]!)) at++;
    const url = value.slice(start, at);
    if (url) urls.push(url.replace(/,+$/, ''));
    if (url.endsWith(',')) continue;
    // The descriptors (1x, 300w) up to the next comma.
    while (at < value.length && value[at] !== ',') at++;
  }
  return urls;
}

/** CSS escapes decoded and comments removed, so that `u\72l(` or `@im/**\/port` hide nothing. */
function plainCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ')
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_m, hex: string) => String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff) || 0xfffd))
    .replace(/\\(.)/g, '$1');
}

/** The references of a CSS text (a sheet, a style attribute, `fill:url(#g)`). */
export function cssReferences(css: string): { refs: Reference[]; refused?: string } {
  const text = plainCss(css);
  if (/@import/i.test(text)) return { refs: [], refused: t('issue.image.svg.import') };
  const refs: Reference[] = [];
  // url(x), url("x"), url('x'); image-set("x" 1x, url(y) 2x) takes plain strings as URLs too.
  const pattern = /\b(url|image-set|-webkit-image-set)\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))/gi;
  for (const match of text.matchAll(pattern)) {
    const fn = match[1]!.toLowerCase();
    const targets = fn === 'url' ? [match[2] ?? match[3] ?? match[4] ?? ''] : [...argumentsOf(text, match.index + match[1]!.length).matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]!);
    for (const target of targets) {
      const found = classify(target);
      if ('refused' in found) return { refs, refused: t('issue.image.svg.ref-in-css', { what: found.refused, fn }) };
      // A marker property repeats the marker at every vertex of what it is on.
      const before = text.slice(Math.max(0, text.lastIndexOf(';', match.index) + 1, text.lastIndexOf('{', match.index) + 1), match.index);
      refs.push('id' in found ? { id: found.id, marker: /marker/i.test(before) } : found);
    }
  }
  return { refs };
}

/** The text between the parenthesis at `open` and the one that closes it (nested ones skipped). */
function argumentsOf(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** `<?xml-stylesheet href="…"?>`: only a data: sheet could be read, and bantin has no reason to. */
export function processingInstructionProblem(target: string, body: string): string | undefined {
  if (target.toLowerCase() !== 'xml-stylesheet') return undefined;
  const href = /href\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(body);
  return t('issue.image.svg.stylesheet', { href: href ? ` href="${href[1] ?? href[2]}"` : '' });
}

/** An upper bound of a shape's vertices, where markers are drawn: half the numbers of its geometry. */
export function vertexCount(attributes: Record<string, string>): number {
  return Math.max(2, Math.ceil((countNumbers(attributes.d) + countNumbers(attributes.points)) / 2));
}

/** Runs of digits and dots (an exponent's sign starts one more: an upper bound). Counted by hand: a map's path data runs to megabytes. */
function countNumbers(text: string | undefined): number {
  if (!text) return 0;
  let count = 0;
  let inNumber = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const numeric = (c >= 48 && c <= 57) || c === 46;
    if (numeric && !inNumber) count++;
    inNumber = numeric || (inNumber && (c === 101 || c === 69));
  }
  return count;
}

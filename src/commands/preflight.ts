/** The page's measurements (pdf/measure.ts) as warnings placed on the issue's lines. */
import { posix } from 'node:path';
import type { Diagnostic, PathSegment } from '../core/diagnostics.js';
import type { Issue } from '../issue/model.js';
import { diagnosticAt, pathAt, type IssueSource } from '../issue/source.js';
import { MIN_DPI, type Measurement } from '../print/measure.js';

export function preflightWarnings(measurement: Measurement, issue: Issue, source: IssueSource): Diagnostic[] {
  const pathOf = (id: string): PathSegment[] => issue.articles.find((a) => a.id === id)?.path ?? issue.parts.find((p) => p.id === id)?.path ?? [];
  const warn = (path: PathSegment[], message: string, code: string) => diagnosticAt(source, path, message, { code, severity: 'warning' });
  const warnings: Diagnostic[] = [];
  for (const o of measurement.overflows) {
    warnings.push(warn([...pathOf(o.id)], `text runs outside the page here ("${o.text}…"): shorten it or add spaces to long words or addresses`, 'overflow'));
  }
  for (const c of measurement.clipped) {
    const path: PathSegment[] = issue.cover.highlights.find((h) => h.id === c.id)?.path ?? ['cover'];
    warnings.push(warn(path, `the cover has no room for "${c.text}": feature fewer or shorter highlights`, 'cover-overflow'));
  }
  for (const image of measurement.images) {
    if (image.dpi >= MIN_DPI) continue;
    warnings.push(warn(imagePath(issue, image.src), `${image.src} prints at ${image.dpi} dpi (${image.widthMm} mm wide): below ${MIN_DPI} dpi it looks blurred; use a larger image`, 'image-resolution'));
  }
  return warnings;
}

/** The field that names an image: the first article that shows it, else the cover's, else the logo. */
function imagePath(issue: Issue, src: string): PathSegment[] {
  // The page reports the URL's path, normalised (`./x.png` → `x.png`).
  const same = (other: string | undefined) => other !== undefined && posix.normalize(other) === posix.normalize(src);
  const article = issue.articles.find((a) => same(a.image?.src));
  return article ? [...article.path, 'image', 'src'] : same(issue.cover.image?.src) ? ['cover', 'image', 'src'] : ['series', 'logo'];
}

/** Images Chromium could not decode (measure.ts), as errors on the lines that name them. */
export function brokenImageErrors(sources: readonly string[], issue: Issue, source: IssueSource): Diagnostic[] {
  const message = (src: string) => `"${src}" cannot be decoded by the browser (it would print as a broken-image icon): open it in an image editor and save it again as PNG or JPEG`;
  return sources.map((src) => diagnosticAt(source, imagePath(issue, src), message(src), { code: 'image' }));
}

/** Fonts of the machine in the PDF: some character is in none of bantin's fonts. */
export function fontWarnings(fonts: string[], source: IssueSource): Diagnostic[] {
  if (fonts.length === 0) return [];
  const message = `some characters are in none of bantin's fonts and were set in ${fonts.join(', ')} from this machine: the PDF will look different elsewhere. Replace them (e.g. with words), or check the text for pasted symbols`;
  return [diagnosticAt(source, [], message, { code: 'machine-font', severity: 'warning' })];
}

/** Links finishing left out (pdf/links.ts), each on the line of the field that holds its address, if one does. */
export function droppedLinkWarnings(targets: readonly string[], source: IssueSource): Diagnostic[] {
  return targets.map((target) => {
    const offset = source.text.indexOf(target);
    const message = `a link to ${JSON.stringify(target)} was left out of the PDF: it keeps only links to http(s) and mailto addresses and within the document (does the theme print this field as HTML, with {{{ }}}?)`;
    return diagnosticAt(source, offset >= 0 ? pathAt(source.doc, offset) : [], message, { code: 'link-dropped', severity: 'warning' });
  });
}

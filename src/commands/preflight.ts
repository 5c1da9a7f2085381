/** The page's measurements (pdf/measure.ts) as warnings placed on the issue's lines. */
import { posix } from 'node:path';
import type { Diagnostic, PathSegment } from '../core/diagnostics.js';
import type { Issue } from '../issue/model.js';
import { diagnosticAt, pathAt, type IssueSource } from '../issue/source.js';
import { MIN_DPI, type Measurement } from '../print/measure.js';
import { t } from '../core/i18n.js';

export function preflightWarnings(measurement: Measurement, issue: Issue, source: IssueSource): Diagnostic[] {
  const pathOf = (id: string): PathSegment[] => issue.articles.find((a) => a.id === id)?.path ?? issue.parts.find((p) => p.id === id)?.path ?? [];
  const warn = (path: PathSegment[], message: string, code: string) => diagnosticAt(source, path, message, { code, severity: 'warning' });
  const warnings: Diagnostic[] = [];
  for (const o of measurement.overflows) {
    warnings.push(warn([...pathOf(o.id)], t('commands.preflight.overflow', { text: o.text }), 'overflow'));
  }
  for (const c of measurement.clipped) {
    const path: PathSegment[] = issue.cover.highlights.find((h) => h.id === c.id)?.path ?? ['cover'];
    warnings.push(warn(path, t('commands.preflight.cover-overflow', { text: c.text }), 'cover-overflow'));
  }
  for (const image of measurement.images) {
    if (image.dpi >= MIN_DPI) continue;
    warnings.push(warn(imagePath(issue, image.src), t('commands.preflight.resolution', { src: image.src, dpi: image.dpi, mm: image.widthMm, min: MIN_DPI }), 'image-resolution'));
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
  const message = (src: string) => t('commands.preflight.broken-image', { src });
  return sources.map((src) => diagnosticAt(source, imagePath(issue, src), message(src), { code: 'image' }));
}

/** Fonts of the machine in the PDF: some character is in none of bantin's fonts. */
export function fontWarnings(fonts: string[], source: IssueSource): Diagnostic[] {
  if (fonts.length === 0) return [];
  const message = t('commands.preflight.machine-font', { fonts: fonts.join(', ') });
  return [diagnosticAt(source, [], message, { code: 'machine-font', severity: 'warning' })];
}

/** Links finishing left out (pdf/links.ts), each on the line of the field that holds its address, if one does. */
export function droppedLinkWarnings(targets: readonly string[], source: IssueSource): Diagnostic[] {
  return targets.map((target) => {
    const offset = source.text.indexOf(target);
    const message = t('commands.preflight.link-dropped', { target: JSON.stringify(target) });
    return diagnosticAt(source, offset >= 0 ? pathAt(source.doc, offset) : [], message, { code: 'link-dropped', severity: 'warning' });
  });
}

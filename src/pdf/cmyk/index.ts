/**
 * --cmyk: every colour of the printed PDF to DeviceCMYK, edited in place with pdf-lib.
 *
 * Why not Ghostscript's pdfwrite on the whole file (what --cmyk did first): pdfwrite rewrites
 * the document. Its MediaBox starts at 0,0, so the press profile's negative-origin boxes no
 * longer matched the artwork (a 10 mm shift); it re-encodes the fonts and lost their ToUnicode
 * maps (đ extracted as U+0012); it drops the structure tree that tagged output needs; and its
 * ICC conversion turns near-black text into four-colour black (278 % ink on 9 pt type). Editing
 * only the colours keeps fonts, text, boxes, outline, links and structure byte for byte, and
 * puts the black-ink rules in bantin's hands (./colour.ts). Ghostscript is still the
 * colour engine: it converts the list of flat colours and the images through its ICC profiles
 * (./ghostscript.ts), which is better colour than any formula bantin could write.
 */
import path from 'node:path';
import type { PDFDocument } from 'pdf-lib';
import type { Logger } from '../../core/logger.js';
import type { Issue } from '../../issue/model.js';
import { registerCleanup } from '../../core/cleanup.js';
import { flatPalette } from './colour.js';
import { convert, remainingRgb, survey } from './document.js';
import { convertWithGhostscript } from './ghostscript.js';
import { keepCmykJpegs, type IssueImage } from './jpeg.js';
import { dropUnreachable } from './streams.js';
import { ownFolder, removeFolder } from '../../core/owned.js';
import { t } from '../../core/i18n.js';

export { findGhostscript } from './ghostscript.js';
export { inlineStreamLengths } from './streams.js';

/** Converts the document in place (finishing saves it). */
export async function toCmyk(doc: PDFDocument, options: { issue: Issue; timeoutMs?: number; logger: Logger; images?: readonly IssueImage[]; overprint?: boolean }): Promise<void> {
  options.logger.progress(t('pdf.cmyk.converting'));
  // Before the survey: a CMYK JPEG put back is no longer an RGB image to convert.
  const kept = keepCmykJpegs(doc, options.images ?? []);
  if (kept > 0) options.logger.debug(`--cmyk: ${kept} CMYK JPEG ${kept === 1 ? 'image' : 'images'} kept as JPEG`);
  const found = survey(doc);
  const dir = await ownFolder('cmyk');
  const release = registerCleanup(() => removeFolder(dir));
  let table;
  try {
    table = await convertWithGhostscript({ colours: found.colours, images: found.images, context: doc.context, dir, timeoutMs: options.timeoutMs });
  } finally {
    release();
    await removeFolder(dir);
  }
  convert(doc, found, flatPalette(table), { overprint: options.overprint });
  dropUnreachable(doc);
  const left = remainingRgb(doc);
  if (left.length > 0) throw new Error(t('pdf.cmyk.rgb-left', { objects: left.join(', ') }));
  doc.setProducer(`${doc.getProducer() ?? ''}; CMYK by bantin with Ghostscript's ICC profiles`);
}

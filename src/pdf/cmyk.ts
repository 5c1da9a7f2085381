/**
 * --cmyk: every colour of the printed PDF to DeviceCMYK, edited in place with pdf-lib.
 *
 * Why not Ghostscript's pdfwrite on the whole file (what --cmyk did first): pdfwrite rewrites
 * the document. Its MediaBox starts at 0,0, so the press profile's negative-origin boxes no
 * longer matched the artwork (a 10 mm shift); it re-encodes the fonts and lost their ToUnicode
 * maps (đ extracted as U+0012); it drops the structure tree that tagged output needs; and its
 * ICC conversion turns near-black text into four-colour black (278 % ink on 9 pt type). Editing
 * only the colours keeps fonts, text, boxes, outline, links and structure byte for byte, and
 * puts the black-ink rules in bantin's hands (./cmyk-colour.ts). Ghostscript is still the
 * colour engine: it converts the list of flat colours and the images through its ICC profiles
 * (./cmyk-ghostscript.ts), which is better colour than any formula bantin could write.
 */
import path from 'node:path';
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { Logger } from '../cli/logger.js';
import type { Issue } from '../issue/model.js';
import { registerCleanup } from './cleanup.js';
import { flatPalette } from './cmyk-colour.js';
import { convert, remainingRgb, survey } from './cmyk-document.js';
import { convertWithGhostscript } from './cmyk-ghostscript.js';
import { dropUnreachable } from './cmyk-pdf.js';
import { ownFolder, removeFolder } from './owned.js';

export { findGhostscript } from './cmyk-ghostscript.js';
export { inlineStreamLengths } from './cmyk-pdf.js';

export async function toCmyk(pdf: Uint8Array, options: { issue: Issue; timeoutMs?: number; logger: Logger }): Promise<Uint8Array> {
  options.logger.progress('converting colours to CMYK');
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
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
  convert(doc, found, flatPalette(table));
  dropUnreachable(doc);
  const left = remainingRgb(doc);
  if (left.length > 0) throw new Error(`--cmyk left RGB colour spaces in objects ${left.join(', ')}`);
  doc.setProducer(`${doc.getProducer() ?? ''}; CMYK by bantin with Ghostscript's ICC profiles`);
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}

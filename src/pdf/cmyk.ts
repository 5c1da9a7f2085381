/**
 * --cmyk: every colour of the printed PDF to DeviceCMYK, by bantin itself with pdf-lib.
 *
 * Why not Ghostscript's pdfwrite on the whole file (what --cmyk did first): pdfwrite rewrites
 * the document. Its MediaBox starts at 0,0, so the press profile's negative-origin boxes no
 * longer matched the artwork (a 10 mm shift); it re-encodes the fonts and lost their ToUnicode
 * maps (đ extracted as U+0012); it drops the structure tree that tagged output needs; and its
 * ICC conversion turns near-black text into four-colour black (278 % ink on 9 pt type). Editing
 * only the colours keeps fonts, text, boxes, outline, links and structure byte for byte, and
 * makes the black rule ours (./cmyk-colour.ts). Ghostscript remains for JPEG photos only
 * (./cmyk-photos.ts), where an ICC conversion is what a photo wants and decoding JPEG in
 * JavaScript would bring a codec in.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Logger } from '../cli/logger.js';
import type { Issue } from '../issue/model.js';
import { registerCleanup } from './cleanup.js';
import { convertDocument, remainingRgb } from './cmyk-document.js';
import { convertPhotos } from './cmyk-photos.js';

export { findGhostscript, inlineStreamLengths } from './cmyk-photos.js';

export async function toCmyk(pdf: Uint8Array, options: { issue: Issue; timeoutMs?: number; logger: Logger }): Promise<Uint8Array> {
  options.logger.progress('converting colours to CMYK');
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const photos = convertDocument(doc);
  if (photos.length > 0) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-cmyk-'));
    const release = registerCleanup(() => rm(dir, { recursive: true, force: true }));
    try {
      options.logger.progress(`converting ${photos.length} JPEG photo(s) to CMYK with Ghostscript`);
      await convertPhotos(photos, doc.context, { dir, timeoutMs: options.timeoutMs });
    } finally {
      release();
      await rm(dir, { recursive: true, force: true });
    }
  }
  const left = remainingRgb(doc);
  if (left.length > 0) throw new Error(`--cmyk left RGB colour spaces in objects ${[...new Set(left)].join(', ')}`);
  doc.setProducer(`${doc.getProducer() ?? ''}; CMYK by bantin`);
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}

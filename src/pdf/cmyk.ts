/**
 * --cmyk: Ghostscript's pdfwrite converts every colour to DeviceCMYK (ColorConversionStrategy
 * CMYK, its default_cmyk.icc, /prepress settings: fonts stay embedded, images kept at full
 * resolution). The result is a CMYK PDF, not a certified PDF/X file. Ghostscript rewrites the
 * document, so bantin puts back the page boxes and metadata it had set.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ParseSpeeds, PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import type { Logger } from '../cli/logger.js';
import { UserError } from '../issue/diagnostics.js';
import type { Issue } from '../issue/model.js';
import { registerCleanup } from './cleanup.js';
import { ownChild, ownFolder, removeFolder } from './owned.js';

const run = promisify(execFile);

export function findGhostscript(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = dir && path.join(dir, 'gs');
    if (file && existsSync(file)) return file;
  }
  return undefined;
}

export async function toCmyk(pdf: Uint8Array, options: { issue: Issue; timeoutMs?: number; logger: Logger }): Promise<Uint8Array> {
  const gs = findGhostscript();
  if (!gs) {
    throw new UserError('--cmyk needs Ghostscript, which is not installed: apt-get install ghostscript (or build without --cmyk and let the print shop convert)');
  }
  const dir = await ownFolder('cmyk');
  const release = registerCleanup(() => removeFolder(dir));
  try {
    const input = path.join(dir, 'rgb.pdf');
    const output = path.join(dir, 'cmyk.pdf');
    await writeFile(input, pdf);
    options.logger.progress('converting to CMYK with Ghostscript');
    try {
      // Recorded: Ghostscript dies with bantin (signal, error, exit).
      const running = run(
        gs,
        ['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', '-sDEVICE=pdfwrite', '-dPDFSETTINGS=/prepress', '-sColorConversionStrategy=CMYK', '-sProcessColorModel=DeviceCMYK', '-dAutoRotatePages=/None', `-sOutputFile=${output}`, input],
        { timeout: options.timeoutMs ?? 120_000 },
      );
      const forget = ownChild(running.child);
      try {
        await running;
      } finally {
        forget();
      }
    } catch (error) {
      throw new UserError(`Ghostscript could not convert the PDF to CMYK: ${(error as Error).message.split('\n')[0]}`);
    }
    return await restore(pdf, inlineStreamLengths(await readFile(output)));
  } finally {
    release();
    await removeFolder(dir);
  }
}

/**
 * Ghostscript writes each stream's /Length as an object of its own, after the stream. pdf-lib
 * then finds the stream's end by searching for "endstream" and drops a last data byte that
 * happens to be a carriage return, corrupting the stream. The numbers are put in place of the
 * references (pdf-lib reads objects in order and ignores the cross-reference offsets).
 */
export function inlineStreamLengths(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const lengths = new Map<string, string>();
  for (const m of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\s*(\d+)\s*endobj/g)) lengths.set(m[1]!, m[2]!);
  const fixed = text.replace(/(\bobj\s*<<[^<>]{0,200}?\/Length\s+)(\d+) 0 R/g, (all, head: string, ref: string) => (lengths.has(ref) ? `${head}${lengths.get(ref)}` : all));
  return Buffer.from(fixed, 'latin1');
}

/** Page boxes and document information from the original onto Ghostscript's output. */
async function restore(original: Uint8Array, converted: Uint8Array): Promise<Uint8Array> {
  const [from, to] = await Promise.all([PDFDocument.load(original, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }), PDFDocument.load(converted, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest })]);
  const source = from.getPages();
  to.getPages().forEach((page, i) => {
    const was = source[i];
    if (!was) return;
    const set = (box: { x: number; y: number; width: number; height: number }, apply: (x: number, y: number, w: number, h: number) => void) => apply(box.x, box.y, box.width, box.height);
    set(was.getMediaBox(), page.setMediaBox.bind(page));
    set(was.getCropBox(), page.setCropBox.bind(page));
    set(was.getBleedBox(), page.setBleedBox.bind(page));
    set(was.getTrimBox(), page.setTrimBox.bind(page));
  });
  // Chromium's pages and forms blend transparency in RGB; Ghostscript keeps those groups as they were.
  for (const [, object] of to.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    const group = dict?.get(PDFName.of('S')) === PDFName.of('Transparency') ? dict : dict?.lookupMaybe(PDFName.of('Group'), PDFDict);
    if (group?.get(PDFName.of('CS')) === PDFName.of('DeviceRGB')) group.set(PDFName.of('CS'), PDFName.of('DeviceCMYK'));
  }
  to.setTitle(from.getTitle() ?? '', { showInWindowTitleBar: true });
  to.setAuthor(from.getAuthor() ?? '');
  to.setSubject(from.getSubject() ?? '');
  to.setKeywords([from.getKeywords() ?? '']);
  to.setCreator(from.getCreator() ?? '');
  to.setProducer(`${from.getProducer() ?? ''}; CMYK by Ghostscript`);
  const created = from.getCreationDate();
  if (created) to.setCreationDate(created);
  const modified = from.getModificationDate();
  if (modified) to.setModificationDate(modified);
  const lang = from.catalog.get(PDFName.of('Lang'));
  if (lang) to.catalog.set(PDFName.of('Lang'), lang);
  return to.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}

/**
 * JPEG photos to CMYK JPEG with Ghostscript (its default sRGB → CMYK ICC profiles), all in one
 * run: each photo becomes one page of a scratch PDF at one point per pixel, so nothing is
 * resampled, and the converted image streams are put back in place of the originals (their
 * soft masks and every reference to them stay). Only the photos go through Ghostscript; the
 * document itself (fonts, text, structure) never does.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFContext } from 'pdf-lib';
import { UserError } from '../issue/diagnostics.js';
import type { Photo } from './cmyk-document.js';

const run = promisify(execFile);
const N = (name: string) => PDFName.of(name);
/** The keys that describe an image's data; everything else (SMask, Interpolate…) is kept. */
const DATA_KEYS = ['Width', 'Height', 'ColorSpace', 'BitsPerComponent', 'Filter', 'DecodeParms', 'Decode'];

export function findGhostscript(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = dir && path.join(dir, 'gs');
    if (file && existsSync(file)) return file;
  }
  return undefined;
}

export async function convertPhotos(photos: Photo[], context: PDFContext, options: { dir: string; timeoutMs?: number }): Promise<void> {
  if (photos.length === 0) return;
  const gs = findGhostscript();
  if (!gs) {
    throw new UserError('--cmyk needs Ghostscript to convert the JPEG photos, and it is not installed: apt-get install ghostscript (or build without --cmyk and let the print shop convert)');
  }
  const input = path.join(options.dir, 'photos-rgb.pdf');
  const output = path.join(options.dir, 'photos-cmyk.pdf');
  await writeFile(input, await scratchPdf(photos));
  try {
    await run(
      gs,
      ['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', '-sDEVICE=pdfwrite', '-dPDFSETTINGS=/prepress', '-sColorConversionStrategy=CMYK', '-sProcessColorModel=DeviceCMYK', '-dDownsampleColorImages=false', '-dAutoFilterColorImages=false', '-sColorImageFilter=DCTEncode', '-dPassThroughJPEGImages=false', `-sOutputFile=${output}`, input],
      { timeout: options.timeoutMs ?? 120_000 },
    );
  } catch (error) {
    throw new UserError(`Ghostscript could not convert the photos to CMYK: ${(error as Error).message.split('\n')[0]}`);
  }
  const converted = await PDFDocument.load(inlineStreamLengths(await readFile(output)), { updateMetadata: false });
  converted.getPages().forEach((page, i) => {
    const photo = photos[i]!;
    const image = firstImage(page.node.Resources());
    const same = (key: string) => image?.dict.lookup(N(key), PDFNumber).asNumber() === photo.image.dict.lookup(N(key), PDFNumber).asNumber();
    if (!image || !same('Width') || !same('Height') || !(image.dict.lookup(N('ColorSpace')) instanceof PDFName)) {
      throw new Error(`Ghostscript's CMYK photo ${i + 1} is not a plain DeviceCMYK image of the same size`);
    }
    const dict = photo.image.dict;
    for (const key of DATA_KEYS) {
      const value = image.dict.lookup(N(key));
      if (value === undefined) dict.delete(N(key));
      else dict.set(N(key), value instanceof PDFName || value instanceof PDFNumber ? value : context.obj(numbersOrNames(value) as (number | string)[]));
    }
    context.assign(photo.ref, PDFRawStream.of(dict, image.contents));
  });
}

/** One page per photo, one point per pixel, the photo without its mask. */
async function scratchPdf(photos: Photo[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (const { image } of photos) {
    const size = (key: string) => image.dict.lookup(N(key), PDFNumber).asNumber();
    const dict = doc.context.obj({ Type: 'XObject', Subtype: 'Image', Width: size('Width'), Height: size('Height'), ColorSpace: 'DeviceRGB', BitsPerComponent: 8, Filter: 'DCTDecode' });
    const ref = doc.context.register(PDFRawStream.of(dict, image.contents));
    const page = doc.addPage([size('Width'), size('Height')]);
    page.node.setXObject(N('Im0'), ref);
    const content = doc.context.register(doc.context.stream(`q ${size('Width')} 0 0 ${size('Height')} 0 0 cm /Im0 Do Q`));
    page.node.set(N('Contents'), content);
  }
  return doc.save({ useObjectStreams: false });
}

function firstImage(resources: PDFDict | undefined): PDFRawStream | undefined {
  const xobjects = resources?.lookupMaybe(N('XObject'), PDFDict);
  for (const [, ref] of xobjects?.entries() ?? []) {
    const object = xobjects!.context.lookup(ref);
    if (!(object instanceof PDFRawStream)) continue;
    if (object.dict.lookup(N('Subtype')) === N('Image')) return object;
    const inner = firstImage(object.dict.lookupMaybe(N('Resources'), PDFDict));
    if (inner) return inner;
  }
  return undefined;
}

/** A direct array of numbers and names (Decode, Filter lists) as plain values for context.obj. */
function numbersOrNames(value: unknown): unknown {
  if (value instanceof PDFNumber) return value.asNumber();
  if (value instanceof PDFName) return value.decodeText();
  if (value && typeof (value as { asArray?: unknown }).asArray === 'function') return (value as { asArray(): unknown[] }).asArray().map(numbersOrNames);
  throw new Error('unexpected value in a converted image dictionary');
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

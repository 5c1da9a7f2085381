/**
 * Ghostscript as a colour engine for --cmyk: its ICC conversion (sRGB, or an image's own
 * profile, → default_cmyk.icc) for the document's flat colours and its RGB images, never for
 * the document itself. bantin writes a scratch PDF with one page per colour (a 1 pt square) and
 * one per image (drawn without its mask; nothing is resampled), runs pdfwrite on it, and reads
 * the CMYK values and image streams back. Lossless images stay lossless (Flate), JPEG photos
 * stay JPEG, in a second run, since pdfwrite takes one image filter per run.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';
import { UserError } from '../../core/diagnostics.js';
import { colourKey, formatNumber, grayToCmyk, type Cmyk } from './colour.js';
import { tokens } from '../content-stream.js';
import type { RgbImage } from './document.js';
import { isJpeg } from './images.js';
import { inlineStreamLengths, streamBytes } from './streams.js';
import { ownChild } from '../../core/owned.js';
import { t } from '../../core/i18n.js';

const run = promisify(execFile);
const N = (name: string) => PDFName.of(name);
/** The keys that describe an image's data; the others (SMask, Interpolate, …) are kept. */
const DATA_KEYS = ['Width', 'Height', 'ColorSpace', 'BitsPerComponent', 'Filter', 'DecodeParms', 'Decode'];

/** Ghostscript's command-line program: `gs`, or on Windows `gswin64c.exe` (its installer's name). */
const GS_NAMES = process.platform === 'win32' ? ['gswin64c.exe', 'gswin32c.exe', 'gs.exe'] : ['gs'];

export function findGhostscript(): string | undefined {
  for (const name of GS_NAMES) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      const file = dir && path.join(dir, name);
      if (file && existsSync(file)) return file;
    }
  }
  return undefined;
}

export interface Job {
  colours: [number, number, number][];
  images: RgbImage[];
  context: PDFContext;
  dir: string;
  timeoutMs?: number;
}

/** Converts the images in place and returns the colours' CMYK values by colourKey. */
export async function convertWithGhostscript(job: Job): Promise<Map<string, Cmyk>> {
  const gs = findGhostscript();
  if (!gs) throw new UserError(t('pdf.cmyk.no-ghostscript'));
  const lossless = job.images.filter((i) => !isJpeg(i.image));
  const photos = job.images.filter((i) => isJpeg(i.image));
  const table = new Map<string, Cmyk>();
  await Promise.all([
    pass(gs, job, { name: 'flat', colours: job.colours, images: lossless, filter: 'FlateEncode' }, (pages) => {
      job.colours.forEach((rgb, i) => {
        const cmyk = pageColour(pages[i]!);
        if (cmyk) table.set(colourKey(...rgb), cmyk);
      });
      lossless.forEach((image, i) => replaceImage(image, pages[job.colours.length + i]!, job.context));
    }),
    pass(gs, job, { name: 'photos', colours: [], images: photos, filter: 'DCTEncode' }, (pages) => photos.forEach((image, i) => replaceImage(image, pages[i]!, job.context))),
  ]);
  return table;
}

type Page = ReturnType<PDFDocument['getPages']>[number];

async function pass(gs: string, job: Job, what: { name: string; colours: [number, number, number][]; images: RgbImage[]; filter: string }, read: (pages: Page[]) => void): Promise<void> {
  if (what.colours.length + what.images.length === 0) return;
  const input = path.join(job.dir, `${what.name}-rgb.pdf`);
  const output = path.join(job.dir, `${what.name}-cmyk.pdf`);
  await writeFile(input, await scratchPdf(what.colours, what.images));
  try {
    // Recorded: Ghostscript dies with bantin (signal, error, exit).
    const running = run(
      gs,
      ['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', '-sDEVICE=pdfwrite', '-dPDFSETTINGS=/prepress', '-sColorConversionStrategy=CMYK', '-sProcessColorModel=DeviceCMYK', '-dDownsampleColorImages=false', '-dConvertImagesToIndexed=false', '-dMaxInlineImageSize=0', '-dPassThroughJPEGImages=false', '-dAutoFilterColorImages=false', `-sColorImageFilter=${what.filter}`, `-sOutputFile=${output}`, input],
      { timeout: job.timeoutMs ?? 120_000 },
    );
    const forget = ownChild(running.child);
    try {
      await running;
    } finally {
      forget();
    }
  } catch (error) {
    // Its own words (stderr), not the command line execFile puts in its message.
    const e = error as Error & { stderr?: string; signal?: string | null; killed?: boolean };
    const why = e.signal ? t(e.killed ? 'pdf.cmyk.stopped-timeout' : 'pdf.cmyk.stopped', { signal: e.signal }) : (e.stderr?.trim().split('\n')[0] || e.message.split('\n')[0]);
    throw new UserError(t('pdf.cmyk.failed', { reason: String(why) }));
  }
  const converted = await PDFDocument.load(inlineStreamLengths(await readFile(output)), { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const pages = converted.getPages();
  if (pages.length !== what.colours.length + what.images.length) throw new Error(`Ghostscript returned ${pages.length} pages for ${what.colours.length + what.images.length}`);
  read(pages);
}

/** One 1 pt page per colour, then one page per image (at most 1000 pt wide), masks left out. */
async function scratchPdf(colours: [number, number, number][], images: RgbImage[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const context = doc.context;
  for (const rgb of colours) {
    const page = doc.addPage([1, 1]);
    page.node.set(N('Contents'), context.register(context.stream(`${rgb.map(formatNumber).join(' ')} rg 0 0 1 1 re f`)));
  }
  for (const { image } of images) {
    const copy = context.obj({ Type: 'XObject', Subtype: 'Image' });
    for (const key of DATA_KEYS) {
      const value = image.dict.get(N(key));
      if (value !== undefined) copy.set(N(key), cloneInto(value, image.dict.context, context));
    }
    const ref = context.register(PDFRawStream.of(copy, image.contents));
    const w = copy.lookup(N('Width'), PDFNumber).asNumber();
    const h = copy.lookup(N('Height'), PDFNumber).asNumber();
    const scale = Math.min(1, 1000 / Math.max(w, h));
    const page = doc.addPage([w * scale, h * scale]);
    page.node.setXObject(N('Im0'), ref);
    page.node.set(N('Contents'), context.register(context.stream(`q ${formatNumber(w * scale)} 0 0 ${formatNumber(h * scale)} 0 0 cm /Im0 Do Q`)));
  }
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

/** A value from one document's context into another's, indirect objects (an ICC profile) copied. */
function cloneInto(value: PDFObject, from: PDFContext, to: PDFContext): PDFObject {
  if (value instanceof PDFRef) {
    const target = from.lookup(value);
    if (target instanceof PDFRawStream) return to.register(PDFRawStream.of(cloneInto(target.dict, from, to) as PDFDict, target.contents));
    return target ? cloneInto(target, from, to) : value;
  }
  if (value instanceof PDFArray) return to.obj(value.asArray().map((item) => cloneInto(item, from, to)));
  if (value instanceof PDFDict) {
    const dict = to.obj({});
    for (const [key, item] of value.entries()) if (key !== N('Length')) dict.set(key, cloneInto(item, from, to));
    return dict;
  }
  return value.clone(to);
}

/** The colour a page's square was filled with, from pdfwrite's k or g operator. */
function pageColour(page: Page): Cmyk | undefined {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => page.doc.context.lookup(r)) : [contents];
  let colour: Cmyk | undefined;
  for (const stream of streams) {
    if (!(stream instanceof PDFStream)) continue;
    const text = Buffer.from(stream instanceof PDFRawStream ? streamBytes(stream) : stream.getContents()).toString('latin1');
    let operands: string[] = [];
    for (const token of tokens(text)) {
      if (/^[+\-.\d]/.test(token.text)) operands.push(token.text);
      else {
        const values = operands.map(Number);
        if (token.text === 'k' && values.length === 4) colour = values as Cmyk;
        if (token.text === 'g' && values.length === 1) colour = grayToCmyk(values[0]!);
        operands = [];
      }
    }
  }
  return colour;
}

/** Puts pdfwrite's CMYK version of an image in place of the original, keeping its mask. */
function replaceImage(original: RgbImage, page: Page, context: PDFContext): void {
  const image = firstImage(page.node.Resources());
  const number = (dict: PDFDict, key: string) => dict.lookup(N(key), PDFNumber).asNumber();
  if (!image || number(image.dict, 'Width') !== number(original.image.dict, 'Width') || number(image.dict, 'Height') !== number(original.image.dict, 'Height') || image.dict.lookup(N('ColorSpace')) !== N('DeviceCMYK')) {
    throw new Error(t('pdf.cmyk.gs-image'));
  }
  const dict = original.image.dict;
  for (const key of DATA_KEYS) {
    const value = image.dict.get(N(key));
    if (value === undefined) dict.delete(N(key));
    else dict.set(N(key), cloneInto(value, image.dict.context, context));
  }
  context.assign(original.ref, PDFRawStream.of(dict, image.contents));
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

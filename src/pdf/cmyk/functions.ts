/**
 * Shadings (gradients) and their functions from DeviceRGB to DeviceCMYK. Chromium writes axial
 * and radial gradients as type 2 functions (C0 → C1), stitched by type 3, and other gradients as
 * PostScript calculator functions (type 4); type 0 (sampled, 8 bit) is converted too. End
 * points of type 2 go through the palette (like flat colours, so a gradient meets a fill of the
 * same colour without a seam); types 4 and 0 use the fallback formula.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';
import { rgbToCmyk, RGB_TO_CMYK_POSTSCRIPT, type Palette } from './colour.js';
import { isRgbSpace, streamBytes, writeStream } from './streams.js';
import { t } from '../../core/i18n.js';

const N = (name: string) => PDFName.of(name);

/** Converts a shading dictionary (or shading stream's dictionary) in place. */
export function convertShading(shading: PDFDict, context: PDFContext, done: Set<PDFObject>, palette: Palette): void {
  if (!isRgbSpace(shading.get(N('ColorSpace')), context)) return;
  const fn = shading.get(N('Function'));
  if (fn === undefined) throw new Error(t('pdf.cmyk.mesh', { type: String(shading.get(N('ShadingType'))) }));
  convertFunction(fn, context, done, palette);
  const background = shading.lookupMaybe(N('Background'), PDFArray);
  if (background) shading.set(N('Background'), cmykArray(context, numbersOf(background), palette));
  shading.set(N('ColorSpace'), N('DeviceCMYK'));
}

function convertFunction(object: PDFObject, context: PDFContext, done: Set<PDFObject>, palette: Palette): void {
  const ref = object instanceof PDFRef ? object : undefined;
  const target = ref ? context.lookup(ref) : object;
  if (target === undefined || done.has(object) || done.has(target)) return;
  done.add(object);
  done.add(target);
  if (target instanceof PDFArray) throw new Error(t('pdf.cmyk.per-component'));
  const dict = target instanceof PDFStream ? target.dict : target instanceof PDFDict ? target : undefined;
  if (!dict) return;
  const type = dict.lookup(N('FunctionType'), PDFNumber).asNumber();
  if (type === 2) {
    for (const key of ['C0', 'C1']) {
      const values = dict.lookupMaybe(N(key), PDFArray);
      dict.set(N(key), cmykArray(context, values ? numbersOf(values) : key === 'C0' ? [0, 0, 0] : [1, 1, 1], palette));
    }
  } else if (type === 3) {
    const parts = dict.lookup(N('Functions'), PDFArray);
    for (let i = 0; i < parts.size(); i++) convertFunction(parts.get(i), context, done, palette);
  } else if (type === 4 && target instanceof PDFRawStream && ref) {
    const program = Buffer.from(streamBytes(target)).toString('latin1');
    const body = program.slice(program.indexOf('{') + 1, program.lastIndexOf('}'));
    dict.set(N('Range'), context.obj([0, 1, 0, 1, 0, 1, 0, 1]));
    writeStream(context, ref, target, Buffer.from(`{${body}\n${RGB_TO_CMYK_POSTSCRIPT}\n}`, 'latin1'));
  } else if (type === 0 && target instanceof PDFRawStream && ref && dict.lookup(N('BitsPerSample'), PDFNumber).asNumber() === 8) {
    const samples = streamBytes(target);
    const out = new Uint8Array((samples.length / 3) * 4);
    for (let i = 0, o = 0; i + 2 < samples.length; i += 3, o += 4) {
      const cmyk = rgbToCmyk(samples[i]! / 255, samples[i + 1]! / 255, samples[i + 2]! / 255);
      for (let k = 0; k < 4; k++) out[o + k] = Math.round(cmyk[k]! * 255);
    }
    dict.set(N('Range'), context.obj([0, 1, 0, 1, 0, 1, 0, 1]));
    dict.delete(N('Decode'));
    writeStream(context, ref, target, out);
  } else {
    throw new Error(t('pdf.cmyk.function-type', { type }));
  }
}

function numbersOf(array: PDFArray): number[] {
  return array.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : 0));
}

function cmykArray(context: PDFContext, rgb: number[], palette: Palette): PDFArray {
  return context.obj(palette(rgb[0] ?? 0, rgb[1] ?? 0, rgb[2] ?? 0));
}

/** The flat colours of an RGB shading (type 2 end points, background), to ask the profile for. */
export function shadingColours(shading: PDFDict, context: PDFContext, add: (rgb: number[]) => void): void {
  if (!isRgbSpace(shading.get(N('ColorSpace')), context)) return;
  const background = shading.lookupMaybe(N('Background'), PDFArray);
  if (background) add(numbersOf(background));
  const visit = (object: PDFObject | undefined): void => {
    const target = object instanceof PDFRef ? context.lookup(object) : object;
    const dict = target instanceof PDFStream ? target.dict : target instanceof PDFDict ? target : undefined;
    const type = dict?.lookup(N('FunctionType'));
    if (!dict || !(type instanceof PDFNumber)) return;
    if (type.asNumber() === 2) for (const key of ['C0', 'C1']) add(numbersOf(dict.lookupMaybe(N(key), PDFArray) ?? context.obj(key === 'C0' ? [0, 0, 0] : [1, 1, 1])));
    if (type.asNumber() === 3) dict.lookup(N('Functions'), PDFArray).asArray().forEach(visit);
  };
  visit(shading.get(N('Function')));
}

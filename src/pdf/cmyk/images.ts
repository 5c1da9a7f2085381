/**
 * Image helpers for --cmyk. The images themselves go through Ghostscript (./cmyk-ghostscript.ts);
 * only indexed palettes, a few bytes, are converted here with the fallback formula. Soft masks
 * (alpha) are grey and stay as they are.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFString, PDFHexString, type PDFContext, type PDFRef } from 'pdf-lib';
import { rgbToCmyk } from './colour.js';
import { isRgbSpace, streamBytes, writeStream } from './streams.js';
import { t } from '../../core/i18n.js';

const N = (name: string) => PDFName.of(name);

export function isJpeg(image: PDFRawStream): boolean {
  const filter = image.dict.lookup(N('Filter'));
  const names = filter instanceof PDFArray ? filter.asArray() : [filter];
  return names.includes(N('DCTDecode'));
}

export function rgbPixelsToCmyk(rgb: Uint8Array): Uint8Array {
  const out = new Uint8Array((rgb.length / 3) * 4);
  const cache = new Map<number, number>();
  for (let i = 0, o = 0; i + 2 < rgb.length; i += 3, o += 4) {
    const key = (rgb[i]! << 16) | (rgb[i + 1]! << 8) | rgb[i + 2]!;
    let packed = cache.get(key);
    if (packed === undefined) {
      const [c, m, y, k] = rgbToCmyk(rgb[i]! / 255, rgb[i + 1]! / 255, rgb[i + 2]! / 255).map((v) => Math.round(v * 255));
      packed = ((c! << 24) | (m! << 16) | (y! << 8) | k!) >>> 0;
      if (cache.size < 1 << 16) cache.set(key, packed);
    }
    out[o] = packed >>> 24;
    out[o + 1] = (packed >>> 16) & 0xff;
    out[o + 2] = (packed >>> 8) & 0xff;
    out[o + 3] = packed & 0xff;
  }
  return out;
}

/** [/Indexed base hival lookup] with an RGB base: its palette becomes CMYK. */
export function convertIndexed(space: PDFArray, context: PDFContext): boolean {
  if (space.lookup(0) !== N('Indexed') || !isRgbSpace(space.get(1), context)) return false;
  const lookup = space.lookup(3);
  const table =
    lookup instanceof PDFRawStream ? streamBytes(lookup) : lookup instanceof PDFString || lookup instanceof PDFHexString ? lookup.asBytes() : undefined;
  if (!table) throw new Error(t('pdf.cmyk.indexed'));
  space.set(1, N('DeviceCMYK'));
  space.set(3, PDFHexString.of(Buffer.from(rgbPixelsToCmyk(table)).toString('hex')));
  return true;
}

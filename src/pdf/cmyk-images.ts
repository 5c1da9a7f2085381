/**
 * RGB images to CMYK. Lossless images (Flate or uncompressed, 8 bits) are converted pixel by
 * pixel with the same formula as flat colours, so a decoration drawn as an image matches the
 * colour beside it. JPEG photos are left to ./cmyk-photos.ts (Ghostscript, ICC profiles), which
 * keeps them JPEG. Soft masks (alpha) are grey and stay as they are.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFString, PDFHexString, type PDFContext, type PDFRef } from 'pdf-lib';
import { rgbToCmyk } from './cmyk-colour.js';
import { isRgbSpace, streamBytes, writeStream } from './cmyk-pdf.js';

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

/** Converts a lossless RGB image in place; returns false for a JPEG (converted elsewhere). */
export function convertImage(ref: PDFRef, image: PDFRawStream, context: PDFContext): boolean {
  const dict = image.dict;
  if (isJpeg(image)) return false;
  const bits = dict.lookup(N('BitsPerComponent'));
  if (!(bits instanceof PDFNumber) || bits.asNumber() !== 8) throw new Error('--cmyk can convert 8-bit RGB images only');
  if (dict.lookup(N('Decode')) || dict.lookup(N('Mask')) instanceof PDFArray) throw new Error('--cmyk cannot convert an RGB image with a Decode array or a colour-key mask');
  writeStream(context, ref, image, rgbPixelsToCmyk(streamBytes(image)));
  dict.set(N('ColorSpace'), N('DeviceCMYK'));
  return true;
}

/** [/Indexed base hival lookup] with an RGB base: its palette becomes CMYK. */
export function convertIndexed(space: PDFArray, context: PDFContext): boolean {
  if (space.lookup(0) !== N('Indexed') || !isRgbSpace(space.get(1), context)) return false;
  const lookup = space.lookup(3);
  const table =
    lookup instanceof PDFRawStream ? streamBytes(lookup) : lookup instanceof PDFString || lookup instanceof PDFHexString ? lookup.asBytes() : undefined;
  if (!table) throw new Error('--cmyk cannot read an indexed colour space');
  space.set(1, N('DeviceCMYK'));
  space.set(3, PDFHexString.of(Buffer.from(rgbPixelsToCmyk(table)).toString('hex')));
  return true;
}

export function isImage(dict: PDFDict): boolean {
  return dict.lookup(N('Subtype')) === N('Image');
}

/**
 * A CMYK JPEG of the issue stays the JPEG it was under --cmyk. Chromium decodes a CMYK JPEG and
 * prints its pixels as RGB, losslessly (a 117 KB photo came out 335 KB once converted back to
 * CMYK); the original's data is already what the press wants. So the print's image made from it
 * is put back to the file's own JPEG data (DCTDecode, DeviceCMYK), before the colours are
 * surveyed. The picture in the print is known by its size in pixels: only when no other image
 * of the issue, and no other image of the print, has that size (a logo of a theme could), so a
 * match is never a guess; otherwise the image is converted as any other.
 */
import { PDFArray, PDFName, PDFNumber, PDFRawStream, type PDFContext, type PDFDocument, type PDFRef } from 'pdf-lib';
import { spaceKind } from './streams.js';

const N = (name: string) => PDFName.of(name);

export interface CmykJpeg {
  width: number;
  height: number;
  /** The JPEG without its metadata segments (EXIF, XMP, ICC profile, comments): PDF reads none of them. */
  data: Uint8Array;
  /** Adobe's APP14 marker: Photoshop's CMYK JPEGs store inverted values, which /Decode turns back. */
  inverted: boolean;
}

/** The file as a CMYK JPEG, or undefined when it is not one (RGB, grey, damaged). */
export function cmykJpeg(bytes: Uint8Array): CmykJpeg | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  const kept: Buffer[] = [b.subarray(0, 2)];
  let frame: { width: number; height: number; components: number } | undefined;
  let inverted = false;
  for (let pos = 2; pos + 4 <= b.length; ) {
    if (b[pos] !== 0xff) return undefined;
    const marker = b[pos + 1]!;
    if (marker === 0xff) {
      pos++;
      continue;
    }
    const end = pos + 2 + b.readUInt16BE(pos + 2);
    if (end > b.length) return undefined;
    if (marker === 0xda) {
      kept.push(b.subarray(pos));
      break;
    }
    if (marker >= 0xc0 && marker <= 0xc2) frame = { height: b.readUInt16BE(pos + 5), width: b.readUInt16BE(pos + 7), components: b[pos + 9]! };
    if (marker === 0xee && b.toString('latin1', pos + 4, pos + 9) === 'Adobe') inverted = true;
    // APP1–APP13, APP15 and comments carry metadata only; APP0 (JFIF) and APP14 (Adobe) tell decoders how to read the data.
    const metadata = (marker >= 0xe1 && marker <= 0xed) || marker === 0xef || marker === 0xfe;
    if (!metadata) kept.push(b.subarray(pos, end));
    pos = end;
  }
  if (!frame || frame.components !== 4) return undefined;
  return { width: frame.width, height: frame.height, data: Buffer.concat(kept), inverted };
}

/** The issue's images as the check read them (issue/assets.ts). */
export interface IssueImage {
  type: string;
  width?: number;
  height?: number;
  bytes?: Uint8Array;
}

/** Puts each CMYK JPEG of the issue back in place of the print's decoded copy; returns how many images were replaced. */
export function keepCmykJpegs(doc: PDFDocument, images: readonly IssueImage[]): number {
  const sizeOf = (w: number | undefined, h: number | undefined) => `${w}×${h}`;
  const issueSizes = new Map<string, number>();
  for (const image of images) issueSizes.set(sizeOf(image.width, image.height), (issueSizes.get(sizeOf(image.width, image.height)) ?? 0) + 1);
  const printed = new Map<string, Array<{ ref: PDFRef; image: PDFRawStream }>>();
  const context = doc.context;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || object.dict.get(N('Subtype')) !== N('Image')) continue;
    const size = sizeOf(number(object, 'Width'), number(object, 'Height'));
    printed.set(size, [...(printed.get(size) ?? []), { ref, image: object }]);
  }
  let replaced = 0;
  for (const image of images) {
    const jpeg = image.type === 'jpg' && image.bytes ? cmykJpeg(image.bytes) : undefined;
    if (!jpeg) continue;
    const size = sizeOf(jpeg.width, jpeg.height);
    const copies = printed.get(size) ?? [];
    // One picture: Chromium may write the same image more than once, always with the same data.
    const one = copies.length > 0 && copies.every((c) => sameBytes(c.image.contents, copies[0]!.image.contents));
    if (issueSizes.get(size) !== 1 || !one || !copies.every((c) => isDecodedCopy(c.image, context))) continue;
    for (const { ref, image: copy } of copies) {
      const dict = copy.dict;
      for (const key of ['Filter', 'DecodeParms', 'ColorSpace', 'BitsPerComponent', 'Decode', 'Length']) dict.delete(N(key));
      dict.set(N('Filter'), N('DCTDecode'));
      dict.set(N('ColorSpace'), N('DeviceCMYK'));
      dict.set(N('BitsPerComponent'), PDFNumber.of(8));
      if (jpeg.inverted) dict.set(N('Decode'), context.obj([1, 0, 1, 0, 1, 0, 1, 0]));
      context.assign(ref, PDFRawStream.of(dict, jpeg.data));
      replaced++;
    }
  }
  return replaced;
}

/** What Chromium makes of a CMYK JPEG: 8-bit RGB pixels, not a JPEG. */
function isDecodedCopy(image: PDFRawStream, context: PDFContext): boolean {
  const filter = image.dict.lookup(N('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : [filter];
  return !filters.includes(N('DCTDecode')) && number(image, 'BitsPerComponent') === 8 && spaceKind(image.dict.get(N('ColorSpace')), context) === 'rgb';
}

function number(image: PDFRawStream, key: string): number | undefined {
  const value = image.dict.lookup(N(key));
  return value instanceof PDFNumber ? value.asNumber() : undefined;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a === b || Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

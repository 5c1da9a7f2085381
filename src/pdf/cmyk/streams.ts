/** Small pdf-lib helpers shared by the --cmyk modules: stream data in and out, colour space kinds, clean-up, reading Ghostscript output. */
import { deflateSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFDocument, type PDFObject } from 'pdf-lib';

const N = (name: string) => PDFName.of(name);

export { streamBytes, writeStream } from '../streams.js';

export type SpaceKind = 'rgb' | 'gray' | 'cmyk' | 'other';

/** What a colour space object is: DeviceRGB, CalRGB and 3-component ICC profiles are RGB. */
export function spaceKind(object: PDFObject | undefined, context: PDFContext): SpaceKind {
  const space = object instanceof PDFRef ? context.lookup(object) : object;
  if (space instanceof PDFName) {
    const name = space.decodeText();
    return name === 'DeviceRGB' || name === 'RGB' ? 'rgb' : name === 'DeviceGray' || name === 'G' ? 'gray' : name === 'DeviceCMYK' || name === 'CMYK' ? 'cmyk' : 'other';
  }
  if (space instanceof PDFArray) {
    const family = space.lookup(0);
    if (family === N('CalRGB')) return 'rgb';
    if (family === N('CalGray')) return 'gray';
    if (family === N('ICCBased')) {
      const profile = space.lookup(1);
      const n = profile instanceof PDFStream ? profile.dict.lookup(N('N')) : undefined;
      const count = n instanceof PDFNumber ? n.asNumber() : 0;
      return count === 3 ? 'rgb' : count === 1 ? 'gray' : count === 4 ? 'cmyk' : 'other';
    }
  }
  return 'other';
}

export function isRgbSpace(object: PDFObject | undefined, context: PDFContext): boolean {
  return spaceKind(object, context) === 'rgb';
}

/** Deletes the objects nothing refers to any more (the RGB images' ICC profiles, say). */
export function dropUnreachable(doc: PDFDocument): void {
  const context = doc.context;
  const reached = new Set<PDFRef>();
  const visit = (object: PDFObject | undefined): void => {
    if (object instanceof PDFRef) {
      if (reached.has(object)) return;
      reached.add(object);
      visit(context.lookup(object));
    } else if (object instanceof PDFArray) object.asArray().forEach(visit);
    else if (object instanceof PDFDict) for (const [, value] of object.entries()) visit(value);
    else if (object instanceof PDFStream) visit(object.dict);
  };
  const trailer = context.trailerInfo;
  [trailer.Root, trailer.Info, trailer.Encrypt, trailer.ID].forEach(visit);
  for (const [ref] of context.enumerateIndirectObjects()) if (!reached.has(ref)) context.delete(ref);
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

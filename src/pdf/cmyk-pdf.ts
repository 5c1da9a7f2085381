/** Small pdf-lib helpers shared by the --cmyk modules: stream data in and out, colour space kinds. */
import { deflateSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFDocument, type PDFObject } from 'pdf-lib';

const N = (name: string) => PDFName.of(name);

/** The decoded data of a stream (Flate through zlib, which is much faster than pdf-lib's own). */
export function streamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.lookup(N('Filter'));
  const single = filter instanceof PDFArray && filter.size() === 1 ? filter.lookup(0) : filter;
  const params = stream.dict.lookup(N('DecodeParms'));
  const predictor = (params instanceof PDFArray ? params.lookup(0) : params) instanceof PDFDict ? ((params instanceof PDFArray ? params.lookup(0) : params) as PDFDict).lookup(N('Predictor')) : undefined;
  if (predictor instanceof PDFNumber && predictor.asNumber() > 1) throw new Error('--cmyk cannot read a stream with a predictor yet');
  if (single === undefined) return stream.contents;
  if (single === N('FlateDecode')) return inflateSync(stream.contents);
  return decodePDFRawStream(stream).decode();
}

/** Replaces the stream at ref by one with the same dictionary and new data, Flate-compressed. */
export function writeStream(context: PDFContext, ref: PDFRef, stream: PDFStream, data: Uint8Array): void {
  const dict = stream.dict;
  dict.delete(N('DecodeParms'));
  dict.set(N('Filter'), N('FlateDecode'));
  context.assign(ref, PDFRawStream.of(dict, deflateSync(data)));
}

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

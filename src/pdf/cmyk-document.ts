/**
 * Walks a PDF that pdf-lib has loaded and converts every RGB colour to DeviceCMYK in place:
 * content streams (pages, forms, tiling patterns, Type 3 glyphs), shadings, lossless images,
 * indexed palettes, transparency group spaces and soft-mask backdrops. Fonts, text, structure,
 * outline, links and page boxes are not touched. Returns the JPEG photos still to convert.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFDocument, type PDFObject } from 'pdf-lib';
import { rgbToCmyk } from './cmyk-colour.js';
import { convertContent, deviceSpaces, type SpaceOf } from './cmyk-content.js';
import { convertShading } from './cmyk-functions.js';
import { convertImage, convertIndexed, isImage } from './cmyk-images.js';
import { spaceKind, streamBytes, writeStream } from './cmyk-pdf.js';

const N = (name: string) => PDFName.of(name);

export interface Photo {
  ref: PDFRef;
  image: PDFRawStream;
}

export function convertDocument(doc: PDFDocument): Photo[] {
  const context = doc.context;
  const contents = new Map<PDFRef, PDFDict | undefined>();
  for (const page of doc.getPages()) {
    const list = page.node.get(N('Contents'));
    const refs = list instanceof PDFArray ? list.asArray() : [list];
    for (const ref of refs) if (ref instanceof PDFRef) contents.set(ref, page.node.Resources());
  }
  const photos: Photo[] = [];
  const functionsDone = new Set<PDFObject>();
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
    if (!dict) continue;
    if (object instanceof PDFRawStream && (dict.lookup(N('Subtype')) === N('Form') || dict.lookup(N('PatternType')) instanceof PDFNumber && dict.lookup(N('PatternType'), PDFNumber).asNumber() === 1)) {
      contents.set(ref, dict.lookupMaybe(N('Resources'), PDFDict));
    }
    if (dict.lookup(N('Subtype')) === N('Type3')) {
      const procs = dict.lookupMaybe(N('CharProcs'), PDFDict);
      for (const proc of procs?.values() ?? []) if (proc instanceof PDFRef) contents.set(proc, dict.lookupMaybe(N('Resources'), PDFDict));
    }
    if (object instanceof PDFRawStream && isImage(dict) && spaceKind(dict.get(N('ColorSpace')), context) === 'rgb') {
      if (!convertImage(ref, object, context)) photos.push({ ref, image: object });
    }
    walk(dict, context, functionsDone);
  }
  for (const [ref, resources] of contents) {
    const stream = context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const { data, changed } = convertContent(streamBytes(stream), spacesOf(resources, context));
    if (changed) writeStream(context, ref, stream, data);
  }
  return photos;
}

/** Direct objects inside one indirect object: shadings, groups, soft masks, indexed spaces. */
function walk(object: PDFObject, context: PDFContext, done: Set<PDFObject>): void {
  if (object instanceof PDFArray) {
    if (object.lookup(0) === N('Indexed')) convertIndexed(object, context);
    for (const item of object.asArray()) walk(item, context, done);
    return;
  }
  if (!(object instanceof PDFDict)) return;
  if (object.get(N('ShadingType')) !== undefined) convertShading(object, context, done);
  if (object.get(N('S')) === N('Transparency') && spaceKind(object.get(N('CS')), context) === 'rgb') object.set(N('CS'), N('DeviceCMYK'));
  const backdrop = object.get(N('Type')) === N('Mask') ? object.lookupMaybe(N('BC'), PDFArray) : undefined;
  if (backdrop?.size() === 3) {
    const [r, g, b] = backdrop.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : 0));
    object.set(N('BC'), context.obj(rgbToCmyk(r!, g!, b!)));
  }
  for (const [key, value] of object.entries()) if (key !== N('Parent') && key !== N('P')) walk(value, context, done);
}

/** cs/CS operands: device names directly, other names through the stream's /ColorSpace resources. */
function spacesOf(resources: PDFDict | undefined, context: PDFContext): SpaceOf {
  const named = resources?.lookupMaybe(N('ColorSpace'), PDFDict);
  return (name) => {
    const device = deviceSpaces(name);
    if (device !== 'other' || !named) return device;
    return spaceKind(named.get(N(name)), context);
  };
}

/** Every place an RGB colour space is still named, for the final check. */
export function remainingRgb(doc: PDFDocument): string[] {
  const found: string[] = [];
  const seen = new Set<PDFObject>();
  const visit = (object: PDFObject, where: string) => {
    if (object === N('DeviceRGB') || object === N('CalRGB')) found.push(where);
    if (seen.has(object)) return;
    if (object instanceof PDFArray || object instanceof PDFDict || object instanceof PDFStream) seen.add(object);
    if (object instanceof PDFArray) object.asArray().forEach((item) => visit(item, where));
    if (object instanceof PDFDict) for (const [, value] of object.entries()) visit(value, where);
    if (object instanceof PDFStream) visit(object.dict, where);
  };
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) visit(object, ref.toString());
  return found;
}

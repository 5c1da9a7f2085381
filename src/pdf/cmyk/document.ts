/**
 * Walks a PDF that pdf-lib has loaded and converts every RGB colour to DeviceCMYK in place:
 * content streams (pages, forms, tiling patterns, Type 3 glyphs), shadings, indexed palettes,
 * transparency group spaces and soft-mask backdrops. Fonts, text, structure, outline, links and
 * page boxes are not touched. Two steps: survey() lists the flat colours and the RGB images
 * (for Ghostscript to convert), convert() then rewrites with the palette made from them.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFDocument, type PDFObject } from 'pdf-lib';
import { rgbToCmyk, type Cmyk, type Palette } from './colour.js';
import { convertContent, deviceSpaces, type SpaceOf } from './content.js';
import { convertShading, shadingColours } from './functions.js';
import { convertIndexed } from './images.js';
import { spaceKind, streamBytes, writeStream } from './streams.js';

const N = (name: string) => PDFName.of(name);

export interface RgbImage {
  ref: PDFRef;
  image: PDFRawStream;
}

export interface Survey {
  /** Content streams with the resources their colour space names refer to. */
  contents: Map<PDFRef, PDFDict | undefined>;
  /** Every flat RGB colour (operators, gradient end points), 0…1. */
  colours: [number, number, number][];
  images: RgbImage[];
}

export function survey(doc: PDFDocument): Survey {
  const context = doc.context;
  const contents = new Map<PDFRef, PDFDict | undefined>();
  for (const page of doc.getPages()) {
    const list = page.node.get(N('Contents'));
    for (const ref of list instanceof PDFArray ? list.asArray() : [list]) if (ref instanceof PDFRef) contents.set(ref, page.node.Resources());
  }
  const images: RgbImage[] = [];
  const colours = new Map<string, [number, number, number]>();
  const add = (rgb: number[]) => colours.set(rgb.join(' '), [rgb[0] ?? 0, rgb[1] ?? 0, rgb[2] ?? 0]);
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
    if (!dict) continue;
    const patternType = dict.lookup(N('PatternType'));
    if (object instanceof PDFRawStream && (dict.lookup(N('Subtype')) === N('Form') || (patternType instanceof PDFNumber && patternType.asNumber() === 1))) {
      contents.set(ref, dict.lookupMaybe(N('Resources'), PDFDict));
    }
    if (dict.lookup(N('Subtype')) === N('Type3')) {
      for (const proc of dict.lookupMaybe(N('CharProcs'), PDFDict)?.values() ?? []) if (proc instanceof PDFRef) contents.set(proc, dict.lookupMaybe(N('Resources'), PDFDict));
    }
    if (object instanceof PDFRawStream && dict.lookup(N('Subtype')) === N('Image') && spaceKind(dict.get(N('ColorSpace')), context) === 'rgb') images.push({ ref, image: object });
    eachDict(dict, (inner) => {
      if (inner.get(N('ShadingType')) !== undefined) shadingColours(inner, context, add);
    });
  }
  const record: Palette = (r, g, b) => (add([r, g, b]), [0, 0, 0, 0]);
  for (const [ref, resources] of contents) {
    const stream = context.lookup(ref);
    if (stream instanceof PDFRawStream) convertContent(streamBytes(stream), record, spacesOf(resources, context));
  }
  return { contents, colours: [...colours.values()], images };
}

/** Rewrites colours with the palette; the images must have been converted already. With `overprint`, 100 % black overprints (content.ts). */
export function convert(doc: PDFDocument, found: Survey, palette: Palette, options: { overprint?: boolean } = {}): void {
  const context = doc.context;
  const done = new Set<PDFObject>();
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
    if (dict) walk(dict, context, (shading) => convertShading(shading, context, done, palette));
  }
  for (const [ref, resources] of found.contents) {
    const stream = context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    // A stream without resources of its own cannot name an ExtGState: its black knocks out, as before.
    const { data, changed, overprintStates } = convertContent(streamBytes(stream), palette, spacesOf(resources, context), { overprint: options.overprint && resources !== undefined });
    if (changed) writeStream(context, ref, stream, data);
    if (resources) addOverprintStates(resources, overprintStates, context);
  }
}

/** The ExtGStates content.ts names (BantinOP<fill><stroke>), in the stream's resources. */
function addOverprintStates(resources: PDFDict, names: ReadonlySet<string>, context: PDFContext): void {
  if (names.size === 0) return;
  let states = resources.lookupMaybe(N('ExtGState'), PDFDict);
  if (!states) resources.set(N('ExtGState'), (states = context.obj({})));
  for (const name of names) {
    const [fill, stroke] = [name.at(-2) === '1', name.at(-1) === '1'];
    // OPM 1: a CMYK colour's zero components leave the plates under it as they are.
    states.set(N(name), context.obj({ Type: 'ExtGState', op: fill, OP: stroke, OPM: 1 }));
  }
}

function eachDict(object: PDFObject, visit: (dict: PDFDict) => void): void {
  if (object instanceof PDFArray) object.asArray().forEach((item) => eachDict(item, visit));
  if (!(object instanceof PDFDict)) return;
  visit(object);
  for (const [, value] of object.entries()) eachDict(value, visit);
}

/** Direct objects inside one indirect object: shadings, groups, soft masks, indexed spaces. */
function walk(root: PDFDict, context: PDFContext, shading: (dict: PDFDict) => void): void {
  const arrays = (object: PDFObject): void => {
    if (!(object instanceof PDFArray)) return;
    if (object.lookup(0) === N('Indexed')) convertIndexed(object, context);
    object.asArray().forEach(arrays);
  };
  eachDict(root, (dict) => {
    if (dict.get(N('ShadingType')) !== undefined) shading(dict);
    if (dict.get(N('S')) === N('Transparency') && spaceKind(dict.get(N('CS')), context) === 'rgb') dict.set(N('CS'), N('DeviceCMYK'));
    const backdrop = dict.get(N('Type')) === N('Mask') ? dict.lookupMaybe(N('BC'), PDFArray) : undefined;
    if (backdrop?.size() === 3) {
      const [r, g, b] = backdrop.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : 0));
      dict.set(N('BC'), context.obj(rgbToCmyk(r!, g!, b!) satisfies Cmyk));
    }
    for (const [, value] of dict.entries()) arrays(value);
  });
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

/** Every object that still names an RGB colour space, for the final check. */
export function remainingRgb(doc: PDFDocument): string[] {
  const found = new Set<string>();
  const seen = new Set<PDFObject>();
  const visit = (object: PDFObject, where: string) => {
    if (object === N('DeviceRGB') || object === N('CalRGB')) found.add(where);
    if (seen.has(object)) return;
    if (object instanceof PDFArray || object instanceof PDFDict) seen.add(object);
    if (object instanceof PDFArray) object.asArray().forEach((item) => visit(item, where));
    if (object instanceof PDFDict) for (const [, value] of object.entries()) visit(value, where);
    if (object instanceof PDFStream) visit(object.dict, where);
  };
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) visit(object, ref.toString());
  return [...found];
}

/**
 * What Chromium's tagged print leaves undone for an accessible PDF: drawing outside the
 * structure tree is marked as artifacts (artifacts.ts), every link annotation gets alternative
 * text saying where it goes, and pages with annotations are read in structure order (/Tabs /S).
 */
import { decodePDFRawStream, ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFObjectParser, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { replaceUnparsed, unparsedBytes } from './lazy-load.js';
import { IN_THREAD, type Marker } from './marker.js';
import type { PageContents } from './page-artifacts.js';

/** The words of a link's alternative text; the URL or the target's title follows. */
export const LINK_TEXT = { external: 'Liên kết tới', internal: 'Đến' } as const;

export function isTagged(doc: PDFDocument): boolean {
  return doc.catalog.has(PDFName.of('StructTreeRoot'));
}

/** Whether finished bytes (e.g. Ghostscript's) still carry a structure tree. */
export async function hasStructure(pdf: Uint8Array): Promise<boolean> {
  return isTagged(await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }));
}

/**
 * `titles`: id of each internal link target → the title the link's text names. `artifacts`:
 * the marking begun by markPages (right after the print, so that it overlaps the rest of
 * finishing); begun here when not given.
 */
export async function completeTags(doc: PDFDocument, titles: ReadonlyMap<string, string>, artifacts: Promise<() => void> = markPages(doc, IN_THREAD)): Promise<void> {
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots || annots.size() === 0) continue;
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    for (let i = 0; i < annots.size(); i++) {
      const ref = annots.get(i);
      if (ref instanceof PDFRef && nameChromiumLink(doc, ref, titles)) continue;
      const annot = annots.lookupMaybe(i, PDFDict);
      if (!annot || annot.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() !== 'Link') continue;
      const contents = linkText(annot, titles);
      if (contents) annot.set(PDFName.of('Contents'), PDFHexString.fromText(contents));
    }
  }
  (await artifacts)();
}

/**
 * Marks every page's drawing outside the structure tree as artifacts (artifacts.ts), by
 * `marker` (a worker thread, or this one). Resolves to what writes the marked content into the
 * document, whatever was drawn on the page meanwhile: each page's first content stream takes
 * it (no orphan object is left behind).
 */
export async function markPages(doc: PDFDocument, marker: Marker): Promise<() => void> {
  const jobs: Array<{ page: PDFDict; refs: PDFRef[] }> = [];
  const contents: PageContents[] = [];
  for (const page of doc.getPages()) {
    const found = contentStreams(doc, page.node);
    if (!found) continue; // drawn by pdf-lib: left as it is
    jobs.push({ page: page.node, refs: found.refs });
    contents.push(found.contents);
  }
  const marked = await marker.mark(contents);
  return () =>
    jobs.forEach(({ page, refs }, i) => {
      const bytes = marked[i];
      if (!bytes) return;
      // The page's list of streams may have grown meanwhile (crop marks, pdf-lib's q/Q around
      // the original): only the parts now joined in the first leave it.
      const rest = refs.slice(1);
      const list = page.lookup(PDFName.of('Contents'));
      if (rest.length > 0 && list instanceof PDFArray) page.set(PDFName.of('Contents'), doc.context.obj(list.asArray().filter((ref) => !rest.includes(ref as PDFRef))));
      for (const ref of rest) doc.context.delete(ref);
      doc.context.assign(refs[0]!, doc.context.stream(bytes, { Filter: 'FlateDecode' }));
    });
}

/** A page's content streams as Chromium wrote them (undefined for content pdf-lib drew). */
function contentStreams(doc: PDFDocument, page: PDFDict): { refs: PDFRef[]; contents: PageContents } | undefined {
  const contents = page.get(PDFName.of('Contents'));
  const list = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  const refs = list instanceof PDFArray ? list.asArray() : [contents];
  if (!refs.every((ref): ref is PDFRef => ref instanceof PDFRef && doc.context.lookup(ref) instanceof PDFRawStream)) return undefined;
  const streams = refs.map((ref) => doc.context.lookup(ref) as PDFRawStream);
  // Chromium's plain Flate streams go to Node's zlib as they are; anything else is decoded here.
  const flate = streams.map((stream) => stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms')));
  return { refs, contents: { parts: streams.map((stream, i) => (flate[i] ? stream.contents : decodePDFRawStream(stream).decode())), flate } };
}

/**
 * A link annotation as Chromium writes it, still unparsed (lazy-load.ts), gets its text by an
 * edit of its bytes: parsing and writing back ~110 dictionaries for one entry each cost so-20
 * ~30 ms. False for anything else (parsed, or not of that shape): the dictionary path names it.
 */
function nameChromiumLink(doc: PDFDocument, ref: PDFRef, titles: ReadonlyMap<string, string>): boolean {
  const bytes = unparsedBytes(doc.context, ref);
  if (!bytes) return false;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const shape = CHROMIUM_LINK.exec(text);
  if (!shape || text.includes('/Contents')) return false;
  const value = (pattern: RegExp) => {
    const found = pattern.exec(text)?.[1];
    return found === undefined ? undefined : PDFObjectParser.forBytes(Buffer.from(found, 'latin1'), doc.context).parseObject();
  };
  const uri = value(/\/S\s*\/URI\s*\/URI\s*(\((?:[^()\\]|\\.)*\))/);
  const dest = uri ? undefined : value(/\/Dest\s*(\/[^\s/<>[\]()%]+)/);
  const contents = uri instanceof PDFString ? `${LINK_TEXT.external} ${uri.decodeText()}` : dest instanceof PDFName ? `${LINK_TEXT.internal}: ${titles.get(dest.decodeText()) ?? dest.decodeText()}` : undefined;
  if (!contents) return false;
  replaceUnparsed(doc.context, ref, Buffer.from(`${shape[1]}\n/Contents ${PDFHexString.fromText(contents).toString()}>>`, 'latin1'));
  return true;
}

/** Chromium's link annotation: one flat dictionary (its action the only one nested), and where it closes. */
const CHROMIUM_LINK = /^(\s*<<\s*\/Type\s*\/Annot\s*\/Subtype\s*\/Link\b(?:[^<>]|<<[^<>]*>>)*)>>\s*$/;

function linkText(annot: PDFDict, titles: ReadonlyMap<string, string>): string | undefined {
  const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : o instanceof PDFName ? o.decodeText() : undefined);
  const uri = text(annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI')));
  if (uri) return `${LINK_TEXT.external} ${uri}`;
  const dest = text(annot.lookup(PDFName.of('Dest')));
  if (dest) return `${LINK_TEXT.internal}: ${titles.get(dest) ?? dest}`;
  return undefined;
}

/**
 * What Chromium's tagged print leaves undone for an accessible PDF: drawing outside the
 * structure tree is marked as artifacts (artifacts.ts), every link annotation gets alternative
 * text saying where it goes, and pages with annotations are read in structure order (/Tabs /S).
 */
import { decodePDFRawStream, ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { promisify } from 'node:util';
import { deflate as deflateCallback, inflateSync } from 'node:zlib';
import { markArtifacts } from './artifacts.js';

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
 * `titles`: id of each internal link target → the title the link's text names. The pages'
 * streams are compressed again on libuv's threads while this goes on: await the result
 * before saving.
 */
export async function completeTags(doc: PDFDocument, titles: ReadonlyMap<string, string>): Promise<void> {
  const pending: Array<Promise<void>> = [];
  for (const page of doc.getPages()) {
    pending.push(markPageArtifacts(doc, page.node));
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots || annots.size() === 0) continue;
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      if (!annot || annot.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() !== 'Link') continue;
      const contents = linkText(annot, titles);
      if (contents) annot.set(PDFName.of('Contents'), PDFHexString.fromText(contents));
    }
  }
  await Promise.all(pending);
}

function linkText(annot: PDFDict, titles: ReadonlyMap<string, string>): string | undefined {
  const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : o instanceof PDFName ? o.decodeText() : undefined);
  const uri = text(annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI')));
  if (uri) return `${LINK_TEXT.external} ${uri}`;
  const dest = text(annot.lookup(PDFName.of('Dest')));
  if (dest) return `${LINK_TEXT.internal}: ${titles.get(dest) ?? dest}`;
  return undefined;
}

async function markPageArtifacts(doc: PDFDocument, page: PDFDict): Promise<void> {
  const contents = page.get(PDFName.of('Contents'));
  const list = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  const refs = list instanceof PDFArray ? list.asArray() : [contents];
  if (!refs.every((ref): ref is PDFRef => ref instanceof PDFRef && doc.context.lookup(ref) instanceof PDFRawStream)) return; // drawn by pdf-lib: left as it is
  const parts = refs.map((ref) => inflate(doc.context.lookup(ref) as PDFRawStream));
  const marked = markArtifacts(parts.length === 1 ? parts[0]! : Buffer.concat(parts.flatMap((p) => [p, new Uint8Array([0x0a])])));
  if (!marked) return;
  for (const ref of refs.slice(1)) doc.context.delete(ref);
  page.set(PDFName.of('Contents'), refs[0]!);
  // The same object takes the marked content: no orphan left behind in the file.
  const compressed = await deflate(marked);
  doc.context.assign(refs[0]!, doc.context.stream(compressed, { Filter: 'FlateDecode' }));
}

const deflate = promisify(deflateCallback);

/** Node's zlib for Chromium's plain Flate streams: several times faster than pdf-lib's decoder. */
function inflate(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  if (filter === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))) return inflateSync(stream.contents);
  return decodePDFRawStream(stream).decode();
}

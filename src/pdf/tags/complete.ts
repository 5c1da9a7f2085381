/**
 * What Chromium's tagged print leaves undone for an accessible PDF: drawing outside the
 * structure tree is marked as artifacts (artifacts.ts), every link annotation gets alternative
 * text saying where it goes, pages with annotations are read in structure order (/Tabs /S), and
 * the PDF 2.0 structure types Chromium writes are mapped to PDF 1.7 ones.
 */
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { streamBytes } from '../streams.js';
import { markArtifacts } from './artifacts.js';

const deflateAsync = promisify(deflate);

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
 * `titles`: id of each internal link target → the title the link's text names. Call it before
 * anything else draws on the pages (page boxes, crop marks): only the print's own content is
 * marked.
 */
export async function completeTags(doc: PDFDocument, titles: ReadonlyMap<string, string>): Promise<void> {
  mapRoles(doc);
  const marking: Array<Promise<void>> = [];
  for (const page of doc.getPages()) {
    marking.push(markPageArtifacts(doc, page.node));
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
  await Promise.all(marking);
}

/**
 * Structure types of PDF 2.0 that Chromium writes (`<strong>` is Strong, `<em>` Em, …) mapped to
 * their PDF 1.7 equivalents: the file is PDF 1.7, where a reader (and PDF/UA-1) knows a type not
 * in its standard list only through the tree's role map. Standard types are never remapped.
 */
export const PDF2_ROLES: Readonly<Record<string, string>> = { Strong: 'Span', Em: 'Span', Sub: 'Span', Title: 'P', Aside: 'Sect', FENote: 'Note', DocumentFragment: 'Div' };

function mapRoles(doc: PDFDocument): void {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return;
  const roleMap = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict) ?? (doc.context.obj({}) as PDFDict);
  for (const [type, role] of Object.entries(PDF2_ROLES)) if (!roleMap.has(PDFName.of(type))) roleMap.set(PDFName.of(type), PDFName.of(role));
  if (!root.has(PDFName.of('RoleMap'))) root.set(PDFName.of('RoleMap'), roleMap);
}

/**
 * The page's streams joined into its first, with the untagged drawing marked. The marked content
 * is compressed on Node's worker pool (zlib's asynchronous API) while the next page is read.
 */
async function markPageArtifacts(doc: PDFDocument, page: PDFDict): Promise<void> {
  const contents = page.get(PDFName.of('Contents'));
  const list = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  const refs = list instanceof PDFArray ? list.asArray() : [contents];
  // Drawn by pdf-lib rather than printed by Chromium: left as it is.
  if (!refs.every((ref): ref is PDFRef => ref instanceof PDFRef && doc.context.lookup(ref) instanceof PDFRawStream)) return;
  const parts = refs.map((ref) => streamBytes(doc.context.lookup(ref) as PDFRawStream));
  // A newline between streams: a split never joins two tokens.
  const marked = markArtifacts(parts.length === 1 ? parts[0]! : Buffer.concat(parts.flatMap((p) => [p, NEWLINE])));
  if (!marked) return;
  // The same object takes the marked content: no orphan left behind in the file.
  for (const ref of refs.slice(1)) doc.context.delete(ref);
  page.set(PDFName.of('Contents'), refs[0]!);
  doc.context.assign(refs[0]!, doc.context.stream(await deflateAsync(marked), { Filter: 'FlateDecode' }));
}

const NEWLINE = new Uint8Array([0x0a]);

function linkText(annot: PDFDict, titles: ReadonlyMap<string, string>): string | undefined {
  const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : o instanceof PDFName ? o.decodeText() : undefined);
  const uri = text(annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI')));
  if (uri) return `${LINK_TEXT.external} ${uri}`;
  const dest = text(annot.lookup(PDFName.of('Dest')));
  if (dest) return `${LINK_TEXT.internal}: ${titles.get(dest) ?? dest}`;
  return undefined;
}

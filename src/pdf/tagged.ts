/**
 * What Chromium's tagged print leaves undone for an accessible PDF: drawing outside the
 * structure tree is marked as artifacts (artifacts.ts), every link annotation gets alternative
 * text saying where it goes, and pages with annotations are read in structure order (/Tabs /S).
 * The marking is mostly done beforehand, from the print's bytes (page-artifacts.ts).
 */
import { decodePDFRawStream, ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFObjectParser, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { replaceUnparsed, unparsedBytes } from './lazy-load.js';
import { markPageContents, type TaggedPrint } from './page-artifacts.js';
import type { ObjectPack } from './raw-pdf.js';

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
 * `titles`: id of each internal link target → the title the link's text names. `prepared`: the
 * print made ready since it came back (page-artifacts.ts prepareTagged: its compression overlaps the rest of finishing);
 * without it, the artifacts are marked here. Call it before anything else draws on the pages
 * (page boxes, crop marks): the pages' own content is noted at once, and marked content goes in
 * when the returned promise settles, whatever was drawn meanwhile. Resolves to the packed
 * structure, for the writer (object-streams.ts).
 */
export async function completeTags(doc: PDFDocument, titles: ReadonlyMap<string, string>, prepared?: Promise<TaggedPrint>): Promise<ObjectPack[]> {
  const pages = doc.getPages().map((page) => ({ node: page.node, refs: contentRefs(doc, page.node) }));
  mapRoles(doc);
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
  const print = await prepared;
  pages.forEach(({ node, refs }, i) => {
    if (!refs) return; // drawn by pdf-lib: left as it is
    const ready = print?.pages?.[i];
    const same = ready && ready.refs.length === refs.length && ready.refs.every((n, k) => refs[k]!.objectNumber === n && refs[k]!.generationNumber === 0);
    const marked = same ? ready.marked : markHere(doc, refs);
    if (marked) putMarked(doc, node, refs, marked);
  });
  return print?.packs ?? [];
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

/** A page's content streams as the print left them: undefined when pdf-lib drew any. */
function contentRefs(doc: PDFDocument, page: PDFDict): PDFRef[] | undefined {
  const contents = page.get(PDFName.of('Contents'));
  const list = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  const refs = list instanceof PDFArray ? list.asArray() : [contents];
  return refs.every((ref): ref is PDFRef => ref instanceof PDFRef && doc.context.lookup(ref) instanceof PDFRawStream) ? refs : undefined;
}

/** Marks a page's streams in this thread (a page the print's preparation did not read). */
function markHere(doc: PDFDocument, refs: PDFRef[]): Uint8Array | undefined {
  const streams = refs.map((ref) => doc.context.lookup(ref) as PDFRawStream);
  // Chromium's plain Flate streams go to Node's zlib as they are; anything else is decoded here.
  const flate = streams.map((stream) => stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms')));
  return markPageContents({ parts: streams.map((stream, i) => (flate[i] ? stream.contents : decodePDFRawStream(stream).decode())), flate });
}

/**
 * The page's marked content in its first stream. The page's list of streams may have grown
 * meanwhile (crop marks, pdf-lib's q/Q around the original): only the parts now joined in the
 * first leave it, and no orphan object is left behind.
 */
function putMarked(doc: PDFDocument, page: PDFDict, refs: PDFRef[], marked: Uint8Array): void {
  const rest = refs.slice(1);
  const list = page.lookup(PDFName.of('Contents'));
  if (rest.length > 0 && list instanceof PDFArray) page.set(PDFName.of('Contents'), doc.context.obj(list.asArray().filter((ref) => !rest.includes(ref as PDFRef))));
  for (const ref of rest) doc.context.delete(ref);
  doc.context.assign(refs[0]!, doc.context.stream(marked, { Filter: 'FlateDecode' }));
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
  const uri = /\/S\s*\/URI\s*\/URI\s*\(((?:[^()\\]|\\.)*)\)/.exec(text)?.[1];
  const dest = uri === undefined ? /\/Dest\s*\/([^\s/<>[\]()%]+)/.exec(text)?.[1] : undefined;
  const contents = uri !== undefined ? `${LINK_TEXT.external} ${literalText(uri, doc)}` : dest !== undefined ? `${LINK_TEXT.internal}: ${titles.get(nameText(dest, doc)) ?? nameText(dest, doc)}` : undefined;
  if (!contents) return false;
  replaceUnparsed(doc.context, ref, Buffer.from(`${shape[1]}\n/Contents <FEFF${Buffer.from(contents, 'utf16le').swap16().toString('hex').toUpperCase()}>>>`, 'latin1'));
  return true;
}

/** A literal string's text (between its parentheses): plain ASCII as it is (Chromium's addresses), the rest decoded by pdf-lib. */
function literalText(inner: string, doc: PDFDocument): string {
  if (/^[\x20-\x7e]*$/.test(inner) && !inner.includes('\\')) return inner;
  const parsed = PDFObjectParser.forBytes(Buffer.from(`(${inner})`, 'latin1'), doc.context).parseObject();
  return parsed instanceof PDFString ? parsed.decodeText() : inner;
}

/** A name's text (after its slash): as it is without # escapes, else decoded by pdf-lib. */
function nameText(name: string, doc: PDFDocument): string {
  if (!name.includes('#')) return name;
  const parsed = PDFObjectParser.forBytes(Buffer.from(`/${name}`, 'latin1'), doc.context).parseObject();
  return parsed instanceof PDFName ? parsed.decodeText() : name;
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

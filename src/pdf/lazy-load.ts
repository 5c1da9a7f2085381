/**
 * Chromium's PDF, opened without parsing all of it. A tagged print of so-20 holds ~1,300
 * objects, ~1,000 of them the structure tree, which bantin never edits; finishing reads ~150
 * (catalog, pages, links, fonts). Here each object stays its own bytes until something looks
 * it up, and pdf-lib writes an untouched one back as those bytes: parsing and writing the tree
 * cost ~0.25 s of a cold start. Files of another shape (an xref stream, an update) are loaded
 * by pdf-lib in full, as before.
 */
import { ParseSpeeds, PDFContext, PDFDocument, PDFHeader, PDFInvalidObject, PDFObject, PDFObjectParser, PDFRef, type PDFDict } from 'pdf-lib';

/** An object not parsed yet, written as it came if nothing needs it; in object streams with the rest. */
class UnparsedObject extends PDFObject {
  constructor(readonly body: Uint8Array) {
    super();
  }
  clone(): UnparsedObject {
    return new UnparsedObject(this.body);
  }
  toString(): string {
    return Buffer.from(this.body).toString('latin1');
  }
  sizeInBytes(): number {
    return this.body.length;
  }
  copyBytesInto(buffer: Uint8Array, offset: number): number {
    buffer.set(this.body, offset);
    return this.body.length;
  }
}


const latin1 = (bytes: Uint8Array, from = 0, to = bytes.length) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');

/** Object number → [start, end) of its bytes, from a file's one classic cross-reference table. */
function objectSpans(pdf: Uint8Array): { spans: Map<number, [number, number]>; trailer: string } | undefined {
  const end = latin1(pdf, Math.max(0, pdf.length - 64));
  const at = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(end);
  if (!at) return undefined;
  const xref = Number(at[1]);
  const table = latin1(pdf, xref);
  if (!table.startsWith('xref')) return undefined;
  const offsets: Array<[number, number]> = [];
  let pos = 4;
  const section = /\s*(\d+) (\d+)\s*?\r?\n/y;
  for (;;) {
    section.lastIndex = pos;
    const head = section.exec(table);
    if (!head) break;
    pos = section.lastIndex;
    const [first, count] = [Number(head[1]), Number(head[2])];
    for (let i = 0; i < count; i++, pos += 20) {
      const entry = table.slice(pos, pos + 20);
      if (!/^\d{10} \d{5} [nf]/.test(entry)) return undefined;
      if (entry[17] === 'n' && entry.slice(11, 16) === '00000') offsets.push([first + i, Number(entry.slice(0, 10))]);
    }
  }
  const trailer = /^\s*trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(table.slice(pos))?.[1];
  // An incremental update or encryption: not Chromium's single-table file.
  if (!trailer || /\/(Prev|Encrypt|XRefStm)\b/.test(trailer)) return undefined;
  offsets.sort((a, b) => a[1] - b[1]);
  const spans = new Map<number, [number, number]>();
  offsets.forEach(([n, start], i) => spans.set(n, [start, i + 1 < offsets.length ? offsets[i + 1]![1] : xref]));
  return { spans, trailer };
}

/** The object's body: after "N 0 obj", before "endobj". */
function body(pdf: Buffer, [start, end]: [number, number], n: number): Uint8Array | undefined {
  const head = OBJECT_HEAD.exec(pdf.toString('latin1', start, Math.min(end, start + 32)));
  const close = pdf.lastIndexOf('endobj', end - 1, 'latin1');
  if (!head || Number(head[1]) !== n || close < start) return undefined;
  return pdf.subarray(start + head[0].length, close);
}

/** "N 0 obj" at an object's offset (one pattern for all: a RegExp per object cost ~10 ms on a tagged print). */
const OBJECT_HEAD = /^\s*(\d+)\s+0\s+obj/;

/** Whether the body ends its stream ("endstream" last). */
function isStream(bytes: Uint8Array): boolean {
  return /endstream\s*$/.test(latin1(bytes, Math.max(0, bytes.length - 24)));
}

/** Each lazily loaded document's objects as stored, parsed or not (the map's own get). */
const stored = new WeakMap<PDFContext, (ref: PDFRef) => PDFObject | undefined>();

/**
 * The bytes of an object that nothing has looked up yet (a dictionary, not a stream), for an edit
 * that needs no parse; undefined once it is parsed, or in a document not loaded lazily.
 */
export function unparsedBytes(context: PDFContext, ref: PDFRef): Uint8Array | undefined {
  const object = stored.get(context)?.(ref);
  return object instanceof UnparsedObject ? object.body : undefined;
}

/** Puts other bytes in the place of an object not parsed yet (see unparsedBytes); written as they are. */
export function replaceUnparsed(context: PDFContext, ref: PDFRef, bytes: Uint8Array): void {
  if (!(stored.get(context)?.(ref) instanceof UnparsedObject)) throw new Error(`object ${ref.toString()} is parsed already`);
  context.assign(ref, new UnparsedObject(bytes));
}

/**
 * The document, its objects parsed on first lookup. Falls back to pdf-lib's full parse for a
 * file whose cross-references are not one classic table.
 */
export async function loadLazily(pdf: Uint8Array): Promise<PDFDocument> {
  const found = objectSpans(pdf);
  if (!found) return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const context = PDFContext.create();
  const objects = (context as unknown as { indirectObjects: Map<PDFRef, PDFObject> }).indirectObjects;
  const lookup = objects.get.bind(objects);
  stored.set(context, lookup);
  // A stream not parsed yet is a PDFInvalidObject, which pdf-lib writes verbatim outside object streams.
  const streams = new WeakMap<PDFObject, Uint8Array>();
  // pdf-lib reads objects through this map only: an unparsed one is parsed as it is read.
  objects.get = (ref: PDFRef) => {
    const object = lookup(ref);
    const bytes = object instanceof UnparsedObject ? object.body : object && streams.get(object);
    if (!bytes) return object;
    const parsed = PDFObjectParser.forBytes(bytes, context).parseObject();
    objects.set(ref, parsed);
    return parsed;
  };
  const unparsed = (bytes: Uint8Array): PDFObject => {
    if (!isStream(bytes)) return new UnparsedObject(bytes);
    const stream = PDFInvalidObject.of(bytes);
    streams.set(stream, bytes);
    return stream;
  };
  let largest = 0;
  const view = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length);
  for (const [n, span] of found.spans) {
    const bytes = body(view, span, n);
    if (!bytes) return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    objects.set(PDFRef.of(n), unparsed(bytes));
    largest = Math.max(largest, n);
  }
  context.largestObjectNumber = largest;
  const trailer = PDFObjectParser.forBytes(new Uint8Array(Buffer.from(found.trailer, 'latin1')), context).parseObject() as PDFDict;
  for (const key of ['Root', 'Info', 'ID'] as const) {
    const value = trailer.entries().find(([name]) => name.decodeText() === key)?.[1];
    if (value) context.trailerInfo[key] = value;
  }
  const version = /^%PDF-(\d)\.(\d)/.exec(latin1(pdf, 0, 16));
  if (version) context.header = PDFHeader.forVersion(Number(version[1]), Number(version[2]));
  // The constructor pdf-lib's own load() calls, with the same options (no metadata update, encryption refused above).
  const Document = PDFDocument as unknown as new (context: PDFContext, ignoreEncryption: boolean, updateMetadata: boolean) => PDFDocument;
  return new Document(context, false, false);
}

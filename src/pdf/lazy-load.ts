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

/** One 20-byte entry of a cross-reference table: offset, generation, in use (n) or free (f). */
const ENTRY = /(\d{10}) (\d{5}) ([nf])/y;

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
      ENTRY.lastIndex = pos;
      const entry = ENTRY.exec(table);
      if (!entry) return undefined;
      if (entry[3] === 'n' && entry[2] === '00000') offsets.push([first + i, Number(entry[1])]);
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

/** The object's body: after "N 0 obj", before "endobj". Read by character codes (~1,300 objects in a tagged print). */
function body(pdf: Buffer, [start, end]: [number, number], n: number): Uint8Array | undefined {
  let i = start;
  while (i < end && isWhite(pdf[i]!)) i++;
  let number = 0;
  const digits = i;
  while (i < end && pdf[i]! >= 0x30 && pdf[i]! <= 0x39) number = number * 10 + (pdf[i++]! - 0x30);
  if (i === digits || number !== n) return undefined;
  const head = i;
  while (i < end && isWhite(pdf[i]!)) i++;
  if (i === head || pdf[i] !== 0x30) return undefined;
  const zero = ++i;
  while (i < end && isWhite(pdf[i]!)) i++;
  if (i === zero || pdf[i] !== 0x6f || pdf[i + 1] !== 0x62 || pdf[i + 2] !== 0x6a) return undefined; // "obj"
  const close = pdf.lastIndexOf(ENDOBJ, end - 1);
  if (close < i + 3) return undefined;
  return pdf.subarray(i + 3, close);
}

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

const ENDSTREAM = Buffer.from('endstream', 'latin1');
const ENDOBJ = Buffer.from('endobj', 'latin1');

/** Whether the body ends its stream ("endstream" last, then only whitespace). */
function isStream(bytes: Uint8Array): boolean {
  let i = bytes.length;
  while (i > 0 && isWhite(bytes[i - 1]!)) i--;
  if (i < ENDSTREAM.length) return false;
  for (let k = 0; k < ENDSTREAM.length; k++) if (bytes[i - ENDSTREAM.length + k] !== ENDSTREAM[k]) return false;
  return true;
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

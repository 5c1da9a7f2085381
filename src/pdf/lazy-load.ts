/**
 * Chromium's PDF, opened without parsing all of it. A tagged print of so-20 holds ~1,300
 * objects, ~1,000 of them the structure tree, which bantin never edits; finishing reads ~150
 * (catalog, pages, links, fonts). Here each object stays its own bytes until something looks
 * it up, and pdf-lib writes an untouched one back as those bytes: parsing and writing the tree
 * cost ~0.25 s of a cold start. Files of another shape (an xref stream, an update) are loaded
 * by pdf-lib in full, as before.
 */
import { ParseSpeeds, PDFContext, PDFDocument, PDFHeader, PDFInvalidObject, PDFObject, PDFObjectParser, PDFRef, type PDFDict } from 'pdf-lib';
import { body, isStream, latin1, objectSpans } from './raw-pdf.js';

/**
 * A dictionary (or other non-stream object) not parsed yet, written as it came if nothing needs
 * it; in object streams with the rest. Its bytes are found only when first needed: most of a
 * tagged print's objects are structure elements that go out packed (object-streams.ts) and are
 * never read here.
 */
class UnparsedObject extends PDFObject {
  private found: Uint8Array | undefined;
  constructor(
    private readonly source: Buffer | Uint8Array,
    private readonly span?: [number, number],
    private readonly n?: number,
  ) {
    super();
    if (!span) this.found = source;
  }
  get body(): Uint8Array {
    if (this.found) return this.found;
    const bytes = body(this.source as Buffer, this.span!, this.n!);
    if (!bytes) throw new Error(`object ${this.n} of the printed PDF is not where its cross-reference table says`);
    return (this.found = bytes);
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

/** The objects as they came from the file, each still unparsed and unchanged. */
const pristine = new WeakSet<PDFObject>();

/**
 * Whether the object is still exactly as loaded: never looked up (so never parsed, hence never
 * edited in place) nor replaced. False in a document not loaded lazily.
 */
export function isPristine(context: PDFContext, ref: PDFRef): boolean {
  const object = stored.get(context)?.(ref);
  return object !== undefined && pristine.has(object);
}

/** Puts other bytes in the place of an object not parsed yet (see unparsedBytes); written as they are. */
export function replaceUnparsed(context: PDFContext, ref: PDFRef, bytes: Uint8Array): void {
  if (!(stored.get(context)?.(ref) instanceof UnparsedObject)) throw new Error(`object ${ref.toString()} is parsed already`);
  context.assign(ref, new UnparsedObject(bytes));
}

/** Where a stream object's data may end: every object with the word in it is read at once and checked (isStream). */
const STREAM_END = Buffer.from('endstream', 'latin1');

/** Where the word is in the file (found by Buffer's native search, not a string's). */
function streamEnds(pdf: Buffer): number[] {
  const at: number[] = [];
  for (let i = pdf.indexOf(STREAM_END); i >= 0; i = pdf.indexOf(STREAM_END, i + STREAM_END.length)) at.push(i);
  return at;
}

/** The objects whose spans (in file order, as objectSpans gives them) contain any of `positions`. */
function containing(spans: ReadonlyMap<number, [number, number]>, positions: number[]): Set<number> {
  const starts = [...spans];
  const found = new Set<number>();
  for (const at of positions) {
    let [lo, hi] = [0, starts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]![1][0] <= at) lo = mid;
      else hi = mid - 1;
    }
    const [n, [start, end]] = starts[lo] ?? [0, [0, 0]];
    if (start <= at && at < end) found.add(n);
  }
  return found;
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
    const object = isStream(bytes) ? PDFInvalidObject.of(bytes) : new UnparsedObject(bytes);
    if (object instanceof PDFInvalidObject) streams.set(object, bytes);
    pristine.add(object);
    return object;
  };
  let largest = 0;
  const view = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length);
  // Streams (~100 of ~1,300 objects) are read now, pdf-lib must know them; the rest when needed.
  const streamObjects = containing(found.spans, streamEnds(view));
  for (const [n, span] of found.spans) {
    if (streamObjects.has(n)) {
      const bytes = body(view, span, n);
      if (!bytes) return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
      objects.set(PDFRef.of(n), unparsed(bytes));
    } else {
      const object = new UnparsedObject(view, span, n);
      pristine.add(object);
      objects.set(PDFRef.of(n), object);
    }
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

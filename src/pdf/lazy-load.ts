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

/**
 * A lazily loaded document's objects. A dictionary is not even in pdf-lib's map until something
 * looks it up, or enumerates the objects: most of a tagged print's ~1,300 objects are structure
 * elements that go out packed as they came (object-streams.ts), and creating an object for each
 * cost a cold process several milliseconds per pass over them.
 */
interface Lazy {
  view: Buffer;
  spans: ReadonlyMap<number, [number, number]>;
  /** Objects (number, generation 0) in the file and not yet in the map. */
  absent: Set<number>;
  /** The map's own get and set. */
  get(ref: PDFRef): PDFObject | undefined;
  set(ref: PDFRef, object: PDFObject): void;
}

const lazies = new WeakMap<PDFContext, Lazy>();

/** The object as stored, parsed or not; an absent one is put in the map, unparsed, first. */
function stored(lazy: Lazy, ref: PDFRef): PDFObject | undefined {
  const object = lazy.get(ref);
  if (object !== undefined || ref.generationNumber !== 0 || !lazy.absent.delete(ref.objectNumber)) return object;
  const made = new UnparsedObject(lazy.view, lazy.spans.get(ref.objectNumber), ref.objectNumber);
  pristine.add(made);
  lazy.set(ref, made);
  return made;
}

/** Puts every absent object (but those in `except`) in the map. */
function bringIn(lazy: Lazy, except?: ReadonlySet<number>): void {
  for (const n of [...lazy.absent]) if (!except?.has(n)) stored(lazy, PDFRef.of(n));
}

/**
 * The bytes of an object that nothing has parsed yet (a dictionary, not a stream), for an edit
 * that needs no parse; undefined once it is parsed, or in a document not loaded lazily.
 */
export function unparsedBytes(context: PDFContext, ref: PDFRef): Uint8Array | undefined {
  const lazy = lazies.get(context);
  const object = lazy && stored(lazy, ref);
  return object instanceof UnparsedObject ? object.body : undefined;
}

/** The objects as they came from the file, each still unparsed and unchanged. */
const pristine = new WeakSet<PDFObject>();

/**
 * Whether object n (generation 0) is still exactly as loaded: never looked up (so never parsed,
 * hence never edited in place), replaced nor deleted. False in a document not loaded lazily.
 */
export function isPristine(context: PDFContext, n: number): boolean {
  const lazy = lazies.get(context);
  if (!lazy) return false;
  if (lazy.absent.has(n)) return true;
  const object = lazy.get(PDFRef.of(n));
  return object !== undefined && pristine.has(object);
}

/**
 * Takes pristine objects out of the document, for a writer that writes them otherwise (packed,
 * object-streams.ts): pdf-lib no longer sees them. Only for objects isPristine says are.
 */
export function takeOut(context: PDFContext, numbers: readonly number[]): void {
  const lazy = lazies.get(context)!;
  for (const n of numbers) if (!lazy.absent.delete(n)) context.delete(PDFRef.of(n));
}

/** Puts other bytes in the place of an object not parsed yet (see unparsedBytes); written as they are. */
export function replaceUnparsed(context: PDFContext, ref: PDFRef, bytes: Uint8Array): void {
  const lazy = lazies.get(context);
  if (!(lazy && stored(lazy, ref) instanceof UnparsedObject)) throw new Error(`object ${ref.toString()} is parsed already`);
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
  const view = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length);
  const lazy: Lazy = { view, spans: found.spans, absent: new Set(), get: objects.get.bind(objects), set: objects.set.bind(objects) };
  lazies.set(context, lazy);
  // A stream not parsed yet is a PDFInvalidObject, which pdf-lib writes verbatim outside object streams.
  const streams = new WeakMap<PDFObject, Uint8Array>();
  // pdf-lib reads objects through this map only: an absent one comes in, an unparsed one is parsed as it is read.
  objects.get = (ref: PDFRef) => {
    const object = stored(lazy, ref);
    const bytes = object instanceof UnparsedObject ? object.body : object && streams.get(object);
    if (!bytes) return object;
    const parsed = PDFObjectParser.forBytes(bytes, context).parseObject();
    objects.set(ref, parsed);
    return parsed;
  };
  // Whatever goes through all the objects (the writer, the PDF/A checks) sees them all.
  const enumerate = context.enumerateIndirectObjects.bind(context);
  context.enumerateIndirectObjects = () => {
    bringIn(lazy);
    return enumerate();
  };
  const getObjectRef = context.getObjectRef.bind(context);
  context.getObjectRef = (object: PDFObject) => {
    bringIn(lazy);
    return getObjectRef(object);
  };
  const remove = context.delete.bind(context);
  context.delete = (ref: PDFRef) => (ref.generationNumber === 0 && lazy.absent.delete(ref.objectNumber)) || remove(ref);
  const unparsed = (bytes: Uint8Array): PDFObject => {
    const object = isStream(bytes) ? PDFInvalidObject.of(bytes) : new UnparsedObject(bytes);
    if (object instanceof PDFInvalidObject) streams.set(object, bytes);
    pristine.add(object);
    return object;
  };
  let largest = 0;
  // Streams (~100 of ~1,300 objects) are read now, pdf-lib must know them; the rest when needed.
  const streamObjects = containing(found.spans, streamEnds(view));
  for (const [n, span] of found.spans) {
    if (streamObjects.has(n)) {
      const bytes = body(view, span, n);
      if (!bytes) return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
      objects.set(PDFRef.of(n), unparsed(bytes));
    } else {
      lazy.absent.add(n);
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

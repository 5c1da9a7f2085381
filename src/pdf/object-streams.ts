/**
 * Writing a finished PDF, with structure elements already packed into object streams (packed
 * from the print's bytes the moment it came back, raw-pdf.ts packStructure, by the tagging
 * worker). pdf-lib's writer puts every dictionary into object streams itself, at ~30 µs
 * an object in a cold process: for the ~1,000 structure elements of a tagged so-20, ~30 ms of the
 * build. Here a pack is used as it is when every object in it is still exactly the bytes it was
 * packed from; the rest is written as pdf-lib writes it (the same logic as its PDFStreamWriter,
 * with one more kind of entry, its own cross-reference stream, and streams copied at once).
 */
import { deflateSync } from 'node:zlib';
import {
  PDFHeader,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFObject,
  PDFObjectStream,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFStreamWriter,
  PDFTrailer,
  type PDFContext,
  type PDFDict,
  type PDFDocument,
} from 'pdf-lib';
import { isPristine, takeOut } from './lazy-load.js';
import type { ObjectPack } from './raw-pdf.js';

/**
 * A stream, or a stream not parsed yet, written as pdf-lib writes it but with its data copied
 * at once: pdf-lib copies a stream byte by byte in JavaScript (~0.8 MB of fonts and content for
 * so-20), code V8 then compiles again for each new kind of array it meets.
 */
class Verbatim extends PDFObject {
  constructor(private readonly object: PDFStream | PDFInvalidObject) {
    super();
  }
  clone(): PDFObject {
    return this.object.clone();
  }
  toString(): string {
    return this.object.toString();
  }
  sizeInBytes(): number {
    return this.object.sizeInBytes();
  }
  copyBytesInto(buffer: Uint8Array, offset: number): number {
    const object = this.object;
    if (object instanceof PDFInvalidObject) {
      const data = (object as unknown as { data: Uint8Array }).data;
      buffer.set(data, offset);
      return data.length;
    }
    object.updateDict();
    let at = offset + object.dict.copyBytesInto(buffer, offset);
    at += copyLatin1(buffer, at, '\nstream\n');
    const contents = object.getContents();
    buffer.set(contents, at);
    at += contents.length;
    at += copyLatin1(buffer, at, '\nendstream');
    return at - offset;
  }
}

function copyLatin1(buffer: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) buffer[at + i] = text.charCodeAt(i);
  return text.length;
}

/** pdf-lib's own number of objects per object stream. */
const OBJECTS_PER_STREAM = 50;

/**
 * The document's bytes, with object streams (as pdf-lib's save with useObjectStreams), using
 * each pack whose objects nothing has changed or even read since loading. Returns the bytes and
 * how many objects went in packs.
 */
export async function savePacked(doc: PDFDocument, packs: readonly ObjectPack[]): Promise<{ pdf: Uint8Array; packed: number }> {
  const context = doc.context;
  /** Object number, its pack's object number and its index there; ascending object numbers. */
  const inPacks: number[][] = [];
  for (const pack of packs) {
    if (!pack.objects.every((n) => isPristine(context, n))) continue;
    const dict = context.obj({ Type: 'ObjStm', N: pack.objects.length, First: pack.first, Filter: 'FlateDecode' });
    const stream = context.register(PDFRawStream.of(dict, pack.data));
    takeOut(context, pack.objects);
    pack.objects.forEach((n, index) => inPacks.push([n, stream.objectNumber, index]));
  }
  inPacks.sort((a, b) => a[0]! - b[0]!);
  await doc.flush();
  const writer = PDFStreamWriter.forContext(context, Infinity, true, OBJECTS_PER_STREAM) as unknown as Writer;
  writer.computeBufferSize = () => Promise.resolve(layout(writer, context, inPacks));
  return { pdf: await writer.serializeToBuffer(), packed: inPacks.length };
}

interface Writer {
  computeBufferSize(): Promise<ReturnType<typeof layout>>;
  computeIndirectObjectSize(entry: [PDFRef, PDFObject]): number;
  createTrailerDict(): PDFDict;
  serializeToBuffer(): Promise<Uint8Array>;
}

/**
 * pdf-lib's PDFStreamWriter.computeBufferSize, where a packed object gets a compressed entry into
 * its pack, and the cross-reference stream is encoded here (pdf-lib's takes ~10 ms for the
 * ~1,300 entries of a tagged so-20, sizing each number through a string).
 */
function layout(writer: Writer, context: PDFContext, inPacks: number[][]) {
  let objectNumber = context.largestObjectNumber + 1;
  const header = PDFHeader.forVersion(1, 7);
  let size = header.sizeInBytes() + 2;
  /** Each entry's object number, type, and two fields (ISO 32000-1, 7.5.8.3), in ascending order. */
  const entries: number[] = [0, 0, 0, 65535];
  const uncompressed: Array<[PDFRef, PDFObject]> = [];
  const chunks: Array<Array<[PDFRef, PDFObject]>> = [];
  const chunkRefs: PDFRef[] = [];
  let packed = 0;
  const packedBefore = (n: number) => {
    for (; packed < inPacks.length && inPacks[packed]![0]! < n; packed++) entries.push(inPacks[packed]![0]!, 2, inPacks[packed]![1]!, inPacks[packed]![2]!);
  };
  for (const entry of context.enumerateIndirectObjects()) {
    const [ref, object] = entry;
    packedBefore(ref.objectNumber);
    if (ref === context.trailerInfo.Encrypt || object instanceof PDFStream || object instanceof PDFInvalidObject || ref.generationNumber !== 0) {
      uncompressed.push(object instanceof PDFStream || object instanceof PDFInvalidObject ? [ref, new Verbatim(object)] : entry);
      entries.push(ref.objectNumber, 1, size, ref.generationNumber);
      size += writer.computeIndirectObjectSize(entry);
    } else {
      let chunk = chunks[chunks.length - 1];
      let chunkRef = chunkRefs[chunkRefs.length - 1];
      if (!chunk || !chunkRef || chunk.length % OBJECTS_PER_STREAM === 0) {
        chunk = [];
        chunks.push(chunk);
        chunkRef = PDFRef.of(objectNumber++);
        chunkRefs.push(chunkRef);
      }
      entries.push(ref.objectNumber, 2, chunkRef.objectNumber, chunk.length);
      chunk.push(entry);
    }
  }
  packedBefore(Infinity);
  chunks.forEach((chunk, i) => {
    const ref = chunkRefs[i]!;
    const stream = new Verbatim(PDFObjectStream.withContextAndObjects(context, chunk, true));
    entries.push(ref.objectNumber, 1, size, 0);
    size += writer.computeIndirectObjectSize([ref, stream]);
    uncompressed.push([ref, stream]);
  });
  const xrefRef = PDFRef.of(objectNumber++);
  entries.push(xrefRef.objectNumber, 1, size, 0);
  const xrefStream = new Verbatim(crossReferenceStream(writer.createTrailerDict(), entries, objectNumber));
  const xrefOffset = size;
  size += writer.computeIndirectObjectSize([xrefRef, xrefStream]);
  uncompressed.push([xrefRef, xrefStream]);
  const trailer = PDFTrailer.forLastCrossRefSectionOffset(xrefOffset);
  size += trailer.sizeInBytes();
  return { size, header, indirectObjects: uncompressed, trailer };
}

/** The cross-reference stream of `entries` (quadruples, ascending object numbers), with the trailer's entries. */
function crossReferenceStream(trailer: PDFDict, entries: number[], size: number): PDFRawStream {
  const count = entries.length / 4;
  let most2 = 0;
  let most3 = 0;
  for (let i = 0; i < count; i++) {
    most2 = Math.max(most2, entries[4 * i + 2]!);
    most3 = Math.max(most3, entries[4 * i + 3]!);
  }
  const [w2, w3] = [byteWidth(most2), byteWidth(most3)];
  const width = 1 + w2 + w3;
  const data = new Uint8Array(count * width);
  const index: number[] = [];
  for (let i = 0; i < count; i++) {
    const n = entries[4 * i]!;
    if (i === 0 || n !== entries[4 * (i - 1)]! + 1) index.push(n, 0);
    index[index.length - 1]!++;
    const at = i * width;
    data[at] = entries[4 * i + 1]!;
    putNumber(data, at + 1, entries[4 * i + 2]!, w2);
    putNumber(data, at + 1 + w2, entries[4 * i + 3]!, w3);
  }
  trailer.set(PDFName.of('Type'), PDFName.of('XRef'));
  trailer.set(PDFName.of('Size'), PDFNumber.of(size));
  trailer.set(PDFName.of('W'), trailer.context.obj([1, w2, w3]));
  trailer.set(PDFName.of('Index'), trailer.context.obj(index));
  trailer.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
  return PDFRawStream.of(trailer, deflateSync(data));
}

/** Bytes a field needs for numbers up to `most` (at least one). */
function byteWidth(most: number): number {
  let width = 1;
  while (most >= 256 ** width) width++;
  return width;
}

function putNumber(data: Uint8Array, at: number, value: number, width: number): void {
  for (let k = width - 1; k >= 0; k--) {
    data[at + k] = value % 256;
    value = Math.floor(value / 256);
  }
}

/**
 * A PNG read the way a decoder reads it, without keeping a pixel: chunk lengths and checksums,
 * the header's size and colour format, then the compressed image data inflated as a stream and
 * counted against the size the header promises (cut-short files print blank below).
 */
import { constants, createInflate, crc32 } from 'node:zlib';
import type { FormatVerdict } from './image-formats.js';

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
/** Adam7: [x0, y0, dx, dy] of each pass. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

interface Header {
  width: number;
  height: number;
  bitsPerPixel: number;
  interlaced: boolean;
  colorType: number;
}

/** `sizeOk` is asked before any image data is inflated (a 20000 × 20000 header is refused first). */
export async function checkPng(bytes: Buffer, sizeOk: (width: number, height: number) => boolean): Promise<FormatVerdict> {
  let pos = 8;
  let header: Header | undefined;
  let palette = false;
  let ended = false;
  let cutInChunks = false;
  const data: Buffer[] = [];
  while (pos < bytes.length && !ended) {
    if (pos + 8 > bytes.length) {
      cutInChunks = true;
      break;
    }
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) return { width: header?.width ?? 0, height: header?.height ?? 0, damaged: `the chunk at byte ${pos} is not a PNG chunk` };
    const end = pos + 8 + length;
    const body = bytes.subarray(pos + 8, Math.min(end, bytes.length));
    if (end + 4 > bytes.length) {
      cutInChunks = true;
      if (type === 'IDAT') data.push(body);
      break;
    }
    const critical = type.charCodeAt(0) < 0x61;
    if (critical && crc32(bytes.subarray(pos + 4, end)) !== bytes.readUInt32BE(end)) {
      return { width: header?.width ?? 0, height: header?.height ?? 0, damaged: `its ${type} chunk (at byte ${pos}) is damaged: its checksum does not match` };
    }
    if (!header && type !== 'IHDR') return { width: 0, height: 0, damaged: 'it does not start with a PNG header (IHDR)' };
    if (type === 'IHDR') {
      if (header || length !== 13) return { width: 0, height: 0, damaged: 'its header (IHDR) is malformed' };
      const colorType = body[9]!;
      const depth = body[8]!;
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), colorType, interlaced: body[12] === 1, bitsPerPixel: depth * (CHANNELS[colorType] ?? 0) };
      if (!DEPTHS[colorType]?.includes(depth) || body[10] !== 0 || body[11] !== 0 || body[12]! > 1) {
        return { width: header.width, height: header.height, damaged: `its header declares a colour format no PNG has (colour type ${colorType}, ${depth} bits)` };
      }
    } else if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') ended = true;
    pos = end + 4;
  }
  if (!header) return { width: 0, height: 0, damaged: 'the file ends before its header' };
  const { width, height } = header;
  if (data.length === 0) return { width, height, damaged: cutInChunks ? 'the file ends before its image data' : 'it has no image data (no IDAT chunk)' };
  if (header.colorType === 3 && !palette) return { width, height, damaged: 'it uses a palette but has none (no PLTE chunk)' };
  if (width === 0 || height === 0 || !sizeOk(width, height)) return { width, height };
  const expected = rawSize(header);
  const { inflated, error, badFilterRow } = await inflateCount(Buffer.concat(data), header);
  if (badFilterRow !== undefined) return { width, height, damaged: `row ${badFilterRow + 1} of its image data is garbled (an unknown filter)` };
  if (inflated < expected) {
    const rowBytes = 1 + Math.ceil((width * header.bitsPerPixel) / 8);
    const missing = Math.max(1, Math.round((100 * (expected - inflated)) / expected));
    if (error && !/unexpected end/i.test(error)) return { width, height, damaged: `its compressed image data is damaged (${error})` };
    const where = header.interlaced ? '' : ` (it stops at row ${Math.floor(inflated / rowBytes)} of ${height})`;
    return { width, height, cut: `${missing}% of its image data is missing${where}` };
  }
  if (error && !/unexpected end/i.test(error)) return { width, height, damaged: `its compressed image data is damaged (${error})` };
  return { width, height };
}

/** Bytes of filtered image data the header promises: a filter byte per row, per pass when interlaced. */
function rawSize({ width, height, bitsPerPixel, interlaced }: Header): number {
  const row = (w: number) => (w === 0 ? 0 : 1 + Math.ceil((w * bitsPerPixel) / 8));
  if (!interlaced) return height * row(width);
  let total = 0;
  for (const [x0, y0, dx, dy] of ADAM7) total += Math.ceil(Math.max(0, height - y0) / dy) * row(Math.ceil(Math.max(0, width - x0) / dx));
  return total;
}

/**
 * Inflates as a stream, keeping nothing but a count (and checking each row's filter byte when not
 * interlaced); stops once the promised size is reached.
 */
function inflateCount(compressed: Buffer, header: Header): Promise<{ inflated: number; error?: string; badFilterRow?: number }> {
  const expected = rawSize(header);
  const rowBytes = 1 + Math.ceil((header.width * header.bitsPerPixel) / 8);
  return new Promise((resolve) => {
    // A sync flush at the end gives out all a cut-short stream holds, instead of an error.
    const inflate = createInflate({ chunkSize: 1 << 16, finishFlush: constants.Z_SYNC_FLUSH });
    let inflated = 0;
    let done = false;
    const finish = (result: { inflated: number; error?: string; badFilterRow?: number }) => {
      if (done) return;
      done = true;
      inflate.removeAllListeners('data');
      inflate.destroy();
      resolve(result);
    };
    inflate.on('data', (chunk: Buffer) => {
      if (!header.interlaced) {
        // Row k's filter byte sits at k * rowBytes of the whole stream.
        for (let at = Math.ceil(inflated / rowBytes) * rowBytes; at < inflated + chunk.length && at < expected; at += rowBytes) {
          if (chunk[at - inflated]! > 4) return finish({ inflated, badFilterRow: at / rowBytes });
        }
      }
      inflated += chunk.length;
      if (inflated >= expected) finish({ inflated: expected });
    });
    inflate.on('error', (error) => finish({ inflated, error: error.message }));
    inflate.on('end', () => finish({ inflated }));
    inflate.end(compressed);
  });
}

/**
 * A JPEG walked marker by marker to its end (EOI), without decoding a pixel: the frame's size
 * and the scans' compressed data. A file cut short has no EOI; for an ordinary (baseline) JPEG
 * its Huffman codes are then counted block by block to say how far down the picture gets.
 */
import type { FormatVerdict } from './image-formats.js';
import { decodedRows } from './image-jpeg-rows.js';

/** Frame markers browsers decode: baseline, extended and progressive Huffman JPEG. */
const SHOWN = new Set([0xc0, 0xc1, 0xc2]);
/** Lossless, hierarchical and arithmetic-coded frames: valid JPEG that browsers do not show. */
const NOT_SHOWN = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

interface Component {
  id: number;
  h: number;
  v: number;
}

export interface Frame {
  marker: number;
  width: number;
  height: number;
  components: Component[];
}

export interface Scan {
  /** Offset of the entropy-coded data. */
  start: number;
  components: Array<{ index: number; dc: number; ac: number }>;
}

export interface Tables {
  dc: Map<number, Huffman>;
  ac: Map<number, Huffman>;
  restartInterval: number;
}

export interface Huffman {
  /** code length → first code, first index, count (JPEG's DECODE procedure). */
  maxcode: Int32Array;
  valptr: Int32Array;
  mincode: Int32Array;
  values: Uint8Array;
}

export function checkJpeg(bytes: Buffer, sizeOk: (width: number, height: number) => boolean): FormatVerdict {
  let frame: Frame | undefined;
  const tables: Tables = { dc: new Map(), ac: new Map(), restartInterval: 0 };
  const size = () => ({ width: frame?.width ?? 0, height: frame?.height ?? 0 });
  let scans = 0;
  let pos = 2;
  for (;;) {
    while (pos < bytes.length && bytes[pos] === 0xff && bytes[pos + 1] === 0xff) pos++; // fill bytes
    if (pos + 1 >= bytes.length) return cutShort(bytes, frame, tables, undefined, scans, sizeOk);
    if (bytes[pos] !== 0xff) return { ...size(), damaged: `byte ${pos} should start a JPEG marker` };
    const marker = bytes[pos + 1]!;
    if (marker === 0xd9) break;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2;
      continue;
    }
    if (pos + 4 > bytes.length) return cutShort(bytes, frame, tables, undefined, scans, sizeOk);
    const length = bytes.readUInt16BE(pos + 2);
    const end = pos + 2 + length;
    if (length < 2) return { ...size(), damaged: `its marker at byte ${pos} is malformed` };
    if (end > bytes.length) return cutShort(bytes, frame, tables, undefined, scans, sizeOk);
    const body = bytes.subarray(pos + 4, end);
    if (SHOWN.has(marker) || NOT_SHOWN.has(marker)) {
      if (NOT_SHOWN.has(marker)) return { ...size(), refused: 'is a lossless, hierarchical or arithmetic-coded JPEG, which browsers cannot show: save it again as an ordinary JPEG' };
      const components: Component[] = [];
      for (let i = 0; i < body[5]!; i++) components.push({ id: body[6 + i * 3]!, h: body[7 + i * 3]! >> 4, v: body[7 + i * 3]! & 15 });
      frame = { marker, height: body.readUInt16BE(1), width: body.readUInt16BE(3), components };
      if (components.some((c) => c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4) || components.length === 0) return { ...size(), damaged: 'its frame header is malformed' };
    } else if (marker === 0xc4) readHuffman(body, tables);
    else if (marker === 0xdd) tables.restartInterval = body.readUInt16BE(0);
    else if (marker === 0xda) {
      if (!frame) return { width: 0, height: 0, damaged: 'its image data comes before its frame header (SOF)' };
      const scan: Scan = { start: end, components: [] };
      for (let i = 0; i < body[0]!; i++) {
        const index = frame.components.findIndex((c) => c.id === body[1 + i * 2]);
        scan.components.push({ index, dc: body[2 + i * 2]! >> 4, ac: body[2 + i * 2]! & 15 });
      }
      if (frame.width === 0 || frame.height === 0 || !sizeOk(frame.width, frame.height)) return size();
      scans++;
      const next = nextMarker(bytes, end);
      if (next < 0) return cutShort(bytes, frame, tables, scan, scans, sizeOk);
      pos = next;
      continue;
    }
    pos = end;
  }
  if (!frame) return { width: 0, height: 0, damaged: 'it has no frame header (SOF)' };
  if (scans === 0) return { ...size(), damaged: 'it has no image data (no scan)' };
  return size();
}

/** The offset of the marker that ends the entropy-coded data at `from`, or -1 when the file ends first. */
function nextMarker(bytes: Buffer, from: number): number {
  let at = bytes.indexOf(0xff, from);
  while (at >= 0 && at + 1 < bytes.length) {
    const next = bytes[at + 1]!;
    if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) return at;
    at = bytes.indexOf(0xff, at + 1);
  }
  return -1;
}

function cutShort(bytes: Buffer, frame: Frame | undefined, tables: Tables, scan: Scan | undefined, scans: number, sizeOk: (w: number, h: number) => boolean): FormatVerdict {
  if (!frame) return { width: 0, height: 0, damaged: 'the file ends before its frame header' };
  const { width, height } = frame;
  if (width === 0 || height === 0 || !sizeOk(width, height)) return { width, height };
  if (!scan) return { width, height, cut: scans === 0 ? 'the file ends before its image data' : 'the file ends without its end marker (EOI)' };
  if (frame.marker === 0xc2) return { width, height, cut: `the file ends in scan ${scans} of its progressive data, so the picture prints partly blurred or blank` };
  const rows = decodedRows(bytes, frame, tables, scan);
  if (rows === undefined) return { width, height, cut: 'the file ends in the middle of its image data (the end marker is missing)' };
  const missing = Math.max(1, Math.round((100 * (height - rows)) / height));
  return { width, height, cut: `${missing}% of the picture is missing (its data stops at row ${rows} of ${height})` };
}

function readHuffman(body: Buffer, tables: Tables): void {
  let p = 0;
  while (p + 17 <= body.length) {
    const tc = body[p]! >> 4;
    const th = body[p]! & 15;
    const counts = body.subarray(p + 1, p + 17);
    const total = counts.reduce((a, b) => a + b, 0);
    const values = Uint8Array.from(body.subarray(p + 17, p + 17 + total));
    const maxcode = new Int32Array(18).fill(-1);
    const valptr = new Int32Array(17);
    const mincode = new Int32Array(17);
    let code = 0;
    let k = 0;
    for (let l = 1; l <= 16; l++) {
      valptr[l] = k;
      mincode[l] = code;
      code += counts[l - 1]!;
      k += counts[l - 1]!;
      maxcode[l] = counts[l - 1] ? code - 1 : -1;
      code <<= 1;
    }
    (tc === 0 ? tables.dc : tables.ac).set(th, { maxcode, valptr, mincode, values });
    p += 17 + total;
  }
}

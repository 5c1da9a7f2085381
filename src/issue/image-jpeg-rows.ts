/**
 * How far down a cut-short baseline JPEG gets, to say how much of the picture is missing: its
 * Huffman codes are decoded block by block (the coefficients thrown away) until the data runs
 * out. Decoders that could tell (libjpeg, jpeg-js) instead paint the rest grey and at most warn.
 */

/** What image-jpeg.ts found before the first scan of a file without its end marker. */
export interface CutScan {
  width: number;
  height: number;
  components: Array<{ id: number; h: number; v: number }>;
  /** The bodies of the DHT segments before the scan. */
  huffman: Buffer[];
  restartInterval: number;
  /** The SOS segment's body, and the offset of the compressed data after it. */
  header: Buffer;
  start: number;
}

interface Huffman {
  /** Per code length: the largest code, the first value's index, the smallest code (JPEG's DECODE). */
  maxcode: Int32Array;
  valptr: Int32Array;
  mincode: Int32Array;
  values: Buffer;
}

/** Complete pixel rows before the data runs out; undefined when a table the scan needs is missing. */
export function rowsBeforeCut(bytes: Buffer, scan: CutScan): number | undefined {
  const tables = readHuffman(scan.huffman);
  const parts = Array.from({ length: scan.header[0] ?? 0 }, (_, i) => ({
    component: scan.components.find((c) => c.id === scan.header[1 + i * 2]),
    dc: tables.get(scan.header[2 + i * 2]! >> 4),
    ac: tables.get(0x10 | (scan.header[2 + i * 2]! & 15)),
  }));
  if (parts.length === 0 || parts.some((p) => !p.component || !p.dc || !p.ac)) return undefined;
  const hmax = Math.max(...scan.components.map((c) => c.h));
  const vmax = Math.max(...scan.components.map((c) => c.v));
  const single = parts.length === 1;
  const first = parts[0]!.component!;
  // MCUs per row, and the pixel rows one row of MCUs covers.
  const perRow = single ? Math.ceil(Math.ceil((scan.width * first.h) / hmax) / 8) : Math.ceil(scan.width / (8 * hmax));
  const rowHeight = single ? (8 * vmax) / first.v : 8 * vmax;
  const bits = bitReader(bytes, scan.start);
  let mcus = 0;
  while (!bits.ended()) {
    if (scan.restartInterval && mcus > 0 && mcus % scan.restartInterval === 0 && !bits.restart()) break;
    for (const part of parts) {
      for (let b = 0; b < (single ? 1 : part.component!.h * part.component!.v) && !bits.ended(); b++) {
        bits.skip(bits.decode(part.dc!));
        for (let k = 1; k < 64 && !bits.ended(); ) {
          const rs = bits.decode(part.ac!);
          if ((rs & 15) === 0 && rs >> 4 !== 15) break; // end of block
          k += (rs >> 4) + 1;
          bits.skip(rs & 15);
        }
      }
    }
    if (!bits.ended()) mcus++;
  }
  return Math.min(scan.height, Math.floor(mcus / perRow) * rowHeight);
}

/** Tables by class and id: DC 0x00–0x03, AC 0x10–0x13. */
function readHuffman(segments: Buffer[]): Map<number, Huffman> {
  const tables = new Map<number, Huffman>();
  for (const body of segments) {
    for (let p = 0; p + 17 <= body.length; ) {
      const counts = body.subarray(p + 1, p + 17);
      const total = counts.reduce((a, b) => a + b, 0);
      const table = { maxcode: new Int32Array(18).fill(-1), valptr: new Int32Array(17), mincode: new Int32Array(17), values: body.subarray(p + 17, p + 17 + total) };
      for (let l = 1, code = 0, k = 0; l <= 16; l++, code <<= 1) {
        table.valptr[l] = k;
        table.mincode[l] = code;
        code += counts[l - 1]!;
        k += counts[l - 1]!;
        table.maxcode[l] = counts[l - 1] ? code - 1 : -1;
      }
      tables.set(body[p]!, table);
      p += 17 + total;
    }
  }
  return tables;
}

/** The compressed data bit by bit; `ended` once a marker or the end of the file is reached. */
function bitReader(bytes: Buffer, pos: number) {
  let bits = 0;
  let count = 0;
  let ended = false;
  const bit = (): number => {
    if (count === 0) {
      const byte = bytes[pos];
      // 0xFF is followed by a stuffed 0x00 in the data; anything else is a marker.
      if (byte === undefined || (byte === 0xff && bytes[pos + 1] !== 0x00)) {
        ended = true;
        return 0;
      }
      pos += byte === 0xff ? 2 : 1;
      bits = byte;
      count = 8;
    }
    count--;
    return (bits >> count) & 1;
  };
  return {
    ended: () => ended,
    skip(n: number): void {
      for (let i = 0; i < n && !ended; i++) bit();
    },
    decode(table: Huffman): number {
      let code = bit();
      for (let length = 1; !ended; length++) {
        if (code <= table.maxcode[length]!) return table.values[table.valptr[length]! + code - table.mincode[length]!] ?? 0;
        if (length === 16) ended = true;
        code = (code << 1) | bit();
      }
      return 0;
    },
    /** At a restart marker: drop the partial byte and step over the marker. */
    restart(): boolean {
      count = 0;
      const next = bytes[pos + 1] ?? 0;
      if (bytes[pos] !== 0xff || next < 0xd0 || next > 0xd7) return false;
      pos += 2;
      ended = false;
      return true;
    },
  };
}

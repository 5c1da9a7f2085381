/**
 * How far down a cut-short baseline JPEG gets: its Huffman codes decoded (coefficients thrown
 * away) block by block until the data runs out. Only run for a file without its end marker.
 */
import type { Frame, Huffman, Scan, Tables } from './image-jpeg.js';

class Bits {
  private bits = 0;
  private count = 0;
  /** True once a marker or the end of the file is reached. */
  ended = false;
  constructor(
    private readonly bytes: Buffer,
    public pos: number,
  ) {}

  bit(): number {
    if (this.count === 0) {
      if (this.pos >= this.bytes.length) return this.stop();
      const byte = this.bytes[this.pos]!;
      if (byte === 0xff) {
        const next = this.bytes[this.pos + 1];
        if (next === undefined || next !== 0x00) return this.stop();
        this.pos++;
      }
      this.pos++;
      this.bits = byte;
      this.count = 8;
    }
    this.count--;
    return (this.bits >> this.count) & 1;
  }

  private stop(): number {
    this.ended = true;
    return 0;
  }

  receive(n: number): void {
    for (let i = 0; i < n && !this.ended; i++) this.bit();
  }

  /** At a restart marker: drop the partial byte and step over the marker. */
  restart(): boolean {
    this.count = 0;
    const b = this.bytes;
    if (b[this.pos] === 0xff && b[this.pos + 1]! >= 0xd0 && b[this.pos + 1]! <= 0xd7) {
      this.pos += 2;
      this.ended = false;
      return true;
    }
    return false;
  }

  decode(table: Huffman): number {
    let code = this.bit();
    let length = 1;
    while (code > table.maxcode[length]! && !this.ended) {
      code = (code << 1) | this.bit();
      if (++length > 16) {
        this.ended = true;
        return 0;
      }
    }
    return table.values[table.valptr[length]! + code - table.mincode[length]!] ?? 0;
  }
}

/** Complete pixel rows of a cut-short baseline scan; undefined when the tables it needs are missing. */
export function decodedRows(bytes: Buffer, frame: Frame, tables: Tables, scan: Scan): number | undefined {
  const hmax = Math.max(...frame.components.map((c) => c.h));
  const vmax = Math.max(...frame.components.map((c) => c.v));
  const parts = scan.components.map((s) => ({ ...s, component: frame.components[s.index], dcTable: tables.dc.get(s.dc), acTable: tables.ac.get(s.ac) }));
  if (parts.some((p) => !p.component || !p.dcTable || !p.acTable)) return undefined;
  const single = parts.length === 1;
  const c0 = parts[0]!.component!;
  // Blocks per MCU row, and pixel rows per MCU row.
  const perRow = single ? Math.ceil(Math.ceil((frame.width * c0.h) / hmax) / 8) : Math.ceil(frame.width / (8 * hmax));
  const rowHeight = single ? (8 * vmax) / c0.v : 8 * vmax;
  const bits = new Bits(bytes, scan.start);
  let mcus = 0;
  for (;;) {
    if (tables.restartInterval && mcus > 0 && mcus % tables.restartInterval === 0 && !bits.restart()) break;
    for (const part of parts) {
      const blocks = single ? 1 : part.component!.h * part.component!.v;
      for (let b = 0; b < blocks; b++) {
        bits.receive(bits.decode(part.dcTable!));
        for (let k = 1; k < 64 && !bits.ended; ) {
          const rs = bits.decode(part.acTable!);
          const run = rs >> 4;
          const size = rs & 15;
          if (size === 0) {
            if (run !== 15) break;
            k += 16;
          } else {
            k += run + 1;
            bits.receive(size);
          }
        }
        if (bits.ended) return Math.min(frame.height, Math.floor(mcus / perRow) * rowHeight);
      }
    }
    mcus++;
  }
  return Math.min(frame.height, Math.floor(mcus / perRow) * rowHeight);
}

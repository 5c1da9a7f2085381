/**
 * QR codes for the web edition's print view, as tiny one-bit PNGs (a module a pixel, scaled up
 * crisply by CSS): a few hundred bytes each where an SVG path takes ~3 KB, which kept a page of
 * forty sources from being small.
 */
import QRCode from 'qrcode';
import { crc32, deflateSync } from 'node:zlib';

/** Modules between the code and its edge: the quiet zone the QR standard asks for. */
const QUIET_ZONE = 4;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A one-bit greyscale PNG of `dark(x, y)` on a `size` × `size` grid (true: black). */
export function bitmapPng(size: number, dark: (x: number, y: number) => boolean): Buffer {
  const stride = Math.ceil(size / 8);
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (stride + 1);
    // Filter type 0, then the row's bits, most significant first; 1 is white in greyscale.
    for (let x = 0; x < size; x++) if (!dark(x, y)) raw[row + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** The code for `url` (medium error correction, as printed) as a PNG data: URI. */
export function qrDataUri(url: string): string {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const size = modules.size + 2 * QUIET_ZONE;
  const dark = (x: number, y: number) => {
    const mx = x - QUIET_ZONE;
    const my = y - QUIET_ZONE;
    return mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && Boolean(modules.get(my, mx));
  };
  return `data:image/png;base64,${bitmapPng(size, dark).toString('base64')}`;
}

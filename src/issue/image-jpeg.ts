/**
 * Whether a JPEG is whole: its segments walked to the first scan, then its end marker (EOI)
 * looked for after it. image-size reads the size from the frame header and stops there; the
 * decoders (libjpeg in Chromium, jpeg-js) draw a cut-short file with grey or nothing below the
 * cut and at most warn, so no maintained package says "this file is cut short". Decoding errors
 * beyond that are the browser's to find at build time (an image it cannot decode fails the build
 * at its line).
 */
import { t } from '../core/i18n.js';
import { rowsBeforeCut, type CutScan } from './image-jpeg-rows.js';

/** Lossless, hierarchical and arithmetic-coded frames: valid JPEG that browsers do not show. */
const NOT_SHOWN = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const EOI = Buffer.from([0xff, 0xd9]);
const SOS = Buffer.from([0xff, 0xda]);

/** `sizeOk` keeps a cut-short file whose size is refused anyway from being decoded. */
export function checkJpeg(bytes: Buffer, sizeOk: (width: number, height: number) => boolean): { damaged?: string; cut?: string; refused?: string } {
  let frame: { width: number; height: number; components: CutScan['components']; progressive: boolean } | undefined;
  const huffman: Buffer[] = [];
  let restartInterval = 0;
  let pos = 2;
  for (;;) {
    while (bytes[pos] === 0xff && bytes[pos + 1] === 0xff) pos++; // fill bytes
    if (pos + 2 > bytes.length) return endsEarly(frame);
    if (bytes[pos] !== 0xff) return { damaged: t('issue.image.jpeg.not-marker', { pos }) };
    const marker = bytes[pos + 1]!;
    if (marker === 0xd9) return { damaged: t(frame ? 'issue.image.jpeg.no-scan' : 'issue.image.jpeg.no-frame') };
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2; // restart markers and TEM stand alone
      continue;
    }
    if (pos + 4 > bytes.length) return endsEarly(frame);
    const end = pos + 2 + bytes.readUInt16BE(pos + 2);
    if (end < pos + 4) return { damaged: t('issue.image.jpeg.bad-marker', { pos }) };
    if (end > bytes.length) return endsEarly(frame);
    const body = bytes.subarray(pos + 4, end);
    if (NOT_SHOWN.has(marker)) return { refused: t('issue.image.jpeg.not-shown') };
    if (marker >= 0xc0 && marker <= 0xc2) {
      const components = Array.from({ length: body[5]! }, (_, i) => ({ id: body[6 + i * 3]!, h: body[7 + i * 3]! >> 4, v: body[7 + i * 3]! & 15 }));
      if (components.length === 0 || components.some((c) => c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4)) return { damaged: t('issue.image.jpeg.bad-frame') };
      frame = { width: body.readUInt16BE(3), height: body.readUInt16BE(1), components, progressive: marker === 0xc2 };
    } else if (marker === 0xc4) huffman.push(body);
    else if (marker === 0xdd) restartInterval = body.readUInt16BE(0);
    else if (marker === 0xda) {
      if (!frame) return { damaged: t('issue.image.jpeg.data-before-frame') };
      // Neither marker can occur inside compressed data (a 0xFF there is followed by 0x00). Data
      // after EOI (phones append motion photos there) is no harm.
      if (bytes.indexOf(EOI, end) >= 0) return {};
      if (!frame.width || !frame.height || !sizeOk(frame.width, frame.height)) return {};
      let scans = 1;
      for (let at = bytes.indexOf(SOS, end); at >= 0; at = bytes.indexOf(SOS, at + 2)) scans++;
      if (frame.progressive) return { cut: t('issue.image.jpeg.cut-progressive', { scan: scans }) };
      const rows = scans === 1 ? rowsBeforeCut(bytes, { ...frame, huffman, restartInterval, header: body, start: end }) : undefined;
      if (rows === undefined) return { cut: t('issue.image.jpeg.cut') };
      const missing = Math.max(1, Math.round((100 * (frame.height - rows)) / frame.height));
      return { cut: t('issue.image.jpeg.cut-rows', { missing, rows, height: frame.height }) };
    }
    pos = end;
  }
}

function endsEarly(frame: object | undefined) {
  return frame ? { cut: t('issue.image.ends-before-data') } : { damaged: t('issue.image.jpeg.ends-before-frame') };
}

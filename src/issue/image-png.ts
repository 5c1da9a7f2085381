/**
 * Whether a PNG is whole: its chunks walked from the header (IHDR) to the end chunk (IEND), each
 * within the file, each critical chunk's checksum matched. image-size reads the header and stops
 * there; decoders (libpng in Chromium, pngjs) draw a cut-short file blank below the cut or throw
 * a bare "unexpected end", so no maintained package says "this file is cut short". Decoding
 * errors beyond that are the browser's to find at build time.
 */
import { crc32 } from 'node:zlib';
import { t } from '../core/i18n.js';

export function checkPng(bytes: Buffer): { damaged?: string; cut?: string } {
  let data = false;
  let pos = 8;
  while (pos + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) return { damaged: t('issue.image.png.not-chunk', { pos }) };
    if (pos === 8 && type !== 'IHDR') return { damaged: t('issue.image.png.no-header') };
    const end = pos + 8 + length;
    if (end + 4 > bytes.length) {
      if (pos === 8) break;
      if (!data && type !== 'IDAT') return { damaged: t('issue.image.ends-before-data') };
      return { cut: t('issue.image.png.cut-in-chunk', { type, pos, have: Math.max(0, bytes.length - pos - 8), length }) };
    }
    // Critical chunks only (upper-case first letter): decoders skip a damaged ancillary one.
    if (type.charCodeAt(0) < 0x61 && crc32(bytes.subarray(pos + 4, end)) !== bytes.readUInt32BE(end)) {
      return { damaged: t('issue.image.png.checksum', { type, pos }) };
    }
    if (type === 'IEND') return data ? {} : { damaged: t('issue.image.png.no-data') };
    data ||= type === 'IDAT';
    pos = end + 4;
  }
  if (pos === 8) return { damaged: t('issue.image.png.ends-before-header') };
  return data ? { cut: t('issue.image.png.no-end') } : { damaged: t('issue.image.ends-before-data') };
}

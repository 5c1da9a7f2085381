/**
 * GIF, WebP and SVG read for their structure and size (PNG and JPEG have modules of their own).
 * Nothing is decoded into pixels; an SVG is parsed as XML, with DOCTYPEs (and so entities) refused.
 */
import { SaxesParser } from 'saxes';

/** What a format check finds: the size, and at most one of "damaged" or "cut short". */
export interface FormatVerdict {
  width: number;
  height: number;
  /** Why it cannot be decoded (completes "cannot be decoded: …"). */
  damaged?: string;
  /** How much is missing (completes "is cut short: …"). */
  cut?: string;
  /** Valid, but refused: what it is and what to do (completes `"file" …`). */
  refused?: string;
}

export function checkGif(bytes: Buffer): FormatVerdict {
  if (bytes.length < 13) return { width: 0, height: 0, damaged: 'the file ends inside its header' };
  const width = bytes.readUInt16LE(6);
  const height = bytes.readUInt16LE(8);
  const table = (packed: number) => (packed & 0x80 ? 3 << ((packed & 7) + 1) : 0);
  let pos = 13 + table(bytes[10]!);
  let frames = 0;
  const subBlocks = () => {
    while (pos < bytes.length && bytes[pos] !== 0) pos += bytes[pos]! + 1;
    pos++;
  };
  while (pos < bytes.length) {
    const kind = bytes[pos]!;
    if (kind === 0x3b) return frames > 0 ? { width, height } : { width, height, damaged: 'it holds no picture' };
    if (kind === 0x21) {
      pos += 2;
      subBlocks();
    } else if (kind === 0x2c) {
      if (pos + 10 > bytes.length) break;
      pos += 10 + table(bytes[pos + 9]!) + 1; // descriptor, local colour table, LZW code size
      subBlocks();
      if (pos <= bytes.length) frames++;
    } else return { width, height, damaged: `byte ${pos} starts no GIF block` };
  }
  return { width, height, cut: frames > 0 ? 'the file ends without its trailer, after its last complete frame' : 'the file ends inside its picture data' };
}

export function checkWebp(bytes: Buffer): FormatVerdict {
  const declared = bytes.readUInt32LE(4) + 8;
  let pos = 12;
  let width = 0;
  let height = 0;
  let image = false;
  while (pos + 8 <= Math.min(bytes.length, declared)) {
    const type = bytes.toString('latin1', pos, pos + 4);
    const length = bytes.readUInt32LE(pos + 4);
    const body = bytes.subarray(pos + 8, pos + 8 + length);
    if (type === 'VP8X' && body.length >= 10) {
      width = body.readUIntLE(4, 3) + 1;
      height = body.readUIntLE(7, 3) + 1;
    } else if (type === 'VP8 ' && body.length >= 10) {
      if (body[3] !== 0x9d || body[4] !== 0x01 || body[5] !== 0x2a) return { width, height, damaged: 'its VP8 picture has no start code' };
      if (!width) (width = body.readUInt16LE(6) & 0x3fff), (height = body.readUInt16LE(8) & 0x3fff);
      image = true;
    } else if (type === 'VP8L' && body.length >= 5) {
      if (body[0] !== 0x2f) return { width, height, damaged: 'its lossless picture has no signature' };
      const bits = body.readUInt32LE(1);
      if (!width) (width = (bits & 0x3fff) + 1), (height = ((bits >> 14) & 0x3fff) + 1);
      image = true;
    } else if (type === 'ANMF') image = true;
    pos += 8 + length + (length & 1);
  }
  if (bytes.length < declared) {
    const missing = Math.max(1, Math.round((100 * (declared - bytes.length)) / declared));
    return { width, height, cut: `${missing}% of the file is missing (${bytes.length} of the ${declared} bytes it declares)` };
  }
  return image ? { width, height } : { width, height, damaged: 'it holds no picture (no VP8 or VP8L chunk)' };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function checkSvg(text: string): FormatVerdict & { root?: string } {
  if (/<!DOCTYPE/i.test(text)) return { width: 0, height: 0, refused: 'has a <!DOCTYPE …>, which can declare entities that grow into gigabytes: delete the DOCTYPE (an SVG needs none)' };
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: { name: string; uri: string; attributes: Record<string, string> } | undefined;
  let error: string | undefined;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.on('opentag', (tag) => {
    if (root) return;
    const attributes: Record<string, string> = {};
    for (const [name, attr] of Object.entries(tag.attributes)) attributes[name] = attr.value;
    root = { name: tag.local, uri: tag.uri, attributes };
  });
  parser.write(text).close();
  if (error) return { width: 0, height: 0, damaged: `it is not well-formed XML (${error.replace(/^undefined:/, 'line ')})` };
  if (!root || root.name !== 'svg') return { width: 0, height: 0, root: root?.name ?? '' };
  if (root.uri !== SVG_NS) return { width: 0, height: 0, refused: `has an <svg> element without xmlns="${SVG_NS}", which browsers show as nothing: add it` };
  const box = (root.attributes.viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  const length = (value: string | undefined, fallback: number | undefined) => {
    if (value === undefined || /%$/.test(value.trim())) return fallback;
    const n = Number.parseFloat(value);
    return Number.isFinite(n) ? n : fallback;
  };
  const viewBox = box.length === 4 && box.every(Number.isFinite) ? { width: box[2]!, height: box[3]! } : undefined;
  const width = length(root.attributes.width, viewBox?.width) ?? 300;
  const height = length(root.attributes.height, viewBox?.height) ?? 150;
  return { width: Math.round(width), height: Math.round(height) };
}

/**
 * A TrueType/OpenType font (sfnt) wrapped as WOFF2, every table stored as it is (the "null
 * transform") and the whole compressed with Node's own Brotli. The reference encoder's glyf
 * transform saves another ~10 % but, run as WebAssembly, takes about a second per font; this
 * takes milliseconds. Format: https://www.w3.org/TR/WOFF2/ (sections 3–5).
 */
import { brotliCompressSync, constants } from 'node:zlib';

/** Tags WOFF2 knows by index (section 4.1); any other is written out after the flags. */
const KNOWN_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT',
  'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH',
  'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar',
  'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
];

/** UIntBase128: 7 bits a byte, most significant first, the high bit set on all but the last. */
function base128(value: number): number[] {
  const bytes = [value & 0x7f];
  for (let v = value >>> 7; v > 0; v >>>= 7) bytes.unshift((v & 0x7f) | 0x80);
  return bytes;
}

export function sfntToWoff2(sfnt: Uint8Array): Buffer {
  const font = Buffer.from(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const flavor = font.readUInt32BE(0);
  const count = font.readUInt16BE(4);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 12 + i * 16;
    const offset = font.readUInt32BE(at + 8);
    const length = font.readUInt32BE(at + 12);
    return { tag: font.toString('latin1', at, at + 4), data: font.subarray(offset, offset + length) };
  });
  const directory: number[] = [];
  for (const { tag, data } of tables) {
    const known = KNOWN_TAGS.indexOf(tag);
    // glyf and loca: transform version 3 is the null transform; for every other table it is 0.
    const version = tag === 'glyf' || tag === 'loca' ? 3 : 0;
    directory.push((known >= 0 ? known : 63) | (version << 6));
    if (known < 0) directory.push(...Buffer.from(tag, 'latin1'));
    directory.push(...base128(data.length));
  }
  const stream = Buffer.concat(tables.map((t) => t.data));
  const compressed = brotliCompressSync(stream, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_FONT, [constants.BROTLI_PARAM_SIZE_HINT]: stream.length } });
  const sfntSize = 12 + 16 * count + tables.reduce((sum, t) => sum + Math.ceil(t.data.length / 4) * 4, 0);
  const headerSize = 48;
  const unpadded = headerSize + directory.length + compressed.length;
  const total = Math.ceil(unpadded / 4) * 4;
  const out = Buffer.alloc(total);
  out.write('wOF2', 0, 'latin1');
  out.writeUInt32BE(flavor, 4);
  out.writeUInt32BE(total, 8);
  out.writeUInt16BE(count, 12);
  out.writeUInt32BE(sfntSize, 16);
  out.writeUInt32BE(compressed.length, 20);
  out.writeUInt16BE(1, 24);
  // minor version, metadata and private blocks: all zero.
  Buffer.from(directory).copy(out, headerSize);
  compressed.copy(out, headerSize + directory.length);
  return out;
}

/** How many glyphs a font has (maxp), .notdef included; 0 when it has no maxp table. */
export function glyphCount(sfnt: Uint8Array): number {
  const font = Buffer.from(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  for (let i = 0; i < font.readUInt16BE(4); i++) {
    const at = 12 + i * 16;
    if (font.toString('latin1', at, at + 4) === 'maxp') return font.readUInt16BE(font.readUInt32BE(at + 8) + 4);
  }
  return 0;
}

/**
 * A page's bytes → text, in the charset a browser would pick: a byte-order mark, then the
 * Content-Type header, then a `<meta charset>` (or http-equiv) near the top, else UTF-8.
 * Vietnamese sites still serve windows-1258 (tone marks as combining characters: the text is
 * composed to NFC afterwards) and UTF-8 with a BOM. Node's TextDecoder has no windows-1258, so
 * iconv-lite decodes.
 */
import iconv from 'iconv-lite';

/** How far into the page a `<meta charset>` is looked for (browsers prescan 1024 bytes; some sites put it later). */
const PRESCAN_BYTES = 4096;

export function charsetOf(bytes: Uint8Array, contentType?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const fromHeader = contentType ? charsetParameter(contentType) : undefined;
  if (fromHeader && iconv.encodingExists(fromHeader)) return fromHeader;
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag)?.[1];
    if (direct && iconv.encodingExists(direct)) return direct.toLowerCase();
  }
  return 'utf-8';
}

function charsetParameter(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1]?.toLowerCase();
}

export function decodePage(bytes: Uint8Array, contentType?: string): string {
  const charset = charsetOf(bytes, contentType);
  // A page that says ISO-8859-1 is read as windows-1252, as browsers do (WHATWG Encoding).
  const name = /^(?:iso-?8859-1|latin-?1|us-ascii|ascii)$/i.test(charset) ? 'windows-1252' : charset;
  return iconv.decode(Buffer.from(bytes), name).replace(/^\uFEFF/, '').normalize('NFC');
}

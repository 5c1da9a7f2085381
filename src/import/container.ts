/**
 * Is this a .docx bantin can safely hand to mammoth? Read from the bytes, never the name: a
 * Word 97–2003 .doc and a password-protected .docx are both OLE compound files (Word encrypts a
 * .docx into an OLE file holding an "EncryptedPackage" stream), a PDF renamed .docx starts with
 * %PDF, an OpenDocument text is a zip without word/. A zip bomb is refused before anything is
 * inflated for real: the central directory's sizes must stay under the caps, and each entry is
 * inflated once here with Node's zlib, stopped one byte past the size it declared, so an entry
 * that lies about its size is found without ever holding more than it promised.
 */
import { inflateRawSync } from 'node:zlib';
import { t, type MessageKey } from '../core/i18n.js';
import { megabytes } from '../core/read-file.js';

/** All entries inflated: mammoth holds the XML and its DOM in memory (about 10× the XML). */
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/**
 * Each XML part (the text, styles, notes): a 300-page draft's text is about 5 MB of XML, and
 * mammoth's DOM of a 25 MB part already takes about 1 GB.
 */
const MAX_XML_BYTES = 25 * 1024 * 1024;
/** Entries in the zip: Word writes a few dozen, plus one per picture. */
const MAX_ENTRIES = 5000;

/** Why a file is not a draft bantin reads (the message names no file: the caller adds it). */
export class NotADocx extends Error {
  constructor(key: MessageKey, params: Record<string, string | number> = {}) {
    super(t(key, params));
    this.name = 'NotADocx';
  }
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16 = (s: string) => Buffer.from(s, 'utf16le');

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressed: number;
  size: number;
  local: number;
}

export function checkDocx(bytes: Buffer): void {
  if (bytes.subarray(0, 8).equals(OLE)) {
    const encrypted = bytes.includes(utf16('EncryptedPackage')) || bytes.includes(utf16('EncryptionInfo'));
    throw new NotADocx(encrypted ? 'import.bad.encrypted' : 'import.bad.doc');
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') throw new NotADocx('import.bad.pdf');
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) throw new NotADocx('import.bad.not-zip');
  const entries = centralDirectory(bytes);
  const names = new Set(entries.map((e) => e.name));
  if (names.has('mimetype') && names.has('content.xml')) throw new NotADocx('import.bad.odt');
  if (!names.has('word/document.xml')) throw new NotADocx(names.has('xl/workbook.xml') ? 'import.bad.xlsx' : names.has('ppt/presentation.xml') ? 'import.bad.pptx' : 'import.bad.no-document');
  let total = 0;
  for (const entry of entries) {
    if (/\.(?:xml|rels)$/i.test(entry.name) && entry.size > MAX_XML_BYTES) throw new NotADocx('import.bad.xml-too-large', { name: entry.name, size: megabytes(entry.size), max: megabytes(MAX_XML_BYTES) });
    total += entry.size;
    if (total > MAX_UNZIPPED_BYTES) throw new NotADocx('import.bad.bomb', { max: megabytes(MAX_UNZIPPED_BYTES) });
  }
  for (const entry of entries) inflated(bytes, entry);
}

/** The entries the zip's central directory lists (ZIP64 and multi-disk zips are not Word's). */
function centralDirectory(bytes: Buffer): Entry[] {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new NotADocx('import.bad.damaged');
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new NotADocx('import.bad.damaged');
  if (count > MAX_ENTRIES) throw new NotADocx('import.bad.entries', { n: count, max: MAX_ENTRIES });
  if (offset + size > end) throw new NotADocx('import.bad.damaged');
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== 0x02014b50) throw new NotADocx('import.bad.damaged');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressed: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      local: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Inflates one entry, refusing it past the size it declared (a zip bomb, or a damaged file). */
function inflated(bytes: Buffer, entry: Entry): void {
  if (entry.flags & 1) throw new NotADocx('import.bad.encrypted');
  const at = entry.local;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw new NotADocx('import.bad.damaged');
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressed > bytes.length) throw new NotADocx('import.bad.damaged');
  const data = bytes.subarray(start, start + entry.compressed);
  if (entry.method === 0) {
    if (entry.compressed !== entry.size) throw new NotADocx('import.bad.damaged');
    return;
  }
  if (entry.method !== 8) throw new NotADocx('import.bad.damaged');
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new NotADocx('import.bad.bomb', { max: megabytes(MAX_UNZIPPED_BYTES) });
    throw new NotADocx('import.bad.damaged');
  }
  if (out.length !== entry.size) throw new NotADocx(out.length > entry.size ? 'import.bad.bomb' : 'import.bad.damaged', { max: megabytes(MAX_UNZIPPED_BYTES) });
}

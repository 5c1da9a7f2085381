/**
 * Text as it arrives from Word and the web, made printable. Two kinds of invisible character:
 *
 * - zero-width spaces and joiners, stray byte-order marks and direction marks (U+200B, U+200C,
 *   U+200D, U+2060, U+FEFF; U+200E, U+200F, U+061C) are dropped: they have no meaning in Vietnamese text, print as nothing (or as a
 *   box, in a font without them) and quietly break ids, duplicate checks and search in the PDF.
 *   A joiner between two emoji is kept: it is what makes 👩‍💻 one picture.
 * - control characters (U+0000–U+001F except tab and line breaks, U+007F–U+009F) are refused
 *   with their position. YAML does not allow them either, and they are rarely harmless: a C1
 *   character is usually a quote or dash of Windows-1252 text decoded the wrong way, so
 *   dropping it would lose a character the writer meant.
 *
 * And bytes that are not UTF-8 at all (Windows-1258, Latin-1, UTF-16), found in one pass.
 */
import { t, type MessageKey } from '../core/i18n.js';

const PICTO_BEFORE = String.raw`\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?`;
/** Zero-width characters, except a joiner with an emoji on both sides. */
const ZERO_WIDTH = new RegExp(String.raw`[\u200B\u200C\u200E\u200F\u061C\u2060\uFEFF]|(?<!${PICTO_BEFORE})\u200D|\u200D(?!\p{Extended_Pictographic})`, 'gu');

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** In a file: the same, and a carriage return that does not end a line (CRLF is fine). */
const CONTROL_IN_FILE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/g;
/** In a value: line breaks are plain \n once YAML has read the file, so any \r came from an escape. */
const CONTROL_IN_VALUE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

export function stripZeroWidth(text: string): string {
  return text.replace(ZERO_WIDTH, '');
}

/**
 * A value as printed: zero-width characters gone, composed (NFC). Applied to every scalar of
 * the parsed document (keys, ids, dates and URLs too), not to the file's text: dropped before
 * parsing, a zero-width character could change how YAML reads the line ("-\u200D" would
 * become a list item), and columns would no longer match the editor's.
 */
export function cleanValue(text: string): string {
  return stripZeroWidth(text).normalize('NFC');
}

/**
 * An issue file's text composed (NFC) before it is parsed, but for U+1FEF GREEK VARIA: its
 * composed form is the backtick, which YAML reserves at the start of a plain value, so composing
 * it would turn a valid file into a syntax error. The value itself is composed after parsing
 * (cleanValue), where the backtick is only a character.
 */
export function composedSource(text: string): string {
  return text.includes('\u1fef') ? text.split('\u1fef').map((part) => part.normalize('NFC')).join('\u1fef') : text.normalize('NFC');
}

export function hasControlChar(text: string): boolean {
  return CONTROL.test(text);
}

export interface ControlChar {
  offset: number;
  char: string;
}

/** Every control character of a file's text, by offset, lazily: a binary file has millions. */
export function* findControlChars(text: string): Generator<ControlChar> {
  for (const m of text.matchAll(CONTROL_IN_FILE)) yield { offset: m.index, char: m[0] };
}

/** The first control character of a value, if any. */
export function firstControlChar(text: string): ControlChar | undefined {
  const match = CONTROL_IN_VALUE.exec(text);
  return match ? { offset: match.index, char: match[0] } : undefined;
}

const NAMES: Record<number, MessageKey> = {
  0x00: 'issue.text.control.null',
  0x07: 'issue.text.control.bell',
  0x08: 'issue.text.control.backspace',
  0x0b: 'issue.text.control.vertical-tab',
  0x0c: 'issue.text.control.form-feed',
  0x0d: 'issue.text.control.carriage-return',
  0x1b: 'issue.text.control.escape',
  0x1e: 'issue.text.control.non-breaking-hyphen',
  0x1f: 'issue.text.control.optional-hyphen',
  0x7f: 'issue.text.control.delete',
};

/** "U+000B (vertical tab: a line break pasted from Word)". */
export function describeControlChar(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[code] ?? (code >= 0x80 ? 'issue.text.control.c1' : 'issue.text.control.other');
  return `${hex} (${t(name)})`;
}

export function controlCharMessage(char: string): string {
  return t('issue.text.control', { char: describeControlChar(char) });
}

/** Control characters as their Unicode pictures (␋ for a vertical tab), one for one: a caret under the line stays in place. */
export function visibleControls(line: string): string {
  // Bidi controls as U+FFFD too: in a terminal they would reorder the line shown.
  return line.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\uFFFD';
  });
}

/** UTF-16 without a byte-order mark: ASCII text with a zero byte beside every character. */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let zeros = 0;
  for (const b of sample) if (b === 0) zeros++;
  return sample.length >= 4 && zeros >= sample.length / 4;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (bytes.length if none); linear, for 5 MB files. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f; // no UTF-16 surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < lower || next > upper) return i;
      lower = 0x80;
      upper = 0xbf;
    }
    i += need + 1;
  }
  return bytes.length;
}

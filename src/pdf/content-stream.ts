/**
 * PDF content-stream tokens (ISO 32000-1, 7.8.2), the one tokenizer finishing uses: marking
 * artifacts (tags/artifacts.ts) and converting colours (cmyk/content.ts) both read a page's
 * operators with it. The text is the stream's bytes as latin1, so offsets are byte offsets.
 */

/** Character classes: 1 whitespace, 2 delimiter, 0 regular. */
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;

export interface Token {
  start: number;
  end: number;
  text: string;
}

/** A stream's bytes as text with one character per byte. */
export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * Reports each token as offsets: `operator` is true for a keyword that is not true, false or
 * null, false for numbers, names, strings and brackets. Comments and inline image data are
 * skipped.
 */
export function scan(text: string, onToken: (start: number, end: number, operator: boolean) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const kind = c < 256 ? CLASS[c]! : 0;
    if (kind === 1) {
      i++;
    } else if (c === 0x25 /* % */) {
      while (i < n && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x28 /* ( */) {
      const start = i;
      i = endOfLiteral(text, i);
      onToken(start, i, false);
    } else if (c === 0x3c /* < */ && text.charCodeAt(i + 1) !== 0x3c) {
      const start = i;
      i = text.indexOf('>', i) + 1 || n;
      onToken(start, i, false);
    } else if ((c === 0x3c || c === 0x3e) && text.charCodeAt(i + 1) === c) {
      onToken(i, i + 2, false);
      i += 2;
    } else if (kind === 2 && c !== 0x2f /* / */) {
      onToken(i, i + 1, false);
      i++;
    } else {
      const start = i;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d < 256 && CLASS[d] !== 0) break;
        i++;
      }
      const operator = c !== 0x2f && !(c === 0x2b || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39)) && !isConstant(text, start, i);
      onToken(start, i, operator);
      if (operator && i - start === 2 && text.startsWith('ID', start)) i = skipInlineImage(text, i);
    }
  }
}

/** Tokens as strings (for tests and small streams). */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  scan(text, (start, end) => out.push({ start, end, text: text.slice(start, end) }));
  return out;
}

/** Just past a literal string's closing parenthesis (balanced parentheses, backslash escapes). */
function endOfLiteral(text: string, from: number): number {
  let depth = 0;
  let i = from;
  for (; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5c /* \ */) i++;
    else if (ch === 0x28) depth++;
    else if (ch === 0x29 && --depth === 0) break;
  }
  return i + 1;
}

function isConstant(text: string, start: number, end: number): boolean {
  const length = end - start;
  return (length === 4 && (text.startsWith('true', start) || text.startsWith('null', start))) || (length === 5 && text.startsWith('false', start));
}

/** After an inline image's ID: its binary data runs to the first EI between whitespace. */
function skipInlineImage(text: string, from: number): number {
  const match = /[\0\t\n\f\r ]EI(?=[\0\t\n\f\r ]|$)/g;
  match.lastIndex = from + 1;
  const found = match.exec(text);
  // Just before "EI", so that the operator itself is reported.
  return found ? found.index + 1 : text.length;
}

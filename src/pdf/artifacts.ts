/**
 * Content that is neither in the structure tree nor marked as an artifact. Chromium's tagged
 * print never writes /Artifact; it leaves outside any marked-content sequence what has no node
 * in the accessibility tree: the @page margin boxes (the running footer and its rule),
 * pseudo-elements (list bullets), aria-hidden elements, the backgrounds and borders of
 * role="presentation" elements (the cover band, the TOC header), dotted TOC leaders, and the
 * QR codes' drawings (their Figure elements carry the alternative text). Backgrounds of other
 * elements are drawn inside their element's content. A tagged PDF must say that the rest is
 * decoration: this wraps every run of it in `/Artifact BMC … EMC`.
 */

const enc = new TextEncoder();
const OPEN = enc.encode('\n/Artifact BMC\n');
const CLOSE = enc.encode('\nEMC\n');

/** Byte classes: 1 whitespace, 2 delimiter, 0 regular. */
const CLASS = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x0d, 0x09, 0x0c, 0x00]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;
const isSpace = (c: number) => CLASS[c] === 1;

/** Operators as the bytes of up to three characters packed into a number. */
const code = (op: string) => [...op].reduce((n, ch) => n * 256 + ch.charCodeAt(0), 0);
const BDC = code('BDC');
const BMC = code('BMC');
const EMC = code('EMC');
const q = code('q');
const Q = code('Q');
const BI = code('BI');
/** Operators that start a graphics object (text, path, XObject, shading, inline image). */
const STARTS = new Set(['BT', 'm', 're', 'Do', 'sh', 'BI'].map(code));

/**
 * The content stream with its untagged drawing marked as artifacts, or undefined when there is
 * none. A run closes before the next tagged sequence and before a `Q` that would end the
 * graphics state it opened in, so sequences nest with q/Q and never split a text object.
 * One pass over the bytes (a page of Chromium's is 100–200 KB).
 */
export function markArtifacts(src: Uint8Array): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  let copied = 0;
  const insert = (at: number, bytes: Uint8Array) => {
    chunks.push(src.subarray(copied, at), bytes);
    copied = at;
  };
  let depth = 0; // marked-content nesting of the original stream
  let qDepth = 0;
  let open = false;
  let openedAtQ = 0;
  let operandStart = 0;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    const kind = CLASS[c];
    if (kind === 1) {
      i++;
      continue;
    }
    if (kind === 2) {
      if (c === 0x25) {
        while (i < n && src[i] !== 0x0a && src[i] !== 0x0d) i++;
      } else if (c === 0x28) {
        // literal string: balanced parentheses, backslash escapes
        let level = 0;
        for (; i < n; i++) {
          const d = src[i]!;
          if (d === 0x5c) i++;
          else if (d === 0x28) level++;
          else if (d === 0x29 && --level === 0) break;
        }
        i++;
      } else if (c === 0x2f) {
        i++;
        while (i < n && CLASS[src[i]!] === 0) i++;
      } else i++; // << >> [ ] { } and hex strings' brackets: their insides are plain tokens
      continue;
    }
    const start = i;
    let op = 0;
    while (i < n && CLASS[src[i]!] === 0) op = op * 256 + src[i++]!;
    // Numbers (and anything longer than an operator) are operands.
    if ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x2b || i - start > 3) continue;
    if (op === BDC || op === BMC) {
      if (depth === 0 && open) {
        insert(operandStart, CLOSE);
        open = false;
      }
      depth++;
    } else if (op === EMC) {
      depth = Math.max(0, depth - 1);
    } else if (op === q) {
      qDepth++;
    } else if (op === Q) {
      if (open && qDepth <= openedAtQ) {
        insert(start, CLOSE);
        open = false;
      }
      qDepth--;
    } else if (depth === 0 && !open && STARTS.has(op)) {
      insert(operandStart, OPEN);
      open = true;
      openedAtQ = qDepth;
    }
    if (op === BI) {
      // An inline image: skip its binary data up to "EI".
      const end = indexOfEI(src, i);
      i = end < 0 ? n : end + 2;
    }
    operandStart = i;
  }
  if (open) insert(n, CLOSE);
  if (chunks.length === 0) return undefined;
  chunks.push(src.subarray(copied));
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function indexOfEI(src: Uint8Array, from: number): number {
  for (let i = from; i < src.length - 2; i++) {
    if (isSpace(src[i]!) && src[i + 1] === 0x45 && src[i + 2] === 0x49 && (i + 3 >= src.length || isSpace(src[i + 3]!))) return i + 1;
  }
  return -1;
}

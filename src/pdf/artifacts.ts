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
 * One pass over the bytes (a page of Chromium's is 100–200 KB); in a stream where it can, the
 * pass jumps over what cannot change a run (see skipperFor). `skip: false` reads every byte
 * (the reference the jumps are tested against).
 */
export function markArtifacts(src: Uint8Array, options: { skip?: boolean } = {}): Uint8Array | undefined {
  const skipper = options.skip === false ? undefined : skipperFor(src);
  if (skipper) {
    try {
      return scan(src, skipper);
    } catch (error) {
      if (error !== UNUSUAL) throw error;
    }
  }
  return scan(src, undefined);
}

/** Whether markArtifacts can jump over tagged content and open runs in this stream (Chromium's can). */
export function canSkip(src: Uint8Array): boolean {
  return skipperFor(src) !== undefined;
}

/** Thrown by a skipper that meets what it cannot read backwards: the byte loop then reads the whole stream. */
const UNUSUAL = new Error('unusual operands');

function scan(src: Uint8Array, skipper: Skipper | undefined): Uint8Array | undefined {
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
    if (skipper && depth === 0 && !open) {
      // Outside marked content with no run open: on at once to the next operator that matters.
      const hit = skipper.untagged(i, qDepth);
      qDepth = hit.qDepth;
      if (!hit.op) break;
      if (hit.op === 'BDC' || hit.op === 'BMC') {
        const past = skipper.tagged(hit.at, qDepth);
        i = past.at;
        qDepth = past.qDepth;
      } else {
        insert(hit.operandStart, OPEN);
        open = true;
        openedAtQ = qDepth;
        const next = skipper.open(hit.at, qDepth, openedAtQ);
        i = next.at;
        qDepth = next.qDepth;
      }
      operandStart = i;
      continue;
    }
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
      } else if (c === 0x3c && src[i + 1] !== 0x3c) {
        // hex string: digits and spaces up to ">"
        while (i < n && src[i] !== 0x3e) i++;
        i++;
      } else i++; // << >> [ ] { }
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
      if (skipper && depth === 1) {
        // Tagged content has nothing to mark: past it at once, counting q and Q on the way.
        const past = skipper.tagged(i, qDepth);
        i = past.at;
        qDepth = past.qDepth;
        depth = 0;
        operandStart = i;
        continue;
      }
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
      if (skipper) {
        // Nothing in an open run matters until what may close it: on to that at once.
        const next = skipper.open(i, qDepth, openedAtQ);
        i = next.at;
        qDepth = next.qDepth;
        operandStart = i;
        continue;
      }
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

interface Skipper {
  /**
   * From outside marked content, with no run open, to just after the next operator that opens a
   * marked-content sequence or starts a graphics object (counting q and Q on the way), with
   * where that operator's operands begin; no operator when there is none.
   */
  untagged(from: number, qDepth: number): { op?: string; at: number; operandStart: number; qDepth: number };
  /** From just after a tagged sequence's BDC/BMC to just after its EMC (nested sequences included). */
  tagged(from: number, qDepth: number): { at: number; qDepth: number };
  /**
   * From inside an open artifact run to where it may close: the operands of the next BDC/BMC,
   * or a Q that ends the state the run opened in (the byte loop goes on from there).
   */
  open(from: number, qDepth: number, openedAtQ: number): { at: number; qDepth: number };
}

/**
 * For a stream with no literal string, comment or inline image (Chromium's), where the operators
 * that matter can be found by a regular expression and checked to be tokens: the byte loop then
 * reads only the few places where a run of artifacts opens (~5 times faster on so-20).
 * Undefined for any other stream.
 */
function skipperFor(src: Uint8Array): Skipper | undefined {
  const text = Buffer.from(src.buffer, src.byteOffset, src.length).toString('latin1');
  if (text.includes('(') || text.includes('%') || text.startsWith('BI') || INLINE_IMAGE.test(text)) return undefined;
  const marks = new RegExp(MARKS.source, 'g');
  /** The next of MARKS from `from` that is a token of its own (after whitespace or a dictionary's or array's end). */
  const next = (from: number): RegExpExecArray | null => {
    marks.lastIndex = from;
    for (let m = marks.exec(text); m; m = marks.exec(text)) {
      const before = text.charCodeAt(m.index - 1);
      if (m.index === 0 || CLASS[before] === 1 || before === 0x3e || before === 0x5d) return m;
    }
    return null;
  };
  const untagged = new RegExp(UNTAGGED.source, 'g');
  return {
    untagged(from, qDepth) {
      untagged.lastIndex = from;
      for (let m = untagged.exec(text); m; m = untagged.exec(text)) {
        const before = text.charCodeAt(m.index - 1);
        if (m.index > 0 && CLASS[before] !== 1 && before !== 0x3e && before !== 0x5d) continue;
        const op = m[0];
        if (op === 'q') qDepth++;
        else if (op === 'Q') qDepth--;
        else if (op === 'BI') throw UNUSUAL;
        else if (op === 'BDC' && inHexString(text, m.index)) continue;
        else if (op !== 'EMC') return { op, at: m.index + op.length, operandStart: op === 'BDC' || op === 'BMC' ? 0 : operatorEndBefore(text, m.index), qDepth };
      }
      return { at: text.length, operandStart: text.length, qDepth };
    },
    tagged(from, qDepth) {
      let depth = 1;
      for (let m = next(from); m; m = next(marks.lastIndex)) {
        const op = m[0];
        if (op === 'q') qDepth++;
        else if (op === 'Q') qDepth--;
        else if (op === 'EMC') {
          if (--depth === 0) return { at: marks.lastIndex, qDepth };
        } else if (!inHexString(text, m.index)) depth++;
      }
      return { at: text.length, qDepth };
    },
    open(from, qDepth, openedAtQ) {
      for (let m = next(from); m; m = next(marks.lastIndex)) {
        const op = m[0];
        if (op === 'q') qDepth++;
        else if (op === 'Q') {
          if (qDepth <= openedAtQ) return { at: m.index, qDepth };
          qDepth--;
        } else if (op !== 'EMC' && !inHexString(text, m.index)) {
          const at = operandsOf(text, m.index, op === 'BMC' ? 1 : 2);
          if (at < 0) throw UNUSUAL;
          return { at, qDepth };
        }
      }
      return { at: text.length, qDepth };
    },
  };
}

/**
 * Whether `at` is inside a hex string (after its "<", before its ">"): "BDC" there, after a
 * space, is three of its digits (the only one of MARKS spelt in hex digits), not the operator.
 */
function inHexString(text: string, at: number): boolean {
  const lt = text.lastIndexOf('<', at);
  return lt > text.lastIndexOf('>', at) && text.charCodeAt(lt - 1) !== 0x3c && text.charCodeAt(lt + 1) !== 0x3c;
}

/**
 * Where the `count` operands before the operator at `at` begin, as the byte loop counts it
 * (just after the previous token): each a name or a dictionary of plain names and numbers.
 * -1 when they are anything else.
 */
function operandsOf(text: string, at: number, count: number): number {
  let i = at;
  for (let k = 0; k < count; k++) {
    while (i > 0 && CLASS[text.charCodeAt(i - 1)] === 1) i--;
    if (text.charCodeAt(i - 1) === 0x3e) {
      if (text.charCodeAt(i - 2) !== 0x3e) return -1;
      const open = text.lastIndexOf('<<', i - 3);
      if (open < 0 || /[<>[\]]/.test(text.slice(open + 2, i - 2))) return -1;
      i = open;
    } else {
      let j = i;
      while (j > 0 && CLASS[text.charCodeAt(j - 1)] === 0) j--;
      if (text.charCodeAt(j - 1) !== 0x2f) return -1;
      i = j - 1;
    }
  }
  while (i > 0 && CLASS[text.charCodeAt(i - 1)] === 1) i--;
  return i;
}

/**
 * Where the operator before the operands that end at `at` ends, as the byte loop finds it: the
 * operands (numbers, names, hex strings, flat arrays and dictionaries, and words longer than three
 * letters) are passed over backwards. Throws UNUSUAL for anything else.
 */
function operatorEndBefore(text: string, at: number): number {
  let i = at;
  for (;;) {
    while (i > 0 && CLASS[text.charCodeAt(i - 1)] === 1) i--;
    if (i === 0) return 0;
    const c = text.charCodeAt(i - 1);
    if (c === 0x3e || c === 0x5d) {
      // >> of a dictionary, > of a hex string, ] of an array: back to where it opens, nothing nested.
      const dict = c === 0x3e && text.charCodeAt(i - 2) === 0x3e;
      const open = dict ? text.lastIndexOf('<<', i - 3) : text.lastIndexOf(c === 0x5d ? '[' : '<', i - 2);
      if (open < 0 || /[<>[\]]/.test(text.slice(open + (dict ? 2 : 1), i - (dict ? 2 : 1)))) throw UNUSUAL;
      i = open;
    } else if (c === 0x7b || c === 0x7d) {
      i--;
    } else if (CLASS[c] === 0) {
      let j = i;
      while (j > 0 && CLASS[text.charCodeAt(j - 1)] === 0) j--;
      const first = text.charCodeAt(j);
      if (text.charCodeAt(j - 1) === 0x2f) i = j - 1; // a name
      else if ((first >= 0x30 && first <= 0x39) || first === 0x2e || first === 0x2d || first === 0x2b || i - j > 3) i = j; // an operand
      else return i; // the operator
    } else {
      throw UNUSUAL;
    }
  }
}

/** The operators that matter outside marked content with no run open. */
const UNTAGGED = /(?:BDC|BMC|EMC|BT|BI|Do|re|sh|m|q|Q)(?=[\s/<[]|$)/;

/** The operators that open and close marked content or save and restore the graphics state. */
const MARKS = /(?:BDC|BMC|EMC|q|Q)(?=[\s/<[]|$)/;
/** An inline image's start (its data is binary). */
const INLINE_IMAGE = /\sBI\s/;

function indexOfEI(src: Uint8Array, from: number): number {
  for (let i = from; i < src.length - 2; i++) {
    if (isSpace(src[i]!) && src[i + 1] === 0x45 && src[i + 2] === 0x49 && (i + 3 >= src.length || isSpace(src[i + 3]!))) return i + 1;
  }
  return -1;
}

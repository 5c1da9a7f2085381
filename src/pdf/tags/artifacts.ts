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
import { latin1, scan } from '../content-stream.js';

const OPEN = Buffer.from('\n/Artifact BMC\n', 'latin1');
const CLOSE = Buffer.from('\nEMC\n', 'latin1');

/** An operator of up to three characters as a number (0 for a longer one): no string per token. */
function opCode(text: string, start: number, end: number): number {
  const length = end - start;
  if (length > 3) return 0;
  let code = 0;
  for (let i = 0; i < length; i++) code = code * 256 + text.charCodeAt(start + i);
  return code;
}
const code = (op: string) => opCode(op, 0, op.length);
const [BDC, BMC, EMC, q, Q] = ['BDC', 'BMC', 'EMC', 'q', 'Q'].map(code) as [number, number, number, number, number];

/** Operators that start a graphics object (text, path, XObject, shading, inline image). */
const STARTS = new Set(['BT', 'm', 're', 'Do', 'sh', 'BI'].map(code));

/**
 * The content stream with its untagged drawing marked as artifacts, or undefined when there is
 * none. A run closes before the next tagged sequence and before a `Q` that would end the
 * graphics state it opened in, so sequences nest with q/Q and never split a text object.
 */
export function markArtifacts(src: Uint8Array): Uint8Array | undefined {
  const text = latin1(src);
  const inserts: Array<{ at: number; mark: Buffer }> = [];
  let depth = 0; // marked-content nesting of the original stream
  let qDepth = 0;
  let open = false;
  let openedAtQ = 0;
  // Where the operands of the next operator begin (a run opens before them).
  let operandStart: number | undefined;
  scan(text, (start, end, operator) => {
    if (!operator) {
      operandStart ??= start;
      return;
    }
    const op = opCode(text, start, end);
    const before = operandStart ?? start;
    operandStart = undefined;
    if (op === BDC || op === BMC) {
      if (depth === 0 && open) {
        inserts.push({ at: before, mark: CLOSE });
        open = false;
      }
      depth++;
    } else if (op === EMC) {
      depth = Math.max(0, depth - 1);
    } else if (op === q) {
      qDepth++;
    } else if (op === Q) {
      if (open && qDepth <= openedAtQ) {
        inserts.push({ at: start, mark: CLOSE });
        open = false;
      }
      qDepth--;
    } else if (depth === 0 && !open && STARTS.has(op)) {
      inserts.push({ at: before, mark: OPEN });
      open = true;
      openedAtQ = qDepth;
    }
  });
  if (open) inserts.push({ at: text.length, mark: CLOSE });
  if (inserts.length === 0) return undefined;
  // The original bytes between the marks, as they are.
  const parts: Uint8Array[] = [];
  let copied = 0;
  for (const { at, mark } of inserts) {
    parts.push(src.subarray(copied, at), mark);
    copied = at;
  }
  parts.push(src.subarray(copied));
  return Buffer.concat(parts);
}

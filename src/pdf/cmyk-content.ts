/**
 * Rewrites the colour operators of one content stream to DeviceCMYK and leaves every other byte
 * as it was (text, positions, marked content): rg/RG → k/K, g/G → k/K (black ink), and
 * sc/scn/SC/SCN in an RGB or grey colour space (after cs/CS, tracked through q/Q) → k/K values
 * under /DeviceCMYK, each RGB colour through the palette. Pattern colours are left alone: their
 * patterns are converted where they are defined. Also used to list a stream's colours (a
 * palette that records what it is asked).
 */
import { formatNumber, grayToCmyk, type Cmyk, type Palette } from './cmyk-colour.js';

type Space = 'rgb' | 'gray' | 'cmyk' | 'other';
interface Token {
  start: number;
  end: number;
  text: string;
}

/** Tells what a colour space operand of cs/CS (a name, without the slash) is. */
export type SpaceOf = (name: string) => Space;

export const deviceSpaces: SpaceOf = (name) => (name === 'DeviceRGB' || name === 'RGB' ? 'rgb' : name === 'DeviceGray' || name === 'G' ? 'gray' : name === 'DeviceCMYK' || name === 'CMYK' ? 'cmyk' : 'other');

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

export function convertContent(data: Uint8Array, palette: Palette, spaceOf: SpaceOf = deviceSpaces): { data: Uint8Array; changed: boolean } {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  const edits: { start: number; end: number; text: string }[] = [];
  const stack: { fill: Space; stroke: Space }[] = [];
  let state = { fill: 'gray' as Space, stroke: 'gray' as Space };
  let operands: Token[] = [];
  const numbers = () => operands.map((t) => Number(t.text));
  const replace = (op: Token, cmyk: Cmyk, stroke: boolean) => {
    const from = operands[0]?.start ?? op.start;
    edits.push({ start: from, end: op.end, text: `${cmyk.map(formatNumber).join(' ')} ${stroke ? 'K' : 'k'}` });
  };
  for (const token of tokens(text)) {
    if (!isOperator(token.text)) {
      operands.push(token);
      continue;
    }
    const op = token.text;
    // The state is the source's colour space: sc/scn operands are read in it.
    const stroke = op === 'RG' || op === 'G' || op === 'CS' || op === 'SC' || op === 'SCN';
    const values = numbers();
    if ((op === 'rg' || op === 'RG') && values.length === 3 && values.every(Number.isFinite)) {
      replace(token, palette(values[0]!, values[1]!, values[2]!), stroke);
      state = { ...state, [stroke ? 'stroke' : 'fill']: 'rgb' };
    } else if ((op === 'g' || op === 'G') && values.length === 1 && Number.isFinite(values[0])) {
      replace(token, grayToCmyk(values[0]!), stroke);
      state = { ...state, [stroke ? 'stroke' : 'fill']: 'gray' };
    } else if (op === 'k' || op === 'K') {
      state = { ...state, [op === 'K' ? 'stroke' : 'fill']: 'cmyk' };
    } else if (op === 'cs' || op === 'CS') {
      const name = operands.at(-1)?.text.slice(1) ?? '';
      const space = spaceOf(name);
      // Setting an RGB or grey space becomes its initial colour (black) in CMYK; the state keeps
      // the source's space, so that the sc/scn that follow are read as RGB or grey and converted.
      if (space === 'rgb' || space === 'gray') replace(token, [0, 0, 0, 1], stroke);
      state = { ...state, [stroke ? 'stroke' : 'fill']: space };
    } else if (op === 'sc' || op === 'scn' || op === 'SC' || op === 'SCN') {
      const space = stroke ? state.stroke : state.fill;
      if (space === 'rgb' && values.length === 3 && values.every(Number.isFinite)) replace(token, palette(values[0]!, values[1]!, values[2]!), stroke);
      else if (space === 'gray' && values.length === 1 && Number.isFinite(values[0])) replace(token, grayToCmyk(values[0]!), stroke);
    } else if (op === 'q') stack.push(state);
    else if (op === 'Q') state = stack.pop() ?? state;
    operands = [];
  }
  if (edits.length === 0) return { data, changed: false };
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  out += text.slice(at);
  return { data: Buffer.from(out, 'latin1'), changed: true };
}

function isOperator(text: string): boolean {
  const c = text.charCodeAt(0);
  if (text === 'true' || text === 'false' || text === 'null') return false;
  return !(c === 0x2f || c === 0x28 || c === 0x3c || c === 0x5b || c === 0x5d || c === 0x3e || c === 0x7b || c === 0x7d || /^[+\-.\d]/.test(text));
}

/** PDF content-stream tokens: numbers, names, strings, array/dict brackets, operators; comments skipped. */
export function* tokens(text: string): Generator<Token> {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (WHITESPACE.has(c)) {
      i++;
    } else if (c === 0x25 /* % */) {
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === 0x28 /* ( */) {
      const start = i;
      let depth = 0;
      for (; i < n; i++) {
        const ch = text[i];
        if (ch === '\\') i++;
        else if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) break;
      }
      i++;
      yield { start, end: i, text: text.slice(start, i) };
    } else if (c === 0x3c /* < */ && text[i + 1] !== '<') {
      const start = i;
      i = text.indexOf('>', i) + 1 || n;
      yield { start, end: i, text: text.slice(start, i) };
    } else if ((c === 0x3c || c === 0x3e) && text[i + 1] === text[i]) {
      yield { start: i, end: i + 2, text: text.slice(i, i + 2) };
      i += 2;
    } else if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) {
      yield { start: i, end: i + 1, text: text[i]! };
      i++;
    } else {
      const start = i;
      i++;
      while (i < n && !WHITESPACE.has(text.charCodeAt(i)) && !DELIMITERS.has(text.charCodeAt(i))) i++;
      const word = text.slice(start, i);
      yield { start, end: i, text: word };
      if (word === 'ID') i = skipInlineImage(text, i);
    }
  }
}

/** After an inline image's ID: its binary data runs to the first EI between whitespace. */
function skipInlineImage(text: string, from: number): number {
  const match = /[\0\t\n\f\r ]EI(?=[\0\t\n\f\r ]|$)/g;
  match.lastIndex = from + 1;
  const found = match.exec(text);
  return found ? found.index + found[0].length : text.length;
}

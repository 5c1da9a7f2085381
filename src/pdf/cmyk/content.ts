/**
 * Rewrites the colour operators of one content stream to DeviceCMYK and leaves every other byte
 * as it was (text, positions, marked content): rg/RG → k/K, g/G → k/K (black ink), and
 * sc/scn/SC/SCN in an RGB or grey colour space (after cs/CS, tracked through q/Q) → k/K values
 * under /DeviceCMYK, each RGB colour through the palette. Pattern colours are left alone: their
 * patterns are converted where they are defined. Also used to list a stream's colours (a
 * palette that records what it is asked).
 *
 * With `overprint` (press files), 100 % black (0 0 0 1, what the black-ink rules give text,
 * rules and near-black) overprints, so black type and rules never knock a hole in the tint
 * under them: before such a colour, an ExtGState turns overprint on for that direction (fill
 * or stroke), and before any other colour off again. The states are the four named in
 * OVERPRINT_STATES; the caller adds the ones used to the stream's resources.
 */
import { latin1, scan } from '../content-stream.js';
import { formatNumber, grayToCmyk, type Cmyk, type Palette } from './colour.js';

type Space = 'rgb' | 'gray' | 'cmyk' | 'other';
interface State {
  fill: Space;
  stroke: Space;
  /** Overprint on for fills (op) and strokes (OP). */
  fillOver: boolean;
  strokeOver: boolean;
}

/** The ExtGState names for each pair of fill/stroke overprint settings: BantinOP<fill><stroke>, 1 = on. */
export const overprintState = (fill: boolean, stroke: boolean) => `BantinOP${fill ? 1 : 0}${stroke ? 1 : 0}`;
const isBlackInk = (c: readonly number[]) => c.length === 4 && c[0] === 0 && c[1] === 0 && c[2] === 0 && c[3] === 1;

/** Tells what a colour space operand of cs/CS (a name, without the slash) is. */
export type SpaceOf = (name: string) => Space;

export const deviceSpaces: SpaceOf = (name) => (name === 'DeviceRGB' || name === 'RGB' ? 'rgb' : name === 'DeviceGray' || name === 'G' ? 'gray' : name === 'DeviceCMYK' || name === 'CMYK' ? 'cmyk' : 'other');

export function convertContent(
  data: Uint8Array,
  palette: Palette,
  spaceOf: SpaceOf = deviceSpaces,
  options: { overprint?: boolean } = {},
): { data: Uint8Array; changed: boolean; overprintStates: Set<string> } {
  const text = latin1(data);
  const edits: { start: number; end: number; text: string }[] = [];
  const stack: State[] = [];
  const overprintStates = new Set<string>();
  let state: State = { fill: 'gray', stroke: 'gray', fillOver: false, strokeOver: false };
  // Operands since the last operator, as start/end offsets: no strings are made for most tokens.
  const operands: number[] = [];
  const values = () => {
    const out: number[] = [];
    for (let i = 0; i < operands.length; i += 2) out.push(Number(text.slice(operands[i], operands[i + 1])));
    return out.every(Number.isFinite) ? out : [];
  };
  const set = (stroke: boolean, space: Space) => (state = stroke ? { ...state, stroke: space } : { ...state, fill: space });
  /** The gs that sets overprint for a colour about to be set (with `overprint`), or ''. */
  const overprintFor = (cmyk: readonly number[], stroke: boolean): string => {
    if (!options.overprint) return '';
    const on = isBlackInk(cmyk);
    if (on === (stroke ? state.strokeOver : state.fillOver)) return '';
    state = stroke ? { ...state, strokeOver: on } : { ...state, fillOver: on };
    const name = overprintState(state.fillOver, state.strokeOver);
    overprintStates.add(name);
    return `/${name} gs `;
  };
  const replace = (opStart: number, opEnd: number, cmyk: Cmyk, stroke: boolean) => {
    const rounded = cmyk.map(formatNumber);
    const gs = overprintFor(rounded.map(Number), stroke);
    edits.push({ start: operands.length ? operands[0]! : opStart, end: opEnd, text: `${gs}${rounded.join(' ')} ${stroke ? 'K' : 'k'}` });
  };
  scan(text, (start, end, operator) => {
    if (!operator) {
      operands.push(start, end);
      return;
    }
    const op = end - start <= 3 ? text.slice(start, end) : '';
    // The state is the source's colour space: sc/scn operands are read in it.
    const stroke = op === 'RG' || op === 'G' || op === 'K' || op === 'CS' || op === 'SC' || op === 'SCN';
    if (op === 'rg' || op === 'RG') {
      const v = values();
      if (v.length === 3) replace(start, end, palette(v[0]!, v[1]!, v[2]!), stroke);
      set(stroke, 'rgb');
    } else if (op === 'g' || op === 'G') {
      const v = values();
      if (v.length === 1) replace(start, end, grayToCmyk(v[0]!), stroke);
      set(stroke, 'gray');
    } else if (op === 'k' || op === 'K') {
      // Already CMYK (crop marks in registration colour): overprint follows it too.
      const gs = overprintFor(values(), stroke);
      const at = operands.length ? operands[0]! : start;
      if (gs) edits.push({ start: at, end: at, text: gs });
      set(stroke, 'cmyk');
    } else if (op === 'cs' || op === 'CS') {
      const name = operands.length ? text.slice(operands.at(-2)! + 1, operands.at(-1)) : '';
      const space = spaceOf(name);
      // Setting an RGB or grey space becomes its initial colour (black) in CMYK; the state keeps
      // the source's space, so that the sc/scn that follow are read as RGB or grey and converted.
      if (space === 'rgb' || space === 'gray') replace(start, end, [0, 0, 0, 1], stroke);
      set(stroke, space);
    } else if (op === 'sc' || op === 'scn' || op === 'SC' || op === 'SCN') {
      const space = stroke ? state.stroke : state.fill;
      const v = space === 'rgb' || space === 'gray' ? values() : [];
      if (space === 'rgb' && v.length === 3) replace(start, end, palette(v[0]!, v[1]!, v[2]!), stroke);
      else if (space === 'gray' && v.length === 1) replace(start, end, grayToCmyk(v[0]!), stroke);
    } else if (op === 'q') stack.push(state);
    else if (op === 'Q') state = stack.pop() ?? state;
    operands.length = 0;
  });
  if (edits.length === 0) return { data, changed: false, overprintStates };
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  out += text.slice(at);
  return { data: Buffer.from(out, 'latin1'), changed: true, overprintStates };
}

/**
 * --cmyk's colour rules and its rewriting of content streams, without Ghostscript: which
 * colours print with black ink only, and that nothing but colour operators changes.
 */
import { describe, expect, it } from 'vitest';
import { blackInkRule, colourKey, flatPalette, rgbToCmyk, RGB_TO_CMYK_POSTSCRIPT, type Cmyk } from '../../src/pdf/cmyk/colour.js';
import { convertContent } from '../../src/pdf/cmyk/content.js';

const hex = (h: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as [number, number, number];
const rewrite = (text: string, palette = flatPalette(new Map())) => Buffer.from(convertContent(Buffer.from(text, 'latin1'), palette).data).toString('latin1');

describe('black-ink rules', () => {
  it('prints the body text colour #18202e (and black) as 100 % K only', () => {
    expect(blackInkRule(...hex('#18202e'))).toEqual([0, 0, 0, 1]);
    expect(blackInkRule(0, 0, 0)).toEqual([0, 0, 0, 1]);
  });

  it('prints the theme greys with K only, at their lightness', () => {
    const muted = blackInkRule(...hex('#5a6474'))!;
    expect(muted.slice(0, 3)).toEqual([0, 0, 0]);
    expect(muted[3]).toBeCloseTo(0.61, 2);
    expect(blackInkRule(...hex('#9aa3b1'))?.slice(0, 3)).toEqual([0, 0, 0]);
    expect(blackInkRule(0.5, 0.5, 0.5)).toEqual([0, 0, 0, 0.5]);
    expect(blackInkRule(1, 1, 1)).toEqual([0, 0, 0, 0]);
  });

  it('leaves colours and pale tints to the profile', () => {
    for (const colour of ['#0c3460', '#e2622b', '#e9f0f8', '#cfd8e3', '#ffd9c7']) expect(blackInkRule(...hex(colour)), colour).toBeUndefined();
  });

  it('uses the profile table for the rest, the formula only when the table lacks a colour', () => {
    const navy: Cmyk = [1, 0.851, 0.357, 0.263];
    const palette = flatPalette(new Map([['0.0471 0.2039 0.3765', navy]]));
    expect(palette(0.0471, 0.2039, 0.3765)).toEqual(navy);
    expect(palette(1, 0, 0)).toEqual([0, 1, 1, 0]);
  });
});

describe('content streams', () => {
  it('turns rg/RG into k/K and keeps every other byte', () => {
    const source = 'q\n.0941 .1255 .1804 RG .0941 .1255 .1804 rg\nBT /F1 9 Tf (rg \\) 1 0 0 rg) Tj <0012> Tj ET\n1 0 0 rg 0 0 5 5 re f\nQ\n';
    expect(rewrite(source)).toBe('q\n0 0 0 1 K 0 0 0 1 k\nBT /F1 9 Tf (rg \\) 1 0 0 rg) Tj <0012> Tj ET\n0 1 1 0 k 0 0 5 5 re f\nQ\n');
  });

  it('turns grey g/G into black ink', () => {
    expect(rewrite('0.25 g 1 G')).toBe('0 0 0 0.75 k 0 0 0 0 K');
  });

  it('converts sc/scn after an RGB colour space and follows q/Q', () => {
    expect(rewrite('/DeviceRGB cs q 1 0 0 sc Q 0 0 1 scn /Pattern cs /P1 scn')).toBe('0 0 0 1 k q 0 1 1 0 k Q 1 1 0 0 k /Pattern cs /P1 scn');
  });

  it('converts a named colour space the resources call RGB, and leaves CMYK alone', () => {
    const data = Buffer.from('/CS0 cs 0 1 0 sc 0.1 0.2 0.3 0.4 k', 'latin1');
    const out = convertContent(data, flatPalette(new Map()), (name) => (name === 'CS0' ? 'rgb' : 'other'));
    expect(Buffer.from(out.data).toString('latin1')).toBe('0 0 0 1 k 1 0 1 0 k 0.1 0.2 0.3 0.4 k');
  });

  it('skips inline image data and comments', () => {
    const source = 'BI /W 1 /H 1 /CS /G /BPC 8 ID \x00rg\x01 EI % 1 0 0 rg\n1 1 1 rg';
    expect(rewrite(source)).toBe('BI /W 1 /H 1 /CS /G /BPC 8 ID \x00rg\x01 EI % 1 0 0 rg\n0 0 0 0 k');
  });

  it('reports an unchanged stream as such', () => {
    const data = Buffer.from('0 0 0 1 k BT ET', 'latin1');
    expect(convertContent(data, flatPalette(new Map()))).toEqual({ data, changed: false, overprintStates: new Set() });
  });

  it('with overprint, 100 % black fills and strokes overprint and every other colour knocks out, through q/Q', () => {
    const palette = flatPalette(new Map([[colourKey(0.886, 0.384, 0.169), [0.06, 0.76, 0.98, 0] as Cmyk]]));
    const src = '0.094 0.125 0.18 rg BT (a) Tj ET 0.886 0.384 0.169 rg BT (b) Tj ET q 0 0 0 RG 0 0 m 5 0 l S Q 0.886 0.384 0.169 RG 1 1 1 1 K';
    const { data, overprintStates } = convertContent(Buffer.from(src, 'latin1'), palette, undefined, { overprint: true });
    expect(Buffer.from(data).toString('latin1')).toBe(
      '/BantinOP10 gs 0 0 0 1 k BT (a) Tj ET /BantinOP00 gs 0.06 0.76 0.98 0 k BT (b) Tj ET q /BantinOP01 gs 0 0 0 1 K 0 0 m 5 0 l S Q 0.06 0.76 0.98 0 K 1 1 1 1 K',
    );
    expect([...overprintStates].sort()).toEqual(['BantinOP00', 'BantinOP01', 'BantinOP10']);
    // Without the option nothing but the colours changes.
    expect(Buffer.from(convertContent(Buffer.from(src, 'latin1'), palette).data).toString('latin1')).not.toMatch(/gs/);
  });
});

/** The PostScript subset RGB_TO_CMYK_POSTSCRIPT uses, to check it against rgbToCmyk. */
function runPostScript(program: string, stack: (number | boolean)[]): (number | boolean)[] {
  const parse = (words: string[]): unknown[] => {
    const out: unknown[] = [];
    while (words.length) {
      const word = words.shift()!;
      if (word === '{') out.push(parse(words));
      else if (word === '}') return out;
      else out.push(word);
    }
    return out;
  };
  const exec = (code: unknown[]) => {
    for (const item of code) {
      if (Array.isArray(item)) stack.push(item as never);
      else if (/^-?[\d.]+$/.test(item as string)) stack.push(Number(item));
      else {
        const n = () => stack.pop() as number;
        const op = item as string;
        if (op === 'dup') stack.push(stack.at(-1)!);
        else if (op === 'pop') stack.pop();
        else if (op === 'exch') stack.push(stack.pop()!, stack.pop()!);
        else if (op === 'copy') stack.push(...stack.slice(-n()));
        else if (op === 'index') stack.push(stack.at(-1 - n())!);
        else if (op === 'roll') {
          const [j, count] = [n(), n()];
          const part = stack.splice(-count);
          const shift = ((j % count) + count) % count;
          stack.push(...part.slice(count - shift), ...part.slice(0, count - shift));
        } else if (op === 'lt' || op === 'le') {
          const [b, a] = [n(), n()];
          stack.push(op === 'lt' ? a < b : a <= b);
        } else if (op === 'div' || op === 'sub') {
          const [b, a] = [n(), n()];
          stack.push(op === 'div' ? a / b : a - b);
        } else if (op === 'if') {
          const body = stack.pop() as unknown as unknown[];
          if (stack.pop()) exec(body);
        } else if (op === 'ifelse') {
          const [no, yes] = [stack.pop(), stack.pop()] as unknown as unknown[][];
          exec(stack.pop() ? yes! : no!);
        } else throw new Error(`operator ${op}`);
      }
    }
  };
  exec(parse(program.replace(/[{}]/g, ' $& ').trim().split(/\s+/)));
  return stack;
}

describe('PostScript gradient functions', () => {
  it('compute the same CMYK as the formula', () => {
    for (const rgb of [[0, 0, 0], [1, 1, 1], [0.2, 0.5, 0.9], [0.886, 0.384, 0.169], [0, 0, 0.5]] as [number, number, number][]) {
      const result = runPostScript(RGB_TO_CMYK_POSTSCRIPT, [...rgb]) as number[];
      expect(result).toHaveLength(4);
      result.forEach((v, i) => expect(v).toBeCloseTo(rgbToCmyk(...rgb)[i]!, 3));
    }
  });
});

describe('content streams: colour spaces set by operators', () => {
  it('reads sc after rg as RGB and after k as CMYK', () => {
    expect(rewrite('1 1 1 rg 1 0 0 sc 0 0 0 1 k 0.5 0 0 0 sc')).toBe('0 0 0 0 k 0 1 1 0 k 0 0 0 1 k 0.5 0 0 0 sc');
  });
});

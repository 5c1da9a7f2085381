/**
 * The RGB → CMYK formula of --cmyk, one place for every colour bantin converts.
 *
 * Not colour-managed: a device conversion with full grey-component replacement. K is what the
 * three inks have in common, K = 1 − max(R, G, B), and C, M, Y carry only the hue:
 * C = 1 − R / max, M = 1 − G / max, Y = 1 − B / max. Greys therefore print with black ink
 * alone, at most two of C, M, Y are ever used, and the total ink stays below 300 % (the theme's
 * navy: C 88 M 46 Y 0 K 62, 196 %).
 *
 * Flat colours (text, rules, fills) add one rule: a near-black (max(R, G, B) ≤ 0.3 and
 * max − min ≤ 0.1, e.g. the body text's #18202e) prints as 100 % K and nothing else, so 9 pt type
 * cannot blur when the plates are slightly out of register. Gradients and images use the formula
 * alone, so they stay smooth.
 */
export type Cmyk = [number, number, number, number];

export function rgbToCmyk(r: number, g: number, b: number): Cmyk {
  const max = Math.max(r, g, b);
  if (max <= 1e-6) return [0, 0, 0, 1];
  return [1 - r / max, 1 - g / max, 1 - b / max, 1 - max].map(tidy) as Cmyk;
}

export const NEAR_BLACK = { maxLightness: 0.3, maxChroma: 0.1 } as const;

export function isNearBlack(r: number, g: number, b: number): boolean {
  const max = Math.max(r, g, b);
  return max <= NEAR_BLACK.maxLightness && max - Math.min(r, g, b) <= NEAR_BLACK.maxChroma;
}

/** A flat colour: the formula, except that near-black is solid black ink. */
export function flatRgbToCmyk(r: number, g: number, b: number): Cmyk {
  return isNearBlack(r, g, b) ? [0, 0, 0, 1] : rgbToCmyk(r, g, b);
}

/** Grey level (0 black … 1 white) as black ink only. */
export function grayToCmyk(gray: number): Cmyk {
  return [0, 0, 0, tidy(1 - gray)];
}

/** Clamp to 0…1 and drop float noise so operators stay short and outputs compare equal. */
function tidy(v: number): number {
  const clamped = Math.min(1, Math.max(0, v));
  return Math.round(clamped * 1e4) / 1e4;
}

/** A number as a content-stream operand: at most 4 decimals, no trailing zeros. */
export function formatNumber(v: number): string {
  const text = (Math.round(v * 1e4) / 1e4).toFixed(4).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/**
 * rgbToCmyk as PostScript calculator code (PDF FunctionType 4), appended to a function that
 * leaves r g b on the stack so that it leaves c m y k instead. Type 4 has no max operator.
 */
export const RGB_TO_CMYK_POSTSCRIPT = [
  '3 copy 2 copy lt {exch} if pop 2 copy lt {exch} if pop', // r g b max
  'dup 0.000001 le {pop pop pop pop 0 0 0 1} {',
  '4 1 roll', // max r g b
  '3 index div 1 exch sub 3 1 roll', // max y r g
  '3 index div 1 exch sub 3 1 roll', // max m y r
  '3 index div 1 exch sub', // max m y c
  '3 1 roll 4 -1 roll 1 exch sub', // c m y k
  '} ifelse',
].join('\n');

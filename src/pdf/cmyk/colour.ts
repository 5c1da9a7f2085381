/**
 * How --cmyk turns RGB into CMYK, in one place.
 *
 * Flat colours (text, rules, fills, gradient end points) and images go through Ghostscript's ICC
 * conversion (sRGB → its default_cmyk.icc, a SWOP-like press profile), see ./cmyk-ghostscript.ts,
 * with two rules on top for flat colours, so that type never needs the plates in register:
 * - near-black (max(R, G, B) ≤ 0.3 and max − min ≤ 0.12, e.g. the body text's #18202e) prints
 *   as 100 % K and nothing else;
 * - other dark and middle greys (max ≤ 0.75, max − min ≤ 0.12: the muted #5a6474 of page
 *   numbers and URLs, #6b7484, the TOC's dotted leaders #9aa3b1), and true greys of any
 *   lightness (max − min ≤ 0.02), print with K only, at the grey's lightness:
 *   K = 1 − (0.2126 R + 0.7152 G + 0.0722 B). White stays white (no ink).
 * Light tints and colours (navy, orange, the pale rule and sky blues) keep their hue from the
 * profile.
 *
 * rgbToCmyk is the fallback for the few places Ghostscript is not asked (PostScript gradient
 * functions, sampled functions, indexed palettes): a device formula with full grey-component
 * replacement, K = 1 − max(R, G, B), C = 1 − R / max, M = 1 − G / max, Y = 1 − B / max.
 */
export type Cmyk = [number, number, number, number];
export type Palette = (r: number, g: number, b: number) => Cmyk;

export function rgbToCmyk(r: number, g: number, b: number): Cmyk {
  const max = Math.max(r, g, b);
  if (max <= 1e-6) return [0, 0, 0, 1];
  return [1 - r / max, 1 - g / max, 1 - b / max, 1 - max].map(tidy) as Cmyk;
}

export const BLACK_RULES = { nearBlackMax: 0.3, greyMax: 0.75, maxChroma: 0.12, trueGreyChroma: 0.02 } as const;

/** The black-ink rules above: a CMYK colour for a near-black or grey, undefined for the rest. */
export function blackInkRule(r: number, g: number, b: number): Cmyk | undefined {
  const max = Math.max(r, g, b);
  const chroma = max - Math.min(r, g, b);
  if (chroma > BLACK_RULES.maxChroma) return undefined;
  if (max <= BLACK_RULES.nearBlackMax) return [0, 0, 0, 1];
  if (max <= BLACK_RULES.greyMax || chroma <= BLACK_RULES.trueGreyChroma) return [0, 0, 0, tidy(1 - (0.2126 * r + 0.7152 * g + 0.0722 * b))];
  return undefined;
}

/** A flat colour through the rules, then the profile's table (or the formula if it lacks it). */
export function flatPalette(table: ReadonlyMap<string, Cmyk>): Palette {
  return (r, g, b) => blackInkRule(r, g, b) ?? table.get(colourKey(r, g, b)) ?? rgbToCmyk(r, g, b);
}

export function colourKey(r: number, g: number, b: number): string {
  return [r, g, b].map(formatNumber).join(' ');
}

/** Grey level (0 black … 1 white) as black ink only. */
export function grayToCmyk(gray: number): Cmyk {
  return [0, 0, 0, tidy(1 - gray)];
}

/** Clamp to 0…1 and drop float noise so operators stay short and outputs compare equal. */
export function tidy(v: number): number {
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

/**
 * Contrast of a theme's text colours on the grounds the styles put them on (WCAG 2 relative
 * luminance): body-size text needs 4.5:1, large or bold labels 3:1. `bantin check` and every
 * build warn (`low-contrast`) at the colour's line in theme.yaml, naming the two colours; the
 * built-in themes pass (tests/unit/contrast.test.ts), and tests/slow/contrast.test.ts measures
 * the printed page itself with axe-core.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import { diagnosticAt } from '../issue/source.js';
import type { ColorKey } from './schema.js';
import type { Theme } from './theme.js';
import { t as say } from '../core/i18n.js';

/** Body text (4.5:1) or a large or bold label (3:1). */
export type TextKind = 'body' | 'label';
export const MIN_CONTRAST: Record<TextKind, number> = { body: 4.5, label: 3 };

/** Every text colour on every ground the built-in styles (styles/bulletin.css, themes/*) set it on. */
export const TEXT_PAIRS: ReadonlyArray<{ text: ColorKey; on: ColorKey; kind: TextKind }> = [
  { text: 'ink', on: 'paper', kind: 'body' },
  { text: 'ink', on: 'tint', kind: 'body' },
  { text: 'muted', on: 'paper', kind: 'body' },
  { text: 'muted', on: 'tint', kind: 'body' },
  { text: 'faint', on: 'paper', kind: 'body' },
  { text: 'primary', on: 'paper', kind: 'body' },
  { text: 'primary', on: 'tint', kind: 'body' },
  { text: 'on-primary', on: 'primary', kind: 'body' },
  { text: 'on-primary', on: 'primary-deep', kind: 'body' },
  { text: 'accent-soft', on: 'primary', kind: 'label' },
  { text: 'accent-soft', on: 'primary-deep', kind: 'label' },
  { text: 'accent', on: 'paper', kind: 'label' },
  { text: 'accent', on: 'tint', kind: 'label' },
  { text: 'on-primary', on: 'accent', kind: 'label' },
  { text: 'third', on: 'paper', kind: 'label' },
  { text: 'on-primary', on: 'third', kind: 'label' },
  { text: 'fourth', on: 'paper', kind: 'label' },
  { text: 'on-primary', on: 'fourth', kind: 'label' },
];

type Rgb = [number, number, number];

/** #rgb, #rrggbb, rgb(r g b) or hsl(h s l) as 0–255 channels; undefined for a translucent colour (its ground decides) or one not understood. */
export function parseColor(value: string): Rgb | undefined {
  const text = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    if (full.length === 8 && full.slice(6) !== 'ff') return undefined;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
  }
  const fn = /^(rgba?|hsla?)\(([^)]*)\)$/.exec(text);
  if (!fn) return undefined;
  const parts = fn[2]!.split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3 || (parts[3] !== undefined && parseFloat(parts[3]) < (parts[3].endsWith('%') ? 100 : 1))) return undefined;
  const num = (p: string, scale: number) => (p.endsWith('%') ? (parseFloat(p) / 100) * scale : parseFloat(p));
  if (fn[1]!.startsWith('rgb')) return parts.slice(0, 3).map((p) => Math.min(255, Math.max(0, num(p, 255)))) as Rgb;
  const [h, s, l] = [parseFloat(parts[0]!), num(parts[1]!, 1), num(parts[2]!, 1)];
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  return [0, 8, 4].map((n) => 255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1)))) as Rgb;
}

const luminance = ([r, g, b]: Rgb): number => {
  const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
};

/** The WCAG contrast ratio of two colours (1 to 21), or undefined when one is not understood. */
export function contrastRatio(a: string, b: string): number | undefined {
  const [x, y] = [parseColor(a), parseColor(b)];
  if (!x || !y) return undefined;
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The pairs of `colors` below their threshold, with their ratio. */
export function lowContrastPairs(colors: Record<ColorKey, string>): Array<{ text: ColorKey; on: ColorKey; kind: TextKind; ratio: number }> {
  return TEXT_PAIRS.flatMap((pair) => {
    const ratio = contrastRatio(colors[pair.text], colors[pair.on]);
    return ratio !== undefined && ratio < MIN_CONTRAST[pair.kind] ? [{ ...pair, ratio }] : [];
  });
}

/** A `low-contrast` warning per pair, at the line of theme.yaml that sets one of its two colours: the one set nearest the chosen theme (the text colour when both are set there). */
export function contrastWarnings(theme: Theme): Diagnostic[] {
  const setIn = (key: ColorKey) => theme.layers.findIndex((layer) => layer.input.colors?.[key] !== undefined);
  return lowContrastPairs(theme.colors).map(({ text, on, kind, ratio }) => {
    const key = setIn(on) >= 0 && setIn(on) < setIn(text) ? on : text;
    const layer = theme.layers[setIn(key)]!;
    const message = say(kind === 'body' ? 'theme.low-contrast-body' : 'theme.low-contrast-label', {
      text,
      textColor: theme.colors[text],
      on,
      onColor: theme.colors[on],
      ratio: ratio.toFixed(2),
      min: MIN_CONTRAST[kind],
    });
    return diagnosticAt(layer.source, ['colors', key], message, { code: 'low-contrast', severity: 'warning' });
  });
}

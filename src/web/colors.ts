/**
 * The web edition's colours, from the theme's: each text colour is moved, keeping its hue, until
 * it passes WCAG 2.1 AA (4.5:1) on every ground it is set on, so any theme reads well on a
 * screen. Dark mode is derived from the same colours: the theme's primary darkened for the
 * ground, its colours lightened for text and links. A child theme that changes colours changes
 * both modes.
 */
import type { ColorKey } from '../theme/schema.js';

type Rgb = [number, number, number];

/** #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(), hsl() (what the theme schema accepts); alpha is ignored. */
export function parseColor(text: string): Rgb {
  const s = text.trim().toLowerCase();
  if (s.startsWith('#')) {
    const hex = s.slice(1);
    const full = hex.length <= 4 ? [...hex.slice(0, 3)].map((c) => c + c).join('') : hex.slice(0, 6);
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
  }
  const nums = (s.match(/[\d.]+%?/g) ?? []).map((n) => (n.endsWith('%') ? { v: parseFloat(n), pct: true } : { v: parseFloat(n), pct: false }));
  if (s.startsWith('rgb')) return nums.slice(0, 3).map((n) => Math.round(n.pct ? (n.v * 255) / 100 : n.v)) as Rgb;
  const [h = 0, sat = 0, light = 0] = nums.map((n) => n.v);
  return hslToRgb(h, sat / 100, light / 100);
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [f(0), f(8), f(4)].map((v) => Math.round(v * 255)) as Rgb;
}

function rgbToHsl([r, g, b]: Rgb): [number, number, number] {
  const [rr, gg, bb] = [r / 255, g / 255, b / 255];
  const max = Math.max(rr, gg, bb);
  const min = Math.min(rr, gg, bb);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const sat = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rr ? (gg - bb) / d + (gg < bb ? 6 : 0) : max === gg ? (bb - rr) / d + 2 : (rr - gg) / d + 4;
  return [h * 60, sat, l];
}

/** The colour's hue at a light tone for dark grounds (navy → light blue, not grey). */
export function lightTone(color: Rgb, lightness = 0.76): Rgb {
  const [h, sat] = rgbToHsl(color);
  return hslToRgb(h, sat < 0.08 ? sat : Math.max(sat, 0.55), lightness);
}

export function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, '0')).join('')}`;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `a` moved `amount` of the way to `b`, rounded to whole channel values as the CSS will have it. */
export function mix(a: Rgb, b: Rgb, amount: number): Rgb {
  return a.map((v, i) => Math.round(v + (b[i]! - v) * amount)) as Rgb;
}

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/** `color` moved toward black or white (whichever the grounds need) until it reaches `ratio` on every ground. */
export function readable(color: Rgb, grounds: Rgb[], ratio = 4.5): Rgb {
  const worst = (c: Rgb) => Math.min(...grounds.map((g) => contrast(c, g)));
  if (worst(color) >= ratio) return color;
  const darkGround = grounds.every((g) => luminance(g) < 0.18);
  const target = darkGround ? WHITE : BLACK;
  for (let step = 1; step <= 64; step++) {
    const moved = mix(color, target, step / 64);
    if (worst(moved) >= ratio) return moved;
  }
  return target;
}

/** The variables web.css reads, light first, then dark: `--web-*`. */
export function webPalette(colors: Record<ColorKey, string>): { light: Record<string, string>; dark: Record<string, string> } {
  const c = Object.fromEntries(Object.entries(colors).map(([k, v]) => [k, parseColor(v)])) as Record<ColorKey, Rgb>;
  const paper = c.paper;
  const tint = c.tint;
  const light = {
    bg: paper,
    surface: tint,
    text: readable(c.ink, [paper, tint], 7),
    muted: readable(c.muted, [paper, tint]),
    link: readable(c.primary, [paper, tint]),
    accent: readable(c.accent, [paper, tint]),
    third: readable(c.third, [paper, tint]),
    fourth: readable(c.fourth, [paper, tint]),
    rule: c.rule,
    band: c['primary-deep'],
    'band-2': c.primary,
    'on-band': readable(c['on-primary'], [c.primary, c['primary-deep']]),
    'on-band-accent': readable(c['accent-soft'], [c.primary, c['primary-deep']]),
    focus: readable(c.accent, [paper, tint], 3),
  };
  const ground = mix(c['primary-deep'], BLACK, 0.72);
  const surface = mix(c.primary, ground, 0.78);
  const band = mix(c['primary-deep'], BLACK, 0.45);
  const dark = {
    bg: ground,
    surface,
    text: readable(mix(paper, c.tint, 0.4), [ground, surface], 7),
    muted: readable(mix(c.muted, WHITE, 0.45), [ground, surface]),
    link: readable(lightTone(c.primary), [ground, surface]),
    accent: readable(lightTone(c.accent, 0.7), [ground, surface]),
    third: readable(lightTone(c.third, 0.7), [ground, surface]),
    fourth: readable(lightTone(c.fourth, 0.74), [ground, surface]),
    rule: mix(c.rule, ground, 0.7),
    band,
    'band-2': mix(c.primary, BLACK, 0.35),
    'on-band': readable(c['on-primary'], [band, mix(c.primary, BLACK, 0.35)]),
    'on-band-accent': readable(c['accent-soft'], [band, mix(c.primary, BLACK, 0.35)]),
    focus: readable(lightTone(c.accent, 0.7), [ground, surface], 3),
  };
  const out = (p: Record<string, Rgb>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, hex(v)]));
  return { light: out(light), dark: out(dark) };
}

/** The palette as CSS: :root for the light, the same names under prefers-color-scheme: dark. */
export function webPaletteCss(colors: Record<ColorKey, string>): string {
  const { light, dark } = webPalette(colors);
  const decl = (p: Record<string, string>) => Object.entries(p).map(([k, v]) => `  --web-${k}: ${v};`).join('\n');
  return `:root {\n  color-scheme: light dark;\n${decl(light)}\n}\n@media (prefers-color-scheme: dark) {\n:root {\n${decl(dark)}\n}\n}`;
}

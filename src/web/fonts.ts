/**
 * The web edition's fonts: the faces its stylesheet uses, each cut to the characters the issue
 * shows and inlined as a data: URI, so the file needs nothing beside it. Fontsource packages
 * (bantin's own and a theme's) split a face into files by unicode-range: only the ranges the
 * text touches are kept, each cut to its characters, with its unicode-range. A theme's own
 * woff2 files are cut whole. A family the machine provides is named, not embedded.
 */
import path from 'node:path';
import { MAX_FONT_BYTES, MAX_THEME_TEXT_BYTES, readInside } from '../core/read-file.js';
import { FONT_PACKAGES, fontPackageDir, type FontPackage } from '../paths.js';
import type { Theme, ThemeFont } from '../theme/theme.js';
import { glyphCount, sfntToWoff2 } from './woff2.js';

/** The faces web.css sets: sans for headings and labels, serif for reading. */
export const WEB_FACES: ReadonlyArray<{ which: 'sans' | 'serif'; weight: number; style: 'normal' | 'italic' }> = [
  { which: 'sans', weight: 400, style: 'normal' },
  { which: 'sans', weight: 700, style: 'normal' },
  { which: 'serif', weight: 400, style: 'normal' },
  { which: 'serif', weight: 400, style: 'italic' },
  { which: 'serif', weight: 700, style: 'normal' },
];

interface FaceFile {
  file: string;
  root: string;
  /** Code points the file covers ([from, to] pairs); absent: the whole font. */
  ranges?: Array<[number, number]>;
}

/** The @font-face blocks of a fontsource stylesheet that give `weight` and `style`. */
export function fontsourceFaces(css: string, dir: string, weight: number, style: string): FaceFile[] {
  const faces: FaceFile[] = [];
  for (const [block] of css.matchAll(/@font-face\s*{[^}]*}/g)) {
    const w = /font-weight:\s*(\d+)/.exec(block)?.[1];
    const s = /font-style:\s*(\w+)/.exec(block)?.[1] ?? 'normal';
    const src = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block)?.[1];
    if (Number(w) !== weight || s !== style || !src) continue;
    const range = /unicode-range:\s*([^;}]+)/.exec(block)?.[1]?.trim();
    faces.push({ file: path.join(dir, src), root: dir, ranges: range ? parseUnicodeRange(range) : undefined });
  }
  return faces;
}

/** "U+0000-00FF, U+0131, U+1E??" → [[0, 255], [0x131, 0x131], [0x1e00, 0x1eff]]. */
export function parseUnicodeRange(text: string): Array<[number, number]> {
  return text.split(',').map((part) => {
    const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
    if (!m) return [0, -1];
    if (m[1]!.includes('?')) return [parseInt(m[1]!.replaceAll('?', '0'), 16), parseInt(m[1]!.replaceAll('?', 'f'), 16)];
    const from = parseInt(m[1]!, 16);
    return [from, m[2] ? parseInt(m[2], 16) : from];
  });
}

/** The bundled package a family alone names (Be Vietnam Pro → be-vietnam-pro), if bantin has it. */
function bundledPackage(family: string): FontPackage | undefined {
  const name = family.toLowerCase().replaceAll(' ', '-');
  return (FONT_PACKAGES as readonly string[]).includes(name) ? (name as FontPackage) : undefined;
}

/** Where a face of a theme family comes from: its files, its fontsource package, or bantin's bundled one. */
async function faceFiles(font: ThemeFont, theme: Theme, weight: number, style: string): Promise<FaceFile[]> {
  if (font.files) {
    const dir = theme.layers[font.layer]!.dir;
    const exact = font.files.filter((f) => f.style === style);
    const nearest = exact.sort((a, b) => Math.abs(a.weight - weight) - Math.abs(b.weight - weight))[0];
    return nearest && nearest.weight === weight ? [{ file: path.join(dir, nearest.src), root: dir }] : [];
  }
  if (font.fontsource) return font.fontsource.sheets.flatMap((sheet) => fontsourceFaces(sheet.text, font.fontsource!.dir, weight, style));
  const pkg = bundledPackage(font.family);
  if (!pkg) return [];
  const dir = fontPackageDir(pkg);
  const sheet = path.join(dir, `${weight}${style === 'italic' ? '-italic' : ''}.css`);
  let css: string;
  try {
    css = (await readInside(sheet, { root: dir, max: MAX_THEME_TEXT_BYTES })).toString('utf8');
  } catch {
    return [];
  }
  return fontsourceFaces(css, dir, weight, style);
}

/** Every character a reader may see: as written, and in capitals and small letters (labels are set in capitals by CSS). */
export function charactersOf(text: string): number[] {
  const all = new Set<number>();
  for (const variant of [text, text.toUpperCase(), text.toLowerCase()]) for (const ch of variant) all.add(ch.codePointAt(0)!);
  return [...all].filter((c) => c > 0x1f).sort((a, b) => a - b);
}

const inRanges = (c: number, ranges: Array<[number, number]>) => ranges.some(([from, to]) => c >= from && c <= to);

export interface WebFonts {
  css: string;
  bytes: number;
}

/** Code points as a unicode-range: "U+20-7E,U+A0". */
export function unicodeRange(points: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < points.length; i++) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j]! + 1) j++;
    const hexOf = (c: number) => c.toString(16).toUpperCase();
    out.push(j > i ? `U+${hexOf(points[i]!)}-${hexOf(points[j]!)}` : `U+${hexOf(points[i]!)}`);
    i = j;
  }
  return out.join(',');
}

/**
 * @font-face rules with each face cut to `text`'s characters and inlined. Where a package's
 * ranges overlap (latin-ext and vietnamese share Đ, Ơ, Ư…), each character goes to one file only,
 * the one the browser would pick (the last declared), and each rule's unicode-range names exactly
 * its characters. Hinting is left out (screens that need it are rare; it doubles the size) and
 * so are glyphs only reachable through OpenType features the text does not use.
 */
export async function webFontFaces(theme: Theme, text: string): Promise<WebFonts> {
  const { default: subsetFont } = await import('subset-font');
  const used = charactersOf(text);
  const rules: string[] = [];
  let bytes = 0;
  for (const face of WEB_FACES) {
    const font = theme.fonts[face.which];
    const files = await faceFiles(font, theme, face.weight, face.style);
    const taken = new Set<number>();
    const cuts = files.reverse().map((file) => {
      const chars = used.filter((c) => !taken.has(c) && (!file.ranges || inRanges(c, file.ranges)));
      chars.forEach((c) => taken.add(c));
      return { file, chars };
    });
    for (const { file, chars } of cuts.reverse()) {
      if (chars.length === 0) continue;
      const original = await readInside(file.file, { root: file.root, max: MAX_FONT_BYTES });
      const sfnt = await subsetFont(original, String.fromCodePoint(...chars), { targetFormat: 'truetype', noHinting: true, noLayoutClosure: true });
      // None of the characters is in the font (≥ in Noto Serif): an empty cmap, which browsers refuse.
      if (glyphCount(sfnt) <= 1) continue;
      const woff2 = sfntToWoff2(sfnt);
      bytes += woff2.length;
      rules.push(`@font-face { font-family: '${font.family}'; font-style: ${face.style}; font-weight: ${face.weight}; font-display: swap; src: url(data:font/woff2;base64,${woff2.toString('base64')}) format('woff2'); unicode-range: ${unicodeRange(chars)}; }`);
    }
  }
  return { css: rules.join('\n'), bytes };
}

/**
 * The theme as CSS: its variables (colours, fonts, type size), the @font-face rules of its
 * own fonts, and its stylesheets in cascade order with url()s pointing at the theme's files.
 * Every text here was read, and every font file checked, when the theme was resolved (theme/).
 */
import path from 'node:path';
import { COLOR_KEYS } from '../theme/schema.js';
import { CSS_URL, cssTarget, readThemeFile, type Theme } from '../theme/theme.js';
import { ASSET_PREFIX } from './urls.js';

export { fontsourceDir } from '../theme/fontsource.js';

/** The URL a file of layer `layer` is served at (requests.ts maps it back). */
export function themeUrl(layer: number, relative: string): string {
  return `${ASSET_PREFIX}theme/${layer}/${relative.split(/[\\/]/).map(encodeURIComponent).join('/')}`;
}

export function themeVariables(theme: Theme): string {
  const lines = COLOR_KEYS.map((key) => `  --color-${key}: ${theme.colors[key]};`);
  lines.push(`  --font-sans: '${theme.fonts.sans.family}';`, `  --font-serif: '${theme.fonts.serif.family}';`);
  lines.push(`  --body-size: ${theme.fonts.size}pt;`, `  --body-leading: ${theme.fonts.leading};`);
  return `:root {\n${lines.join('\n')}\n}`;
}

/** @font-face rules for fonts a theme brings (files in its folder, or a fontsource package). */
export function themeFontFaces(theme: Theme): string {
  const out: string[] = [];
  for (const font of [theme.fonts.sans, theme.fonts.serif]) {
    for (const file of font.files ?? []) {
      out.push(`@font-face { font-family: '${font.family}'; font-style: ${file.style}; font-weight: ${file.weight}; font-display: block; src: url(${themeUrl(font.layer, file.src)}) format('woff2'); }`);
    }
    if (font.fontsource) {
      const name = path.basename(font.fontsource.dir);
      for (const sheet of font.fontsource.sheets) {
        out.push(sheet.text.replace(/url\(\.\/(files\/[^)]+)\)/g, (_m, rel: string) => `url(${ASSET_PREFIX}fontsource/${name}/${rel})`));
      }
    }
  }
  return out.join('\n');
}

/** The stylesheets, base first; a theme's url(…) becomes the URL of the file it names in the theme. */
export function themeStyles(theme: Theme): string {
  return theme.styles
    .map((sheet) => {
      const text = readThemeFile(sheet);
      if (sheet.layer === theme.layers.length - 1) return text;
      const root = theme.layers[sheet.layer]!.dir;
      return text.replace(CSS_URL, (whole, _q: string, ref: string) => {
        const target = cssTarget(sheet, root, ref);
        return target === undefined ? whole : `url(${themeUrl(sheet.layer, target)})`;
      });
    })
    .join('\n');
}

/** Everything the theme adds to the page's CSS, before the stylesheets' own rules. */
export function themeCss(theme: Theme): string {
  const faces = themeFontFaces(theme);
  return `${faces ? `${faces}\n` : ''}${themeVariables(theme)}\n${themeStyles(theme)}`;
}

/** The files the page may read for this theme: its folders by layer, and its fontsource packages. */
export function themeFiles(theme: Theme): { roots: string[]; fontsource: Map<string, string> } {
  const fontsource = new Map<string, string>();
  for (const font of [theme.fonts.sans, theme.fonts.serif]) {
    if (font.fontsource) fontsource.set(path.basename(font.fontsource.dir), font.fontsource.dir);
  }
  return { roots: theme.layers.map((l) => l.dir), fontsource };
}

/**
 * The theme as CSS: its variables (colours, fonts, type size), the @font-face rules of its
 * own fonts, and its stylesheets in cascade order with url()s pointing at the theme's files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../paths.js';
import { COLOR_KEYS } from '../theme/schema.js';
import { readThemeFile, type Theme } from '../theme/theme.js';
import { ASSET_PREFIX } from './urls.js';

/** The URL a file of layer `layer` is served at (requests.ts maps it back). */
export function themeUrl(layer: number, relative: string): string {
  return `${ASSET_PREFIX}theme/${layer}/${relative.split(/[\\/]/).map(encodeURIComponent).join('/')}`;
}

const require = createRequire(path.join(packageRoot, 'package.json'));

/** An installed fontsource package's folder, or undefined. */
export function fontsourceDir(name: string): string | undefined {
  const pkg = name.startsWith('@fontsource/') ? name : `@fontsource/${name}`;
  try {
    return path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return undefined;
  }
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
    if (font.package) {
      const dir = fontsourceDir(font.package);
      if (!dir) continue;
      const name = path.basename(dir);
      for (const weight of [400, 500, 600, 700, 800]) {
        for (const css of [`${weight}.css`, `${weight}-italic.css`]) {
          if (!existsSync(path.join(dir, css))) continue;
          out.push(readFileSync(path.join(dir, css), 'utf8').replace(/url\(\.\/(files\/[^)]+)\)/g, (_m, rel: string) => `url(${ASSET_PREFIX}fontsource/${name}/${rel})`));
        }
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
      return text.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (whole, _q: string, ref: string) => {
        if (/^[a-z]+:/i.test(ref) || ref.startsWith('#')) return whole;
        const target = path.relative(root, path.resolve(path.dirname(sheet.file), ref));
        return target.startsWith('..') || path.isAbsolute(target) ? whole : `url(${themeUrl(sheet.layer, target)})`;
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
    const dir = font.package ? fontsourceDir(font.package) : undefined;
    if (dir) fontsource.set(path.basename(dir), dir);
  }
  return { roots: theme.layers.map((l) => l.dir), fontsource };
}

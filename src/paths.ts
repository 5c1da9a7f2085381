/** Where bantin's own files live, from src/ (tests) and dist/ (installed) alike. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { t } from './core/i18n.js';

/** The folder of bantin's package.json, whether this code runs from src/, dist/ or the bundle. */
function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'bantin') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(t('core.no-package-json'));
    dir = parent;
  }
}

export const packageRoot = findPackageRoot();
export const templatesDir = path.join(packageRoot, 'templates');
export const stylesDir = path.join(packageRoot, 'styles');

const require = createRequire(path.join(packageRoot, 'package.json'));

/**
 * Font packages bantin bundles; the only fonts a page may use. The first two set the text;
 * the others stand in for symbols, arrows, mathematics and emoji the text fonts lack (each loads
 * only when a character needs it).
 */
export const FONT_PACKAGES = ['be-vietnam-pro', 'noto-serif', 'noto-sans-symbols-2', 'dejavu-sans', 'noto-emoji'] as const;
export type FontPackage = (typeof FONT_PACKAGES)[number];

/** Kept in bantin's own assets, not installed: the package holds 11 MB of weights and formats never used (assets/fonts/noto-emoji/README.md). */
const VENDORED: ReadonlySet<FontPackage> = new Set(['noto-emoji']);

export function fontPackageDir(name: FontPackage): string {
  if (VENDORED.has(name)) return path.join(packageRoot, 'assets', 'fonts', name);
  return path.dirname(require.resolve(`@fontsource/${name}/package.json`));
}

export const version: string = (require(path.join(packageRoot, 'package.json')) as { version: string }).version;

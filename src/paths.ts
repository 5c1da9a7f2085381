/** Where bantin's own files live, from src/ (tests) and dist/ (installed) alike. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createRequire } from 'node:module';

export const packageRoot = fileURLToPath(new URL('../', import.meta.url));
export const templatesDir = path.join(packageRoot, 'templates');
export const stylesDir = path.join(packageRoot, 'styles');

const require = createRequire(import.meta.url);

/** Font packages bantin bundles; the only fonts a page may use. */
export const FONT_PACKAGES = ['be-vietnam-pro', 'noto-serif'] as const;
export type FontPackage = (typeof FONT_PACKAGES)[number];

export function fontPackageDir(name: FontPackage): string {
  return path.dirname(require.resolve(`@fontsource/${name}/package.json`));
}

export const version: string = (require(path.join(packageRoot, 'package.json')) as { version: string }).version;

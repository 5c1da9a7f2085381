/** Fontsource packages a theme names: where they are installed (beside bantin), or undefined. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../paths.js';

const require = createRequire(path.join(packageRoot, 'package.json'));

/** `@fontsource/x` for `x` or `@fontsource/x`. */
export function fontsourceName(name: string): string {
  return name.startsWith('@fontsource/') ? name : `@fontsource/${name}`;
}

/** An installed fontsource package's folder, or undefined. */
export function fontsourceDir(name: string): string | undefined {
  try {
    return path.dirname(require.resolve(`${fontsourceName(name)}/package.json`));
  } catch {
    return undefined;
  }
}

/** The stylesheets a package may have, one per weight and style; the ones present are used. */
export const FONTSOURCE_SHEETS = [400, 500, 600, 700, 800].flatMap((weight) => [`${weight}.css`, `${weight}-italic.css`]);

/**
 * The files a theme names in theme.yaml and the page reads later — font files, fontsource
 * packages, the logo — checked when the theme is resolved, by the reader's rules: a regular
 * file inside the theme's folder, under its cap. A missing or unusable one is an error at its
 * line in theme.yaml (for `bantin check` as for build), not a blocked request at print time.
 */
import path from 'node:path';
import type { Diagnostic, PathSegment } from '../core/diagnostics.js';
import { inspectImage } from '../issue/image-check.js';
import { checkInside, MAX_FONT_BYTES, MAX_IMAGE_BYTES, MAX_THEME_TEXT_BYTES, ReadProblem, readInside } from '../core/read-file.js';
import { diagnosticAt } from '../issue/source.js';
import { FONTSOURCE_SHEETS, fontsourceDir, fontsourceName } from './fontsource.js';
import type { ThemeLayer } from './layers.js';
import type { FontFamilyInput } from './schema.js';
import { t as say } from '../core/i18n.js';

export interface ThemeFont extends FontFamilyInput {
  /** The layer whose theme.yaml gives this family. */
  layer: number;
  /** The installed fontsource package `package` names: its folder and the stylesheets it has. */
  fontsource?: { dir: string; sheets: Array<{ file: string; text: string }> };
}

export interface ThemeAssets {
  layers: ThemeLayer[];
  fonts: { sans: ThemeFont; serif: ThemeFont };
  cover: { logo?: { file: string; layer: number } };
}

/** The images a page shows from a theme folder (print/requests.ts serves only these). */
const LOGO_TYPES = /\.(png|jpe?g|webp|gif|svg)$/i;

type Problems = Diagnostic[];

const problemAt = (layer: ThemeLayer, at: PathSegment[], message: string): Diagnostic => diagnosticAt(layer.source, at, message, { code: 'theme-file' });

/** Checks the theme's fonts and logo, and reads the stylesheets of its fontsource packages into it. */
export async function checkThemeAssets(theme: ThemeAssets): Promise<Problems> {
  const problems: Problems = [];
  for (const which of ['sans', 'serif'] as const) await checkFont(theme.fonts[which], which, theme.layers, problems);
  const logo = theme.cover.logo;
  if (logo) {
    const layer = theme.layers[logo.layer]!;
    if (!LOGO_TYPES.test(logo.file)) problems.push(problemAt(layer, ['cover', 'logo'], say('theme.logo-type', { file: logo.file })));
    else await checkLogo(layer, logo.file, problems);
  }
  return problems;
}

/** The logo by the image rules an issue's pictures follow: a whole PNG or JPEG, an SVG that refers to nothing outside itself and whose work is bounded. */
async function checkLogo(layer: ThemeLayer, relative: string, problems: Problems): Promise<void> {
  const file = path.join(layer.dir, relative);
  try {
    const found = inspectImage(relative, await readInside(file, { root: layer.dir, max: MAX_IMAGE_BYTES }));
    if ('problem' in found) problems.push(problemAt(layer, ['cover', 'logo'], found.problem));
  } catch (error) {
    if (!(error instanceof ReadProblem)) throw error;
    problems.push(problemAt(layer, ['cover', 'logo'], say('theme.logo-unusable', { file: relative, reason: error.message, path: file })));
  }
}

async function checkFile(layer: ThemeLayer, relative: string, max: number, at: PathSegment[], what: 'theme.font-file-unusable', problems: Problems): Promise<void> {
  const file = path.join(layer.dir, relative);
  try {
    await checkInside(file, { root: layer.dir, max });
  } catch (error) {
    if (!(error instanceof ReadProblem)) throw error;
    problems.push(problemAt(layer, at, say(what, { file: relative, reason: error.message, path: file })));
  }
}

async function checkFont(font: ThemeFont, which: 'sans' | 'serif', layers: ThemeLayer[], problems: Problems): Promise<void> {
  const layer = layers[font.layer]!;
  for (const [i, file] of (font.files ?? []).entries()) await checkFile(layer, file.src, MAX_FONT_BYTES, ['fonts', which, 'files', i, 'src'], 'theme.font-file-unusable', problems);
  if (!font.package) return;
  const name = fontsourceName(font.package);
  const at = ['fonts', which, 'package'];
  const dir = fontsourceDir(font.package);
  if (!dir) {
    problems.push(problemAt(layer, at, say('theme.font-package-missing', { name })));
    return;
  }
  const sheets: Array<{ file: string; text: string }> = [];
  for (const sheet of FONTSOURCE_SHEETS) {
    const file = path.join(dir, sheet);
    try {
      sheets.push({ file, text: (await readInside(file, { root: dir, max: MAX_THEME_TEXT_BYTES })).toString('utf8') });
    } catch (error) {
      if (!(error instanceof ReadProblem)) throw error;
      if (error.code !== 'ENOENT') problems.push(problemAt(layer, at, say('theme.font-package-unreadable', { file, name, reason: error.message })));
    }
  }
  if (sheets.length === 0) problems.push(problemAt(layer, at, say('theme.font-package-no-sheets', { name, sheets: FONTSOURCE_SHEETS.join(', ') })));
  font.fontsource = { dir, sheets };
}

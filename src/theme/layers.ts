/**
 * The theme chain: a theme folder, the theme it extends, … down to the built-in base.
 * Each layer is one folder read once: its theme.yaml, its partials and its stylesheets.
 * A theme an issue names (series.theme) is confined to the issue's folder: every folder of its
 * chain must be inside it or built in; only --theme names a folder anywhere.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { UserError, type Diagnostic, type PathSegment } from '../core/diagnostics.js';
import { isWithin, MAX_THEME_TEXT_BYTES, ReadProblem, readInside } from '../core/read-file.js';
import { decodeIssueText, diagnosticAt, parseIssueSource, type IssueSource } from '../issue/source.js';
import { validateWith } from '../issue/validate.js';
import { packageRoot, stylesDir, templatesDir } from '../paths.js';
import { themeSchema, type ThemeInput } from './schema.js';
import { t as say } from '../core/i18n.js';

export const BUILTIN_THEMES_DIR = path.join(packageRoot, 'themes');
export const BASE_THEME = 'base';
export const DEFAULT_THEME = 'haiphong';

export interface ThemeLayer {
  name: string;
  /** The folder holding theme.yaml (real path). */
  dir: string;
  file: string;
  input: ThemeInput;
  source: IssueSource;
  /** Where issue.hbs and partials/ are looked up: the folder itself, or templates/ for the base. */
  templatesDir: string;
  /** Where the stylesheets (*.css) are: styles/ in the folder, or the package's styles/ for the base. */
  stylesDir: string;
  builtin: boolean;
}

/** The folder of the issue that named a theme, as written and as its real path. */
export interface IssueFolder {
  dir: string;
  real: string;
}

/** Where a theme was named, so a bad name points at its line; an issue's name is confined to its folder. */
export interface ThemeOrigin {
  /** The file that named it (absent when a caller has only the model). */
  source?: IssueSource;
  path: PathSegment[];
  /** Set when an issue named the theme: the chain must stay inside this folder, or be built in. */
  confine?: IssueFolder;
}

export function builtinThemeNames(): string[] {
  return readdirSync(BUILTIN_THEMES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(BUILTIN_THEMES_DIR, entry.name, 'theme.yaml')))
    .map((entry) => entry.name)
    .sort();
}

/** A folder when it looks like a path (./theme, ../x, /abs, a/b), else a built-in name. */
export function isThemePath(spec: string): boolean {
  return spec.startsWith('.') || path.isAbsolute(spec) || spec.includes('/') || spec.includes('\\');
}

/** A path as the user sees it: relative to the working folder when below it. */
export function shownPath(file: string): string {
  const shown = path.relative(process.cwd(), file);
  return shown && !shown.startsWith('..') && !path.isAbsolute(shown) ? shown : file;
}

function fail(message: string, origin: ThemeOrigin | undefined): never {
  if (!origin?.source) throw new UserError(message);
  throw new UserError(message, [diagnosticAt(origin.source, origin.path, message, { code: 'theme' })]);
}

/** Why an issue may not name this folder, and what to do instead. */
function outsideMessage(spec: string, dir: string, origin: ThemeOrigin, confine: IssueFolder, link: boolean): string {
  const where = say(link ? 'theme.link-outside' : 'theme.outside', { spec, dir, folder: confine.dir });
  const named = say(origin.path.at(-1) === 'extends' ? 'theme.extends-only' : 'theme.name-only');
  return say('theme.confined', { where, rule: named, dir: link ? dir : path.resolve(dir) });
}

/** The folder a theme name or path stands for; `relativeTo` is the folder of the file that named it. */
export async function themeFolder(spec: string, relativeTo: string, origin?: ThemeOrigin): Promise<{ dir: string; builtin: boolean; named: string }> {
  if (!isThemePath(spec)) {
    const known = /^[a-z0-9][a-z0-9-]*$/.test(spec) && existsSync(path.join(BUILTIN_THEMES_DIR, spec, 'theme.yaml'));
    const names = known ? [] : builtinThemeNames();
    if (!known) fail(say('theme.unknown', { name: spec, known: names.join(', ') }), origin);
    return { dir: await realpath(path.join(BUILTIN_THEMES_DIR, spec)), builtin: true, named: spec };
  }
  const dir = path.resolve(relativeTo, spec);
  const confine = origin?.confine;
  if (confine && !isWithin(confine.dir, dir) && !isWithin(confine.real, dir)) fail(outsideMessage(spec, dir, origin, confine, false), origin);
  let real: string;
  try {
    real = await realpath(dir);
  } catch {
    fail(say('theme.no-folder', { dir, spec }), origin);
  }
  if (confine && !isWithin(confine.real, real)) fail(outsideMessage(spec, real, origin!, confine, true), origin);
  return { dir: real, builtin: false, named: spec };
}

async function readLayer(folder: { dir: string; builtin: boolean; named: string }, origin: ThemeOrigin | undefined): Promise<{ layer?: ThemeLayer; diagnostics: Diagnostic[] }> {
  const { dir, builtin } = folder;
  const file = path.join(dir, 'theme.yaml');
  let bytes: Buffer;
  try {
    bytes = await readInside(file, { root: dir, max: MAX_THEME_TEXT_BYTES });
  } catch (error) {
    if (!(error instanceof ReadProblem)) throw error;
    if (error.code === 'ENOENT') fail(say('theme.no-yaml', { dir, spec: folder.named }), origin);
    throw new UserError(say('theme.cannot-read-yaml', { file: shownPath(file), reason: error.message }));
  }
  const named = shownPath(file);
  const { source, diagnostics } = parseIssueSource(named, decodeIssueText(named, bytes));
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const data = source.doc.toJS();
  if (data === null || data === undefined) return { diagnostics: [diagnosticAt(source, [], say('theme.empty'), { code: 'empty' })] };
  const validated = validateWith(themeSchema, source, data);
  if (!validated.value) return { diagnostics: [...diagnostics, ...validated.diagnostics] };
  const base = builtin && path.basename(dir) === BASE_THEME;
  return {
    diagnostics,
    layer: {
      name: validated.value.name,
      dir,
      file,
      input: validated.value,
      source,
      templatesDir: base ? templatesDir : dir,
      stylesDir: base ? stylesDir : path.join(dir, 'styles'),
      builtin,
    },
  };
}

/** Reads the chain from the named theme down to the base; a problem anywhere stops it with its position. */
export async function readChain(spec: string, relativeTo: string, origin?: ThemeOrigin): Promise<ThemeLayer[]> {
  const layers: ThemeLayer[] = [];
  let named = origin;
  let folder = await themeFolder(spec, relativeTo, named);
  for (;;) {
    if (layers.some((l) => l.dir === folder.dir)) fail(say('theme.circle', { chain: [...layers.map((l) => l.name), path.basename(folder.dir)].join(' → ') }), origin);
    const { layer, diagnostics } = await readLayer(folder, named);
    if (!layer) throw new UserError(say('theme.folder-has-errors', { dir: folder.dir }), diagnostics);
    layers.push(layer);
    if (folder.builtin && path.basename(folder.dir) === BASE_THEME) return layers;
    const parent = layer.input.extends ?? BASE_THEME;
    named = { source: layer.source, path: ['extends'], confine: origin?.confine };
    folder = await themeFolder(parent, layer.dir, named);
  }
}

/**
 * The folder a layer's templates or stylesheets must stay inside, links resolved: the theme's
 * own folder, or bantin's templates/ and styles/ for the base.
 */
export function layerRoot(layer: ThemeLayer, kind: 'templates' | 'styles'): string {
  if (layer.templatesDir === layer.dir) return layer.dir;
  return kind === 'templates' ? layer.templatesDir : layer.stylesDir;
}

/** `*.ext` names directly in a folder, sorted (none when the folder is absent). */
export async function filesIn(dir: string, ext: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith(ext)).sort();
  } catch {
    return [];
  }
}

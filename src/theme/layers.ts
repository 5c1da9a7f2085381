/**
 * The theme chain: a theme folder, the theme it extends, … down to the built-in base.
 * Each layer is one folder read once: its theme.yaml, its partials and its stylesheets.
 */
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError, type Diagnostic, type PathSegment } from '../core/diagnostics.js';
import { decodeIssueText, diagnosticAt, parseIssueSource, type IssueSource } from '../issue/source.js';
import { validateWith } from '../issue/validate.js';
import { packageRoot, stylesDir, templatesDir } from '../paths.js';
import { themeSchema, type ThemeInput } from './schema.js';

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

/** Where a theme was named, so a bad name points at its line. */
export interface ThemeOrigin {
  source: IssueSource;
  path: PathSegment[];
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

function fail(message: string, origin: ThemeOrigin | undefined): never {
  if (!origin) throw new UserError(message);
  throw new UserError(message, [diagnosticAt(origin.source, origin.path, message, { code: 'theme' })]);
}

/** The folder a theme name or path stands for; `relativeTo` is the folder of the file that named it. */
export function themeFolder(spec: string, relativeTo: string, origin?: ThemeOrigin): { dir: string; builtin: boolean } {
  if (!isThemePath(spec)) {
    const known = /^[a-z0-9][a-z0-9-]*$/.test(spec) && existsSync(path.join(BUILTIN_THEMES_DIR, spec, 'theme.yaml'));
    const names = known ? [] : builtinThemeNames();
    if (!known) fail(`no built-in theme is called "${spec}": expected one of ${names.join(', ')}, or a folder such as ./theme`, origin);
    return { dir: realpathSync(path.join(BUILTIN_THEMES_DIR, spec)), builtin: true };
  }
  const dir = path.resolve(relativeTo, spec);
  if (!existsSync(path.join(dir, 'theme.yaml'))) fail(`the theme folder ${dir} has no theme.yaml (make one with: bantin theme new ${spec})`, origin);
  return { dir: realpathSync(dir), builtin: false };
}

function readLayer(dir: string, builtin: boolean): { layer?: ThemeLayer; diagnostics: Diagnostic[] } {
  const file = path.join(dir, 'theme.yaml');
  const shown = path.relative(process.cwd(), file);
  // A few hundred bytes: read in place, not through the thread pool (a build reads two or three).
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UserError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const named = shown && !shown.startsWith('..') ? shown : file;
  const { source, diagnostics } = parseIssueSource(named, decodeIssueText(named, bytes));
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const data = source.doc.toJS();
  if (data === null || data === undefined) return { diagnostics: [diagnosticAt(source, [], 'theme.yaml is empty: expected at least name', { code: 'empty' })] };
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
  let folder = themeFolder(spec, relativeTo, origin);
  for (;;) {
    if (layers.some((l) => l.dir === folder.dir)) fail(`the themes extend each other in a circle: ${[...layers.map((l) => l.name), path.basename(folder.dir)].join(' → ')}`, origin);
    const { layer, diagnostics } = readLayer(folder.dir, folder.builtin);
    if (!layer) throw new UserError(`the theme in ${folder.dir} has errors; no PDF was written`, diagnostics);
    layers.push(layer);
    if (folder.builtin && path.basename(folder.dir) === BASE_THEME) return layers;
    const parent = layer.input.extends ?? BASE_THEME;
    folder = themeFolder(parent, layer.dir, { source: layer.source, path: ['extends'] });
  }
}

/** `*.ext` files directly in a folder, by name (none when the folder is absent). */
export function filesIn(dir: string, ext: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir).filter((f) => f.endsWith(ext)).sort();
}

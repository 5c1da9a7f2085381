/**
 * bantin theme list / new: the built-in themes, and a new theme folder that extends one
 * (a commented theme.yaml only, or with --eject a copy of every partial and stylesheet, the web ones too).
 */
import { lstat, mkdir, rmdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../core/diagnostics.js';
import { packageRoot } from '../paths.js';
import { builtinThemeNames, BASE_THEME, DEFAULT_THEME, isThemePath, readChain } from '../theme/layers.js';
import { COLOR_KEYS } from '../theme/schema.js';
import { resolveTheme, type Theme } from '../theme/theme.js';
import { t } from '../core/i18n.js';

export interface ThemeSummary {
  name: string;
  description: string;
  isDefault: boolean;
}

export async function listThemes(): Promise<ThemeSummary[]> {
  const out: ThemeSummary[] = [];
  for (const name of builtinThemeNames()) {
    const [layer] = await readChain(name, process.cwd());
    out.push({ name, description: layer!.input.description ?? '', isDefault: name === DEFAULT_THEME });
  }
  return out;
}

export interface NewThemeOptions {
  dir: string;
  /** The theme it extends: a built-in name or a folder (default haiphong). */
  from?: string;
  /** Copy every partial and stylesheet of the chain into the new folder. */
  eject?: boolean;
}

/**
 * Writes the new theme; returns the files written. All or nothing: every target is checked
 * before the first is written, and should one still fail (a file that appeared meanwhile, a
 * full disk), what this call wrote — files and the folders it made — is removed again.
 */
export async function newTheme(options: NewThemeOptions): Promise<string[]> {
  const from = options.from ?? DEFAULT_THEME;
  const dir = path.resolve(options.dir);
  // The theme's files as read through the one reader (theme/theme.ts).
  const theme = await resolveTheme(from, process.cwd());
  // A folder parent is written relative to the new theme, as theme.yaml's extends reads it.
  const parent = isThemePath(from) ? relativeSpec(dir, path.resolve(from)) : from;
  const files: Array<[string, string]> = [[path.join(dir, 'theme.yaml'), childYaml(dir, path.basename(dir), parent, theme)]];
  if (options.eject) {
    files.push([path.join(dir, 'issue.hbs'), theme.template.text]);
    for (const partial of theme.partials.values()) files.push([path.join(dir, 'partials', `${partial.name}.hbs`), partial.text]);
    for (const sheet of theme.styles) files.push([path.join(dir, 'styles', sheet.name), sheet.text]);
    for (const sheet of theme.webStyles) files.push([path.join(dir, 'styles', 'web', sheet.name), sheet.text]);
  }
  for (const [file] of files) await checkFree(file);
  await writeAllOrNothing(files);
  return files.map(([file]) => file);
}

const alreadyThere = (file: string) => new UserError(t('commands.theme.exists', { file }));

/** Throws a UserError unless `file` is a name nothing holds yet, in folders that are folders. */
async function checkFree(file: string): Promise<void> {
  let code: string | undefined;
  try {
    await lstat(file);
  } catch (error) {
    code = (error as NodeJS.ErrnoException).code;
  }
  if (code === undefined) throw alreadyThere(file);
  if (code === 'ENOTDIR') throw new UserError(t('commands.theme.folder-is-file', { file }));
  if (code !== 'ENOENT') throw new UserError(t('commands.theme.cannot-write', { file, code }));
}

async function writeAllOrNothing(files: ReadonlyArray<[string, string]>): Promise<void> {
  const written: string[] = [];
  const made: string[] = [];
  let current = '';
  try {
    for (const [file, text] of files) {
      current = file;
      const first = await mkdir(path.dirname(file), { recursive: true });
      // mkdir gives the first folder it made: it and the ones below it up to the file's are ours.
      if (first) for (let d = path.dirname(file); d.length >= first.length; d = path.dirname(d)) if (!made.includes(d)) made.push(d);
      try {
        await writeFile(file, text, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyThere(file);
        throw error;
      }
      written.push(file);
    }
  } catch (error) {
    for (const file of written.reverse()) await unlink(file).catch(() => undefined);
    // Deepest first; a folder someone else filled meanwhile stays (rmdir removes only empty ones).
    for (const d of made.sort((a, b) => b.length - a.length)) await rmdir(d).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (!(error instanceof UserError) && code) throw new UserError(t('commands.theme.failed', { file: current, code }));
    throw error;
  }
}

function relativeSpec(from: string, to: string): string {
  const rel = path.relative(from, to).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

function childYaml(dir: string, name: string, parent: string, theme: Theme): string {
  const schema = path.relative(dir, path.join(packageRoot, 'schema', 'theme.schema.json')).split(path.sep).join('/');
  const colors = COLOR_KEYS.map((key) => `#   ${`${key}:`.padEnd(14)}"${theme.colors[key]}"`);
  return [
    `# yaml-language-server: $schema=${schema}`,
    `# ${t('commands.theme.yaml.intro', { parent, base: BASE_THEME })}`,
    `# ${t('commands.theme.yaml.uncomment')}`,
    `# ${t('commands.theme.yaml.files')}`,
    `# ${t('commands.theme.yaml.readable')}`,
    `name: ${name}`,
    `description: ${t('commands.theme.yaml.description', { name, parent })}`,
    `extends: ${parent}`,
    `# language: ${theme.language}          # ${t('commands.theme.yaml.language')}`,
    `# labels:                # ${t('commands.theme.yaml.labels')}`,
    `#   inThisIssue: "${theme.labels.inThisIssue}"`,
    `# colors:                # ${t('commands.theme.yaml.colors')}`,
    ...colors,
    '# fonts:',
    `#   sans: { family: ${theme.fonts.sans.family} }     # ${t('commands.theme.yaml.font-files')}`,
    `#   serif: { family: ${theme.fonts.serif.family} }`,
    `#   size: ${theme.fonts.size}              # ${t('commands.theme.yaml.font-size')}`,
    '# page:',
    `#   size: ${theme.page.size}`,
    '#   margins: { A4: { top: 17, bottom: 19, inside: 16, outside: 16 } }',
    `#   columns: ${theme.page.columns}            # ${t('commands.theme.yaml.columns')}`,
    '# cover:',
    `#   logo: images/logo.svg  # ${t('commands.theme.yaml.logo')}`,
    `#   highlights: ${theme.cover.highlights}`,
    '',
  ].join('\n');
}

/**
 * Before anything is written: every output must be a new file or an existing regular file
 * that is none of the inputs — the issue, its images, every file of its theme chain (each
 * theme.yaml, template, stylesheet, font, logo, label set) and every file of bantin's install —
 * compared by device and inode, so links and `a/../b` spellings cannot hide a collision, and no
 * two outputs may be the same file. Anything else is a usage error (exit 2) and nothing is
 * touched. A batch guards every issue's outputs against the inputs of the whole batch.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { UsageError, UserError } from '../core/diagnostics.js';
import { folderProblem } from './output.js';
import { isWithin } from '../core/read-file.js';
import type { AssetMap } from '../issue/assets.js';
import { FONT_PACKAGES, fontPackageDir, packageRoot } from '../paths.js';
import { themeInputs, type Theme } from '../theme/theme.js';
import { t } from '../core/i18n.js';

type Id = string;
const idOf = (s: { dev: number | bigint; ino: number | bigint }): Id => `${s.dev}:${s.ino}`;

async function idOfFile(file: string): Promise<Id | undefined> {
  try {
    return idOf(await stat(file));
  } catch {
    return undefined;
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

/**
 * bantin's install: what it ships and reads (package.json "files", less examples/, where
 * users build their own PDFs beside the examples) and the font packages it bundles.
 */
const INSTALL_DIRS = ['themes', 'templates', 'styles', 'assets', 'schema', 'viewer', 'bin', 'dist'];
const INSTALL_FILES = ['package.json', 'README.md', 'LICENSE'];

/** The install's folders and files as real paths, found once per process. */
let installPaths: Promise<{ dirs: string[]; files: string[] }> | undefined;
const install = () =>
  (installPaths ??= (async () => {
    const real = (p: string) => realpath(p).catch(() => p);
    const dirs = await Promise.all([...INSTALL_DIRS.map((d) => path.join(packageRoot, d)), ...FONT_PACKAGES.map((p) => fontPackageDir(p))].map(real));
    return { dirs, files: await Promise.all(INSTALL_FILES.map((f) => real(path.join(packageRoot, f)))) };
  })());

/** Every file of the install by id: looked for only when an output has another name (a hard link). */
let installIds: Promise<Map<Id, string>> | undefined;
const installFilesById = () =>
  (installIds ??= install().then(async ({ dirs, files }) => idsOf([...files, ...(await Promise.all(dirs.map(filesUnder))).flat()])));

/** The file of bantin's install that `output` is, by its real path or, for a hard link, by its id. */
async function installFile(output: string, info: { dev: number; ino: number; nlink: number }): Promise<string | undefined> {
  const real = await realpath(output).catch(() => path.resolve(output));
  const { dirs, files } = await install();
  if (files.includes(real) || dirs.some((dir) => isWithin(dir, real))) return real;
  return info.nlink > 1 ? (await installFilesById()).get(idOf(info)) : undefined;
}

async function idsOf(files: readonly string[]): Promise<Map<Id, string>> {
  const ids = await Promise.all(files.map(idOfFile));
  const taken = new Map<Id, string>();
  files.forEach((file, i) => {
    const id = ids[i];
    if (id && !taken.has(id)) taken.set(id, file);
  });
  return taken;
}

/** Everything a build reads: the issue, its images and every file of its theme chain. */
export function buildInputs(input: string, assets: AssetMap, theme: Theme): string[] {
  return [input, ...neighbourIssues(input), ...[...assets.values()].map((a) => a.file), ...themeInputs(theme)];
}

/** The issue files beside the input: the check reads them to find the previous issue (lint/previous-issue.ts). */
function neighbourIssues(input: string): string[] {
  const dir = path.dirname(path.resolve(input));
  try {
    return readdirSync(dir).filter((name) => /\.(ya?ml|md)$/i.test(name)).map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

/**
 * Throws UsageError when an output would replace an input, a file of bantin's install, a link,
 * a device, a FIFO or socket, or another output; UserError when an output names a folder.
 */
export async function guardOutputs(outputs: readonly string[], inputs: readonly string[]): Promise<void> {
  return outputGuard(inputs)(outputs);
}

/**
 * guardOutputs for many sets of outputs against the same inputs (a batch: every issue's outputs
 * against every input of the batch); the inputs are looked at once, when an output exists.
 */
export function outputGuard(inputs: readonly string[]): (outputs: readonly string[]) => Promise<void> {
  let inputIds: Promise<Map<Id, string>> | undefined;
  return async (outputs) => {
    const seen = new Map<string, string>();
    for (const output of outputs) {
      const key = path.resolve(output);
      const earlier = seen.get(key);
      if (earlier) throw new UsageError(t('commands.guard.twice', { output, earlier }));
      seen.set(key, output);
    }
    const existing: Array<{ output: string; id: Id; info: { dev: number; ino: number; nlink: number } }> = [];
    for (const output of outputs) {
      let info;
      try {
        info = await lstat(output);
      } catch {
        // A new file: nothing to collide with, but its folder must be one (not `-o afile/x.pdf`),
        // said before anything is printed.
        const problem = folderProblem(output);
        if (problem) throw new UserError(t('commands.guard.cannot-write', { output, problem }));
        continue;
      }
      if (info.isSymbolicLink()) throw new UsageError(t('commands.guard.symlink', { output }));
      if (info.isDirectory()) throw new UserError(t('commands.guard.folder', { output, example: path.join(output, 'issue.pdf') }));
      if (!info.isFile()) throw new UsageError(t('commands.guard.not-regular', { output }));
      existing.push({ output, id: idOf(info), info });
    }
    if (existing.length === 0) return;
    const taken = await (inputIds ??= idsOf([...new Set(inputs)]));
    const outputIds = new Map<Id, string>();
    for (const { output, id, info } of existing) {
      const input = taken.get(id);
      if (input) throw new UsageError(t(path.resolve(output) === path.resolve(input) ? 'commands.guard.input' : 'commands.guard.same-as-input', { output, input }));
      const file = await installFile(output, info);
      if (file) throw new UsageError(t(path.resolve(output) === path.resolve(file) ? 'commands.guard.own-file' : 'commands.guard.same-as-own-file', { output, file }));
      const other = outputIds.get(id);
      if (other) throw new UsageError(t('commands.guard.same-outputs', { output, other }));
      outputIds.set(id, output);
    }
  };
}

/**
 * Before anything is written: every output must be a new file or an existing regular file
 * that is none of the inputs (the issue, its images, bantin's templates and styles — compared
 * by device and inode, so links and `a/../b` spellings cannot hide a collision), and no two
 * outputs may be the same file. Anything else is a usage error (exit 2) and nothing is touched.
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError, UserError } from '../core/diagnostics.js';
import { stylesDir, templatesDir } from '../paths.js';

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

/** bantin's own files an output must never replace. */
let ownFiles: Promise<string[]> | undefined;
const bantinFiles = () => (ownFiles ??= Promise.all([filesUnder(templatesDir), filesUnder(stylesDir)]).then((lists) => lists.flat()));

/**
 * Throws UsageError when an output would replace an input, a link, a device, a FIFO or
 * socket, or another output; UserError when an output names a folder.
 */
export async function guardOutputs(outputs: readonly string[], inputs: readonly string[]): Promise<void> {
  const seen = new Map<string, string>();
  for (const output of outputs) {
    const key = path.resolve(output);
    const earlier = seen.get(key);
    if (earlier) throw new UsageError(`${output} would be written twice (also as ${earlier}): choose another -o name`);
    seen.set(key, output);
  }
  const taken = new Map<Id, string>();
  for (const file of [...inputs, ...(await bantinFiles())]) {
    const id = await idOfFile(file);
    if (id && !taken.has(id)) taken.set(id, file);
  }
  const outputIds = new Map<Id, string>();
  for (const output of outputs) {
    let info;
    try {
      info = await lstat(output);
    } catch {
      continue; // a new file: nothing to collide with
    }
    if (info.isSymbolicLink()) throw new UsageError(`${output} is a symbolic link: bantin never writes through a link; name a regular file`);
    if (info.isDirectory()) throw new UserError(`cannot write ${output}: it is a folder; name a file (e.g. ${path.join(output, 'issue.pdf')}) or use --out-dir`);
    if (!info.isFile()) throw new UsageError(`${output} is not a regular file (a device, FIFO or socket): bantin writes only regular files`);
    const id = idOf(info);
    const input = taken.get(id);
    if (input) throw new UsageError(`${output} is ${path.resolve(output) === path.resolve(input) ? '' : 'the same file as '}the input ${input}: bantin never overwrites its inputs; choose another output name`);
    const other = outputIds.get(id);
    if (other) throw new UsageError(`${output} and ${other} are the same file: choose another -o name`);
    outputIds.set(id, output);
  }
}

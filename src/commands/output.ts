/** Writing results atomically: temporary files beside the targets, then renames. */
import { randomBytes } from 'node:crypto';
import { statfsSync, statSync } from 'node:fs';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Interrupted, registerCleanup, stopping } from '../core/cleanup.js';
import { UserError } from '../core/diagnostics.js';
import { t, type MessageKey } from '../core/i18n.js';

const REASONS: Record<string, MessageKey> = {
  ENOENT: 'commands.write.reason.no-folder',
  ENOTDIR: 'commands.write.reason.no-folder',
  EACCES: 'commands.write.reason.permission',
  EPERM: 'commands.write.reason.permission',
  EROFS: 'commands.write.reason.read-only',
  ENOSPC: 'commands.write.reason.disk-full',
  EDQUOT: 'commands.write.reason.quota',
  EISDIR: 'commands.write.reason.is-folder',
  EEXIST: 'commands.write.reason.in-the-way',
  EIO: 'commands.write.reason.io',
  ENAMETOOLONG: 'commands.write.reason.name-too-long',
};
const reasonFor = (code: string): string | undefined => (REASONS[code] ? t(REASONS[code]!) : undefined);

/** A file-system failure as one line for the user (exit 1); other errors pass through. */
export function writeFailure(file: string, error: unknown, what: 'write' | 'folder' = 'write'): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code || !/^E[A-Z]+$/.test(code)) return error;
  const reason = code === 'ENOENT' || code === 'ENOTDIR' ? (folderProblem(file) ?? reasonFor(code)) : reasonFor(code);
  return new UserError(t('commands.write.failed', { what: t(what === 'write' ? 'commands.write.write' : 'commands.write.create-folder'), file, reason: reason ?? code }));
}

/**
 * Why a file cannot be made where its folder "does not exist": a part of the path is a file
 * (`-o afile/x.pdf`), or the folder is one of the system's, where nothing can be created
 * (/proc, /sys). Undefined when the folder is simply missing.
 */
export function folderProblem(file: string): string | undefined {
  for (let at = path.dirname(path.resolve(file)); ; at = path.dirname(at)) {
    let info;
    try {
      info = statSync(at);
    } catch {
      if (path.dirname(at) === at) return undefined;
      continue;
    }
    if (!info.isDirectory()) return t('commands.write.reason.file-not-folder', { at });
    if (at !== path.dirname(path.resolve(file))) return undefined;
    return SYSTEM_FOLDERS.has(fileSystemType(at)) ? t('commands.write.reason.system-folder', { at }) : undefined;
  }
}

/** File systems whose folders are views of the kernel (statfs' f_type): proc, sysfs, cgroup, cgroup2, debugfs, securityfs, devpts. */
const SYSTEM_FOLDERS = new Set([0x9fa0, 0x62656572, 0x27e0eb, 0x63677270, 0x64626720, 0x73636673, 0x1cd1]);

function fileSystemType(dir: string): number {
  try {
    return statfsSync(dir).type;
  } catch {
    return -1;
  }
}

/**
 * Writes every file, or none: all temporaries first, then the renames. A failure while writing
 * (a full disk, say) leaves every target as it was.
 */
export async function writeAllAtomic(files: ReadonlyArray<{ file: string; data: Uint8Array | string; mode?: number }>): Promise<void> {
  const temps = files.map(({ file }) => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`));
  // The write or rename under way: a signal's cleanup waits for it, or the temporary it is
  // creating would appear after the cleanup removed it.
  let inFlight: Promise<unknown> = Promise.resolve();
  // A temporary that could not be made cannot be removed either (ENOTDIR below a file): ignored.
  const removeTemps = async () => {
    await inFlight.catch(() => undefined);
    await Promise.all(temps.map((t) => rm(t, { force: true }).catch(() => undefined)));
  };
  const release = registerCleanup(removeTemps);
  try {
    for (const [i, { file, data }] of files.entries()) {
      try {
        // 'wx': a temporary name that exists already is never written through.
        await (inFlight = writeFile(temps[i]!, data, { flag: 'wx' }));
        // A file rewritten in place keeps its permissions (the temporary has the umask's).
        if (files[i]!.mode !== undefined) await (inFlight = chmod(temps[i]!, files[i]!.mode! & 0o7777));
      } catch (error) {
        throw writeFailure(file, error);
      }
    }
    for (const [i, { file }] of files.entries()) {
      // A signal while the temporaries were written: none is put in place.
      if (stopping()) throw new Interrupted();
      try {
        await (inFlight = rename(temps[i]!, file));
      } catch (error) {
        throw writeFailure(file, error);
      }
    }
  } catch (error) {
    await removeTemps();
    throw error;
  } finally {
    release();
  }
}

export async function writeAtomic(file: string, data: Uint8Array | string, mode?: number): Promise<void> {
  await writeAllAtomic([{ file, data, mode }]);
}

/**
 * Creates `dir` and its missing parents one level at a time (Node's recursive mkdir spins
 * forever under /proc); every existing part must be a folder.
 */
export async function makeFolder(dir: string): Promise<void> {
  const target = path.resolve(dir);
  const missing: string[] = [];
  for (let at = target; ; at = path.dirname(at)) {
    try {
      if (!(await stat(at)).isDirectory()) throw new UserError(t('commands.write.folder-is-file', { dir, at }));
      break;
    } catch (error) {
      if (error instanceof UserError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || path.dirname(at) === at) throw writeFailure(dir, error, 'folder');
      missing.unshift(at);
    }
  }
  for (const at of missing) {
    try {
      await mkdir(at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && (await stat(at).catch(() => undefined))?.isDirectory()) continue;
      throw writeFailure(dir, error, 'folder');
    }
  }
}

/** Whether anything is at `file` (a file, a folder, a link that leads somewhere). */
export async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** `issue-20.yaml` → `issue-20.pdf` beside it. */
export function defaultOutput(input: string, ext = '.pdf'): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}${ext}`);
}

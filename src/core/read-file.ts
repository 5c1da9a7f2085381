/**
 * Reading what the user gives — issues, images, theme files, fonts, logos, previous issues —
 * by one set of rules: regular files only, up to a size cap per kind. A device (/dev/zero), a
 * FIFO or a socket is refused before a byte is read — it is opened without blocking and checked
 * on the open descriptor, so a name swapped after a check cannot slip through — and no file
 * is read past its cap (a file that grows while read is cut off and refused). Nothing here
 * waits on a FIFO or a device, and reads are asynchronous (one synchronous variant, for
 * bantin's own label sets), so Ctrl-C, SIGTERM and SIGHUP still end bantin.
 *
 * A file that belongs to a folder (an image of the issue's folder, a theme's partial, font or
 * logo, bantin's own templates) is read with readInside: its real path (links resolved) must
 * stay inside that folder.
 *
 * The caps (also in the README's "What bantin will never do"):
 *   issue file 50 MB · Word draft (bantin import) 50 MB · image or logo 50 MB · theme.yaml,
 *   partial, stylesheet, label set 2 MB · font file 20 MB.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { t } from './i18n.js';

/** Issue files (YAML): far more than a year of weekly issues. */
export const MAX_ISSUE_BYTES = 50 * 1024 * 1024;
/** A Word draft for `bantin import` (.docx): a long issue with its pictures is a few MB. */
export const MAX_DRAFT_BYTES = 50 * 1024 * 1024;
/** Each image, logo or cover picture. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
/** theme.yaml, a partial, a stylesheet, a label set: text people write (bantin's own stylesheet is ~60 KB). */
export const MAX_THEME_TEXT_BYTES = 2 * 1024 * 1024;
/**
 * A theme's font file (woff2). A large CJK weight is 5–10 MB; Chromium, given a 200 MB font,
 * grows to 2 GB and dies after 30 s.
 */
export const MAX_FONT_BYTES = 20 * 1024 * 1024;

/** The cap for a file a page may ask for, by its name's ending. */
export function maxBytesFor(file: string): number {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.woff2' || ext === '.woff') return MAX_FONT_BYTES;
  if (ext === '.css' || ext === '.hbs' || ext === '.yaml' || ext === '.yml') return MAX_THEME_TEXT_BYTES;
  return MAX_IMAGE_BYTES;
}

/** Why a file could not be read, in words for the user (without the file's name). */
export class ReadProblem extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ReadProblem';
  }
}

/** A size as the messages give it: "5 MB". */
export const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function kindOf(stats: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stats.isDirectory()) return t('core.read.folder');
  if (stats.isFIFO()) return t('core.read.fifo');
  if (stats.isSocket()) return t('core.read.socket');
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return t('core.read.device');
  return t('core.read.not-regular');
}

function openProblem(error: unknown): ReadProblem {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? t('core.read.no-such-file')
      : code === 'EISDIR'
        ? t('core.read.folder')
        : code === 'EACCES' || code === 'EPERM'
          ? t('core.read.permission')
          : code === 'ENXIO'
            ? t('core.read.socket-or-device')
            : code === 'ELOOP'
              ? t('core.read.became-link')
              : String(code ?? error);
  return new ReadProblem(why, code);
}

/** What the descriptor's own stat says about a file bantin is about to read. */
function checkStats(stats: Stats, max: number): void {
  if (!stats.isFile()) throw new ReadProblem(kindOf(stats), stats.isDirectory() ? 'EISDIR' : 'ENOTREG');
  if (stats.size > max) throw new ReadProblem(t('core.read.too-large', { size: megabytes(stats.size), max: megabytes(max) }), 'EFBIG');
}

function readFailure(error: unknown): ReadProblem {
  if (error instanceof ReadProblem) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return new ReadProblem(code === 'EISDIR' ? t('core.read.folder') : String(code ?? error), code);
}

// Never blocks on a FIFO; a name that is a link when opened (swapped after realpath) fails.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** The bytes of the regular file `file`, at most `max` of them; throws ReadProblem otherwise. */
export async function readRegular(file: string, max: number, flags = 0): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, OPEN_FLAGS | flags);
  } catch (error) {
    throw openProblem(error);
  }
  try {
    const stats = await handle.stat();
    checkStats(stats, max);
    const buffer = Buffer.alloc(Math.min(max + 1, stats.size + 1));
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > max) throw new ReadProblem(t('core.read.more-than', { max: megabytes(max) }), 'EFBIG');
      if (length === buffer.length) throw grewOrSystem(stats.size);
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw readFailure(error);
  } finally {
    await handle.close();
  }
}

/** Where a file must stay (links resolved) and how much of it bantin reads. */
export interface Inside {
  /** The folder the file belongs to. */
  root: string;
  max: number;
}

/** `candidate` is `root` itself or below it (both real paths, or both as written). */
export function isWithin(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

function outside(root: string, real: string): ReadProblem {
  return new ReadProblem(t('core.read.link-outside', { root, real }), 'EOUTSIDE');
}

/** The real path of `file`, checked to stay inside the real path of `root`. */
async function realInside(file: string, root: string): Promise<string> {
  let realRoot: string;
  let real: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(file);
  } catch (error) {
    throw openProblem(error);
  }
  if (!isWithin(realRoot, real)) throw outside(root, real);
  return real;
}

/**
 * The bytes of `file`, a regular file inside `root` (its real path, links resolved, stays
 * inside `root`'s), at most `max` of them; throws ReadProblem otherwise.
 */
export async function readInside(file: string, { root, max }: Inside): Promise<Buffer> {
  return readRegular(await realInside(file, root), max, NO_FOLLOW);
}

/**
 * The same rules as readInside without reading the bytes (a font or logo the page reads later,
 * checked when the theme is): its size and real path.
 */
export async function checkInside(file: string, { root, max }: Inside): Promise<{ real: string; size: number }> {
  const real = await realInside(file, root);
  let handle;
  try {
    handle = await open(real, OPEN_FLAGS | NO_FOLLOW);
  } catch (error) {
    throw openProblem(error);
  }
  try {
    const stats = await handle.stat();
    checkStats(stats, max);
    return { real, size: stats.size };
  } catch (error) {
    throw readFailure(error);
  } finally {
    await handle.close();
  }
}

/**
 * readInside for the one caller that must stay synchronous: the shipped label sets (a few KB of
 * bantin's own, read once per process by labelSet(), a synchronous API). Same rules: opened
 * without blocking, checked on the descriptor, capped.
 */
export function readInsideSync(file: string, { root, max }: Inside): Buffer {
  let real: string;
  let fd: number;
  try {
    real = realpathSync(file);
    if (!isWithin(realpathSync(root), real)) throw outside(root, real);
    fd = openSync(real, OPEN_FLAGS | NO_FOLLOW);
  } catch (error) {
    throw error instanceof ReadProblem ? error : openProblem(error);
  }
  try {
    const stats = fstatSync(fd);
    checkStats(stats, max);
    const buffer = Buffer.alloc(Math.min(max + 1, stats.size + 1));
    let length = 0;
    for (let n; (n = readSync(fd, buffer, length, buffer.length - length, length)) > 0; ) {
      length += n;
      if (length === buffer.length) throw grewOrSystem(stats.size);
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw readFailure(error);
  } finally {
    closeSync(fd);
  }
}

/**
 * A file that gives more bytes than its size said: one being written, or a view of the system
 * (/proc, /sys), whose files say they are empty.
 */
function grewOrSystem(size: number): ReadProblem {
  if (size === 0) return new ReadProblem(t('core.read.no-size'), 'ENOTREG');
  return new ReadProblem(t('core.read.grew'), 'EAGAIN');
}

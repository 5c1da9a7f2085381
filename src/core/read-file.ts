/**
 * Reading what the user gives: regular files only, up to a size cap. A device (/dev/zero), a
 * FIFO or a socket is refused before a byte is read — it is opened without blocking and checked
 * on the open descriptor, so a name swapped after a check cannot slip through — and no file
 * is read past its cap (a file that grows while read is cut off and refused).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** Issue files (YAML): far more than a year of weekly issues. */
export const MAX_ISSUE_BYTES = 50 * 1024 * 1024;
/** Each image, logo or cover picture. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

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

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function kindOf(stats: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stats.isDirectory()) return 'it is a folder';
  if (stats.isFIFO()) return 'it is a FIFO (named pipe), not a file';
  if (stats.isSocket()) return 'it is a socket, not a file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'it is a device, not a file';
  return 'it is not a regular file';
}

/** The bytes of the regular file `file`, at most `max` of them; throws ReadProblem otherwise. */
export async function readRegular(file: string, max: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENXIO' ? 'it is a socket or device, not a file' : String(code ?? error);
    throw new ReadProblem(why, code);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new ReadProblem(kindOf(stats), stats.isDirectory() ? 'EISDIR' : 'ENOTREG');
    if (stats.size > max) throw new ReadProblem(`it is ${mb(stats.size)}, more than the ${mb(max)} bantin reads`, 'EFBIG');
    const buffer = Buffer.alloc(Math.min(max + 1, stats.size + 1));
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > max) throw new ReadProblem(`it is more than the ${mb(max)} bantin reads`, 'EFBIG');
      if (length === buffer.length) throw new ReadProblem('it grew while bantin read it; try again once it is saved', 'EAGAIN');
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof ReadProblem) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReadProblem(code === 'EISDIR' ? 'it is a folder' : String(code ?? error), code);
  } finally {
    await handle.close();
  }
}

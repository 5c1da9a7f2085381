/** Writing results atomically: a temporary file beside the target, then a rename. */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { registerCleanup } from '../pdf/cleanup.js';
import { UserError } from '../issue/diagnostics.js';

export async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const release = registerCleanup(() => rm(temp, { force: true }));
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EROFS' || code === 'ENOTDIR') {
      throw new UserError(`cannot write ${file}: ${code === 'ENOENT' || code === 'ENOTDIR' ? 'the folder does not exist' : 'permission denied'}`);
    }
    throw error;
  } finally {
    release();
  }
}

/** `issue-20.yaml` → `issue-20.pdf` beside it. */
export function defaultOutput(input: string, ext = '.pdf'): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}${ext}`);
}

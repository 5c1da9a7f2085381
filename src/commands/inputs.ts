/** Files and quoted globs on the command line → files, the same for build and check on every shell. */
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** Files in the order given; each pattern's matches sorted; duplicates once. */
export async function expandInputs(patterns: readonly string[], cwd = process.cwd()): Promise<{ files: string[]; unmatched: string[] }> {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    if (isDynamicPattern(pattern)) {
      const matches = (await glob(pattern, { cwd, onlyFiles: true, expandDirectories: false })).sort();
      if (matches.length === 0) unmatched.push(pattern);
      files.push(...matches.map((m) => path.resolve(cwd, m)));
    } else {
      files.push(path.resolve(cwd, pattern));
    }
  }
  return { files: [...new Set(files)], unmatched };
}

/** Files and quoted globs on the command line → files, the same for build and check on every shell. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** tinyglobby reads `\\` as an escape; Windows paths use it between folders. */
export function globPattern(pattern: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? pattern.replaceAll('\\', '/') : pattern;
}

/**
 * Files in the order given; each pattern's matches sorted; duplicates once. A file that exists is
 * taken as named, even when its name has glob characters ("Số 20 (2026).yaml", "so[1].yaml").
 */
export async function expandInputs(patterns: readonly string[], cwd = process.cwd(), platform: NodeJS.Platform = process.platform): Promise<{ files: string[]; unmatched: string[] }> {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const given of patterns) {
    const pattern = globPattern(given, platform);
    if (!existsSync(path.resolve(cwd, given)) && isDynamicPattern(pattern)) {
      const matches = (await glob(pattern, { cwd, onlyFiles: true, expandDirectories: false })).sort();
      if (matches.length === 0) unmatched.push(given);
      files.push(...matches.map((m) => path.resolve(cwd, m)));
    } else {
      files.push(path.resolve(cwd, given));
    }
  }
  return { files: [...new Set(files)], unmatched };
}

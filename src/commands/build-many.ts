/**
 * bantin build a.yaml b.yaml 'issues/*.yaml': every issue with one shared browser, several
 * pages at a time. One bad issue does not stop the others.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UserError } from '../issue/diagnostics.js';
import { browserFailure, openBrowser } from '../pdf/browser.js';
import { makeFolder } from './output.js';
import { DEFAULT_TIMEOUT_MS, prepare, printAndWrite, render, type BuildOptions, type BuildResult, type Prepared } from './build.js';

export interface BatchOptions extends Omit<BuildOptions, 'input' | 'output' | 'html'> {
  /** Files and glob patterns (quoted, so bantin expands them the same on every shell). */
  inputs: string[];
  /** Where the PDFs go (default: beside each YAML). */
  outDir?: string;
  /** Issues printed at the same time (default: what the machine's cores allow, at most 4). */
  jobs?: number;
  html?: boolean;
}

export interface BatchItem {
  input: string;
  result?: BuildResult;
  error?: unknown;
}

export interface BatchResult {
  items: BatchItem[];
  seconds: number;
}

export function defaultJobs(count: number): number {
  return Math.max(1, Math.min(os.availableParallelism(), 4, count));
}

/** Files in the order given; each pattern's matches sorted; duplicates once. */
export async function expandInputs(patterns: readonly string[], cwd = process.cwd()): Promise<{ files: string[]; unmatched: string[] }> {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    // A file that exists under its literal name (issue[1].yaml) is that file, not a pattern.
    if (isDynamicPattern(pattern) && !existsSync(path.resolve(cwd, pattern))) {
      const matches = (await glob(pattern, { cwd, onlyFiles: true, expandDirectories: false })).sort();
      if (matches.length === 0) unmatched.push(pattern);
      files.push(...matches.map((m) => path.resolve(cwd, m)));
    } else {
      files.push(path.resolve(cwd, pattern));
    }
  }
  return { files: [...new Set(files)], unmatched };
}

export async function buildMany(options: BatchOptions): Promise<BatchResult> {
  const started = performance.now();
  const { files, unmatched } = await expandInputs(options.inputs);
  const items: BatchItem[] = unmatched.map((pattern) => ({ input: pattern, error: new UserError(`no file matches ${pattern}`) }));
  if (options.outDir) await makeFolder(options.outDir);

  // Every issue is validated before any browser starts.
  const ready: Array<{ item: BatchItem; prepared: Prepared; build: BuildOptions }> = [];
  const outputs = new Map<string, string>();
  for (const file of files) {
    const item: BatchItem = { input: file };
    items.push(item);
    const output = options.outDir ? path.join(options.outDir, `${path.parse(file).name}.pdf`) : undefined;
    const build: BuildOptions = { ...options, input: file, output };
    try {
      const prepared = await prepare(build);
      const clash = outputs.get(prepared.output);
      if (clash) throw new UserError(`${file} would overwrite the PDF of ${clash} (${prepared.output}): rename one of them`);
      outputs.set(prepared.output, file);
      ready.push({ item, prepared, build });
    } catch (error) {
      item.error = error;
    }
  }
  if (ready.length > 0) {
    const owned = await openBrowser({ browserPath: options.browserPath, timeoutMs: options.timeoutMs, log: options.logger.debug });
    try {
      const queue = [...ready];
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          try {
            const rendered = await render(next.prepared, options.logger);
            next.item.result = await printAndWrite(owned.browser, next.prepared, rendered, next.build);
          } catch (error) {
            next.item.error = browserFailure(error, owned.browser, options.timeoutMs ?? DEFAULT_TIMEOUT_MS) ?? error;
          }
        }
      };
      await Promise.all(Array.from({ length: options.jobs ?? defaultJobs(ready.length) }, worker));
    } finally {
      await owned.close();
    }
  }
  return { items, seconds: (performance.now() - started) / 1000 };
}

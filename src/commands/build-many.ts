/**
 * bantin build a.yaml b.yaml 'issues/*.yaml': every issue with one shared browser, several
 * pages at a time. One bad issue does not stop the others.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../core/diagnostics.js';
import { browserFailure, openBrowser } from '../print/browser.js';
import { expandInputs } from './inputs.js';
import { makeFolder } from './output.js';
import { buildInputs, outputGuard } from './output-guard.js';
import { DEFAULT_TIMEOUT_MS, prepare, preparedOutputs, printAndWrite, render, type BuildOptions, type BuildResult, type Prepared } from './build.js';
import { t } from '../core/i18n.js';
import { inShard, type Shard } from '../site/shard.js';

export { expandInputs } from './inputs.js';

export interface BatchOptions extends Omit<BuildOptions, 'input' | 'output' | 'html'> {
  /** Files and glob patterns (quoted, so bantin expands them the same on every shell). */
  inputs: string[];
  /** Where the PDFs go (default: beside each YAML). */
  outDir?: string;
  /** Issues printed at the same time (default: what the machine's cores allow, at most 4). */
  jobs?: number;
  html?: boolean;
  /** --shard K/N: only the issues at positions K-1, K-1+N, … of the expanded list (site/shard.ts). */
  shard?: Shard;
  /** Where an issue's PDF (or web edition alone) goes, instead of --out-dir's or beside it (bantin site). */
  outputFor?: (file: string) => string;
  /** After each issue is done (built or failed), and when one starts printing: for progress lines. */
  onProgress?: (progress: BatchProgress) => void;
}

export interface BatchProgress {
  /** The issue just finished, when one did. */
  finished?: BatchItem;
  done: number;
  total: number;
  /** The issues printing now. */
  running: string[];
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

type Ready = { item: BatchItem; prepared: Prepared; build: BuildOptions };

/**
 * One issue's output must not replace another input of the batch either (an issue file, an
 * image, a theme file): each issue's outputs are guarded against every input of the batch, the
 * issue files that failed included. An issue that fails leaves the list, the others go on.
 */
async function guardBatch(ready: Ready[], files: readonly string[], progress: (finished?: BatchItem) => void): Promise<void> {
  const guard = outputGuard([...files, ...ready.flatMap(({ prepared }) => buildInputs(prepared.input, prepared.assets, prepared.theme))]);
  for (const entry of [...ready]) {
    try {
      await guard(preparedOutputs(entry.prepared));
    } catch (error) {
      ready.splice(ready.indexOf(entry), 1);
      entry.item.error = error;
      progress(entry.item);
    }
  }
}

export async function buildMany(options: BatchOptions): Promise<BatchResult> {
  const started = performance.now();
  const expanded = await expandInputs(options.inputs);
  const files = inShard(expanded.files, options.shard);
  const { unmatched } = expanded;
  const items: BatchItem[] = unmatched.map((pattern) => ({ input: pattern, error: new UserError(t('commands.no-match', { pattern })) }));
  if (options.outDir) await makeFolder(options.outDir);
  const total = items.length + files.length;
  let done = 0;
  const running = new Set<string>();
  const progress = (finished?: BatchItem) => options.onProgress?.({ finished, done: finished ? ++done : done, total, running: [...running] });
  items.forEach((item) => progress(item));
  // Each issue's own steps go in its progress line; the steps' messages would interleave unnamed.
  const quiet = { ...options.logger, progress: options.logger.debug };

  // Every issue is validated before any browser starts.
  const ready: Ready[] = [];
  const outputs = new Map<string, string>();
  for (const file of files) {
    const item: BatchItem = { input: file };
    items.push(item);
    const ext = (options.formats ?? ['pdf']).includes('pdf') ? '.pdf' : '.html';
    const output = options.outputFor ? options.outputFor(file) : options.outDir ? path.join(options.outDir, `${path.parse(file).name}${ext}`) : undefined;
    const build: BuildOptions = { ...options, logger: quiet, input: file, output };
    const started = performance.now();
    try {
      const prepared = await prepare(build);
      prepared.prepareMs = performance.now() - started;
      const clash = outputs.get(prepared.output);
      if (clash) throw new UserError(t('commands.build-many.clash', { file, other: clash, output: prepared.output }));
      outputs.set(prepared.output, file);
      ready.push({ item, prepared, build });
    } catch (error) {
      item.error = error;
      progress(item);
    }
  }
  await guardBatch(ready, files, progress);
  if (ready.length > 0) {
    const owned = await openBrowser({ browserPath: options.browserPath, timeoutMs: options.timeoutMs, log: options.logger.debug });
    try {
      const queue = [...ready];
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          // The issue's own time: its checking, then its printing, not the wait in the queue.
          const prepared = { ...next.prepared, started: performance.now() - (next.prepared.prepareMs ?? 0) };
          running.add(next.item.input);
          progress();
          try {
            const rendered = await render(prepared, quiet);
            next.item.result = await printAndWrite(owned.browser, prepared, rendered, next.build);
          } catch (error) {
            next.item.error = browserFailure(error, owned.browser, options.timeoutMs ?? DEFAULT_TIMEOUT_MS) ?? error;
          }
          running.delete(next.item.input);
          progress(next.item);
        }
      };
      await Promise.all(Array.from({ length: options.jobs ?? defaultJobs(ready.length) }, worker));
    } finally {
      await owned.close();
    }
  }
  return { items, seconds: (performance.now() - started) / 1000 };
}

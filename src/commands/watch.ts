/**
 * bantin build --watch / bantin preview: rebuild when the issue, its images, a template, a
 * style or a file of its theme changes, with one warm browser page. Errors are shown and the watcher keeps running.
 */
import path from 'node:path';
import { Chalk } from 'chalk';
import { watch as watchFiles } from 'chokidar';
import { formatDiagnostic } from '../core/report.js';
import { isUserError } from '../core/diagnostics.js';
import { existsSync } from 'node:fs';
import { stylesDir, templatesDir } from '../paths.js';
import { browserFailure, openBrowser } from '../print/browser.js';
import { registerCleanup } from '../core/cleanup.js';
import { PrintSession } from '../print/paginate.js';
import { resetTemplates } from '../render/templates.js';
import { DEFAULT_TIMEOUT_MS, finishPrint, prepare, print, render, type BuildOptions } from './build.js';
import { defaultOutput, writeAtomic } from './output.js';
import { guardOutputs } from './output-guard.js';
import { hasDesktop, openInBrowser } from './open-url.js';
import { previewItems, previewProblems } from './preview-items.js';
import { startPreview, type PreviewServer } from './preview-server.js';
import { plural, t } from '../core/i18n.js';

export interface WatchOptions extends BuildOptions {
  /** Serve a live preview on loopback (port 0: any free port). */
  serve?: {
    port?: number;
    /** When `port` is taken, the next free one (bantin preview's stable 4500, 4501…). */
    nextFree?: boolean;
    /** Open the preview in the system's browser: always, never, or when a desktop is there. */
    open?: boolean | 'auto';
    /** The editor a story's "edit" link opens (else $VISUAL, $EDITOR). */
    editor?: string;
  };
  /** Stops watching (the CLI aborts on Ctrl-C through its cleanups). */
  signal?: AbortSignal;
  /** Called after every rebuild, successful or not (tests, benchmark). */
  onRebuild?: (outcome: { ok: boolean; seconds: number; passes?: number }) => void;
  /** Called once the preview server listens. */
  onServe?: (url: string) => void;
}

const noColor = new Chalk({ level: 0 });

export async function watch(options: WatchOptions): Promise<void> {
  const { logger } = options;
  // An output that is the issue itself (or a link, a device…) ends the watch before it starts.
  await guardOutputs([path.resolve(options.output ?? defaultOutput(options.input))], [path.resolve(options.input)]);
  let fatal: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => (fatal = reject));
  failed.catch(() => undefined);
  const owned = await openBrowser({ browserPath: options.browserPath, timeoutMs: options.timeoutMs, log: logger.debug });
  const session = await PrintSession.open(owned.browser, { timeoutMs: options.timeoutMs, log: logger.debug });
  let preview: PreviewServer | undefined;
  let version = 0;
  let watchedFiles = new Set<string>();

  const rebuild = async (): Promise<void> => {
    const started = performance.now();
    preview?.publish({ kind: 'building' });
    version++;
    try {
      const prepared = await prepare(options);
      for (const w of prepared.warnings) logger.warn(formatDiagnostic(w, logger.color));
      watchAssets(prepared.assets.values());
      watchThemes(prepared.theme.layers.map((l) => l.dir));
      const rendered = await render(prepared, logger);
      const printed = await print(session, prepared, rendered, options);
      const { pdf, warnings } = await finishPrint(printed, prepared, rendered, options);
      for (const w of warnings) logger.warn(formatDiagnostic(w, logger.color));
      const problems = previewProblems([...prepared.warnings, ...warnings]);
      await writeAtomic(prepared.output, pdf);
      const seconds = (performance.now() - started) / 1000;
      const summary = t('commands.watch.summary', { pages: printed.pageCount, seconds: seconds.toFixed(2) });
      logger.info(`${logger.color.green(t('commands.watch.built'))}${t('commands.watch.built-line', { file: path.relative(process.cwd(), prepared.output), pages: printed.pageCount, seconds: seconds.toFixed(2), passes: plural(printed.passes, 'commands.watch.prints.one', 'commands.watch.prints.many') })}`);
      preview?.publish({ kind: 'ok', pdf, version, summary, items: previewItems(prepared.issue, prepared.source), problems });
      options.onRebuild?.({ ok: true, seconds, passes: printed.passes });
    } catch (caught) {
      // A browser that died (too much memory, killed) ends the watch: it has no page left.
      const error = isUserError(caught) ? caught : browserFailure(caught, owned.browser, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      if (!error) throw caught;
      if (!owned.browser.connected) return fatal(error);
      // Anything else, an output turned into a link or a folder included, is reported and the
      // watch goes on: the next change may put it right.
      const lines = [...error.diagnostics.map((d) => formatDiagnostic(d, logger.color)), `${logger.color.red('bantin:')} ${error.message}`];
      for (const line of lines) logger.error(line);
      logger.info(logger.color.dim(t('commands.watch.watching')));
      const plain = [...error.diagnostics.map((d) => formatDiagnostic(d, noColor)), error.message];
      preview?.publish({ kind: 'error', message: plain.join('\n'), version, problems: previewProblems(error.diagnostics) });
      options.onRebuild?.({ ok: false, seconds: (performance.now() - started) / 1000 });
    }
  };

  // Rebuilds run one at a time; changes during a rebuild schedule exactly one more.
  let running: Promise<void> | undefined;
  let again = false;
  const schedule = () => {
    if (running) {
      again = true;
      return;
    }
    running = rebuild()
      .catch((error: unknown) => logger.error(t('commands.watch.internal-error', { detail: error instanceof Error ? (error.stack ?? error.message) : String(error) })))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
  };

  const input = path.resolve(options.input);
  const watcher = watchFiles([input, templatesDir, stylesDir], { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 } });
  const watchAssets = (assets: Iterable<{ file: string }>) => {
    const next = new Set([...assets].map((a) => a.file));
    for (const file of next) if (!watchedFiles.has(file)) watcher.add(file);
    watchedFiles = next;
  };
  // The theme's folders (the chain can change when series.theme or an extends changes).
  let themeDirs: string[] = [];
  const watchThemes = (dirs: string[]) => {
    for (const dir of dirs) if (!themeDirs.includes(dir)) watcher.add(dir);
    for (const dir of themeDirs) if (!dirs.includes(dir)) watcher.unwatch(dir);
    themeDirs = dirs;
  };
  let timer: NodeJS.Timeout | undefined;
  // Editors that save by delete + create, and git checkout, remove the file for a moment: the
  // path is watched again once it is back.
  let waiting: NodeJS.Timeout | undefined;
  const awaitReturn = () => {
    if (waiting) return;
    logger.info(t('commands.watch.waiting', { file: path.relative(process.cwd(), input) || input }));
    waiting = setInterval(() => {
      if (!existsSync(input)) return;
      clearInterval(waiting);
      waiting = undefined;
      watcher.unwatch(input);
      watcher.add(input);
      clearTimeout(timer);
      timer = setTimeout(schedule, 25);
    }, 200);
  };
  watcher.on('all', (event, file) => {
    if (event === 'unlink' && path.resolve(file) === input) return awaitReturn();
    const inTheme = themeDirs.some((dir) => file.startsWith(dir + path.sep));
    if (file.startsWith(templatesDir) || inTheme) resetTemplates();
    if (file.startsWith(stylesDir) || inTheme) session.reload();
    logger.debug(`changed: ${file}`);
    clearTimeout(timer);
    timer = setTimeout(schedule, 25);
  });

  // Run once, whether by the signal's cleanup or by the end of the watch.
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      clearTimeout(timer);
      clearInterval(waiting);
      await watcher.close();
      await preview?.close();
      await session.close();
      await owned.close();
    })());
  // A signal runs the cleanups: the watch then ends too, as it does when options.signal aborts.
  let stopped: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (stopped = resolve));
  const release = registerCleanup(async () => {
    stopped();
    await stop();
  });
  try {
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    if (options.serve) {
      const { port, nextFree, open, editor } = options.serve;
      preview = await startPreview({ title: path.basename(input), issueFile: input, port, nextFree, editor });
      if (port && preview.port !== port) logger.info(t('commands.preview.port-next', { port, next: preview.port }));
      logger.info(t('commands.preview.url', { url: preview.url }));
      if (open === true || (open === 'auto' && hasDesktop())) await openInBrowser(preview.url, logger);
      else if (open === 'auto') logger.info(t('commands.preview.no-desktop', { url: preview.url, port: preview.port }));
      options.onServe?.(preview.url);
    }
    schedule();
    logger.info(logger.color.dim(t('commands.watch.watching')));
    await Promise.race([
      new Promise<void>((resolve) => {
        if (options.signal?.aborted) resolve();
        options.signal?.addEventListener('abort', () => resolve(), { once: true });
      }),
      ended,
      failed,
    ]);
    await running;
  } finally {
    release();
    await stop();
  }
}

/**
 * Finding and owning the one headless browser a run uses.
 */
import { statfsSync } from 'node:fs';
import os from 'node:os';
import puppeteer, { ProtocolError, TimeoutError, type Browser } from 'puppeteer-core';
import { UserError } from '../core/diagnostics.js';
import { registerCleanup } from '../core/cleanup.js';
import { findBrowser, type BrowserInfo } from './find-browser.js';
import { exited, killTree, ownChild, ownFolder, removeFolder } from '../core/owned.js';
import { watchMemory, type MemoryWatch } from './memory-watch.js';
import { t } from '../core/i18n.js';

export { findBrowser, type BrowserInfo };

/** Flags Chromium needs on a closed network and as root in containers; none reach out. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-breakpad',
  '--no-pings',
  '--font-render-hinting=none',
];

export interface BrowserOptions {
  browserPath?: string;
  /** Every call to the browser must answer within this time (--timeout). */
  timeoutMs?: number;
  /** Called with progress and warnings from the browser. */
  log?: (message: string) => void;
  /** The most memory one of the browser's processes may hold (default: MAX_BROWSER_PROCESS_BYTES in memory-watch.ts; tests lower it). */
  memoryLimit?: number;
}

export interface OwnedBrowser {
  browser: Browser;
  info: BrowserInfo;
  /** Closes the browser (idempotent); also registered to run on Ctrl-C. */
  close(): Promise<void>;
  /**
   * Ends the browser at once (SIGKILL to its process group), then cleans up as close() does.
   * For a browser with nothing left to do: a polite close keeps Chromium busy for ~0.1 s on a
   * core the finishing step needs.
   */
  kill(): Promise<void>;
}

/**
 * Launches one browser and returns it with its close(). Prefer withBrowser(); this is for
 * callers that overlap the launch with other work and close in their own finally.
 */
export async function openBrowser(options: BrowserOptions): Promise<OwnedBrowser> {
  const info = await findBrowser(options.browserPath);
  // bantin's own profile folder, not puppeteer's: removed on every exit path, even after a crash.
  let profile: string;
  try {
    profile = await ownFolder('chrome');
  } catch (error) {
    throw new UserError(t('print.start-failed', { reason: tmpSpaceProblem() ?? t('print.no-temp-folder', { dir: os.tmpdir(), code: (error as NodeJS.ErrnoException).code ?? (error as Error).message }) }));
  }
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: info.executablePath,
      userDataDir: profile,
      headless: info.headlessShell ? 'shell' : true,
      args: CHROMIUM_ARGS,
      // bantin closes the browser itself on signals, after removing temporary files.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      pipe: true,
      timeout: 30_000,
      protocolTimeout: options.timeoutMs ?? 60_000,
    });
  } catch (error) {
    await removeFolder(profile);
    throw new UserError(t('print.start-failed-at', { file: info.executablePath, reason: tmpSpaceProblem() ?? (error as Error).message.split('\n')[0]! }));
  }
  // The pipes to a browser that dies or is killed report ECONNRESET/EPIPE; puppeteer does not
  // listen for that, and an unheard 'error' would end bantin with a stack trace.
  let killed = false;
  for (const stream of browser.process()?.stdio ?? []) stream?.on('error', (error) => killed || options.log?.(`browser pipe: ${error.message}`));
  const child = browser.process();
  const forget = child ? ownChild(child) : () => undefined;
  // A renderer that grows past the limit is ended; browserFailure() then says why.
  const memory = child?.pid
    ? watchMemory(
        child.pid,
        () => {
          killed = true;
          killTree(child);
        },
        { limit: options.memoryLimit },
      )
    : undefined;
  if (memory) memoryWatches.set(browser, memory);
  let closing: Promise<void> | undefined;
  let release = (): void => undefined;
  const close = () => {
    release();
    memory?.stop();
    closing ??= closeQuietly(browser).finally(async () => {
      forget();
      await removeFolder(profile);
    });
    return closing;
  };
  const kill = () => {
    if (!closing && child) {
      killed = true;
      killTree(child);
    }
    return close();
  };
  // Interrupted meanwhile: this throws, after closing the browser just launched.
  const unregister = registerCleanup(() => close());
  release = () => void unregister();
  return { browser, info, close, kill };
}

/** Launches one browser, hands it to `fn` and always closes it: on success, on error and on Ctrl-C. */
export async function withBrowser<T>(options: BrowserOptions, fn: (browser: Browser, info: BrowserInfo) => Promise<T>): Promise<T> {
  const owned = await openBrowser(options);
  try {
    return await fn(owned.browser, owned.info);
  } finally {
    await owned.close();
  }
}

/** A browser that does not close within this time is killed. */
const CLOSE_GRACE_MS = 3000;

/** Chromium runs in a process group of its own (puppeteer starts it detached): end all of it. */
async function killGroup(child: ReturnType<Browser['process']>): Promise<void> {
  if (!child) return;
  killTree(child);
  await exited(child, 1000);
}

async function closeQuietly(browser: Browser): Promise<void> {
  const child = browser.process();
  let timer: NodeJS.Timeout | undefined;
  const patience = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), CLOSE_GRACE_MS)));
  try {
    const outcome = await Promise.race([browser.close().then(() => 'closed' as const), patience]);
    if (outcome === 'late') await killGroup(child);
  } catch {
    // A crashed or hung browser cannot be closed politely; make sure its processes are gone.
    await killGroup(child);
  } finally {
    clearTimeout(timer);
    // A crashed browser can leave helpers (zygote, renderers) in its group.
    if (child) killTree(child);
  }
}

/** The memory watch of each browser openBrowser() started. */
const memoryWatches = new WeakMap<Browser, MemoryWatch>();

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/**
 * Chromium keeps its profile and, with --disable-dev-shm-usage, its shared memory in the
 * temporary folder: when that is full it crashes. Says so, when it is nearly full.
 */
export function tmpSpaceProblem(dir = os.tmpdir(), minFree = MIN_TMP_FREE_BYTES): string | undefined {
  let free: number;
  try {
    const fs = statfsSync(dir);
    free = fs.bavail * fs.bsize;
  } catch {
    return undefined;
  }
  if (free >= minFree) return undefined;
  return t('print.tmp-full', { dir, mb: Math.round(free / 1024 / 1024) });
}

/** Below this much free space in TMPDIR a crash of the browser is put down to it. */
export const MIN_TMP_FREE_BYTES = 64 * 1024 * 1024;

/**
 * Turns the ways a browser fails mid-job (crash, kill, hang past --timeout, too much memory, a
 * full TMPDIR) into a UserError that says what happened; anything else is left for the caller (a bug).
 */
export function browserFailure(error: unknown, browser: Browser, timeoutMs: number): UserError | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const memory = memoryWatches.get(browser)?.exceeded;
  if (memory) {
    return new UserError(
      t('print.memory', { limit: gb(memory.limit), held: gb(memory.bytes) }),
    );
  }
  // By class, not by name: the bundler may rename puppeteer's classes (TimeoutError2); ours (paginate.ts) by name.
  const timedOut = error instanceof TimeoutError || (error instanceof Error && /^TimeoutError\d*$/.test(error.name));
  if (timedOut || (error instanceof ProtocolError && / timed out/.test(message))) {
    return new UserError(t('print.timeout', { seconds: Math.round(timeoutMs / 1000) }));
  }
  if (!browser.connected || /Target closed|Session closed|Connection closed|browser has disconnected|Navigating frame was detached|Protocol error/i.test(message)) {
    const full = tmpSpaceProblem();
    if (full) return new UserError(t('print.stopped-full', { reason: full }));
    return new UserError(t('print.stopped'));
  }
  return undefined;
}

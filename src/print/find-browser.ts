/**
 * Finding a Chromium-based browser to print with, on Linux, macOS and Windows. bantin never
 * downloads one; the order is documented in docs/troubleshooting.md ("No browser found").
 */
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser as BrowserKind, ChromeReleaseChannel, computeExecutablePath, computeSystemExecutablePath, getInstalledBrowsers } from '@puppeteer/browsers';
import { UserError } from '../core/diagnostics.js';
import { t } from '../core/i18n.js';

export interface BrowserInfo {
  executablePath: string;
  /** Where it was found: --browser, environment, puppeteer cache, PATH or installed. */
  origin: string;
  /** chrome-headless-shell prints faster and takes the old headless mode. */
  headlessShell: boolean;
}

/** Where to look; every field defaults to this machine's (tests pass others). */
export interface FindOptions {
  explicit?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  homedir?: string;
}

/** Names looked up on PATH, fastest first (on Windows with each PATHEXT ending). */
export const PATH_NAMES = ['chrome-headless-shell', 'chromium-headless-shell', 'chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'microsoft-edge-stable', 'microsoft-edge'];

const CHROME_CHANNELS = [ChromeReleaseChannel.STABLE, ChromeReleaseChannel.BETA, ChromeReleaseChannel.DEV, ChromeReleaseChannel.CANARY];

function isHeadlessShell(file: string): boolean {
  return /headless[-_]shell/i.test(path.basename(file));
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Chrome build ids have four numbers (131.0.6778.85): @puppeteer/browsers' getVersionComparator
 * takes only three-part semver, so they are compared number by number.
 */
function compareBuilds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** The newest chrome-headless-shell, then Chrome for Testing, then Chromium that puppeteer's cache holds. */
async function fromPuppeteerCache(env: NodeJS.ProcessEnv, homedir: string): Promise<string | undefined> {
  const cacheDir = env.PUPPETEER_CACHE_DIR ?? path.join(homedir, '.cache', 'puppeteer');
  if (!existsSync(cacheDir)) return undefined;
  const order = [BrowserKind.CHROMEHEADLESSSHELL, BrowserKind.CHROME, BrowserKind.CHROMIUM];
  try {
    const installed = (await getInstalledBrowsers({ cacheDir })).filter((b) => order.includes(b.browser));
    installed.sort((a, b) => order.indexOf(a.browser) - order.indexOf(b.browser) || compareBuilds(b.buildId, a.buildId));
    for (const b of installed) {
      const file = computeExecutablePath({ cacheDir, browser: b.browser, buildId: b.buildId, platform: b.platform });
      if (isFile(file)) return file;
    }
  } catch {
    // An unreadable cache is no cache.
  }
  return undefined;
}

function onPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const delimiter = platform === 'win32' ? ';' : ':';
  const endings = platform === 'win32' ? (env.PATHEXT ?? '.EXE').split(';').filter(Boolean) : [''];
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean);
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      for (const ending of endings) {
        const file = join(dir.replace(/^"(.*)"$/, '$1'), name + ending.toLowerCase());
        if (isFile(file)) return file;
      }
    }
  }
  return undefined;
}

/** Google Chrome installed in its standard place, as @puppeteer/browsers knows it (stable first). */
function installedChrome(): string | undefined {
  for (const channel of CHROME_CHANNELS) {
    try {
      return computeSystemExecutablePath({ browser: BrowserKind.CHROME, channel });
    } catch {
      // not installed on this channel
    }
  }
  return undefined;
}

/**
 * Chrome for Testing, Chromium and Microsoft Edge where their installers put them (@puppeteer/
 * browsers knows only Google Chrome's places), in that order.
 */
export function standardLocations(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, homedir: string): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome for Testing', 'Chromium', 'Microsoft Edge'];
    return apps.flatMap((app) => ['/Applications', path.posix.join(homedir, 'Applications')].map((dir) => `${dir}/${app}.app/Contents/MacOS/${app}`));
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], 'C:\\Program Files', 'C:\\Program Files (x86)'].filter((r): r is string => Boolean(r));
    const unique = [...new Set(roots)];
    const apps = ['Google\\Chrome for Testing\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return apps.flatMap((app) => unique.map((root) => path.win32.join(root, app)));
  }
  return ['/snap/bin/chromium', '/opt/microsoft/msedge/msedge'];
}

const notFound = () =>
  (['print.not-found', 'print.not-found.install', 'print.not-found.debian', 'print.not-found.mac-windows', 'print.not-found.internet', 'print.not-found.point'] as const)
    .map((key) => t(key))
    .join('\n');

/** "/Applications/Google Chrome.app" stands for the program inside it. */
function macAppExecutable(file: string): string {
  const app = /([^/]+)\.app\/?$/.exec(file)?.[1];
  return app && !isFile(file) ? path.posix.join(file, 'Contents', 'MacOS', app) : file;
}

/**
 * Order: --browser; BANTIN_BROWSER / PUPPETEER_EXECUTABLE_PATH; puppeteer's cache; PATH; Google
 * Chrome installed (stable, beta, dev, canary); Chrome for Testing, Chromium, Edge installed.
 */
export async function findBrowser(options: FindOptions | string = {}): Promise<BrowserInfo> {
  const { explicit, env = process.env, platform = process.platform, homedir = os.homedir() } = typeof options === 'string' ? { explicit: options } : options;
  const found = (file: string, origin: string): BrowserInfo => ({ executablePath: file, origin, headlessShell: isHeadlessShell(file) });
  const named = explicit ?? env.BANTIN_BROWSER ?? env.PUPPETEER_EXECUTABLE_PATH;
  if (named) {
    const given = macAppExecutable(named);
    if (!isFile(given)) throw new UserError(t('print.browser-missing', { file: given, from: explicit ? '--browser' : 'BANTIN_BROWSER / PUPPETEER_EXECUTABLE_PATH' }));
    return found(given, explicit ? '--browser' : 'environment');
  }
  const cached = await fromPuppeteerCache(env, homedir);
  if (cached) return found(cached, 'puppeteer cache');
  const listed = onPath(env, platform);
  if (listed) return found(listed, 'PATH');
  // @puppeteer/browsers looks at this machine's places, so only when asked about this machine.
  const chrome = platform === process.platform ? installedChrome() : undefined;
  if (chrome) return found(chrome, 'installed');
  const other = standardLocations(platform, env, homedir).find(isFile);
  if (other) return found(other, 'installed');
  throw new UserError(notFound());
}

/** Finding a browser: the documented order, paths with spaces, and the standard places on macOS and Windows. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser, BrowserPlatform, computeExecutablePath } from '@puppeteer/browsers';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser, standardLocations } from '../../src/print/find-browser.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin find browser '));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** An empty executable file at `file` (its folders made). */
function fakeBrowser(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '');
  chmodSync(file, 0o755);
  return file;
}

const home = path.join(work, 'home with no cache');
const here = { platform: process.platform, homedir: home };

describe('findBrowser', () => {
  it('takes --browser first, with spaces in the path, and tells a headless shell by its name', async () => {
    const shell = fakeBrowser(path.join(work, 'Program Files (x86)', 'chrome-headless-shell'));
    const other = fakeBrowser(path.join(work, 'other', 'chromium'));
    const found = await findBrowser({ ...here, explicit: shell, env: { BANTIN_BROWSER: other, PATH: path.dirname(other) } });
    expect(found).toEqual({ executablePath: shell, origin: '--browser', headlessShell: true });
    expect(await findBrowser({ ...here, env: { BANTIN_BROWSER: other } })).toEqual({ executablePath: other, origin: 'environment', headlessShell: false });
    expect(await findBrowser({ ...here, env: { PUPPETEER_EXECUTABLE_PATH: other } })).toMatchObject({ executablePath: other, origin: 'environment' });
  });

  it('says which setting names a browser that is not there', async () => {
    await expect(findBrowser({ ...here, explicit: path.join(work, 'no such', 'chrome') })).rejects.toThrow(/the browser .*no such.*chrome does not exist \(from --browser\)/);
    await expect(findBrowser({ ...here, env: { BANTIN_BROWSER: path.join(work, 'none') } })).rejects.toThrow(/from BANTIN_BROWSER \/ PUPPETEER_EXECUTABLE_PATH/);
  });

  it('takes a macOS .app folder for the program inside it', async () => {
    const app = path.join(work, 'Applications', 'Google Chrome.app');
    const inside = fakeBrowser(path.join(app, 'Contents', 'MacOS', 'Google Chrome'));
    expect((await findBrowser({ ...here, explicit: app })).executablePath).toBe(inside);
  });

  it('prefers the newest chrome-headless-shell in puppeteer’s cache, then Chrome for Testing', async () => {
    const cacheDir = path.join(work, 'puppeteer cache');
    const platform = BrowserPlatform.LINUX;
    const at = (browser: Browser, buildId: string) => fakeBrowser(computeExecutablePath({ cacheDir, browser, buildId, platform }));
    at(Browser.CHROME, '140.0.7339.82');
    at(Browser.CHROMEHEADLESSSHELL, '9.0.1.2');
    const newest = at(Browser.CHROMEHEADLESSSHELL, '131.0.6778.85');
    const onPath = fakeBrowser(path.join(work, 'bin', 'chromium'));
    if (process.platform !== 'linux') return; // the fake cache holds Linux builds
    const found = await findBrowser({ ...here, env: { PUPPETEER_CACHE_DIR: cacheDir, PATH: path.dirname(onPath) } });
    expect(found).toEqual({ executablePath: newest, origin: 'puppeteer cache', headlessShell: true });
  });

  it('looks on PATH for the fastest browser first, whatever the order of the folders', async () => {
    const chromium = fakeBrowser(path.join(work, 'path a', 'chromium'));
    const shell = fakeBrowser(path.join(work, 'path b', 'chromium-headless-shell'));
    fakeBrowser(path.join(work, 'path a', 'google-chrome'));
    const PATH = [path.dirname(chromium), path.dirname(shell)].join(path.delimiter);
    expect(await findBrowser({ ...here, env: { PATH } })).toEqual({ executablePath: shell, origin: 'PATH', headlessShell: true });
    expect((await findBrowser({ ...here, env: { PATH: path.dirname(chromium) } })).executablePath).toBe(chromium);
  });
});

describe('standardLocations (after Google Chrome, which @puppeteer/browsers finds)', () => {
  it('on macOS: Chrome for Testing, Chromium, Edge, in /Applications then ~/Applications', () => {
    expect(standardLocations('darwin', {}, '/Users/lan anh')).toEqual([
      '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      '/Users/lan anh/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Users/lan anh/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Users/lan anh/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ]);
  });

  it('on Windows: per-user, then Program Files, then Program Files (x86), with backslashes', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\Lan Anh\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    const places = standardLocations('win32', env, 'C:\\Users\\Lan Anh');
    expect(places.slice(0, 3)).toEqual([
      'C:\\Users\\Lan Anh\\AppData\\Local\\Google\\Chrome for Testing\\Application\\chrome.exe',
      'C:\\Program Files\\Google\\Chrome for Testing\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Google\\Chrome for Testing\\Application\\chrome.exe',
    ]);
    expect(places).toContain('C:\\Users\\Lan Anh\\AppData\\Local\\Chromium\\Application\\chrome.exe');
    expect(places).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(places.filter((p) => p.includes('/'))).toEqual([]);
  });
});

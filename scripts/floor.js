// The floor of the speed bars (docs/performance.md): Chromium printing an issue's own HTML
// (written by `bantin build --html`) from its command line, in a fresh process as bantin is, with
// bantin's own flags. Used by scripts/bench.js and scripts/bench-ab.js.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Writes `input`'s HTML with `bin` into `work`; `print()` prints it bare once and returns the wall
 * seconds, `browser` names the browser. `name` keeps two floors in one folder apart.
 */
export async function barePrinter({ root, bin, work, input, name }) {
  const { findBrowser } = await import(pathToFileURL(path.join(root, 'dist/print/find-browser.js')).href);
  const { CHROMIUM_ARGS } = await import(pathToFileURL(path.join(root, 'dist/print/browser.js')).href);
  const browser = await findBrowser();
  const html = path.join(work, `${name}-bare.html`);
  const written = spawnSync(process.execPath, [bin, 'build', input, '-o', path.join(work, `${name}-bare.pdf`), '--html'], { encoding: 'utf8' });
  if (written.status !== 0) throw new Error(`bantin build --html failed:\n${written.stderr}`);
  const args = [...CHROMIUM_ARGS, ...(browser.headlessShell ? [] : ['--headless']), `--user-data-dir=${path.join(work, 'bare-profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${path.join(work, 'bare.pdf')}`, pathToFileURL(html).href];
  const print = () => {
    const started = process.hrtime.bigint();
    const run = spawnSync(browser.executablePath, args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`bare Chromium print failed:\n${run.stderr}`);
    return Number(process.hrtime.bigint() - started) / 1e9;
  };
  return { print, browser: path.basename(browser.executablePath) };
}

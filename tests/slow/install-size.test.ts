/**
 * What `npm install bantin` puts on a user's disk: the packed tarball installed into an empty
 * folder with --omit=dev, as a user's install does (no install scripts run). At most 120 MB,
 * counted as the sum of the files' sizes (what du --apparent-size says; du's own figure adds the
 * file system's block rounding, ~20 % more over the installed tree's ~10,000 small files). The
 * preview's pdf.js ships inside the package (dist/pdfjs/), so neither pdfjs-dist nor the native
 * canvas it pulls in is installed. Slow: npm resolves 150 packages (from its cache when it can).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-install-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MAX_BYTES = 120 * 1024 * 1024;

/** The sum of the sizes of the files under `folder` (links not followed). */
function bytesUnder(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) total += bytesUnder(file);
    else if (entry.isFile()) total += statSync(file).size;
  }
  return total;
}

it('installs in at most 120 MB, without pdfjs-dist or a native canvas, with the pdf.js files the preview loads', () => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const shell = process.platform === 'win32';
  // dist/ is built by the slow tests' global setup (prepack's build is skipped here).
  const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8', shell })) as Array<{ filename: string }>;
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'install-size', private: true }));
  execFileSync(npm, ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', `./${packed[0]!.filename}`], { cwd: dir, stdio: 'ignore', shell });

  const modules = path.join(dir, 'node_modules');
  const bytes = bytesUnder(modules);
  console.log(`npm install bantin (--omit=dev): ${(bytes / 1024 / 1024).toFixed(1)} MB in node_modules`);
  expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
  expect(existsSync(path.join(modules, 'pdfjs-dist'))).toBe(false);
  expect(existsSync(path.join(modules, '@napi-rs'))).toBe(false);

  // Every pdf.js file the page asks for by name is in the installed package.
  const installed = path.join(modules, 'bantin');
  const page = readFileSync(path.join(installed, 'viewer/viewer.js'), 'utf8') + readFileSync(path.join(installed, 'viewer/index.html'), 'utf8');
  const asked = [...page.matchAll(/'\/pdfjs\/([^']+\.(?:mjs|css))'|"\/pdfjs\/([^"]+\.(?:mjs|css))"/g)].map((m) => m[1] ?? m[2]!);
  expect(asked).toEqual(expect.arrayContaining(['build/pdf.min.mjs', 'build/pdf.worker.min.mjs', 'web/pdf_viewer.mjs', 'web/pdf_viewer.css']));
  for (const file of asked) expect(existsSync(path.join(installed, 'dist/pdfjs', file)), file).toBe(true);
  for (const folder of ['wasm', 'standard_fonts', 'web/images']) expect(readdirSync(path.join(installed, 'dist/pdfjs', folder)).length, folder).toBeGreaterThan(0);
  expect(existsSync(path.join(installed, 'dist/pdfjs/LICENSE'))).toBe(true);
});

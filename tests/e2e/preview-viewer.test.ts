/**
 * The preview as a reader uses it, driven in Chromium: pdf.js (served by bantin, no CDN) shows
 * the PDF; the reader goes to page 3 and scrolls a little; a save rebuilds the issue and the
 * viewer is still on page 3 at the same spot. `--open` hands the address to the system browser.
 */
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, expect, it } from 'vitest';
import { openBrowser } from '../../src/print/browser.js';
import { useNeighbour } from './neighbour.js';
import { bin, repoRoot } from './pdf-tools.js';

// The test ends bantin preview with a signal: a neighbouring Chromium runs meanwhile, and must survive.
useNeighbour();

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-viewer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function waitFor(output: { text: string }, pattern: RegExp, count: number, ms = 60_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if ((output.text.match(new RegExp(pattern.source, 'g'))?.length ?? 0) >= count) return resolve();
      if (Date.now() - started > ms) return reject(new Error(`timed out waiting for ${pattern} ×${count}:\n${output.text}`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

const shown = (page: Page) =>
  page.evaluate(() => {
    const p = (window as unknown as { bantinPreview: { viewer: { currentPageNumber: number; pagesCount: number }; version: number } }).bantinPreview;
    const container = document.getElementById('viewerContainer')!;
    return { version: p.version, page: p.viewer.currentPageNumber, pages: p.viewer.pagesCount, top: container.scrollTop, field: (document.getElementById('page') as HTMLInputElement).value, status: document.getElementById('status')!.textContent };
  });

it('keeps the reader on page 3, at the same scroll position, across a rebuild; --open opens the address', async () => {
  const input = path.join(dir, 'so-20-2026.yaml');
  copyFileSync(path.join(repoRoot, 'examples/so-20-2026.yaml'), input);
  // xdg-open hands a URL to $BROWSER when no desktop is running: record what it was given.
  const opened = path.join(dir, 'opened.txt');
  const fakeBrowser = path.join(dir, 'fake-browser');
  writeFileSync(fakeBrowser, `#!/bin/sh\necho "$@" > ${JSON.stringify(opened)}\n`);
  chmodSync(fakeBrowser, 0o755);
  const child = spawn(process.execPath, [bin, 'preview', input, '--open'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', BROWSER: fakeBrowser, DISPLAY: '', XDG_CURRENT_DESKTOP: '' } });
  const err = { text: '' };
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err.text += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const owned = await openBrowser({});
  const requests: string[] = [];
  try {
    await waitFor(err, /built .*so-20-2026\.pdf: \d+ pages/, 1);
    const url = /preview: (http:\/\/[^\s]+)/.exec(err.text)![1]!;
    await waitFor({ get text() { try { return readFileSync(opened, 'utf8'); } catch { return ''; } } }, /http/, 1, 10_000);
    expect(readFileSync(opened, 'utf8').trim()).toBe(url);

    const page = await owned.browser.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    page.on('request', (r) => requests.push(r.url()));
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { bantinPreview?: { version: number } }).bantinPreview?.version === 1, { timeout: 30_000 });
    const first = await shown(page);
    expect(first).toMatchObject({ version: 1, page: 1, field: '1' });
    expect(first.pages).toBeGreaterThanOrEqual(10);
    expect(await page.title()).toBe('so-20-2026.yaml — bantin preview');
    expect(first.status).toMatch(/^\d+ pages · \d+\.\d\d s$/);
    // pdf.js drew the first page.
    await page.waitForSelector('.page[data-page-number="1"] canvas', { timeout: 30_000 });

    // Go to page 3 as a reader does (type it), then scroll a little further down the page.
    await page.click('#page', { count: 3 });
    await page.type('#page', '3');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as unknown as { bantinPreview: { viewer: { currentPageNumber: number } } }).bantinPreview.viewer.currentPageNumber === 3);
    await page.evaluate(() => document.getElementById('viewerContainer')!.scrollBy(0, 120));
    await new Promise((r) => setTimeout(r, 300));
    const before = await shown(page);
    expect(before).toMatchObject({ page: 3, field: '3' });

    // Save a one-word edit: the issue rebuilds and the viewer loads version 2.
    writeFileSync(input, readFileSync(input, 'utf8').replace('Kinh tế số hướng tới 30% GDP', 'Kinh tế số hướng tới 30 % GDP'));
    await waitFor(err, /built .*so-20-2026\.pdf/, 2);
    await page.waitForFunction(() => (window as unknown as { bantinPreview: { version: number } }).bantinPreview.version === 2, { timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 300));
    const after = await shown(page);
    expect(after).toMatchObject({ version: 2, page: 3, field: '3', top: before.top });
    console.log(`viewer before the rebuild: page ${before.page}, scrollTop ${before.top}; after: version ${after.version}, page ${after.page}, scrollTop ${after.top}`);
    expect(pageErrors).toEqual([]);

    // Everything came from the preview server: pdf.js included, no CDN.
    expect(requests.filter((u) => !u.startsWith(url))).toEqual([]);
    expect(requests.some((u) => u.startsWith(`${url}pdfjs/build/pdf.min.mjs`))).toBe(true);
  } finally {
    await owned.close();
    child.kill('SIGINT');
    await exited;
  }
}, 180_000);

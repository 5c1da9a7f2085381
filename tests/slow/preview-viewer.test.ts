/**
 * The preview as a reader uses it, driven in Chromium: pdf.js (served by bantin, no CDN) shows
 * the PDF; the reader goes to page 3 and scrolls a little; a save rebuilds the issue and the
 * viewer is still on page 3 at the same spot. `--open` hands the address to the system browser.
 * In Vietnamese: a story added above the one being read, and the viewer is still in that story
 * (by its named destination); the panel lists the new warning at its line; "sửa" and a click
 * on the title open the editor at the story's title; an error shows over the last good PDF; /open refuses strangers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, expect, it } from 'vitest';
import { openBrowser } from '../../src/print/browser.js';
import { useNeighbour } from '../e2e/neighbour.js';
import { bin, repoRoot } from '../e2e/pdf-tools.js';

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
    // The same port every run: 4500, or the next free one when another preview holds it.
    expect(Number(new URL(url).port)).toBeGreaterThanOrEqual(4500);
    expect(Number(new URL(url).port)).toBeLessThan(4520);
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

/** An HTTP request to the preview with the headers a browser (or another site's page) would send. */
function ask(url: string, options: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

type Preview = {
  bantinPreview: {
    version: number;
    opened?: string;
    viewer: { currentPageNumber: number; pagesCount: number };
    place: () => { id?: string; delta: number } | null;
    storyAtTop: () => { id: string; y: number } | undefined;
    itemTop: (id: string) => number | undefined;
    pageOf: (id: string) => number | undefined;
  };
};

it('in Vietnamese: keeps the story across a rebuild that adds one above, lists the warnings, opens the editor at the line', async () => {
  const input = path.join(dir, 'vi', 'so-20-2026.yaml');
  mkdirSync(path.dirname(input), { recursive: true });
  copyFileSync(path.join(repoRoot, 'examples/so-20-2026.yaml'), input);
  // A stand-in for VS Code: `code --goto FILE:LINE`, recorded.
  const opened = path.join(dir, 'vi', 'editor.txt');
  const code = path.join(dir, 'vi', 'code');
  writeFileSync(code, `#!/bin/sh\necho "$@" > ${JSON.stringify(opened)}\n`);
  chmodSync(code, 0o755);
  const env = { ...process.env, NO_COLOR: '1', LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '', BANTIN_LANG: '', DISPLAY: '', WAYLAND_DISPLAY: '', BROWSER: '', VISUAL: '', EDITOR: '' };
  const child: ChildProcess = spawn(process.execPath, [bin, 'preview', input, '--editor', code], { cwd: path.dirname(input), stdio: ['ignore', 'pipe', 'pipe'], env });
  const err = { text: '' };
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err.text += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  const owned = await openBrowser({});
  try {
    await waitFor(err, /xem trước: http/, 1);
    const url = /xem trước: (http:\/\/[^\s]+)/.exec(err.text)![1]!;
    // No desktop here: a clear line instead of a browser that never comes.
    expect(err.text).toContain(`máy này không có màn hình nền để mở trình duyệt: hãy tự mở ${url}`);
    const page = await owned.browser.newPage();
    await page.setViewport({ width: 1200, height: 800 });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as Preview).bantinPreview?.version === 1, { timeout: 60_000 });
    expect(await page.title()).toBe('so-20-2026.yaml — bantin xem trước');
    expect(await page.$eval('html', (el) => el.lang)).toBe('vi');
    expect(await page.$eval('#side h2', (el) => el.textContent)).toBe('Trên trang này');
    expect(await page.$eval('#problems', (el) => el.textContent)).toBe('Không có lỗi hay cảnh báo nào.');

    // The reader is 40 px into the second story listed on page 8.
    await page.click('#page', { count: 3 });
    await page.type('#page', '8');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#items li[data-id]').length >= 2);
    const id = await page.$eval('#items li[data-id]:nth-of-type(2)', (el) => (el as HTMLElement).dataset.id!);
    const title = await page.$eval('#items li[data-id]:nth-of-type(2) a.title', (el) => el.textContent!);
    const topBefore = await page.evaluate((story) => {
      const p = (window as unknown as Preview).bantinPreview;
      document.getElementById('viewerContainer')!.scrollTop = p.itemTop(story)! + 40;
      return p.itemTop(story)!;
    }, id);
    await new Promise((r) => setTimeout(r, 300));
    const place = await page.evaluate(() => (window as unknown as Preview).bantinPreview.place());
    expect(place?.id).toBe(id);
    expect(place?.delta).toBeCloseTo(40, 0);

    // A story added at the top of the first news part, dated outside the week.
    const added = [
      '      - date: 2026-06-03',
      '        title: Tin thêm vào để thử bản xem trước giữ đúng chỗ đang đọc',
      '        source: {name: VnExpress, url: "https://vnexpress.net/tin-them-vao-thu-xem-truoc"}',
      '        body: |',
      `          ${'Đoạn văn dài để tin này chiếm gần nửa trang, đẩy các tin phía sau xuống. '.repeat(12)}`,
      '',
    ].join('\n');
    const text = readFileSync(input, 'utf8');
    const at = text.indexOf('\n', text.indexOf('    articles: # the items in TOC order')) + 1;
    writeFileSync(input, text.slice(0, at) + added + text.slice(at));
    const dateLine = text.slice(0, at).split('\n').length;
    await page.waitForFunction(() => (window as unknown as Preview).bantinPreview.version === 2, { timeout: 60_000 });
    await new Promise((r) => setTimeout(r, 300));
    const after = await page.evaluate((story) => {
      const p = (window as unknown as Preview).bantinPreview;
      const top = p.itemTop(story)!;
      return { top, scroll: document.getElementById('viewerContainer')!.scrollTop, atTop: p.storyAtTop()?.id };
    }, id);
    console.log(`story ${id}: destination at ${topBefore} px before the rebuild, ${after.top} px after; the view starts ${after.scroll - after.top} px into it`);
    expect(Math.abs(after.top - topBefore)).toBeGreaterThan(100);
    expect(after.atTop).toBe(id);
    expect(Math.abs(after.scroll - after.top - 40)).toBeLessThanOrEqual(2);

    // The panel lists the new story's warning at its line, in Vietnamese.
    const warning = await page.$eval('#problems li[data-code="date-outside-period"]', (el) => ({ cls: el.className, text: el.textContent! }));
    expect(warning.cls).toBe('warning');
    expect(warning.text).toMatch(new RegExp(`^cảnh báoso-20-2026\\.yaml:${dateLine}:\\d+ngày .* nằm ngoài tuần .*\\(date-outside-period\\)$`));

    // "sửa" beside the story opens the file at its title's line.
    const newText = readFileSync(input, 'utf8');
    const titleLine = newText.slice(0, newText.indexOf(`title: ${title}`)).split('\n').length;
    await page.evaluate((story) => {
      const p = (window as unknown as Preview).bantinPreview;
      p.viewer.currentPageNumber = p.pageOf(story)!;
    }, id);
    await page.waitForFunction((story) => document.querySelector(`#items li[data-id="${story}"] a.edit`), {}, id);
    expect(await page.$eval(`#items li[data-id="${id}"] a.edit`, (el) => el.textContent)).toBe('sửa');
    await page.click(`#items li[data-id="${id}"] a.edit`);
    await page.waitForFunction(() => (window as unknown as Preview).bantinPreview.opened !== undefined);
    expect(await page.evaluate(() => (window as unknown as Preview).bantinPreview.opened)).toMatch(/^đã mở .*so-20-2026\.yaml:\d+ trong /);
    await waitFor({ get text() { try { return readFileSync(opened, 'utf8'); } catch { return ''; } } }, /goto/, 1, 10_000);
    expect(readFileSync(opened, 'utf8').trim()).toBe(`--goto ${input}:${titleLine}`);
    // So does a click on the story's title on the page.
    rmSync(opened);
    await page.click(`.page a.title-link[data-id="${id}"]`);
    await waitFor({ get text() { try { return readFileSync(opened, 'utf8'); } catch { return ''; } } }, /goto/, 1, 10_000);
    expect(readFileSync(opened, 'utf8').trim()).toBe(`--goto ${input}:${titleLine}`);

    // Only the page itself may ask, only for lines the build named.
    const info = JSON.parse((await ask(`${url}viewer/info.json`, {})).body) as { token: string };
    const json = { 'content-type': 'application/json' };
    const asks: Array<{ headers: Record<string, string>; body: string }> = [
      { headers: { ...json }, body: JSON.stringify({ id }) },
      { headers: { ...json, 'x-bantin-token': info.token, origin: 'https://example.com' }, body: JSON.stringify({ id }) },
      { headers: { ...json, 'x-bantin-token': info.token, 'sec-fetch-site': 'cross-site' }, body: JSON.stringify({ id }) },
      { headers: { 'content-type': 'text/plain', 'x-bantin-token': info.token }, body: JSON.stringify({ id }) },
      { headers: { ...json, 'x-bantin-token': info.token }, body: JSON.stringify({ id: 'no-such-story' }) },
      { headers: { ...json, 'x-bantin-token': info.token }, body: JSON.stringify({ line: 100000 }) },
      { headers: { ...json, 'x-bantin-token': info.token }, body: JSON.stringify({ file: '/etc/passwd', line: 1 }) },
    ];
    for (const request of asks) expect((await ask(`${url}open`, { method: 'POST', ...request })).status, JSON.stringify(request.headers)).toBe(403);
    expect((await ask(`${url}open`, { method: 'GET', headers: { 'x-bantin-token': info.token } })).status).toBe(403);
    expect((await ask(`${url}open`, { method: 'POST', headers: { ...json, 'x-bantin-token': info.token, host: `evil.example:${new URL(url).port}` }, body: JSON.stringify({ id }) })).status).toBe(421);

    // A mistake: the error over the last good PDF, and in the panel at its line.
    writeFileSync(input, newText.replace('\nparts:\n', '\nparts: [\n'));
    await page.waitForSelector('#error:not([hidden])', { timeout: 60_000 });
    expect(await page.$eval('#error-text', (el) => el.textContent)).toMatch(/so-20-2026\.yaml:\d+:\d+ lỗi/);
    expect(await page.$eval('#error p', (el) => el.textContent)).toBe('Bên dưới là bản PDF đúng gần nhất.');
    const errors = await page.$$eval('#problems li.error .where', (els) => els.map((el) => el.textContent!));
    expect(errors.length).toBeGreaterThan(0);
    for (const where of errors) expect(where).toMatch(/^so-20-2026\.yaml:\d+:\d+$/);
    expect(await page.evaluate(() => (window as unknown as Preview).bantinPreview.viewer.pagesCount)).toBeGreaterThan(10);
    expect(await page.$('.page canvas')).not.toBeNull();
    expect(pageErrors).toEqual([]);
  } finally {
    await owned.close();
    child.kill('SIGINT');
    await exited;
  }
}, 240_000);

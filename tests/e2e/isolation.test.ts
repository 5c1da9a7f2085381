/**
 * Rendering never reaches the network or the file system beyond what the issue names:
 * a server on loopback stands in for the outside world and must see no request.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withBrowser } from '../../src/print/browser.js';
import { printPaginated } from '../../src/print/paginate.js';
import { startLoopback, type Loopback } from './loopback.js';

let loopback: Loopback;
let hits: string[];
let base = '';

beforeAll(async () => {
  loopback = await startLoopback();
  ({ hits, base } = loopback);
});
afterAll(() => loopback.close());

it('refuses and reports every request that is not bantin’s or the issue’s', async () => {
  const html = `<!doctype html><html><head>
    <link rel="stylesheet" href="${base}/style.css">
    <style>@import url("${base}/import.css"); body { background: url("${base}/bg.png"); }</style>
    </head><body>
    <h1 id="a"><a href="#a">A</a></h1>
    <img src="${base}/image.png"><img src="file:///etc/passwd"><iframe src="${base}/frame"></iframe>
    <script src="${base}/script.js"></script><script>fetch("${base}/fetch")</script>
  </body></html>`;
  const result = await withBrowser({}, (browser) => printPaginated(browser, { html, assets: new Map(), targets: new Set(['a']), pageBox: { width: 178, height: 261 } }));
  expect(result.pageCount).toBe(1);
  expect(hits, 'the loopback server saw no request').toEqual([]);
  expect(result.requests.blocked).toEqual(expect.arrayContaining([`${base}/style.css`, `${base}/image.png`, 'file:///etc/passwd']));
  expect(result.requests.blocked.some((u) => u.includes('/fetch'))).toBe(false);
});

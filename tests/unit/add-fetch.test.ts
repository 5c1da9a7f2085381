/**
 * bantin add's fetching against a server this test starts on 127.0.0.1 (never the internet):
 * redirects, a 404, a slow page, a 20 MB page, a page that is no HTML, windows-1258.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePage } from '../../src/commands/add/decode.js';
import { fetchPage, USER_AGENT } from '../../src/commands/add/fetch-page.js';
import { setLanguage } from '../../src/core/i18n.js';
import { jsonLdPage, SEED, startNewsServer, windows1258, type NewsServer } from './news-pages.js';

let server: NewsServer;
const item = SEED[0]!;
const page = jsonLdPage(item, '2026-03-14');

beforeAll(async () => {
  const hop = (n: number) => ({ status: 302, headers: { location: n ? `/hop-${n - 1}` : '/bai-viet.html' } });
  server = await startNewsServer({
    '/bai-viet.html': { body: page },
    '/ngan': { status: 301, headers: { location: '/bai-viet.html?utm_source=zalo' } },
    ...Object.fromEntries(Array.from({ length: 7 }, (_, n) => [`/hop-${n}`, hop(n)])),
    '/cham': { body: page, delayMs: 2000 },
    '/rat-lon': { streamBytes: 20 * 1024 * 1024 },
    '/khai-lon': { body: page, headers: { 'content-length': String(30 * 1024 * 1024) } },
    '/tai-lieu.pdf': { body: '%PDF-1.7', headers: { 'content-type': 'application/pdf' } },
    '/cu': { body: Buffer.concat([Buffer.from('<html><head><title>'), windows1258(item.headline), Buffer.from('</title></head></html>')]), headers: { 'content-type': 'text/html; charset=windows-1258' } },
    '/ftp': { status: 302, headers: { location: 'ftp://127.0.0.1/x' } },
    '/loi': { status: 503 },
  });
});
afterAll(() => server.close());

const failure = (promise: Promise<unknown>) => promise.then(() => 'no failure', (error: Error) => error.message);

describe('fetching a page', () => {
  it('reads a page, with a browser’s User-Agent', async () => {
    const got = await fetchPage(`${server.base}/bai-viet.html`);
    expect(decodePage(got.bytes, got.contentType)).toBe(page);
    expect(got.url).toBe(`${server.base}/bai-viet.html`);
    expect(USER_AGENT).toMatch(/^Mozilla\/5\.0 .*Chrome\//);
  });

  it('follows a redirect, and up to 5 of them', async () => {
    expect((await fetchPage(`${server.base}/ngan`)).url).toBe(`${server.base}/bai-viet.html?utm_source=zalo`);
    expect((await fetchPage(`${server.base}/hop-4`)).url).toBe(`${server.base}/bai-viet.html`);
    expect(await failure(fetchPage(`${server.base}/hop-5`))).toBe('more than 5 redirects');
  });

  it('names a 404, another status, a page that is no HTML, a redirect to ftp', async () => {
    expect(await failure(fetchPage(`${server.base}/khong-co`))).toBe('the page does not exist (HTTP 404)');
    expect(await failure(fetchPage(`${server.base}/loi`))).toBe('the server answered HTTP 503');
    expect(await failure(fetchPage(`${server.base}/tai-lieu.pdf`))).toBe('not a web page but application/pdf');
    expect(await failure(fetchPage(`${server.base}/ftp`))).toBe('only http and https pages can be added, not ftp:');
    expect(await failure(fetchPage('file:///etc/passwd'))).toBe('only http and https pages can be added, not file:');
  });

  it('gives up on a slow page at the deadline', async () => {
    const started = Date.now();
    expect(await failure(fetchPage(`${server.base}/cham`, { timeoutMs: 300 }))).toBe('no complete answer within 0.3 s');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('stops reading a 20 MB page at 5 MB, and refuses one that says it is larger', async () => {
    const used = process.memoryUsage().rss;
    expect(await failure(fetchPage(`${server.base}/rat-lon`))).toBe('the page is larger than 5 MB');
    expect(process.memoryUsage().rss - used).toBeLessThan(60 * 1024 * 1024);
    expect(await failure(fetchPage(`${server.base}/khai-lon`))).toBe('the page is larger than 5 MB');
  });

  it('decodes windows-1258 named by the header', async () => {
    const got = await fetchPage(`${server.base}/cu`);
    expect(decodePage(got.bytes, got.contentType)).toContain(`<title>${item.headline}</title>`);
  });

  it('says why in Vietnamese', async () => {
    try {
      setLanguage('vi');
      expect(await failure(fetchPage(`${server.base}/khong-co`))).toBe('trang không tồn tại (HTTP 404)');
      const closed = await startNewsServer({});
      await closed.close();
      expect(await failure(fetchPage(`${closed.base}/x`))).toBe('máy chủ từ chối kết nối');
    } finally {
      setLanguage('en');
    }
  });
});

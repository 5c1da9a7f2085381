/**
 * Article pages in the shapes Vietnamese news sites serve, with real items of issue 15
 * (../shared/seeds), and a server on 127.0.0.1 that serves them — never the internet. Shared by
 * the unit tests of `bantin add` and its end-to-end test.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { seedItems, type SeedItem } from './seed-items.js';

const items = seedItems('so-15-2026-haiphong.txt');
/** A seed item's title in sentence case, as a site writes it (the bulletin prints capitals). */
const sentence = (title: string) => title.charAt(0) + title.slice(1).toLocaleLowerCase('vi');
export const SEED: Array<SeedItem & { headline: string }> = items.slice(0, 8).map((item) => ({ ...item, headline: sentence(item.title) }));

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const paragraphs = (body: string) => body.split(/\n\n+/).map((p) => `<p>${esc(p)}</p>`).join('\n');
const firstSentences = (body: string) => body.split(/\n\n+/)[0]!.split(/(?<=\.)\s/).slice(0, 2).join(' ');

/** VnExpress-like: JSON-LD NewsArticle (publisher, datePublished with +07:00) beside OpenGraph tags that say less. */
export function jsonLdPage(item: SeedItem & { headline: string }, date: string, publisher = 'Báo VnExpress'): string {
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: item.headline,
    datePublished: `${date}T23:40:00+07:00`,
    description: firstSentences(item.body),
    publisher: { '@type': 'Organization', name: publisher },
  };
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>${esc(item.headline)} - VnExpress</title>
<meta property="og:title" content="${esc(item.headline)} - VnExpress">
<meta property="og:site_name" content="VnExpress - Tin nhanh Việt Nam">
<script type="application/ld+json">${JSON.stringify([{ '@type': 'BreadcrumbList' }, ld])}</script>
</head><body><article><h1>${esc(item.headline)}</h1>${paragraphs(item.body)}</article></body></html>`;
}

/** Tuổi Trẻ-like: OpenGraph only (og:title, og:site_name, article:published_time, og:description). */
export function openGraphPage(item: SeedItem & { headline: string }, date: string, siteName = 'TUOI TRE ONLINE'): string {
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${esc(item.headline)} | ${esc(siteName)}</title>
<meta property="og:title" content="${esc(item.headline)}">
<meta property="og:site_name" content="${esc(siteName)}">
<meta property="article:published_time" content="${date}T07:05:00+07:00">
<meta property="og:description" content="${esc(firstSentences(item.body))}">
</head><body><div class="detail-content">${paragraphs(item.body)}</div></body></html>`;
}

/** A provincial portal: a bare <title>, <meta name=description> and a <time datetime>. */
export function bareMetaPage(item: SeedItem & { headline: string }, date: string, siteName = 'Báo Hải Phòng'): string {
  return `<html><head><meta charset="UTF-8"><title>${esc(item.headline)} - ${esc(siteName)}</title>
<meta name="description" content="${esc(firstSentences(item.body))}"></head>
<body><h1>${esc(item.headline)}</h1><time datetime="${date}">${date.split('-').reverse().join('/')}</time>${paragraphs(item.body)}</body></html>`;
}

/** A page with no description at all: the summary comes from its first paragraph (Readability). */
export function noDescriptionPage(item: SeedItem & { headline: string }, date: string): string {
  return `<html><head><meta charset="utf-8"><title>${esc(item.headline)}</title></head>
<body><nav><a href="/">Trang chủ</a> <a href="/khcn">Khoa học</a></nav><div id="main"><h1>${esc(item.headline)}</h1>
<span class="date">${date.split('-').reverse().join('/')} 08:00</span><div class="content">${paragraphs(item.body)}</div></div><footer>© Cổng thông tin</footer></body></html>`;
}

/** Windows-1258 as old portals still write it: base letters with their tone marks as separate characters. */
export function windows1258(text: string): Buffer {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
  const split = [...text.normalize('NFC')].map((ch) => {
    const parts = ch.normalize('NFD');
    const tones = parts.match(TONES) ?? [];
    return parts.replace(TONES, '').normalize('NFC') + tones.join('');
  });
  return iconv.encode(split.join(''), 'windows-1258');
}

export interface NewsServer {
  base: string;
  hits: string[];
  close(): Promise<void>;
}

export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Send this many bytes of "<p>x</p>…", in 64 KB chunks. */
  streamBytes?: number;
}

/** Serves `routes` on 127.0.0.1; anything else is a 404. */
export async function startNewsServer(routes: Record<string, Route>): Promise<NewsServer> {
  const hits: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    const answer = () => {
      if (!route) return void res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<html><title>404 - Không tìm thấy trang</title></html>');
      res.writeHead(route.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...route.headers });
      if (route.streamBytes) return stream(res, route.streamBytes);
      res.end(route.body ?? '');
    };
    if (route?.delayMs) {
      const timer = setTimeout(() => (timers.delete(timer), answer()), route.delayMs);
      timers.add(timer);
    } else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function stream(res: http.ServerResponse, total: number): void {
  const chunk = Buffer.from('<p>x</p>'.repeat(8192));
  let sent = 0;
  res.write('<html><head><title>Trang rất lớn</title></head><body>');
  const more = () => {
    while (sent < total) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', more);
    }
    res.end('</body></html>');
  };
  res.on('error', () => undefined);
  more();
}

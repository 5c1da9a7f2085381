/** The web edition's HTML (src/web/): structure, links, sharing tags, self-containment, colours, fonts. */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import type { Issue } from '../../src/issue/model.js';
import { themeIssue } from '../../src/theme/choose.js';
import type { Theme } from '../../src/theme/theme.js';
import { contrast, parseColor, webPalette } from '../../src/web/colors.js';
import { charactersOf, parseUnicodeRange, unicodeRange } from '../../src/web/fonts.js';
import { bitmapPng, qrDataUri } from '../../src/web/qr-png.js';
import { renderWebHtml, visibleText } from '../../src/web/render.js';
import { sfntToWoff2 } from '../../src/web/woff2.js';
import { buildFormats, readableSize } from '../../src/cli/commands/build.js';
import { relativeLink } from '../../src/commands/web-edition.js';
import { parseDocument } from './dom.js';

const example = (name: string) => fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));

async function webOf(name: string, extra: { pdfHref?: string } = {}): Promise<{ issue: Issue; theme: Theme; html: string; doc: Document; fontBytes: number }> {
  const loaded = await loadIssue(example(name));
  const { issue, theme } = await themeIssue(loaded.issue!, loaded.source);
  const page = await renderWebHtml({ issue, theme, assets: loaded.assets, shareImage: { url: 'so-20-2026.png', width: 1200, height: 630 }, ...extra });
  return { issue, theme, html: page.html, doc: parseDocument(page.html), fontBytes: page.fontBytes };
}

const all = (doc: ParentNode, selector: string) => [...doc.querySelectorAll(selector)];
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();
const meta = (doc: Document, key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

describe('the web edition of issue 20/2026', () => {
  let web: Awaited<ReturnType<typeof webOf>>;
  beforeAll(async () => {
    web = await webOf('so-20-2026.yaml', { pdfHref: 'so-20-2026.pdf' });
  }, 60_000);

  it('is one Vietnamese document with one h1, headings in order and landmarks', () => {
    const { doc } = web;
    expect(doc.documentElement.getAttribute('lang')).toBe('vi');
    expect(all(doc, 'h1').map(text)).toEqual(['Điểm tin Khoa học Công nghệ']);
    const levels = all(doc, 'h1, h2, h3, h4, h5, h6').map((h) => Number(h.tagName[1]));
    levels.forEach((level, i) => i > 0 && expect(level - levels[i - 1]!).toBeLessThanOrEqual(1));
    expect(all(doc, 'header.masthead, nav.contents, main#noi-dung, footer.colophon')).toHaveLength(4);
    expect(doc.querySelector('a.skip-link')?.getAttribute('href')).toBe('#noi-dung');
  });

  it('has a contents list linking every part and item to its anchor', () => {
    const { doc, issue } = web;
    const links = all(doc, 'nav.contents a').map((a) => a.getAttribute('href')!.slice(1));
    const ids = issue.parts.flatMap((p) => [p.id, ...p.articles.map((a) => a.id)]);
    expect(links).toEqual(ids);
    for (const id of ids) expect(doc.getElementById(id), id).not.toBeNull();
  });

  it('gives every titled item a heading, its date, and its source as a real link', () => {
    const { doc, issue } = web;
    for (const article of issue.articles) {
      const el = doc.getElementById(article.id)!;
      if (article.titled) expect(text(el.querySelector('h3')), article.id).toBe(article.title);
      if (article.date) expect(el.querySelector('time')?.getAttribute('datetime')).toBe(article.date.iso);
      if (article.source?.url) expect(all(el, '.item-source a').map((a) => a.getAttribute('href'))).toEqual([article.source.url]);
    }
  });

  it('shows the highlights in the masthead, the summary, spotlight blocks and podcasts as links', () => {
    const { doc, issue } = web;
    expect(all(doc, '.highlights a').map((a) => a.getAttribute('href'))).toEqual(issue.cover.highlights.map((h) => `#${h.id}`));
    expect(doc.querySelector('.part-summary .summary-heading')).not.toBeNull();
    const podcasts = issue.articles.filter((a) => a.podcast);
    expect(podcasts.length).toBeGreaterThan(0);
    expect(all(doc, 'a.podcast-link').map((a) => a.getAttribute('href'))).toEqual(podcasts.map((a) => a.podcast!.url));
    expect(all(doc, '.box').length).toBeGreaterThan(0);
  });

  it('keeps QR codes for print only, as tiny images inside aria-hidden wrappers', () => {
    const codes = all(web.doc, '.print-qr');
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) {
      expect(code.getAttribute('aria-hidden')).toBe('true');
      expect(code.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    }
    expect(web.html).toMatch(/\.print-qr \{ display: none; \}/);
  });

  it('can be shared: title, description, Open Graph and Twitter tags, and a link to the PDF', () => {
    const { doc } = web;
    expect(text(doc.querySelector('title'))).toBe('Điểm tin Khoa học Công nghệ số 20/2026 · Tuần từ 25/5 – 31/5/2026'.replace('–', web.issue.period.heading.includes('–') ? '–' : '-'));
    expect(meta(doc, 'description')).toMatch(/^Trong số này: Việt Nam đặt mục tiêu/);
    expect(meta(doc, 'og:title')).toBe(text(doc.querySelector('title')));
    expect(meta(doc, 'og:image')).toBe('so-20-2026.png');
    expect(meta(doc, 'og:locale')).toBe('vi_VN');
    expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
    expect(all(doc, 'a[href="so-20-2026.pdf"]').map(text)).toContain('Tải bản PDF');
  });

  it('needs nothing outside itself: a CSP forbidding all but data:, no script, every src and url() a data: URI', () => {
    const { doc, html } = web;
    expect(meta(doc, 'Content-Security-Policy')).toBeUndefined();
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toMatch(/^default-src 'none'; .*img-src data:; font-src data:/);
    expect(html).not.toMatch(/<script/i);
    for (const el of all(doc, '[src]')) expect(el.getAttribute('src')).toMatch(/^data:/);
    for (const [, ref] of html.matchAll(/url\(([^)]*)\)/g)) expect(ref).toMatch(/^data:/);
    expect(all(doc, 'link')).toEqual([]);
  });

  it('inlines the theme fonts cut to the characters used, and stays small', () => {
    const { html, fontBytes } = web;
    const faces = [...html.matchAll(/@font-face \{ font-family: '([^']+)'; font-style: (\w+); font-weight: (\d+)/g)].map((m) => `${m[1]} ${m[3]} ${m[2]}`);
    expect(new Set(faces)).toEqual(new Set(['Be Vietnam Pro 400 normal', 'Be Vietnam Pro 700 normal', 'Noto Serif 400 normal', 'Noto Serif 400 italic', 'Noto Serif 700 normal']));
    expect(fontBytes).toBeLessThan(120_000);
    expect(Buffer.byteLength(html)).toBeLessThan(300_000);
  });

  it('sets the theme colours as variables and a dark palette for prefers-color-scheme', () => {
    expect(web.html).toContain('--color-primary: #0c3460;');
    expect(web.html).toMatch(/@media \(prefers-color-scheme: dark\) \{\n:root \{\n {2}--web-bg: #/);
  });
});

describe('themes on the web', () => {
  it('a theme that colours each part carries its web layer; one without highlights shows none', async () => {
    const hcm = await webOf('hcm-10-2025.yaml');
    expect(hcm.html).toContain('hcm-infographic on screens');
    expect(hcm.doc.querySelectorAll('.highlights a').length).toBeGreaterThan(6);
    const digest = await webOf('digest-chuyen-doi-so-2025.yaml');
    expect(digest.html).toContain('digest on screens');
    expect(digest.doc.querySelector('.highlights')).toBeNull();
  }, 60_000);
});

describe('infographic blocks on the web', () => {
  it('prints the hcm example\'s blocks as lists (steps, phases, panels, groups, ranks, speakers), the bar as one picture with its words', async () => {
    const hcm = await webOf('hcm-10-2025.yaml');
    expect(all(hcm.doc, 'ol.flow-steps > li').map(text)).toEqual(['Đề xuất sáng kiến', 'Sàng lọc, trình Ban Chỉ đạo', 'Thẩm tra và Phê duyệt', 'Giao nhiệm vụ, triển khai']);
    expect(all(hcm.doc, 'ol.timeline-phases > li .timeline-period').map(text)).toEqual(['Giai đoạn 2025-2026', 'Giai đoạn 2027-2028', 'Giai đoạn 2029-2030']);
    expect(hcm.doc.querySelector('.breakdown-bar')?.getAttribute('aria-label')).toBe('46 tiêu chí: Nhóm tiêu chí đầu vào 2; Nhóm tiêu chí kết quả 10; Nhóm tiêu chí hiệu quả 5; Nhóm tiêu chí tác động 29');
    expect(all(hcm.doc, 'ol.ranking-list > li .ranking-value').map(text)).toEqual(['31%', '22%', '17%', '15%']);
    expect(all(hcm.doc, 'ul.speakers-list > li .speaker-name').map(text)).toEqual(['Phạm Minh Tuấn', 'Trần Thị Diệu Thúy', 'Võ Thị Trung Trinh', 'Nguyễn Minh Quang', 'Nguyễn Khắc Lịch']);
    expect(all(hcm.doc, 'aside.callout .callout-label').map(text)).toEqual(['Nhận định', 'Yêu cầu']);
    expect(all(hcm.doc, '.panels-row').map((row) => row.className)).toEqual(['panels-row panels-2', 'panels-row panels-3', 'panels-row panels-2', 'panels-row panels-2', 'panels-row panels-3', 'panels-row panels-2']);
    // Stacked on a phone, in a row from 640 px.
    expect(hcm.html).toMatch(/@media \(min-width: 40rem\) \{\n {2}\.flow-steps \{ grid-auto-flow: column;/);
  }, 60_000);
});

describe('colours that read well', () => {
  it('every text colour passes AA on its grounds in light and dark mode, for any theme colours', () => {
    const pale = { ink: '#999999', muted: '#bbbbbb', faint: '#cccccc', primary: '#66aaff', 'primary-deep': '#3388ee', accent: '#ffaa00', 'accent-soft': '#ffeecc', tint: '#eeeeee', rule: '#dddddd', leader: '#cccccc', 'on-primary': '#eeeeee', third: '#77dd77', fourth: '#cc99ff', paper: '#ffffff' };
    for (const mode of Object.values(webPalette(pale))) {
      for (const fg of ['text', 'muted', 'link', 'accent', 'third', 'fourth']) {
        for (const bg of ['bg', 'surface']) expect(contrast(parseColor(mode[fg]!), parseColor(mode[bg]!)), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
      for (const bg of ['band', 'band-2']) expect(contrast(parseColor(mode['on-band']!), parseColor(mode[bg]!))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('reads #rgb, rgb() and hsl() as the theme schema allows', () => {
    expect(parseColor('#0c3460')).toEqual([12, 52, 96]);
    expect(parseColor('#fff')).toEqual([255, 255, 255]);
    expect(parseColor('rgb(12, 52, 96)')).toEqual([12, 52, 96]);
    expect(parseColor('hsl(0, 100%, 50%)')).toEqual([255, 0, 0]);
  });
});

describe('fonts and small files', () => {
  it('counts capitals and small letters of what is shown (CSS sets labels in capitals)', () => {
    expect(charactersOf('Số ể')).toEqual([...new Set([...'Số ểSỐỂsố'].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b));
  });

  it('writes and reads unicode ranges', () => {
    expect(unicodeRange([0x41, 0x42, 0x43, 0x110, 0x1ec7])).toBe('U+41-43,U+110,U+1EC7');
    expect(parseUnicodeRange('U+0000-00FF, U+0131, U+1E??')).toEqual([[0, 0xff], [0x131, 0x131], [0x1e00, 0x1eff]]);
  });

  it('takes the text a reader sees, without markup or QR codes', () => {
    expect(visibleText('<head><title>x</title></head><body><p>A &amp; B&nbsp;<svg><path d="M0"/></svg>&#x1EC7;</p></body>')).toMatch(/^\s*A & B\u00a0\s*ệ\s*$/);
  });

  it('wraps a font as WOFF2 with its tables in one Brotli stream', () => {
    // A minimal sfnt: the header and one 4-byte table.
    const sfnt = Buffer.alloc(12 + 16 + 4);
    sfnt.writeUInt32BE(0x00010000, 0);
    sfnt.writeUInt16BE(1, 4);
    sfnt.write('head', 12, 'latin1');
    sfnt.writeUInt32BE(28, 20);
    sfnt.writeUInt32BE(4, 24);
    const woff2 = sfntToWoff2(sfnt);
    expect(woff2.toString('latin1', 0, 4)).toBe('wOF2');
    expect(woff2.readUInt32BE(8)).toBe(woff2.length);
    expect(woff2.readUInt16BE(12)).toBe(1);
    expect(woff2.readUInt32BE(16)).toBe(12 + 16 + 4);
    expect(woff2[48]).toBe(1); // "head" is known tag 1, null transform
  });

  it('makes QR codes as one-bit PNGs of a few hundred bytes', () => {
    const png = bitmapPng(2, (x, y) => x === y);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const uri = qrDataUri('https://vov.vn/kinh-te/kinh-te-so-huong-toi-30-gdp-post1296512.vov');
    expect(uri).toMatch(/^data:image\/png;base64,/);
    expect(uri.length).toBeLessThan(1000);
  });
});

describe('the command line', () => {
  it('reads --format as pdf, web or both, each once', () => {
    expect(buildFormats('web')).toEqual(['web']);
    expect(buildFormats('web, PDF')).toEqual(['pdf', 'web']);
    expect(() => buildFormats('epub')).toThrow();
    expect(() => buildFormats('')).toThrow();
  });

  it('says sizes as people read them and links files relatively', () => {
    expect(readableSize(999)).toBe('999 B');
    expect(readableSize(212_345)).toBe('212 KB');
    expect(readableSize(1_400_000)).toBe('1.4 MB');
    expect(relativeLink('/a/b/x.html', '/a/b/x.pdf')).toBe('x.pdf');
    expect(relativeLink('/a/web/x.html', '/a/pdf/số 1.pdf')).toBe('../pdf/s%E1%BB%91%201.pdf');
  });
});

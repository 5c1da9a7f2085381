/** Text from the issue file is printed as text, never as markup, wherever the templates put it. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIssueText } from '../../src/issue/load.js';
import { ISSUE_PREFIX, renderIssueHtml } from '../../src/render/html.js';
import { themeIssue } from '../../src/theme/choose.js';
import { parseDocument } from './dom.js';
import { TINY_PNG } from './helpers.js';

const SCRIPT = '<script>alert(1)</script>';
const ATTR = '"><img src=x onerror=alert(1)>';
const MUSTACHE = '{{7*7}}';
const URL_WITH_QUOTES = 'https://vov.vn/kinh-te?q="><script>alert(1)</script>';

const EVIL_ISSUE = `series:
  title: '</style>${SCRIPT} Điểm tin Khoa học Công nghệ'
  masthead: ['${MUSTACHE} Điểm tin', 'Khoa học Công nghệ']
  publisher:
    - '${ATTR} Sở Khoa học và Công nghệ'
issue:
  number: 20/2026
  week: {start: 2026-05-25, end: 2026-05-31}
cover:
  highlights: [kinh-te-so]
parts:
  - kind: news
    title: '${SCRIPT} Tin trong nước'
    articles:
      - id: kinh-te-so
        date: 2026-05-28
        title: '${SCRIPT} Kinh tế số hướng tới 30% GDP'
        source:
          name: '${ATTR}'
          url: '${URL_WITH_QUOTES}'
        lead: '${MUSTACHE} Kinh tế số hiện đóng góp hơn 14% GDP'
        body: |
          ${SCRIPT}

          Kinh tế số <b>đóng góp</b> hơn 14% GDP. </style>${MUSTACHE}

          Xem [bấm vào đây](javascript:alert(1)) hoặc [VOV](https://vov.vn/) hoặc [tệp](data:text/html,x).

          ![biểu đồ](https://vov.vn/bieu-do.png)
        image:
          src: images/kinh-te-so.png
          caption: '${ATTR}'
        blocks:
          - type: quote
            text: '${SCRIPT}'
            speaker: '${MUSTACHE}'
          - type: box
            title: '</style> Ứng dụng Smart Hải Phòng'
            body: '<img src=x onerror=alert(1)> Cập nhật giao thông'
            url: https://smart.haiphong.gov.vn/
`;

let dir: string;
let html: string;
let doc: Document;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bantin-escape-'));
  await mkdir(path.join(dir, 'images'));
  await writeFile(path.join(dir, 'images', 'kinh-te-so.png'), TINY_PNG);
  const { issue, diagnostics } = await loadIssueText(path.join(dir, 'so-20-2026.yaml'), EVIL_ISSUE);
  expect(diagnostics).toEqual([]);
  // Straight quotes as typed: the attack strings must arrive byte for byte (quotes.test.ts sets the typographic ones).
  const themed = await themeIssue(issue!, undefined);
  html = (await renderIssueHtml(themed.issue, { theme: { ...themed.theme, quotes: 'straight' } })).html;
  doc = parseDocument(html);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const text = (selector: string) => doc.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

describe('escaping in the rendered HTML', () => {
  it('creates no script, no event handler and no image but the real one', () => {
    expect(html).not.toMatch(/<script/i);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('[onerror]')).toHaveLength(0);
    const images = [...doc.querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('src'))).toEqual([`${ISSUE_PREFIX}images/kinh-te-so.png`]);
    expect(images[0]?.getAttribute('alt')).toBe(ATTR);
  });

  it('keeps </style> in the series title from closing the style sheet', () => {
    expect(html.match(/<\/style>/gi)).toHaveLength(1);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(doc.querySelector('style')?.textContent).toContain('\\3C /style>');
    expect(doc.querySelector('title')?.textContent).toBe(`</style>${SCRIPT} Điểm tin Khoa học Công nghệ số 20/2026`);
  });

  it('prints titles, masthead and publisher lines as text', () => {
    expect(text('.news-title')).toBe(`${SCRIPT} Kinh tế số hướng tới 30% GDP`);
    expect(text('.part-title')).toBe(`${SCRIPT} Tin trong nước`);
    expect(text('.cover-highlight-title')).toBe(`${SCRIPT} Kinh tế số hướng tới 30% GDP`);
    expect(text('.cover-title-line')).toBe(`${MUSTACHE} Điểm tin`);
    expect(text('.cover-publisher-line')).toBe(`${ATTR} Sở Khoa học và Công nghệ`);
    expect(html).not.toContain('49 Điểm tin');
  });

  it('keeps quotes inside attribute values', () => {
    const qr = doc.querySelector('a.news-qr');
    expect(qr?.getAttribute('aria-label')).toBe(`QR: ${ATTR}`);
    expect(qr?.getAttribute('href')).toBe(URL_WITH_QUOTES);
    expect(text('.news-link a')).toBe(ATTR);
  });

  it('prints raw HTML in Markdown as text', () => {
    const body = doc.querySelector('.news-body')!;
    expect(body.textContent).toContain(SCRIPT);
    expect(body.textContent).toContain('Kinh tế số <b>đóng góp</b> hơn 14% GDP. </style>{{7*7}}');
    expect(body.querySelectorAll('b, style, script')).toHaveLength(0);
    expect(text('.news-lead')).toBe(`${MUSTACHE} Kinh tế số hiện đóng góp hơn 14% GDP`);
    expect(text('.box-body')).toBe('<img src=x onerror=alert(1)> Cập nhật giao thông');
    expect(text('.box-title')).toBe('</style> Ứng dụng Smart Hải Phòng');
    expect(text('.quote-text')).toBe(SCRIPT);
    expect(text('.quote-speaker')).toBe(MUSTACHE);
  });

  it('turns only http(s) Markdown links into links, and Markdown images into nothing but text', () => {
    const body = doc.querySelector('.news-body')!;
    const links = [...body.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]);
    // A Markdown image is neither an image nor a link: its alt text is printed.
    expect(links).toEqual([['https://vov.vn/', 'VOV']]);
    expect(body.textContent).toContain('biểu đồ');
    expect(body.textContent).toContain('[bấm vào đây](javascript:alert(1))');
    expect(body.textContent).toContain('[tệp](data:text/html,x)');
    expect(body.querySelectorAll('img')).toHaveLength(0);
    const hrefs = [...doc.querySelectorAll('[href]')].map((e) => e.getAttribute('href') ?? '');
    expect(hrefs.filter((h) => /^\s*(javascript|data|file|vbscript):/i.test(h))).toEqual([]);
  });
});

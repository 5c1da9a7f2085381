/**
 * An issue written to make the page fetch things: HTML, CSS and Markdown in every text field,
 * all pointing at a server on loopback that stands in for the outside world. The build must
 * make no request there (nothing in the content even becomes one), and the PDF must show
 * every hostile string as the literal text it is.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseDocument } from '../unit/dom.js';
import { startLoopback, type Loopback } from './loopback.js';
import { pageTexts, pdfInfo } from './pdf-tools.js';
import { itemOf, printBatch, type Printed } from './prints-plan.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-hostile-'));
let loopback: Loopback;
let hits: string[];
let base = '';

beforeAll(async () => {
  loopback = await startLoopback();
  ({ hits, base } = loopback);
});
afterAll(async () => {
  await loopback.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every hostile string, by the field it goes in; each must come out of the PDF as text. */
function hostile() {
  return {
    seriesTitle: `</style><style>@import url(${base}/series.css)</style> Điểm tin`,
    publisher: `<img src=${base}/publisher.png> Sở Khoa học và Công nghệ`,
    partTitle: `<link rel=stylesheet href=${base}/part.css> Tin trong nước`,
    title: `<script>fetch('${base}/title')</script> Kinh tế số hướng tới 30% GDP`,
    sourceName: `<iframe src=${base}/source-name></iframe> VOV`,
    lead: `<img src="${base}/lead.png" onerror="fetch('${base}/onerror')"> Kinh tế số đóng góp 14% GDP`,
    body: [
      `<script>document.body.innerHTML = ''; fetch('${base}/body')</script> Đoạn thứ nhất.`,
      `</style><style>@import url(${base}/body.css); body { background: url(${base}/bg.png) }</style> Đoạn thứ hai.`,
      `<object data="${base}/object"></object><video poster="${base}/poster.png"></video><svg><image href="${base}/svg.png"/></svg> Đoạn thứ ba.`,
      `<meta http-equiv="refresh" content="0; url=${base}/meta"> Đoạn thứ tư.`,
    ],
    /** Markdown: an image (images are off: printed as text) and links (clickable, never fetched). */
    markdownImage: `![biểu đồ](${base}/markdown.png)`,
    markdownLink: `[nguồn](${base}/markdown-link)`,
    autolink: `<${base}/autolink>`,
    quote: `<style>@import url(${base}/quote.css)</style> Kinh tế số là động lực`,
    caption: `<img src=${base}/caption.png> Biểu đồ`,
  };
}

let result: Printed & { output: string; htmlOutput: string };
let all = '';
/** Without spaces (pdftotext breaks lines anywhere), quotes as straight ones (they print in the issue's style, typographic by default). */
const loose = (text: string) => text.replace(/\s+/g, '').replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

beforeAll(async () => {
  const h = hostile();
  const q = (text: string) => JSON.stringify(text); // YAML double-quoted = JSON string
  const input = path.join(dir, 'so-20-2026.yaml');
  writeFileSync(
    input,
    `series:
  title: ${q(h.seriesTitle)}
  publisher: [${q(h.publisher)}]
  website: ${base}/website
issue:
  number: 20/2026
  week: {start: 2026-05-25, end: 2026-05-31}
parts:
  - kind: news
    title: ${q(h.partTitle)}
    articles:
      - date: 2026-05-28
        title: ${q(h.title)}
        source: {name: ${q(h.sourceName)}, url: ${base}/source}
        lead: ${q(h.lead)}
        body: ${q([...h.body, `${h.markdownImage} ${h.markdownLink} ${h.autolink}`].join('\n\n'))}
        podcast: {url: ${base}/podcast}
        blocks:
          - {type: quote, text: ${q(h.quote)}, speaker: ${q(`<img src=${base}/speaker.png>`)}}
          - {type: box, title: ${q(h.caption)}, body: ${q(h.quote)}, url: ${base}/box}
`,
  );
  hits.length = 0;
  // `bantin --verbose build … --html` (a batch of one, so that its log names the requests it refused).
  const run = await printBatch({ id: 'hostile', inputs: [input], args: ['--html'] }, path.join(dir, 'out'));
  const print = itemOf(run, 'so-20-2026');
  result = { ...print, output: print.pdf, htmlOutput: path.join(dir, 'out', 'so-20-2026.html') };
  // In the order the page draws it (-raw): a body that runs beside the QR code would otherwise
  // be read in two columns by pdftotext's layout guess and split mid-sentence.
  all = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', result.output, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}, 120_000);

it('makes no request to the loopback server, and the page asks for nothing it must refuse', () => {
  expect(hits, 'the loopback server saw no request').toEqual([]);
  expect(result.blocked, 'no content became a request').toEqual([]);
});

it('renders no element from the content: the only loopback addresses are the links the issue gives', () => {
  const doc = parseDocument(readFileSync(result.htmlOutput!, 'utf8'));
  const referring = [...doc.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes]
      .filter((a) => a.value.includes(base) && !/^(aria-label|title|alt)$/.test(a.name)) // those are text, escaped
      .map((a) => `${el.tagName.toLowerCase()} ${a.name}=${a.value.replace(base, '')}`),
  );
  // A Markdown image ![biểu đồ](…/markdown.png) prints its alt text: neither a picture nor a link.
  expect([...new Set(referring)].sort()).toEqual(['a href=/autolink', 'a href=/box', 'a href=/markdown-link', 'a href=/podcast', 'a href=/source', 'a href=/website']);
  expect(doc.querySelectorAll('script, iframe, object, video, img, meta[http-equiv], link[href*="127.0.0.1"]')).toHaveLength(0);
  expect(doc.querySelectorAll('style')).toHaveLength(1);
});

it('prints every hostile string as literal text', () => {
  const h = hostile();
  const markdownImage = h.markdownImage.replace(/^!\[|\]\(.*$/g, ''); // a Markdown image prints its alt text only
  for (const literal of [h.title, h.sourceName, h.lead, ...h.body, markdownImage, h.quote, h.caption]) {
    expect(loose(all), literal).toContain(loose(literal));
  }
  // Set in capitals by design: the cover's publisher and masthead (the series title), part titles.
  for (const literal of [h.publisher, h.seriesTitle, h.partTitle]) expect(loose(all), literal).toContain(loose(literal.toUpperCase()));
  expect(all).toContain(`${base}/autolink`); // an autolink prints its address; it is a link, not a fetch
  expect(all).toContain('nguồn'); // the Markdown link's text; its address is a link, not a fetch
});

it('keeps the hostile series title out of the metadata markup too', () => {
  expect(pdfInfo(result.output).Title).toBe(`${hostile().seriesTitle} số 20/2026`);
});

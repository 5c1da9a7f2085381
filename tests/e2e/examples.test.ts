/**
 * Both weekly examples as `bantin build` prints them with no flags (the shared prints of
 * prints-plan.ts, batch print-A4), read back: every number the PDF prints must be the page its
 * target starts on.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import type { Issue } from '../../src/issue/model.js';
import { readDestinations } from '../../src/pdf/destinations.js';
import { issueLinks } from '../../src/render/qr.js';
import { catalogLang, collapse, decodeQrCodes, fonts, footerText, pageTexts, pdfInfo, readOutline, repoRoot } from './pdf-tools.js';
import { EXAMPLES, printed, PROFILES, SIZES, type Printed } from './prints.js';
import { firstPartPage, pageOf, tocEntries } from './toc-check.js';

interface Built {
  issue: Issue;
  /** The PDF and what the build logged about it. */
  result: Printed & { output: string; pageCount: number };
  texts: string[];
  /** Index of the first page after the TOC (0-based), i.e. where part I starts. */
  tocEnd: number;
}

async function readExample(name: string): Promise<Built> {
  const input = path.join(repoRoot, 'examples', `${name}.yaml`);
  const { issue } = await loadIssue(input);
  if (!issue) throw new Error(`${name} does not load`);
  const print = printed('print-A4', name);
  const result = { ...print, output: print.pdf };
  const texts = pageTexts(result.output);
  return { issue, result, texts, tocEnd: firstPartPage(texts) };
}

describe.each(['so-20-2026', 'so-15-2026'])('%s', (name) => {
  let built: Built;
  beforeAll(async () => {
    built = await readExample(name);
  });

  it('prints A4 pages with the page number in the footer of every page but the cover', () => {
    const info = pdfInfo(built.result.output);
    expect(info['Page size']).toMatch(/^594\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(built.result.pageCount).toBeGreaterThan(10);
    expect(footerText(built.result.output, 1)).not.toMatch(/\d/);
    for (let page = 2; page <= built.result.pageCount; page++) {
      expect(footerText(built.result.output, page)).toMatch(new RegExp(`(^| )${page}$`));
    }
  });

  it('gives every TOC entry the page on which its heading appears', async () => {
    const { issue, texts, tocEnd, result } = built;
    expect(tocEnd, 'the first part starts after the TOC').toBeGreaterThan(1);
    const rows = tocEntries(issue, texts);
    expect(rows).toHaveLength(issue.articles.length + issue.parts.filter((p) => p.kind === 'summary').length);
    for (const row of rows) {
      expect(row.actual, `"${row.title}" is printed after the TOC`).toBeGreaterThan(tocEnd);
      expect(row.printed, `TOC number of "${row.title}"`).toBe(row.actual);
    }
    // Where each article's link takes the reader: its named destination in the PDF.
    const { destinations } = await readDestinations(readFileSync(result.output));
    for (const article of issue.articles) expect(destinations.get(article.id)?.page, article.title).toBe(pageOf(texts, article.title, tocEnd));
  });

  it('prints once: the page numbers predicted before printing are the printed ones', () => {
    expect(built.result.passes).toBe(1);
  });

  it('never strands a heading: each article starts its text on its title’s page', () => {
    const { issue, texts, tocEnd } = built;
    for (const article of issue.articles) {
      const firstWords = (article.lead ?? article.body).replace(/[*_#>`]/g, ' ').split(/\s+/).filter(Boolean).slice(0, 6).join(' ');
      const titlePage = pageOf(texts, article.title, tocEnd);
      expect(pageOf(texts, firstWords, titlePage - 1), `"${article.title}" starts with "${firstWords}"`).toBe(titlePage);
    }
  });

  it('leaves no article tail of one or two lines at the top of a page', () => {
    const { issue, result, tocEnd } = built;
    const starts = issue.articles.filter((a) => a.kind === 'news').map((a) => collapse(a.title).slice(0, 30));
    for (let page = tocEnd + 1; page <= result.pageCount; page++) {
      const lines = execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), result.output, '-'], { encoding: 'utf8' })
        .split('\n')
        .map(collapse)
        .filter(Boolean);
      // A part's first page opens with its header, not with carried-over text.
      if (lines[0]?.startsWith('PHẦN ')) continue;
      const first = lines.findIndex((line) => starts.some((s) => line.startsWith(s.slice(0, 20))));
      // Before an item's title come the lines carried over from the previous page, then its date line.
      const carried = first - 1;
      expect(carried === 1 || carried === 2, `page ${page} starts with ${carried} carried-over line(s): ${lines.slice(0, Math.max(0, carried)).join(' | ')}`).toBe(false);
    }
  });

  it('prints the real page number next to each cover highlight', () => {
    const cover = built.texts[0]!;
    for (const article of built.issue.cover.highlights) {
      const match = new RegExp(`${collapse(article.title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} tr\\. (\\d+)`).exec(cover);
      expect(match, `cover lists ${article.title}`).not.toBeNull();
      expect(Number(match![1])).toBe(pageOf(built.texts, article.title, built.tocEnd));
    }
  });

  it('embeds only the bundled fonts', () => {
    const rows = fonts(built.result.output);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
      expect(row.embedded, `${row.name} embedded`).toBe(true);
      expect(row.name).toMatch(/^[A-Z]{6}\+(BeVietnamPro|NotoSerif)-/);
    }
  });

  it('is all vector: an issue without pictures prints no bitmap (the cover halo once came out as three page-size 72 dpi ones)', () => {
    const list = execFileSync('pdfimages', ['-list', built.result.output], { encoding: 'utf8' });
    expect(list.trim().split('\n').slice(2)).toEqual([]);
  });

  it('has metadata and an outline of MỤC LỤC, then parts → articles', async () => {
    const { issue, result } = built;
    const info = pdfInfo(result.output);
    expect(info.Title).toBe(`Điểm tin Khoa học Công nghệ số ${issue.number}`);
    expect(info.Author).toContain('Sở Khoa học và Công nghệ');
    expect(info.Subject).toContain(issue.week.label);
    expect(info.Keywords).toContain('chuyển đổi số');
    expect(await catalogLang(result.output)).toBe('vi');
    const outline = await readOutline(result.output);
    expect(outline.map((o) => o.title)).toEqual(['Mục lục', ...issue.parts.map((p) => `Phần ${p.roman}. ${p.title}`)]);
    issue.parts.forEach((part, i) => expect(outline[i + 1]!.children).toHaveLength(part.articles.length));
    expect(outline[2]!.children[0]!.title).toBe(`${issue.parts[1]!.articles[0]!.date!.short}: ${issue.parts[1]!.articles[0]!.title}`);
  });

  it('prints a QR code that scans to every link of the issue', async () => {
    const decoded = new Set([...(await decodeQrCodes(built.result.output)).values()].flat());
    const expected = issueLinks(built.issue);
    expect(expected.length).toBeGreaterThan(20);
    for (const url of expected) expect(decoded, `QR for ${url}`).toContain(url);
    expect([...decoded].every((url) => expected.includes(url))).toBe(true);
  });

  it('made no request outside the issue and bantin', () => {
    expect(built.result.blocked).toEqual([]);
  });
});

/** The trimmed page of a print, in mm (press: the TrimBox inside the sheet with its marks). */
function trimMm(pdf: string): [number, number] {
  const info = execFileSync('pdfinfo', ['-box', '-f', '1', '-l', '1', pdf], { encoding: 'utf8' });
  const box = /TrimBox:\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(info) ?? /MediaBox:\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(info)!;
  const [x0, y0, x1, y1] = box.slice(1, 5).map(Number) as [number, number, number, number];
  return [Math.round(((x1 - x0) * 25.4) / 72), Math.round(((y1 - y0) * 25.4) / 72)];
}

// Every example in every profile and size (the shared prints of prints-plan.ts): the numbers and
// codes a reader follows. (clean-pages.test.ts reads where the ink is on the same PDFs.)
const matrix = EXAMPLES.flatMap((example) => PROFILES.flatMap((profile) => SIZES.map((size) => ({ example, profile, size }))));

describe.each(matrix)('$example, $profile, $size', ({ example, profile, size }) => {
  it('prints its size; every TOC number and link goes to the page its target is on; every QR code scans', async () => {
    const print = printed(`${profile}-${size}`, example);
    const { issue } = await loadIssue(path.join(repoRoot, 'examples', `${example}.yaml`));
    expect(trimMm(print.pdf)).toEqual(size === 'A4' ? [210, 297] : [148, 210]);
    // One print when the predicted numbers hold; a second one only when the print moved one, and then the log says so.
    expect(print.passes).toBeLessThanOrEqual(2);
    if (print.passes > 1) expect(print.log).toContain('the printed page numbers differ from the prediction; printing again');
    const texts = pageTexts(print.pdf);
    // The weeklies have a TOC; the infographic lists its pages on the cover (hcm.test.ts reads it) and the digest has none.
    const weekly = example.startsWith('so-');
    const tocEnd = weekly ? firstPartPage(texts) : 1;
    if (weekly) {
      expect(tocEnd, 'the first part starts after the TOC').toBeGreaterThan(1);
      for (const row of tocEntries(issue!, texts)) {
        expect(row.actual, `"${row.title}" is printed after the TOC`).toBeGreaterThan(tocEnd);
        expect(row.printed, `TOC number of "${row.title}"`).toBe(row.actual);
      }
    }
    // The digest prints its items without a heading: its outline is read by digest.test.ts.
    if (!example.startsWith('digest-')) {
      const { destinations } = await readDestinations(readFileSync(print.pdf));
      for (const article of issue!.articles) {
        const page = pageOf(texts, article.title, tocEnd);
        expect(page, `"${article.title}" is printed`).toBeGreaterThan(tocEnd);
        expect(destinations.get(article.id)?.page, `the link to "${article.title}"`).toBe(page);
      }
    }
    const decoded = new Set([...(await decodeQrCodes(print.pdf)).values()].flat());
    expect([...decoded].sort()).toEqual([...new Set(issueLinks(issue!))].sort());
    expect(print.blocked).toEqual([]);
  });
});

/**
 * Builds both example issues and reads the PDFs back: every number the PDF prints must be
 * the page its target starts on.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/commands/build.js';
import { memoryLogger } from '../../src/cli/logger.js';
import { loadIssue } from '../../src/issue/load.js';
import type { Issue } from '../../src/issue/model.js';
import { issueLinks } from '../../src/render/qr.js';
import { catalogLang, collapse, decodeQrCodes, fonts, footerText, pageTexts, pdfInfo, readOutline, repoRoot } from './pdf-tools.js';
import { firstPartPage, pageOf, tocEntries } from './toc-check.js';

const out = mkdtempSync(path.join(os.tmpdir(), 'bantin-e2e-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Built {
  issue: Issue;
  result: BuildResult;
  texts: string[];
  /** Index of the first page after the TOC (0-based), i.e. where part I starts. */
  tocEnd: number;
}

async function buildExample(name: string): Promise<Built> {
  const input = path.join(repoRoot, 'examples', `${name}.yaml`);
  const { issue } = await loadIssue(input);
  if (!issue) throw new Error(`${name} does not load`);
  const result = await build({ input, output: path.join(out, `${name}.pdf`), logger: memoryLogger() });
  const texts = pageTexts(result.output);
  return { issue, result, texts, tocEnd: firstPartPage(texts) };
}

describe.each(['so-20-2026', 'so-15-2026'])('%s', (name) => {
  let built: Built;
  beforeAll(async () => {
    built = await buildExample(name);
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

  it('gives every TOC entry the page on which its heading appears', () => {
    const { issue, texts, tocEnd, result } = built;
    expect(tocEnd, 'the first part starts after the TOC').toBeGreaterThan(1);
    const rows = tocEntries(issue, texts);
    expect(rows).toHaveLength(issue.articles.length + issue.parts.filter((p) => p.kind === 'summary').length);
    for (const row of rows) {
      expect(row.actual, `"${row.title}" is printed after the TOC`).toBeGreaterThan(tocEnd);
      expect(row.printed, `TOC number of "${row.title}"`).toBe(row.actual);
    }
    for (const article of issue.articles) expect(result.pages.get(article.id)).toBe(pageOf(texts, article.title, tocEnd));
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

  it('prints a QR code that scans to every link of the issue', () => {
    const decoded = new Set([...decodeQrCodes(built.result.output).values()].flat());
    const expected = issueLinks(built.issue);
    expect(expected.length).toBeGreaterThan(20);
    for (const url of expected) expect(decoded, `QR for ${url}`).toContain(url);
    expect([...decoded].every((url) => expected.includes(url))).toBe(true);
  });

  it('made no request outside the issue and bantin', () => {
    expect(built.result.blockedRequests).toEqual([]);
  });
});

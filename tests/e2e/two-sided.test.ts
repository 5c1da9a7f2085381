/**
 * Two-sided and booklet printing, read back from the final PDFs: --duplex puts the page number
 * on the outside edge (right on odd pages, left on even ones) and changes no page break;
 * part-start: right starts every part on an odd page after a blank, unnumbered left-hand page,
 * with every TOC number still right; --impose booklet puts the A5 pages on A4-landscape sheet
 * sides in printing order, padded to a multiple of 4 with a warning. Press --cmyk files: black
 * overprints, ArtBox = TrimBox.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { themeIssue } from '../../src/theme/choose.js';
import { collapse, pageCount, pageTexts, repoRoot, requireTools, runsWith } from './pdf-tools.js';
import { printed } from './prints.js';
import { runCli } from './run-cli.js';
import { tocEntries } from './toc-check.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bantin-two-sided-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const so20 = path.join(repoRoot, 'examples/so-20-2026.yaml');

/** Each word of a page with its box (pdftotext -bbox), in pt from the top left. */
function words(pdf: string, page: number): Array<{ text: string; xMin: number; xMax: number; yMin: number }> {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ text: m[4]!, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]) }));
}

/** The page number printed in the footer band of `page` (A4: below 800 pt), with its box. */
function pageNumberBox(pdf: string, page: number) {
  return words(pdf, page).find((w) => w.yMin > 800 && w.text === String(page));
}

async function build(args: string[], input = so20) {
  const output = path.join(tmp, `${path.basename(input, '.yaml')}-${args.join('').replace(/\W/g, '')}.pdf`);
  const run = await runCli(['build', input, '-o', output, ...args], { timeoutMs: 180_000 });
  expect(run.code, run.stderr).toBe(0);
  return { output, run };
}

async function expectTocRight(input: string, pdf: string): Promise<void> {
  const loaded = await loadIssue(input);
  const { issue } = await themeIssue(loaded.issue!, loaded.source);
  const texts = pageTexts(pdf).map((t) => t.replaceAll('ĐIỂM TIN KHOA HỌC CÔNG NGHỆ · SỐ 20/2026 ', ''));
  for (const row of tocEntries(issue, texts)) expect(row.printed, row.title).toBe(row.actual);
}

describe('--duplex', () => {
  it('page numbers on the outside edge: right on odd pages, left on even ones; the same pages as single-sided', async () => {
    const { output } = await build(['--duplex']);
    const single = printed('print-A4', 'so-20-2026');
    expect(pageCount(output)).toBe(single.pageCount);
    for (let page = 2; page <= pageCount(output); page++) {
      const box = pageNumberBox(output, page);
      expect(box, `page ${page} has its number`).toBeDefined();
      if (page % 2 === 1) expect(box!.xMin, `page ${page}: right edge`).toBeGreaterThan(500);
      else expect(box!.xMax, `page ${page}: left edge`).toBeLessThan(95);
      // The running footer stands by the binding, opposite the number.
      const footer = words(output, page).filter((w) => w.yMin > 800 && w.text !== String(page));
      expect(footer.length).toBeGreaterThan(0);
      if (page % 2 === 0) expect(Math.min(...footer.map((w) => w.xMin))).toBeGreaterThan(200);
      else expect(Math.max(...footer.map((w) => w.xMax))).toBeLessThan(400);
    }
    // Same breaks: every page reads as the single-sided one (the footer apart).
    const strip = (t: string) => t.replace(/ĐIỂM TIN KHOA HỌC CÔNG NGHỆ · SỐ 20\/2026|\b\d+\b/g, '').replace(/\s+/g, ' ');
    expect(pageTexts(output).map(strip)).toEqual(pageTexts(single.pdf).map(strip));
    await expectTocRight(so20, output);
  });

  it('part-start: right (issue setting): every part on an odd page, a blank unnumbered left-hand page before it when needed', async () => {
    const input = path.join(tmp, 'so-20-right.yaml');
    writeFileSync(input, `${readFileSync(so20, 'utf8')}\npage:\n  duplex: true\n  part-start: right\n`);
    const { output } = await build([], input);
    const texts = pageTexts(output);
    const partPages = texts.map((t, i) => (/^PHẦN [IVX]+ /.test(t) ? i + 1 : 0)).filter(Boolean);
    expect(partPages.length).toBe(4);
    for (const page of partPages) expect(page % 2, `part on page ${page}`).toBe(1);
    const blanks = texts.map((t, i) => (t === '' ? i + 1 : 0)).filter(Boolean);
    expect(blanks.length, 'at least one part needed a blank page before it').toBeGreaterThan(0);
    for (const page of blanks) {
      expect(page % 2).toBe(0);
      expect(partPages).toContain(page + 1);
    }
    await expectTocRight(input, output);
  });
});

describe('--impose booklet', () => {
  it('A5 pages on A4-landscape sheet sides in printing order, padded to a multiple of 4 with a warning', async () => {
    const a5 = printed('print-A5', 'so-20-2026');
    const { output, run } = await build(['--size', 'A5', '--impose', 'booklet']);
    const pages = a5.pageCount;
    const total = Math.ceil(pages / 4) * 4;
    expect(pageCount(output)).toBe(total / 2);
    const info = execFileSync('pdfinfo', [output], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.27\d pts \(A4\)/);
    if (total > pages) expect(collapse(run.stderr)).toContain(`${pages} pages are not a multiple of 4; ${total - pages} blank pages were added at the end (${total / 2} sheet sides)`);
    // The first side: the last page (blank) on the left, the cover on the right; the second: page 2 (the TOC), then page n - 1.
    const half = (side: number, which: 'left' | 'right') =>
      collapse(execFileSync('pdftotext', ['-f', String(side), '-l', String(side), '-x', which === 'left' ? '0' : '421', '-y', '0', '-W', '420', '-H', '595', output, '-'], { encoding: 'utf8' }));
    expect(half(1, 'right')).toContain('KHOA HỌC CÔNG NGHỆ');
    expect(half(2, 'left')).toMatch(/^MỤC LỤC/);
    // Every page of the A5 issue is on its side: page k's text on the half the order says.
    const a5Texts = pageTexts(a5.pdf);
    const sideOf = (k: number) => {
      // 0-based page k on side s: fronts hold (n-1-s, s), backs (s, n-1-s).
      const s = Math.min(k, total - 1 - k);
      const left = s % 2 === 0 ? total - 1 - s : s;
      return { side: s + 1, which: left === k ? ('left' as const) : ('right' as const) };
    };
    for (const k of [2, 5, pages - 1]) {
      const { side, which } = sideOf(k);
      const first = a5Texts[k]!.split(' ').slice(0, 4).join(' ');
      expect(half(side, which), `page ${k + 1} on side ${side}, ${which}`).toContain(first);
    }
  });
});

describe.skipIf(!runsWith(['qpdf']))('press --cmyk', () => {
  it('black text and rules overprint; ArtBox is the trim, not the slug', () => {
    requireTools(['qpdf']);
    const press = printed('press-cmyk', 'so-20-2026');
    const boxes = execFileSync('pdfinfo', ['-box', '-f', '2', '-l', '2', press.pdf], { encoding: 'utf8' });
    const box = (name: string) => new RegExp(`${name}:\\s+([-\\d. ]+)`).exec(boxes)![1]!.trim();
    expect(box('ArtBox')).toBe(box('TrimBox'));
    expect(box('ArtBox')).not.toBe(box('MediaBox'));
    const qdf = path.join(tmp, 'press-qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', press.pdf, qdf]);
    const text = readFileSync(qdf, 'latin1');
    // The body text is set in 100 % K with fill overprint on just before it.
    expect(text).toMatch(/\/BantinOP1[01] gs 0 0 0 1 k/);
    expect(text).toMatch(/\/BantinOP10 <<\s*\/OP false\s*\/OPM 1\s*\/Type \/ExtGState\s*\/op true\s*>>/);
    // A colour knocks out again: overprint is never left on for the navy or the accent.
    expect(text).toMatch(/\/BantinOP0[01] gs [\d.]+ [\d.]+ [\d.]+ [\d.]+ k/);
  });
});

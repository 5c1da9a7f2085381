/**
 * Output profiles read back from the PDF: page boxes, crop marks, size, colour.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pdfInfo, repoRoot, requireTools, runsWith } from './pdf-tools.js';
import { printed } from './prints.js';
import { runCli } from './run-cli.js';

const out = mkdtempSync(path.join(os.tmpdir(), 'bantin-profiles-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const example = path.join(repoRoot, 'examples/so-20-2026.yaml');
const mm = (pt: number) => (pt * 25.4) / 72;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
async function boxes(pdf: string, index = 0): Promise<{ media: Box; trim: Box; bleed: Box; hasTrim: boolean }> {
  const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
  const page = doc.getPages()[index]!;
  return { media: page.getMediaBox(), trim: page.getTrimBox(), bleed: page.getBleedBox(), hasTrim: page.node.get(PDFName.of('TrimBox')) !== undefined };
}

/** Dark pixels in a region of a page (1 = the cover), from a grayscale rendering (PGM) at 72 dpi. */
function darkPixels(pdf: string, region: { x: number; y: number; w: number; h: number }, page = 1): number {
  const pgm = execFileSync('pdftoppm', ['-r', '72', '-gray', '-f', String(page), '-l', String(page), '-x', String(region.x), '-y', String(region.y), '-W', String(region.w), '-H', String(region.h), pdf]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const pixels = pgm.subarray(header[0].length);
  return pixels.filter((v) => v < 128).length;
}

// The shared prints (prints-plan.ts): so-20 and the issue with images (tests/fixtures/images, "issue").
describe('press profile', () => {
  let pdf: string;
  beforeAll(() => {
    pdf = printed('press-A4', 'so-20-2026').pdf;
  });

  it('has a TrimBox of exactly A4 and a BleedBox 3 mm larger on every side, inside the MediaBox', async () => {
    for (const index of [0, 1, 5]) {
      const { media, trim, bleed } = await boxes(pdf, index);
      expect(mm(trim.width)).toBeCloseTo(210, 2);
      expect(mm(trim.height)).toBeCloseTo(297, 2);
      expect(mm(trim.x - bleed.x)).toBeCloseTo(3, 2);
      expect(mm(trim.y - bleed.y)).toBeCloseTo(3, 2);
      expect(mm(bleed.width)).toBeCloseTo(216, 2);
      expect(mm(bleed.height)).toBeCloseTo(303, 2);
      expect(media.x).toBeLessThan(bleed.x - 20);
      expect(media.x + media.width).toBeGreaterThan(bleed.x + bleed.width + 20);
    }
    expect(execFileSync('pdfinfo', ['-box', '-f', '1', '-l', '1', pdf], { encoding: 'utf8' })).toMatch(/TrimBox:\s+[\d.-]+\s+[\d.-]+\s+[\d.-]+/);
  });

  it('draws crop marks in the slug, on the trim lines, and the cover runs into the bleed', async () => {
    const { media, trim, bleed } = await boxes(pdf);
    // pdftoppm's 72 dpi pixels are points from the MediaBox's top-left corner.
    const left = Math.round(trim.x - media.x);
    const top = Math.round(media.y + media.height - (trim.y + trim.height));
    const slugLeft = Math.round(bleed.x - media.x);
    expect(darkPixels(pdf, { x: 0, y: top - 1, w: slugLeft - 2, h: 3 }), 'horizontal mark left of the top-left corner').toBeGreaterThan(10);
    expect(darkPixels(pdf, { x: left - 1, y: 0, w: 3, h: slugLeft - 2 }), 'vertical mark above the top-left corner').toBeGreaterThan(10);
    expect(darkPixels(pdf, { x: slugLeft + 1, y: slugLeft + 1, w: 6, h: 6 }), 'the navy cover band fills the bleed').toBeGreaterThan(30);
  });

  it('keeps the page numbers right (the bleed does not move the layout)', () => {
    const toc = execFileSync('pdftotext', ['-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' });
    expect(toc).toMatch(/Kinh tế số hướng tới 30% GDP\s+6/);
  });
});

describe('print and screen profiles', () => {
  it('print: trim = media (A4, no marks); screen: no page boxes, a much smaller file with images', async () => {
    const print = printed('print-A4', 'issue').pdf;
    const screen = printed('screen-A4', 'issue').pdf;
    const p = await boxes(print);
    expect(p.hasTrim).toBe(true);
    expect(p.trim).toEqual(p.media);
    expect(mm(p.media.width)).toBeCloseTo(210, 0);
    expect(darkPixels(print, { x: 0, y: 0, w: 12, h: 12 }, 3), 'no crop marks').toBe(0);
    expect((await boxes(screen)).hasTrim).toBe(false);
    expect(statSync(screen).size).toBeLessThan(statSync(print).size * 0.6);
  });

  it('warns about an image below 150 dpi, at its line', () => {
    const result = printed('print-A4', 'issue');
    const low = result.diagnostics.filter((w) => / prints at \d+ dpi/.test(w.message));
    expect(low).toHaveLength(1);
    expect(low[0]).toMatchObject({ file: 'tests/fixtures/images/issue.yaml', line: 39, col: 16, severity: 'warning', path: 'parts[0].articles[1].image.src' });
    expect(low[0]!.message).toMatch(/small-chart\.png prints at \d+ dpi/);
  });

  it('prints A5 when asked, with every number still right', () => {
    const a5 = printed('print-A5', 'so-20-2026').pdf;
    expect(pdfInfo(a5)['Page size']).toMatch(/\(A5\)/);
    const toc = execFileSync('pdftotext', [a5, '-'], { encoding: 'utf8' }).split('\f');
    const articlePage = toc.findIndex((t, i) => i > 3 && t.includes('Kinh tế số hướng tới 30% GDP')) + 1;
    expect(articlePage, 'the article is printed after the TOC').toBeGreaterThan(4);
    expect(toc.slice(1, 3).join(' ')).toMatch(new RegExp(`Kinh tế số hướng tới 30% GDP\\s+${articlePage}\\b`));
  });
});

describe('--cmyk', () => {
  // Skipped on a machine without Ghostscript and qpdf, never under CI=true (there it fails).
  it.runIf(runsWith(['gs', 'qpdf']))('converts to DeviceCMYK and keeps boxes and metadata', async () => {
    requireTools(['gs', 'qpdf']);
    const pdf = printed('press-cmyk', 'so-20-2026').pdf;
    const expanded = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { maxBuffer: 256 << 20 }).toString('latin1');
    expect(expanded).toContain('/DeviceCMYK');
    expect(expanded).not.toMatch(/\/DeviceRGB|\s(rg|RG)\n/);
    const { trim } = await boxes(pdf);
    expect(mm(trim.width)).toBeCloseTo(210, 2);
    expect(pdfInfo(pdf).Title).toBe('Điểm tin Khoa học Công nghệ số 20/2026');
  });

  it('says clearly when Ghostscript is missing', async () => {
    const browser = inject('browserPath');
    // A PATH with node and nothing else: no gs.
    const bin = mkdtempSync(path.join(out, 'bin-'));
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const run = await runCli(['build', example, '--profile', 'press', '--cmyk', '-o', path.join(out, 'nogs.pdf')], {
      env: { PATH: bin, BANTIN_BROWSER: browser, HOME: out },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--cmyk needs Ghostscript');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

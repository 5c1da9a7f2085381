/**
 * Where ink lands on a printed page: nothing but the footer (and the small rule over the text
 * block) may be painted outside the text block, nothing from one page may show on another, and
 * no page is left nearly empty. Pages are rendered with pdftoppm (grey, 50 dpi) and read with
 * pdftotext -bbox; positions are in PDF points from the top-left corner of the rendered box.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { pageGeometry, type Margins, type PageSize } from '../../src/issue/page.js';
import { themeMargins } from '../../src/theme/apply.js';
import { themeIssue } from '../../src/theme/choose.js';
import { pageTexts } from './pdf-tools.js';
import type { Printed } from './prints-plan.js';

const MM = 72 / 25.4;
const DPI = 50;
const PX = 72 / DPI;
/** A pixel darker than this is ink (paper is 255). */
const INK = 235;

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageFrame {
  /** The text block, the footer band and the rule above the text block, in pt from the rendered box's top-left. */
  block: Rect;
  footer: Rect;
  rule: Rect;
  /** The trimmed page (press: the bleed around it is checked too, the marks outside it are not). */
  trim: Rect;
  bleed: Rect;
}

/** Page frames from the PDF's boxes and the issue's margins (every page has the same). */
export function pageFrame(pdf: string, margins: Margins): PageFrame {
  const info = execFileSync('pdfinfo', ['-box', '-f', '1', '-l', '1', pdf], { encoding: 'utf8' });
  const box = (name: string) => {
    const m = new RegExp(`${name}:\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)`).exec(info)!;
    return m.slice(1, 5).map(Number) as [number, number, number, number];
  };
  const crop = box('CropBox');
  // PDF boxes are y-up; the rendering is y-down from the crop box's top-left corner.
  const flip = ([x0, y0, x1, y1]: number[]): Rect => ({ x0: x0! - crop[0], x1: x1! - crop[0], y0: crop[3] - y1!, y1: crop[3] - y0! });
  const trim = flip(box('TrimBox'));
  const bleed = flip(box('BleedBox'));
  // Chromium's margin boxes reach to the edge of the sheet it printed: with a bleed, 0.2 mm
  // beyond the bleed box (src/issue/page.ts).
  const sheetBottom = bleed.y1 > trim.y1 + 0.1 ? bleed.y1 + 0.2 * MM : trim.y1;
  const block: Rect = { x0: trim.x0 + margins.inside * MM, x1: trim.x1 - margins.outside * MM, y0: trim.y0 + margins.top * MM, y1: trim.y1 - margins.bottom * MM };
  const footerMiddle = (block.y1 + sheetBottom) / 2;
  const footer: Rect = { x0: block.x0, x1: block.x1, y0: footerMiddle - 3.5 * MM, y1: footerMiddle + 3.5 * MM };
  const rule: Rect = { x0: block.x0, x1: block.x0 + 19 * MM, y0: block.y0 - 7.5 * MM, y1: block.y0 - 5 * MM };
  return { block, footer, rule, trim, bleed };
}

const inside = (r: Rect, x: number, y: number, slack = 0) => x >= r.x0 - slack && x <= r.x1 + slack && y >= r.y0 - slack && y <= r.y1 + slack;

export interface PageInk {
  page: number;
  /** Dark pixels outside the text block, footer and rule (pt), at most a few per page. */
  stray: Array<{ x: number; y: number }>;
  /** How far down the text block the lowest ink inside it reaches (0–1). */
  fill: number;
}

function readPgm(file: string): { width: number; height: number; data: Uint8Array } {
  const buf = readFileSync(file);
  // P5\n<w> <h>\n<max>\n<data>
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]!))) pos++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(buf[pos]!))) token += String.fromCharCode(buf[pos++]!);
    fields.push(token);
  }
  pos++;
  return { width: Number(fields[1]), height: Number(fields[2]), data: buf.subarray(pos) };
}

/** Ink of every page but the cover (page 1), at 50 dpi. */
export function pageInk(pdf: string, frame: PageFrame): PageInk[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-ink-'));
  try {
    execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-f', '2', pdf, path.join(dir, 'p')]);
    const result: PageInk[] = [];
    for (const file of readdirSync(dir).sort()) {
      const page = Number(/(\d+)\.pgm$/.exec(file)?.[1]);
      const { width, height, data } = readPgm(path.join(dir, file));
      const stray: Array<{ x: number; y: number }> = [];
      let lowest = frame.block.y0;
      for (let j = 0; j < height; j++) {
        for (let i = 0; i < width; i++) {
          if (data[j * width + i]! >= INK) continue;
          const x = (i + 0.5) * PX;
          const y = (j + 0.5) * PX;
          if (inside(frame.block, x, y, PX)) {
            lowest = Math.max(lowest, y);
            continue;
          }
          if (!inside(frame.bleed, x, y) || inside(frame.footer, x, y, PX) || inside(frame.rule, x, y, PX)) continue;
          if (stray.length < 5) stray.push({ x: Math.round(x), y: Math.round(y) });
        }
      }
      result.push({ page, stray, fill: (lowest - frame.block.y0) / (frame.block.y1 - frame.block.y0) });
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Words that pdftotext finds on a page (the cover excepted) whose middle lies outside the text
 * block and the footer: text painted from a neighbouring page, or running off the block.
 */
export function strayWords(pdf: string, frame: PageFrame): Array<{ page: number; word: string; x: number; y: number }> {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '2', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const found: Array<{ page: number; word: string; x: number; y: number }> = [];
  const pages = html.split('<page ').slice(1);
  pages.forEach((text, index) => {
    for (const m of text.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const x = (Number(m[1]) + Number(m[3])) / 2;
      const y = (Number(m[2]) + Number(m[4])) / 2;
      if (inside(frame.block, x, y, 1) || inside(frame.footer, x, y)) continue;
      found.push({ page: index + 2, word: m[5]!, x: Math.round(x), y: Math.round(y) });
    }
  });
  return found;
}

/** Pages a part ends on (the next starts a part), and the last page: these may be short. */
export function partEnds(texts: string[]): Set<number> {
  const ends = new Set<number>([texts.length]);
  texts.forEach((text, i) => {
    if (i > 1 && /^PHẦN [IVXLC]+ /.test(text)) ends.add(i);
  });
  return ends;
}

/** The checks of one print, against the margins its theme gives its size. */
export async function expectCleanPages(input: string, size: PageSize, print: Printed & { pdf: string; pageCount: number }): Promise<void> {
  const loaded = await loadIssue(input);
  const { issue, theme } = await themeIssue(loaded.issue!, loaded.source);
  const frame = pageFrame(print.pdf, pageGeometry(size, themeMargins(theme, size, issue.page.margins)).margins);
  const ink = pageInk(print.pdf, frame);
  expect(ink).toHaveLength(print.pageCount - 1);
  expect(ink.filter((p) => p.stray.length > 0)).toEqual([]);
  expect(strayWords(print.pdf, frame)).toEqual([]);
  const ends = partEnds(pageTexts(print.pdf));
  const short = ink.filter((p) => p.fill < 0.25 && !ends.has(p.page)).map((p) => ({ page: p.page, fill: Math.round(p.fill * 100) }));
  expect(short).toEqual([]);
  expect(print.nearlyEmpty, 'the --verbose report of nearly empty pages').toEqual([]);
}

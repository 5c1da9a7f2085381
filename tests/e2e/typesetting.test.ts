/**
 * Typesetting details read back from the printed so-20 (A4) and so-15 (A5) (the shared prints of
 * prints-plan.ts): labels extract as
 * words, the cover's highlight titles share one left edge, every TOC leader runs from the end of
 * the text to the number, and the body starts the same distance below every news title.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTexts } from './pdf-tools.js';
import { printed } from './prints.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-type-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

function words(pdf: string, page: number): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
    text: m[5]!,
  }));
}

/** Words grouped into lines (same top). */
function lines(list: Word[]): Word[][] {
  const byTop = new Map<number, Word[]>();
  for (const w of list) {
    const key = Math.round(w.y0 * 2);
    byTop.set(key, [...(byTop.get(key) ?? []), w]);
  }
  return [...byTop.values()].map((l) => l.sort((a, b) => a.x0 - b.x0));
}

const cases = [
  { example: 'so-20-2026', size: 'A4' as const },
  { example: 'so-15-2026', size: 'A5' as const },
];

describe.each(cases)('$example, $size', ({ example, size }) => {
  let pdf: string;
  let texts: string[];
  beforeAll(() => {
    pdf = printed(`print-${size}`, example).pdf;
    texts = pageTexts(pdf);
  });

  it('extracts letter-spaced labels as words', () => {
    expect(texts[0]).toContain('TRONG SỐ NÀY');
    expect(texts[0]).toContain('ĐIỂM TIN');
    expect(texts[0]).toMatch(/THEO DÕI TRÊN FACEBOOK/);
    for (const [i, roman] of ['I', 'II', 'III', 'IV'].entries()) expect(texts.some((t) => t.startsWith(`PHẦN ${roman} `)), `PHẦN ${roman} (part ${i + 1})`).toBe(true);
    expect(texts.some((t) => t.includes('TÂM ĐIỂM'))).toBe(true);
  });

  it('starts every cover highlight title at the same x', () => {
    const cover = words(pdf, 1);
    const middle = (w: Word) => (w.y0 + w.y1) / 2;
    const starts = cover
      .filter((n) => /^0\d$/.test(n.text))
      .map((n) => Math.min(...cover.filter((w) => w.x0 > n.x1 && Math.abs(middle(w) - middle(n)) < 4).map((w) => w.x0)));
    expect(starts.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(0.3);
  });

  it('runs every TOC leader from the end of the text to the page number', () => {
    const tocPages = texts.findIndex((t) => /^PHẦN I /.test(t));
    expect(tocPages, 'part I follows the TOC').toBeGreaterThan(1);
    let checked = 0;
    for (let page = 2; page <= tocPages; page++) {
      const png = path.join(dir, `toc-${page}`);
      execFileSync('pdftoppm', ['-r', '144', '-gray', '-f', String(page), '-l', String(page), '-singlefile', pdf, png]);
      const { width, data } = readPgm(`${png}.pgm`);
      const right = Math.max(...words(pdf, page).map((w) => w.x1));
      for (const line of lines(words(pdf, page))) {
        const last = line[line.length - 1]!;
        if (line.length < 2 || !/^\d+$/.test(last.text) || last.x1 < right - 1) continue;
        const from = line[line.length - 2]!.x1 + 4;
        const to = last.x0 - 4;
        let inked = 0;
        for (let x = Math.ceil(from * 2); x < to * 2; x++) {
          let dark = false;
          for (let y = Math.floor(last.y0 * 2); y < last.y1 * 2; y++) if (data[y * width + x]! < 220) dark = true;
          if (dark) inked++;
        }
        const span = Math.max(1, Math.floor((to - from) * 2));
        expect(inked / span, `leader on page ${page} before "${last.text}" after "${line[line.length - 2]!.text}"`).toBeGreaterThan(0.25);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('shows no leader between the words of a TOC entry (the text hides it)', () => {
    // The leader runs the width of the entry's last line, under the text: without the title's
    // paper-coloured background (a --paper that themes once left undefined) its dots showed
    // through every gap between two words, like a strike-through.
    const tocPages = texts.findIndex((t) => /^PHẦN I /.test(t));
    expect(tocPages, 'part I follows the TOC').toBeGreaterThan(1);
    let gaps = 0;
    let inked = 0;
    for (let page = 2; page <= tocPages; page++) {
      const png = path.join(dir, `toc-gaps-${page}`);
      execFileSync('pdftoppm', ['-r', '144', '-gray', '-f', String(page), '-l', String(page), '-singlefile', pdf, png]);
      const { width, data } = readPgm(`${png}.pgm`);
      const right = Math.max(...words(pdf, page).map((w) => w.x1));
      for (const line of lines(words(pdf, page))) {
        const last = line[line.length - 1]!;
        if (line.length < 3 || !/^\d+$/.test(last.text) || last.x1 < right - 1) continue;
        for (let i = 0; i + 2 < line.length; i++) {
          const from = Math.ceil((line[i]!.x1 + 0.6) * 2);
          const to = Math.floor((line[i + 1]!.x0 - 0.6) * 2);
          for (let x = from; x < to; x++) {
            gaps++;
            for (let y = Math.floor(last.y0 * 2); y < last.y1 * 2; y++) {
              if (data[y * width + x]! < 220) {
                inked++;
                break;
              }
            }
          }
        }
      }
    }
    expect(gaps).toBeGreaterThan(100);
    expect(inked / gaps).toBeLessThan(0.05);
  });

  it('starts the body the same distance below every news title', () => {
    const gaps: number[] = [];
    for (let page = 3; page <= texts.length; page++) {
      const list = lines(words(pdf, page));
      list.sort((a, b) => a[0]!.y0 - b[0]!.y0);
      list.forEach((line, i) => {
        if (line[0]!.text !== 'Chi' || line[1]?.text !== 'tiết:' || !list[i + 1]) return;
        gaps.push(list[i + 1]![0]!.y0 - line[0]!.y1);
      });
    }
    expect(gaps.length).toBeGreaterThan(10);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThan(1.5);
  });
});

function readPgm(file: string): { width: number; data: Uint8Array } {
  const buf = readFileSync(file);
  const header = buf.subarray(0, 40).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header)!;
  return { width: Number(m[1]), data: buf.subarray(m[0].length) };
}

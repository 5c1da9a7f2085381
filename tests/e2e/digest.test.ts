/**
 * The one-topic digest from ../shared/seeds/digest-chuyen-doi-so-2025.txt, built with the
 * digest theme: every seed item's text is in the PDF, a compact head instead of a cover, no TOC
 * for 20 items, no QR code (the seed has no link), embedded fonts, an outline entry per item.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collapse, decodeQrCodes, fonts, pageTexts, readOutline, repoRoot } from './pdf-tools.js';
import { printed, type Printed } from './prints.js';

const SEED = '/work/shared/seeds/digest-chuyen-doi-so-2025.txt';
const seedPath = [path.join(repoRoot, '../../shared/seeds/digest-chuyen-doi-so-2025.txt'), SEED].find((p) => {
  try {
    readFileSync(p);
    return true;
  } catch {
    return false;
  }
});

describe('examples/digest-chuyen-doi-so-2025.yaml', () => {
  let result: Printed & { output: string; pageCount: number };
  let text: string;
  beforeAll(() => {
    // As `bantin build` prints it with no flags (prints-plan.ts, batch print-A4).
    const print = printed('print-A4', 'digest-chuyen-doi-so-2025');
    result = { ...print, output: print.pdf };
    // The running footer ("CHUYỂN ĐỔI SỐ · SỐ 7/2025 2") sits between the halves of an item split across pages.
    text = collapse(pageTexts(result.output).join(' ')).replace(/ ?CHUYỂN ĐỔI SỐ · SỐ 7\/2025 \d+/g, '');
  });

  it('builds with no warning, short: a compact head, no cover page, no TOC', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.pageCount).toBeLessThanOrEqual(3);
    const first = collapse(pageTexts(result.output)[0]!);
    expect(first).toMatch(/^BẢN TIN CHUYÊN ĐỀ Chuyển đổi số Tháng 7\/2025 · Số 7\/2025 Bộ KH&CN đang hoàn thiện/);
    expect(text).not.toMatch(/MỤC LỤC/i);
  });

  it.runIf(seedPath)('prints the text of every seed item, with its author line', () => {
    const seed = readFileSync(seedPath!, 'utf8');
    const paragraphs = seed.split('\n').map((l) => l.replace(/^bởi Linh/, '').trim()).filter((l) => l.length > 1 && l !== 'Chuyển đổi số');
    expect(paragraphs.length).toBeGreaterThan(20);
    // pdftotext joins a word broken after its hyphen at a line's end and drops the hyphen ("02-|KH" reads "02KH"): a hyphen may be missing.
    const loose = (p: string) => new RegExp(collapse(p).split('-').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('-?'));
    for (const paragraph of paragraphs) expect(text, paragraph.slice(0, 60)).toMatch(loose(paragraph));
    expect(text.match(/bởi Linh/g)).toHaveLength(4);
  });

  it('has no QR code (the seed has no link), embeds every font, and outlines every item', async () => {
    expect([...(await decodeQrCodes(result.output)).values()].flat()).toEqual([]);
    expect(fonts(result.output).every((f) => f.embedded)).toBe(true);
    const outline = await readOutline(result.output);
    expect(outline.flatMap((p) => p.children)).toHaveLength(20);
  });
});

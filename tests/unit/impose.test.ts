/**
 * Booklet imposition: the printing order of a saddle-stitched booklet, padding to a multiple of
 * 4, and the sheets pdf-lib makes (size, pages placed whole, press boxes). The real build is read
 * back in tests/e2e/two-sided.test.ts.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pageGeometry } from '../../src/issue/page.js';
import { bookletOrder, imposeBooklet } from '../../src/pdf/impose.js';
import { pt } from '../../src/pdf/profile.js';

describe('bookletOrder', () => {
  it('8 pages: (8,1) (2,7) (6,3) (4,5), fronts and backs alternating', () => {
    expect(bookletOrder(8)).toEqual([[7, 0], [1, 6], [5, 2], [3, 4]]);
  });

  it('63 pages (the A5 issue of the review): 32 sheet sides, one blank at the end, every page once', () => {
    const order = bookletOrder(63);
    expect(order).toHaveLength(32);
    expect(order[0]).toEqual([null, 0]);
    const placed = order.flat().filter((p): p is number => p !== null).sort((a, b) => a - b);
    expect(placed).toEqual([...Array(63).keys()]);
    // Folded, each sheet's two sides face pages that add up to n + 1 (1-based).
    for (const [a, b] of order) if (a !== null && b !== null) expect(a + b).toBe(63);
  });

  it('a multiple of 4 needs no blank; 1 page makes one sheet', () => {
    expect(bookletOrder(12).flat()).not.toContain(null);
    expect(bookletOrder(1)).toEqual([[null, 0], [null, null]]);
  });
});

async function issuePdf(pages: number, size: [number, number], boxes?: (page: ReturnType<PDFDocument['addPage']>) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.setTitle('Điểm tin số 20/2026');
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage(size);
    page.drawText(`page ${i}`, { x: 40, y: 40, size: 12, font });
    boxes?.(page);
  }
  return doc.save();
}

describe('imposeBooklet', () => {
  it('A5 pages on A4 landscape sheets, padded, the title kept', async () => {
    const a5 = pageGeometry('A5');
    const imposed = await imposeBooklet(await issuePdf(6, [pt(148), pt(210)]), { geometry: a5, profile: 'print' });
    expect(imposed).toMatchObject({ padded: 2, sides: 4 });
    const doc = await PDFDocument.load(imposed.pdf);
    expect(doc.getPageCount()).toBe(4);
    const { width, height } = doc.getPage(0).getSize();
    expect([width, height].map((v) => Math.round(v * 100) / 100)).toEqual([841.89, 595.28]);
    expect(doc.getTitle()).toBe('Điểm tin số 20/2026');
  });

  it('A4 pages on A3; a press file: the spread with its bleed and slug, TrimBox and ArtBox the spread', async () => {
    const press = pageGeometry('A4', {}, 3);
    const slug = pt(10);
    const bleed = pt(3);
    const pdf = await issuePdf(4, [pt(210) + 2 * (bleed + slug), pt(297) + 2 * (bleed + slug)], (page) => {
      page.setTrimBox(bleed + slug, bleed + slug, pt(210), pt(297));
    });
    const imposed = await imposeBooklet(pdf, { geometry: press, profile: 'press' });
    const sheet = (await PDFDocument.load(imposed.pdf)).getPage(0);
    const trim = sheet.getTrimBox();
    expect(trim.width).toBeCloseTo(2 * pt(210), 1);
    expect(trim.height).toBeCloseTo(pt(297), 1);
    expect(sheet.getArtBox()).toEqual(trim);
    expect(sheet.getSize().width).toBeCloseTo(2 * pt(210) + 2 * (bleed + slug), 1);
    const print = await imposeBooklet(await issuePdf(4, [pt(210), pt(297)]), { geometry: pageGeometry('A4'), profile: 'print' });
    expect((await PDFDocument.load(print.pdf)).getPage(0).getSize().width).toBeCloseTo(pt(420), 1);
  });
});

describe('two-sided geometry', () => {
  it('moves the binding allowance from outside to inside when they are equal: the text block keeps its width', () => {
    expect(pageGeometry('A4', {}, 0, { duplex: true }).margins).toMatchObject({ inside: 20, outside: 12 });
    expect(pageGeometry('A5', {}, 0, { duplex: true }).margins).toMatchObject({ inside: 15, outside: 9 });
    expect(pageGeometry('A4', { inside: 22, outside: 14 }, 0, { duplex: true }).margins).toMatchObject({ inside: 22, outside: 14 });
    expect(pageGeometry('A4').margins).toMatchObject({ inside: 16, outside: 16 });
    expect(pageGeometry('A4', {}, 0, { partStart: 'right' }).partStart).toBe('any');
  });
});

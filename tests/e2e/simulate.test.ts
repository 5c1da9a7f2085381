/**
 * The paginated model (src/pdf/simulate.ts) against Chromium's print: on generated documents
 * with forced breaks, headings kept with their text, unbreakable boxes, floats, orphans and
 * widows, every element starts on the page the model says, at the same height within the
 * precision Chromium writes destinations with (1.5 pt).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type OwnedBrowser } from '../../src/print/browser.js';
import { readDestinations } from '../../src/pdf/destinations.js';
import { enterSimulation, leaveSimulation, measureSimulation, pageFill, type PageBox } from '../../src/print/simulate.js';

let owned: OwnedBrowser;
let page: Page;
beforeAll(async () => {
  owned = await openBrowser({});
  page = await owned.browser.newPage();
});
afterAll(() => owned.close());

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'khoa học công nghệ đổi mới sáng tạo chuyển đổi số doanh nghiệp nghiên cứu phát triển thành phố Hải Phòng trí tuệ nhân tạo'.split(' ');

function documentFor(seed: number, sheet: { width: number; height: number }, margins: string): { html: string; ids: string[] } {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const text = (words: number) => Array.from({ length: words }, () => WORDS[pick(WORDS.length)]).join(' ');
  const ids: string[] = [];
  const sections: string[] = [];
  for (let s = 0; s < 60; s++) {
    const id = `s${s}`;
    ids.push(id);
    const forced = s > 0 && next() < 0.1 ? ' class="forced"' : '';
    const float = next() < 0.3 ? `<div class="float" style="height:${20 + pick(90)}px"></div>` : '';
    const box = next() < 0.2 ? `<div class="box" style="height:${40 + pick(300)}px"></div>` : '';
    const paragraphs = Array.from({ length: 1 + pick(5) }, () => `<p>${text(10 + pick(120))}</p>`).join('');
    sections.push(`<section id="${id}"${forced}><h2>${text(3 + pick(12))}</h2>${float}${paragraphs}${box}</section>`);
  }
  const links = ids.map((id) => `<a href="#${id}">${id}</a>`).join(' ');
  const html = `<!doctype html><html><head><style>
    @page { size: ${sheet.width}mm ${sheet.height}mm; margin: ${margins}; }
    @page cover { margin: 0; }
    body { margin: 0; font: 10pt/1.45 serif; }
    .cover { page: cover; height: ${sheet.height}mm; background: #ddd; }
    h2 { font: bold 13pt/1.25 sans-serif; margin: 4mm 0 2mm; break-after: avoid; break-inside: avoid; }
    p { margin: 0 0 0.5em; orphans: 2; widows: 2; text-align: justify; }
    .forced { break-before: page; }
    .float { float: right; width: 25mm; margin: 0 0 2mm 3mm; background: #ccc; break-inside: avoid; }
    .box { break-inside: avoid; background: #eee; margin: 2mm 0; }
  </style></head><body><div class="cover"></div><nav>${links}</nav>${sections.join('')}</body></html>`;
  return { html, ids };
}

describe.each([
  { name: 'A4', sheet: { width: 210, height: 297 }, margins: '17mm 16mm 19mm 16mm', box: { width: 178, height: 261 } },
  { name: 'A5', sheet: { width: 148, height: 210 }, margins: '13mm 12mm 15mm 12mm', box: { width: 124, height: 182 } },
  { name: 'odd margins', sheet: { width: 211, height: 298 }, margins: '16.7mm 16.3mm 19.4mm 16.3mm', box: { width: 178.4, height: 261.9 } },
])('$name', ({ sheet, margins, box }: { sheet: { width: number; height: number }; margins: string; box: PageBox }) => {
  it.each([1, 2, 3])('places every section where the print does (seed %i)', async (seed) => {
    const { html, ids } = documentFor(seed, sheet, margins);
    await page.setContent(html);
    await enterSimulation(page, box);
    const model = await measureSimulation(page, box, ids);
    await leaveSimulation(page);
    const printed = await readDestinations(await page.pdf({ preferCSSPageSize: true }));
    expect(model.pageCount).toBe(printed.pageCount);
    expect(printed.pageCount).toBeGreaterThan(8);
    for (const id of ids) {
      const real = printed.destinations.get(id)!;
      const predicted = model.destinations.get(id)!;
      expect(predicted.page, `${id}: page`).toBe(real.page);
      expect(Math.abs(predicted.top - real.top), `${id}: top ${predicted.top} vs ${real.top}`).toBeLessThanOrEqual(1.6);
    }
  });

  it('leaves the document as it was', async () => {
    const { html } = documentFor(1, sheet, margins);
    await page.setContent(html);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await enterSimulation(page, box);
    await leaveSimulation(page);
    const after = await page.evaluate(() => document.documentElement.outerHTML);
    // Where the two first differ (a prefix of the other, where it ends); -1 only when they are equal.
    let at = 0;
    while (at < after.length && after[at] === before[at]) at++;
    if (after === before) at = -1;
    const around = (text: string) => text.slice(Math.max(0, at - 100), at + 100);
    expect(at, `the document changed at ${at}: "${around(before)}" became "${around(after)}"`).toBe(-1);
  });
});

describe('how full each page is', () => {
  it('measures the last line of every page and where a story before a forced break ends', async () => {
    const box = { width: 178, height: 261 };
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `<p>dòng ${i + 1}</p>`).join('');
    // 10pt/15pt lines, 261 mm = 740 pt: 49 lines a page. 55 lines leave 6 on page 2, then a forced break.
    await page.setContent(`<!doctype html><html><head><style>
      @page { size: 210mm 297mm; margin: 17mm 16mm 19mm 16mm; }
      body { margin: 0; font: 10pt/15pt serif; } p { margin: 0; orphans: 1; widows: 1; }
      .forced { break-before: page; }
    </style></head><body><section id="one">${lines(55)}</section><section id="two" class="forced">${lines(30)}</section></body></html>`);
    await enterSimulation(page, box);
    const model = await measureSimulation(page, box, ['one', 'two'], ['one', 'two']);
    const fill = await pageFill(page, box);
    await leaveSimulation(page);
    expect(fill).toHaveLength(3);
    expect(fill[0]).toBeGreaterThan(0.97);
    expect(fill[1]! * 740).toBeCloseTo(6 * 15, -1);
    expect(fill[2]! * 740).toBeCloseTo(30 * 15, -1);
    expect(model.ends.get('one')).toEqual({ page: 2, bottom: expect.closeTo(6 * 15, 0) as number });
    expect(model.ends.get('two')?.page).toBe(3);
  });
});

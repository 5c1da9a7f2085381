/** QR codes: one SVG per link, sized so the symbol itself is at least 20 mm wide. */
import { describe, expect, it } from 'vitest';
import { makeQrCodes, QR_SYMBOL_MM } from '../../src/render/qr.js';

const URLS = [
  'https://vov.vn/',
  'https://vov.vn/kinh-te/kinh-te-so-huong-toi-30-gdp-post1296512.vov',
  'https://mst.gov.vn/viet-nam-dat-muc-tieu-hinh-thanh-50-nhom-nghien-cuu-manh-den-nam-2035-197260525081512345.htm',
  'https://haiphong.gov.vn/tin-tuc-su-kien/trien-khai-chien-luoc-phat-trien-ung-dung-nang-luong-nguyen-tu-vi-muc-dich-hoa-binh-den-nam-2035-tam-nhin-2050-812133.html',
];

interface Measured {
  widthMm: number;
  heightMm: number;
  modules: number;
}

function measure(svg: string): Measured {
  const style = /<svg [^>]*style="width:([\d.]+)mm;height:([\d.]+)mm"/.exec(svg);
  const viewBox = /<svg [^>]*viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  if (!style || !viewBox) throw new Error(`no size or viewBox in ${svg.slice(0, 200)}`);
  expect(viewBox[1]).toBe(viewBox[2]);
  return { widthMm: Number(style[1]), heightMm: Number(style[2]), modules: Number(viewBox[1]) };
}

describe('makeQrCodes', () => {
  it('returns one SVG per URL, keyed by the URL', async () => {
    const codes = await makeQrCodes(URLS);
    expect([...codes.keys()]).toEqual(URLS);
    for (const svg of codes.values()) {
      expect(svg.startsWith('<svg class="qr-code" role="img" ')).toBe(true);
      expect(svg.trim().endsWith('</svg>')).toBe(true);
      expect(svg).toContain('stroke="#000000"');
    }
  });

  it('sizes every symbol (without the 4-module quiet zone) to at least 20 mm', async () => {
    const codes = await makeQrCodes(URLS);
    const sizes = [...codes.values()].map(measure);
    for (const { widthMm, heightMm, modules } of sizes) {
      expect(heightMm).toBe(widthMm);
      // A QR symbol of version v has 17 + 4v modules; the quiet zone adds 4 on each side.
      expect((modules - 8 - 17) % 4).toBe(0);
      const symbolMm = (widthMm * (modules - 8)) / modules;
      expect(symbolMm).toBeGreaterThanOrEqual(20);
      expect(symbolMm).toBeCloseTo(QR_SYMBOL_MM, 1);
    }
    // Longer links need more modules; the printed symbol stays the same size.
    expect(new Set(sizes.map((s) => s.modules)).size).toBeGreaterThan(1);
  });

  it('encodes the same URL to the same SVG', async () => {
    const [a, b] = await Promise.all([makeQrCodes([URLS[1]!]), makeQrCodes([URLS[1]!])]);
    expect(a.get(URLS[1]!)).toBe(b.get(URLS[1]!));
    expect(a.get(URLS[1]!)).not.toBe((await makeQrCodes([URLS[0]!])).get(URLS[0]!));
  });

  it('returns an empty map for no URLs', async () => {
    expect((await makeQrCodes([])).size).toBe(0);
  });
});

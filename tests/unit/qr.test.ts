/** QR codes: one SVG per link, sized so the symbol itself is at least 20 mm wide. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { renderIssueHtml } from '../../src/render/html.js';
import { issueLinks, makeQrCodes, QR_SYMBOL_MM } from '../../src/render/qr.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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

describe('the codes drawn', () => {
  // Mixed segments matter: long digit runs are cheaper in numeric mode and change the version.
  const MORE = [...URLS, 'https://baochinhphu.vn/a-102260526093012345678901234.htm', 'https://x.vn/?q=' + 'a'.repeat(300), 'https://haiphong.gov.vn/Điểm-tin'];

  it('are what QRCode.toString() draws for the URL, at the size of its version', async () => {
    const codes = await makeQrCodes(MORE);
    for (const url of MORE) {
      const direct = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
      const inside = (svg: string) => svg.slice(svg.indexOf('>') + 1, svg.lastIndexOf('</svg>'));
      const svg = codes.get(url)!;
      expect(inside(svg)).toBe(inside(direct));
      expect(inside(svg).length).toBeGreaterThan(100);
      expect(measure(svg).modules).toBe(QRCode.create(url, { errorCorrectionLevel: 'M' }).modules.size + 8);
    }
  });

  it('puts every code of the issue into the rendered HTML', async () => {
    const { issue } = await loadIssue(path.join(repoRoot, 'examples/so-20-2026.yaml'));
    const { html } = await renderIssueHtml(issue!);
    const links = issueLinks(issue!);
    expect(links.length).toBeGreaterThan(20);
    expect(html.match(/<svg class="qr-code" role="img" aria-label="[^"]+"/g)).toHaveLength(links.length);
    expect(html.match(/<path stroke="#000000" d="M/g)).toHaveLength(links.length);
  });
});

describe('a link too long for any code', () => {
  it('is refused by name', async () => {
    await expect(makeQrCodes([`https://example.vn/${'a'.repeat(3000)}`])).rejects.toThrow(/too long|quá dài/);
  });
});

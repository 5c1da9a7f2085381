/** QR codes: one SVG per link, sized so the symbol itself is at least 20 mm wide. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { renderIssueHtml } from '../../src/render/html.js';
import { fillQr, issueLinks, makeQrCodes, makeQrContents, planQr, QR_SYMBOL_MM, qrPlaceholder } from '../../src/render/qr.js';

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

describe('codes made after the layout (planQr → qrPlaceholder → makeQrContents → fillQr)', () => {
  // Mixed segments matter: long digit runs are cheaper in numeric mode and change the version.
  const MORE = [...URLS, 'https://baochinhphu.vn/a-102260526093012345678901234.htm', 'https://x.vn/?q=' + 'a'.repeat(300)];

  it('gives each placeholder the size and version of the finished code', async () => {
    const plans = MORE.map(planQr);
    const contents = await makeQrContents(plans);
    plans.forEach((plan, i) => {
      const empty = qrPlaceholder(plan, i);
      expect(empty).toMatch(new RegExp(`data-qr="${i}"></svg>$`));
      const made = QRCode.create(plan.url, { errorCorrectionLevel: 'M' });
      expect(plan.version).toBe(made.version);
      expect(measure(empty).modules).toBe(made.modules.size + 8);
      expect(fillQr(empty, contents)).toContain(contents[i]);
    });
  });

  it('fills in exactly what QRCode.toString() draws for the URL', async () => {
    const plans = MORE.map(planQr);
    const contents = await makeQrContents(plans);
    for (const [i, url] of MORE.entries()) {
      const direct = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
      expect(direct).toContain(contents[i]!);
      expect(contents[i]!.length).toBeGreaterThan(100);
    }
  });

  it('renders the issue with empty codes first, and the same HTML once they are made', async () => {
    const { issue } = await loadIssue(path.join(repoRoot, 'examples/so-20-2026.yaml'));
    const deferred = await renderIssueHtml(issue!, { deferQr: true });
    const whole = await renderIssueHtml(issue!);
    expect(deferred.html).not.toContain('<path');
    expect(deferred.html.match(/data-qr="\d+"><\/svg>/g)).toHaveLength(issueLinks(issue!).length);
    expect(await deferred.pendingQr!.html).toBe(whole.html);
    expect(whole.html.match(/data-qr="\d+"><path/g)).toHaveLength(issueLinks(issue!).length);
  });
});

describe('planQr', () => {
  it('gives the version QRCode.create() gives, and refuses a text too long for any code', () => {
    const url = 'https://vnexpress.net/viet-nam-dat-muc-tieu-hinh-thanh-50-nhom-nghien-cuu-manh-4897123.html';
    const made = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(planQr(url)).toEqual({ url, version: made.version });
    expect(() => planQr(`https://example.vn/${'a'.repeat(3000)}`)).toThrow(/too long|quá dài/);
  });
});

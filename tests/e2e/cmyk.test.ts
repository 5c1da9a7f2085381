/**
 * --cmyk read back from the PDF, against the press PDF of the same issue: the same geometry
 * (cover band, QR code, crop marks at 36 dpi), the same text on every page, CMYK only, and
 * black text printed with black ink alone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from '../../src/pdf/content-stream.js';
import { streamBytes } from '../../src/pdf/cmyk/streams.js';
import { convertWithGhostscript } from '../../src/pdf/cmyk/ghostscript.js';
import { requireTools, runsWith } from './pdf-tools.js';
import { printed } from './prints.js';

// Skipped on a machine without Ghostscript, never under CI=true (there it fails).
const gs = runsWith(['gs', 'qpdf']);
const out = mkdtempSync(path.join(os.tmpdir(), 'bantin-cmyk-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const DPI = 36;
const px = (pt: number) => Math.round((pt * DPI) / 72);
const mm = (v: number) => (v * 72) / 25.4;

interface Gray {
  width: number;
  height: number;
  dark: (x: number, y: number) => boolean;
  /** Any ink at all: a 0.25 pt crop mark is a faint grey at 36 dpi. */
  ink: (x: number, y: number) => boolean;
}
/** Page as greys at 36 dpi; "dark" is what both the RGB navy and its CMYK render as (orange is not). */
function render(pdf: string, page: number): Gray {
  const pgm = execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-f', String(page), '-l', String(page), pdf]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  return { width, height, dark: (x, y) => pixels[y * width + x]! < 90, ink: (x, y) => pixels[y * width + x]! < 230 };
}

/** Bounding box of the dark pixels in a region, in pixels from the page's top-left. */
function darkBox(image: Gray, region: { x0: number; y0: number; x1: number; y1: number }, test: 'dark' | 'ink' = 'dark') {
  let box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (let y = Math.max(0, region.y0); y < Math.min(image.height, region.y1); y++) {
    for (let x = Math.max(0, region.x0); x < Math.min(image.width, region.x1); x++) {
      if (image[test](x, y)) box = { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x), bottom: Math.max(box.bottom, y) };
    }
  }
  return box;
}

/** Positions of the cover's navy band, first QR code and four crop-mark corners. */
async function coverGeometry(pdf: string) {
  const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
  const page = doc.getPage(0);
  const media = page.getMediaBox();
  const trim = page.getTrimBox();
  const bleed = page.getBleedBox();
  const X = (pt: number) => px(pt - media.x);
  const Y = (pt: number) => px(media.y + media.height - pt);
  const image = render(pdf, 1);
  const bandRow = Y(trim.y + trim.height - mm(40));
  const bandColumn = X(trim.x + trim.width / 2);
  let bandBottom = Y(trim.y + trim.height - mm(40));
  while (image.dark(bandColumn, bandBottom + 1)) bandBottom++;
  const slug = { left: X(bleed.x) - 1, top: Y(bleed.y + bleed.height) - 1, right: X(bleed.x + bleed.width) + 1, bottom: Y(bleed.y) + 1 };
  return {
    band: { ...darkBox(image, { x0: 0, y0: bandRow, x1: image.width, y1: bandRow + 1 }), ...{ top: darkBox(image, { x0: bandColumn, y0: 0, x1: bandColumn + 1, y1: bandRow }).top, bottom: bandBottom } },
    qr: darkBox(image, { x0: X(trim.x + mm(10)), y0: Y(trim.y + mm(45)), x1: X(trim.x + mm(45)), y1: Y(trim.y + mm(10)) }),
    // The slug strips outside the bleed on each side hold the crop marks and nothing else.
    marks: [
      darkBox(image, { x0: 0, y0: 0, x1: image.width, y1: slug.top }, 'ink'),
      darkBox(image, { x0: 0, y0: slug.bottom, x1: image.width, y1: image.height }, 'ink'),
      darkBox(image, { x0: 0, y0: 0, x1: slug.left, y1: image.height }, 'ink'),
      darkBox(image, { x0: slug.right, y0: 0, x1: image.width, y1: image.height }, 'ink'),
    ],
    bleedLeft: X(bleed.x),
    bleedTop: Y(bleed.y + bleed.height),
  };
}

function pageTexts(pdf: string): string[] {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).normalize('NFC').split('\f');
}

/** The fill colour (operands and operator) in force at each text-showing operator, counted. */
function textFills(doc: PDFDocument): Map<string, number> {
  const fills = new Map<string, number>();
  const streams = new Set<PDFRef>();
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    for (const ref of contents instanceof PDFArray ? contents.asArray() : [contents]) if (ref instanceof PDFRef) streams.add(ref);
  }
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Form')) streams.add(ref);
  for (const ref of streams) {
    const text = Buffer.from(streamBytes(doc.context.lookup(ref) as PDFRawStream)).toString('latin1');
    let fill = 'initial';
    const saved: string[] = [];
    let operands: string[] = [];
    for (const token of tokens(text)) {
      if (!/^[a-zA-Z'"]/.test(token.text) || token.text === 'true' || token.text === 'false') {
        operands.push(token.text);
        continue;
      }
      const op = token.text;
      if (['k', 'rg', 'g', 'sc', 'scn', 'cs'].includes(op)) fill = `${operands.join(' ')} ${op}`;
      if (op === 'q') saved.push(fill);
      if (op === 'Q') fill = saved.pop() ?? fill;
      if (['Tj', 'TJ', "'", '"'].includes(op)) fills.set(fill, (fills.get(fill) ?? 0) + 1);
      operands = [];
    }
  }
  return fills;
}

// The shared prints (prints-plan.ts): --profile press, and --profile press --cmyk.
describe.runIf(gs)('--cmyk against press', () => {
  const examples = ['so-20-2026', 'so-15-2026'];
  const files = new Map<string, { press: string; cmyk: string }>();
  beforeAll(() => {
    requireTools(['gs', 'qpdf']);
    for (const name of examples) files.set(name, { press: printed('press-A4', name).pdf, cmyk: printed('press-cmyk', name).pdf });
  });

  it('puts the cover band, the QR code and the crop marks at the same pixels (36 dpi)', async () => {
    for (const name of examples) {
      const { press, cmyk } = files.get(name)!;
      const [a, b] = [await coverGeometry(press), await coverGeometry(cmyk)];
      expect(b, name).toEqual(a);
      // And the press geometry itself is right: the band starts at the bleed, marks are outside it.
      expect(a.band.left).toBeLessThanOrEqual(a.bleedLeft + 1);
      expect(a.band.top).toBeLessThanOrEqual(a.bleedTop + 1);
      expect(a.qr.right - a.qr.left).toBeGreaterThan(px(mm(12)));
      for (const strip of a.marks) expect(Math.max(strip.right - strip.left, strip.bottom - strip.top), 'two marks per side, a trim width apart').toBeGreaterThan(px(mm(200)));
    }
  });

  it('keeps the text of every page identical (NFC)', () => {
    for (const name of examples) {
      const { press, cmyk } = files.get(name)!;
      const [a, b] = [pageTexts(press), pageTexts(cmyk)];
      expect(a.length).toBeGreaterThan(10);
      b.forEach((text, i) => expect(text, `${name} page ${i + 1}`).toBe(a[i]));
      expect(b.join('\n')).toContain('đ');
      expect(b.join('\n'), 'no control characters (đ once came out as U+0012)').not.toMatch(/[\u0001-\u0008\u000e-\u001f]/);
    }
  });

  it('is valid and CMYK only: no DeviceRGB, no rg/RG, page boxes as in press', async () => {
    for (const name of examples) {
      const { press, cmyk } = files.get(name)!;
      expect(spawnSync('qpdf', ['--check', cmyk]).status, 'qpdf --check').toBe(0);
      const expanded = execFileSync('qpdf', ['--qdf', '--object-streams=disable', cmyk, '-'], { maxBuffer: 256 << 20 }).toString('latin1');
      expect(expanded).toContain('/DeviceCMYK');
      expect(expanded).not.toMatch(/\/DeviceRGB|\/CalRGB|\s(rg|RG)\s/);
      const [a, b] = await Promise.all([press, cmyk].map(async (f) => PDFDocument.load(readFileSync(f), { updateMetadata: false })));
      b!.getPages().forEach((page, i) => {
        const was = a!.getPage(i);
        expect([page.getMediaBox(), page.getTrimBox(), page.getBleedBox()]).toEqual([was.getMediaBox(), was.getTrimBox(), was.getBleedBox()]);
      });
      expect(b!.catalog.get(PDFName.of('Outlines'))).toBeDefined();
    }
  });

  it('prints black and near-black text with black ink only and keeps the accents in colour', async () => {
    const doc = await PDFDocument.load(readFileSync(files.get('so-20-2026')!.cmyk), { updateMetadata: false });
    const fills = textFills(doc);
    const colours = [...fills.keys()];
    expect(colours.every((c) => c === 'initial' || c.endsWith(' k')), colours.join(' | ')).toBe(true);
    const ranked = [...fills.entries()].sort((x, y) => y[1] - x[1]);
    expect(ranked[0]![0], 'the body text').toBe('0 0 0 1 k');
    const cmyk = colours.filter((c) => c.endsWith(' k')).map((c) => c.split(' ').slice(0, 4).map(Number));
    // No rich black: nothing dark (K ≥ 0.5) is mixed with much colour ink.
    expect(cmyk.filter(([c, m, y, k]) => k! >= 0.5 && c! + m! + y! > 0.3)).toEqual([]);
    // The navy headings and the orange accent keep their colour.
    expect(cmyk.some(([c, m, y]) => c! > 0.8 && m! > 0.6 && y! < 0.6), 'navy').toBe(true);
    expect(cmyk.some(([c, m, y]) => c! < 0.2 && m! > 0.6 && y! > 0.8), 'orange').toBe(true);
  });
});

describe.runIf(gs)('--cmyk with images', () => {
  it('converts the JPEG photo to a CMYK JPEG and the PNG to lossless CMYK, same size, nothing else left in RGB', async () => {
    requireTools(['gs', 'qpdf']);
    // tests/fixtures/images/issue.yaml.
    const [press, cmyk] = [printed('press-A4', 'issue').pdf, printed('press-cmyk', 'issue').pdf];
    const images = async (file: string) => {
      const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
      return doc.context
        .enumerateIndirectObjects()
        .map(([, o]) => o)
        .filter((o): o is PDFRawStream => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image') && o.dict.get(PDFName.of('ColorSpace')) !== PDFName.of('DeviceGray'))
        .map((o) => ({ size: `${o.dict.get(PDFName.of('Width'))}x${o.dict.get(PDFName.of('Height'))}`, filter: String(o.dict.get(PDFName.of('Filter'))), space: String(o.dict.get(PDFName.of('ColorSpace'))) }))
        .sort((x, y) => x.size.localeCompare(y.size));
    };
    const [before, after] = [await images(press), await images(cmyk)];
    expect(after.map((i) => i.space)).toEqual(after.map(() => '/DeviceCMYK'));
    expect(after.map(({ size, filter }) => ({ size, filter }))).toEqual(before.map(({ size, filter }) => ({ size, filter })));
    expect(after.map((i) => i.filter)).toContain('/DCTDecode');
    expect(spawnSync('qpdf', ['--check', cmyk]).status).toBe(0);
    expect(pageTexts(cmyk)).toEqual(pageTexts(press));
  });
});

describe.runIf(gs)('Ghostscript as the colour engine', () => {
  it('converts tiny images too (pdfwrite would inline them) and returns the flat colours', async () => {
    const doc = await PDFDocument.create();
    const image = (width: number, height: number, rgb: number[]) =>
      doc.context.register(doc.context.flateStream(Uint8Array.from({ length: width * height * 3 }, (_, i) => rgb[i % 3]!), { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 }));
    const refs = [image(1, 70, [255, 255, 255]), image(73, 1, [0, 0, 0]), image(2, 2, [226, 98, 43])];
    const images = refs.map((ref) => ({ ref, image: doc.context.lookup(ref) as PDFRawStream }));
    const dir = mkdtempSync(path.join(out, 'gs-'));
    const table = await convertWithGhostscript({ colours: [[0.0471, 0.2039, 0.3765], [1, 1, 1]], images, context: doc.context, dir });
    const file = path.join(dir, 'converted.pdf');
    writeFileSync(file, await doc.save({ useObjectStreams: false }));
    const pixels = (ref: PDFRef) => execFileSync('qpdf', [`--show-object=${ref.objectNumber}`, '--filtered-stream-data', file]);
    refs.forEach((ref, i) => {
      const converted = doc.context.lookup(ref) as PDFRawStream;
      expect(converted.dict.get(PDFName.of('ColorSpace'))).toBe(PDFName.of('DeviceCMYK'));
      expect(pixels(ref).length, `image ${i + 1}`).toBe([70, 73, 4][i]! * 4);
    });
    expect([...pixels(refs[0]!).subarray(0, 4)], 'white').toEqual([0, 0, 0, 0]);
    const navy = table.get('0.0471 0.2039 0.3765')!;
    expect(navy[0]).toBeGreaterThan(0.8);
    expect(table.get('1 1 1')).toEqual([0, 0, 0, 0]);
  });
});

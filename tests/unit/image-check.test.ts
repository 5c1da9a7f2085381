/**
 * image-check.ts: an image's bytes decide what it is, image-size or the SVG's parse its size, and
 * a PNG's or JPEG's structure is walked to its end (the corpus in tests/fixtures/bad/ has a file
 * per case a user meets; these are the details).
 */
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inspectImage, MAX_IMAGE_MEGAPIXELS } from '../../src/issue/image-check.js';
import { TINY_PNG } from './helpers.js';

const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
};
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function ihdr(width: number, height: number, depth: number, colorType: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = depth;
  data[9] = colorType;
  return chunk('IHDR', data);
}
/** A grey PNG whose rows are noise (so that the compressed data shrinks little). */
function greyPng(width: number, height: number, rows?: (y: number) => Buffer): Buffer {
  let seed = 20_26;
  const noise = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) >> 23;
  const raw = Buffer.concat(Array.from({ length: height }, (_, y) => rows?.(y) ?? Buffer.from([0, ...Array.from({ length: width }, noise)])));
  return Buffer.concat([SIGNATURE, ihdr(width, height, 8, 0), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const problem = async (src: string, bytes: Buffer) => {
  const result = await inspectImage(src, bytes);
  return 'problem' in result ? result.problem : `ok ${result.info.type} ${result.info.width}×${result.info.height}`;
};
const PHOTO = readFileSync('tests/fixtures/images/cang-hai-phong.jpg');

describe('PNG', () => {
  it('accepts a sound PNG with its size', async () => {
    expect(await problem('a.png', TINY_PNG)).toBe('ok png 1×1');
    expect(await problem('a.png', greyPng(100, 100))).toBe('ok png 100×100');
  });

  it('finds a damaged byte by its checksum', async () => {
    const png = greyPng(100, 100);
    png[60] = png[60]! ^ 0xff;
    expect(await problem('a.png', png)).toBe('"a.png" cannot be decoded: its IDAT chunk (at byte 33) is damaged: its checksum does not match. Export or save it again from the original');
  });

  it('says where a cut-short PNG ends', async () => {
    const png = greyPng(100, 100);
    const idat = png.readUInt32BE(33);
    expect(await problem('a.png', png.subarray(0, 41 + 5000))).toBe(
      `"a.png" is cut short: the file ends inside its IDAT chunk at byte 33 (5000 of its ${idat} bytes are there), without the PNG's end (IEND). Copy the file again from its source`,
    );
    expect(await problem('a.png', png.subarray(0, png.length - 12))).toBe(`"a.png" is cut short: the file ends without the PNG's end (IEND). Copy the file again from its source`);
    expect(await problem('a.png', png.subarray(0, 20))).toMatch(/^"a\.png" cannot be decoded: the file ends before its header\./);
  });

  it('leaves what only decoding finds to the browser (the build fails at the line)', async () => {
    const badFilter = greyPng(10, 10, (y) => Buffer.from([y === 6 ? 9 : 0, ...Array(10).fill(y)]));
    const noPalette = Buffer.concat([SIGNATURE, ihdr(1, 1, 8, 3), chunk('IDAT', deflateSync(Buffer.from([0, 0]))), chunk('IEND', Buffer.alloc(0))]);
    expect(await problem('a.png', badFilter)).toBe('ok png 10×10');
    expect(await problem('a.png', noPalette)).toBe('ok png 1×1');
  });

  it(`accepts ${MAX_IMAGE_MEGAPIXELS} megapixels and refuses one row more, from its header`, async () => {
    const oneBit = (width: number, height: number) => {
      const raw = Buffer.alloc(height * (1 + width / 8));
      return Buffer.concat([SIGNATURE, ihdr(width, height, 1, 0), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
    };
    expect(await problem('a.png', oneBit(8000, 5000))).toBe('ok png 8000×5000');
    const header = Buffer.concat([SIGNATURE, ihdr(8000, 5001, 1, 0), chunk('IDAT', deflateSync(Buffer.alloc(10))), chunk('IEND', Buffer.alloc(0))]);
    expect(await problem('a.png', header)).toMatch(/^"a\.png" is 8000 × 5001 pixels \(40 megapixels\), more than the 40 megapixels bantin accepts/);
  });
});

describe('JPEG', () => {
  it('reads a photo to its end marker', async () => {
    expect(await problem('a.jpg', PHOTO)).toBe('ok jpg 2400×1600');
  });

  it('says a cut-short progressive JPEG prints partly blurred', async () => {
    const progressive = readFileSync('tests/fixtures/bad/images/progressive.jpg');
    expect(await problem('a.jpg', progressive)).toBe('ok jpg 300×200');
    expect(await problem('a.jpg', progressive.subarray(0, progressive.length - 2000))).toMatch(/^"a\.jpg" is cut short: the file ends in scan \d+ of its progressive data, so the picture prints partly blurred or blank/);
  });

  it('estimates how far down a cut-short baseline JPEG gets', async () => {
    expect(await problem('a.jpg', PHOTO.subarray(0, Math.round(PHOTO.length * 0.8)))).toMatch(/is cut short: (1\d|2\d)% of the picture is missing \(its data stops at row \d+ of 1600\)/);
  });

  it("takes data after the end marker (a phone's motion photo) as no harm, and says a file cut before its scan is cut short", async () => {
    expect(await problem('a.jpg', Buffer.concat([PHOTO, Buffer.from('....ftypmp42')]))).toBe('ok jpg 2400×1600');
    expect(await problem('a.jpg', PHOTO.subarray(0, 300))).toBe('"a.jpg" is cut short: the file ends before its image data. Copy the file again from its source');
    expect(await problem('a.jpg', PHOTO.subarray(0, 3))).toMatch(/^"a\.jpg" cannot be decoded: the file ends before its frame header\./);
  });

  it('refuses the JPEG kinds browsers do not show', async () => {
    const lossless = Buffer.from(PHOTO);
    lossless[lossless.indexOf(Buffer.from([0xff, 0xc0])) + 1] = 0xc3;
    expect(await problem('a.jpg', lossless)).toBe('"a.jpg" is a lossless, hierarchical or arithmetic-coded JPEG, which browsers cannot show: save it again as an ordinary JPEG');
  });
});

describe('the name against the content', () => {
  it.each([
    ['a.png', PHOTO, '"a.png" is not a PNG image (it is a JPEG image): rename it to .jpg'],
    ['a.jpg', TINY_PNG, '"a.jpg" is not a JPEG image (it is a PNG image): rename it to .png'],
    ['a.png', Buffer.from('%PDF-1.7\n'), '"a.png" is not a PNG image (it is a PDF document): use a PNG, JPEG, WebP, GIF or SVG file'],
    ['a.jpg', Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic')]), '"a.jpg" is not a JPEG image (it is a HEIC photo, as phones take them; export it as JPEG): use a PNG, JPEG, WebP, GIF or SVG file'],
    ['a.png', Buffer.alloc(0), '"a.png" is not a PNG image (it is an empty file): use a PNG, JPEG, WebP, GIF or SVG file'],
  ])('%s holding other bytes', async (src, bytes, message) => {
    expect(await problem(src, bytes)).toBe(message);
  });

  it('takes the bytes for the type when the name has no image extension, but an SVG needs .svg', async () => {
    expect(await problem('anh-bia', PHOTO)).toBe('ok jpg 2400×1600');
    expect(await problem('logo', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'))).toBe('"logo" is SVG text without the .svg extension: rename it to .svg');
  });
});

describe('GIF and WebP', () => {
  const GIF = Buffer.from([...Buffer.from('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3b]);
  const WEBP = readFileSync('tests/fixtures/bad/images/garbled.webp');

  it('reads their size from the header, and leaves the rest to the browser', async () => {
    expect(await problem('a.gif', GIF)).toBe('ok gif 1×1');
    expect(await problem('a.webp', WEBP)).toBe('ok webp 64×48');
    expect(await problem('a.webp', WEBP.subarray(0, 49))).toBe('ok webp 64×48');
  });

  it('says when the header gives no size', async () => {
    const unknownChunk = Buffer.concat([WEBP.subarray(0, 12), Buffer.from('XXXX'), WEBP.subarray(16)]);
    expect(await problem('a.webp', unknownChunk)).toBe('"a.webp" cannot be decoded: its header does not say its size. Export or save it again from the original');
  });
});

describe('SVG', () => {
  const svg = (attrs: string, inner = '') => Buffer.from(`<?xml version="1.0"?>\n<!-- biểu đồ -->\n<svg ${attrs}>${inner}</svg>\n`);
  const NS = 'xmlns="http://www.w3.org/2000/svg"';

  it('takes the size from width and height, or the viewBox', async () => {
    expect(await problem('a.svg', svg(`${NS} width="400" height="200px"`))).toBe('ok svg 400×200');
    expect(await problem('a.svg', svg(`${NS} viewBox="0 0 120 80"`))).toBe('ok svg 120×80');
  });

  it('refuses an SVG browsers would show as nothing', async () => {
    expect(await problem('a.svg', svg('width="40" height="20"'))).toMatch(/^"a\.svg" has an <svg> element without xmlns="http:\/\/www\.w3\.org\/2000\/svg", which browsers show as nothing: add it$/);
    expect(await problem('a.svg', svg(`${NS} width="0" height="0"`))).toBe('"a.svg" is 0 × 0 pixels: there is no picture to print; export it again');
  });

  it('names the place where the XML breaks', async () => {
    expect(await problem('a.svg', svg(NS, '<rect width="4"><text>x</rect>'))).toMatch(/^"a\.svg" cannot be decoded: it is not well-formed XML \(3:\d+: /);
  });

  it('says what other XML is', async () => {
    expect(await problem('a.svg', Buffer.from('<?xml version="1.0"?><bieu-do/>'))).toBe('"a.svg" is not an SVG image (it is markup text (XML or HTML), not an SVG picture): use a PNG, JPEG, WebP, GIF or SVG file');
  });
});

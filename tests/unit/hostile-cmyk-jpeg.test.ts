/**
 * --cmyk keeps a CMYK JPEG as JPEG (issue 26, low): Chromium prints its pixels as lossless RGB;
 * finishing puts the file's own data back (DCTDecode, DeviceCMYK, Adobe's inverted values
 * turned back by /Decode) when the picture is known for sure by its size, and never guesses.
 * The fixture is a CMYK JPEG written by Ghostscript (Adobe marker), with a comment and an APP2
 * segment standing in for metadata.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import path from 'node:path';
import { PDFArray, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { cmykJpeg, keepCmykJpegs } from '../../src/pdf/cmyk/jpeg.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const CMYK = readFileSync(path.join(fixtures, 'hostile/cmyk-photo.jpg'));
const RGB = readFileSync(path.join(fixtures, 'images/cang-hai-phong.jpg'));
const N = (name: string) => PDFName.of(name);

/** A print as Chromium makes it: each image decoded to 8-bit RGB pixels, Flate-compressed. */
async function print(sizes: Array<[number, number, number?]>): Promise<{ doc: PDFDocument; refs: PDFRef[] }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const refs = sizes.map(([width, height, fill = 128]) =>
    doc.context.register(
      doc.context.flateStream(Buffer.alloc(width * height * 3, fill), { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 }),
    ),
  );
  return { doc, refs };
}
const image = (doc: PDFDocument, ref: PDFRef) => doc.context.lookup(ref) as PDFRawStream;
const issueImage = (bytes: Buffer, width: number, height: number, type = 'jpg') => ({ type, width, height, bytes });

describe('a CMYK JPEG', () => {
  it('is read with its size and Adobe marker; its metadata segments are left out', () => {
    const jpeg = cmykJpeg(CMYK)!;
    expect([jpeg.width, jpeg.height, jpeg.inverted]).toEqual([99, 140, true]);
    const data = Buffer.from(jpeg.data);
    expect(data.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(data.includes(Buffer.from('Adobe'))).toBe(true);
    expect(data.includes(Buffer.from('bantin test fixture'))).toBe(false);
    expect(data.includes(Buffer.from('ICC_PROFILE'))).toBe(false);
    expect(CMYK.length - data.length).toBeGreaterThan(150);
    // The compressed data itself, from the first scan on, is the file's.
    expect(data.subarray(data.indexOf(Buffer.from([0xff, 0xda])))).toEqual(CMYK.subarray(CMYK.indexOf(Buffer.from([0xff, 0xda]))));
  });

  it('an RGB JPEG, or bytes that are not a JPEG, are not one', () => {
    expect(cmykJpeg(RGB)).toBeUndefined();
    expect(cmykJpeg(Buffer.from('not a jpeg'))).toBeUndefined();
    expect(cmykJpeg(CMYK.subarray(0, 20))).toBeUndefined();
  });
});

describe('keeping it as JPEG under --cmyk', () => {
  it('puts the file’s own JPEG data in place of the print’s decoded copy', async () => {
    const { doc, refs } = await print([[99, 140], [2400, 1600]]);
    expect(keepCmykJpegs(doc, [issueImage(CMYK, 99, 140), issueImage(RGB, 2400, 1600)])).toBe(1);
    const kept = image(doc, refs[0]!);
    expect(kept.dict.get(N('Filter'))).toBe(N('DCTDecode'));
    expect(kept.dict.get(N('ColorSpace'))).toBe(N('DeviceCMYK'));
    expect(kept.dict.lookup(N('BitsPerComponent'), PDFNumber).asNumber()).toBe(8);
    expect(kept.dict.lookup(N('Decode'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber())).toEqual([1, 0, 1, 0, 1, 0, 1, 0]);
    expect(Buffer.from(kept.contents)).toEqual(Buffer.from(cmykJpeg(CMYK)!.data));
    // The other image is left for Ghostscript.
    expect(image(doc, refs[1]!).dict.get(N('ColorSpace'))).toBe(N('DeviceRGB'));
  });

  it('never guesses: another image of the issue or of the print with the same size leaves it to the conversion', async () => {
    const png = { type: 'png', width: 99, height: 140, bytes: Buffer.alloc(8) };
    const twin = await print([[99, 140]]);
    expect(keepCmykJpegs(twin.doc, [issueImage(CMYK, 99, 140), png])).toBe(0);
    const logo = await print([[99, 140, 10], [99, 140, 200]]);
    expect(keepCmykJpegs(logo.doc, [issueImage(CMYK, 99, 140)])).toBe(0);
    expect(image(logo.doc, logo.refs[0]!).dict.get(N('ColorSpace'))).toBe(N('DeviceRGB'));
  });

  it('the same picture printed twice (same data) is kept twice; an image already JPEG is not touched', async () => {
    const twice = await print([[99, 140], [99, 140]]);
    expect(keepCmykJpegs(twice.doc, [issueImage(CMYK, 99, 140)])).toBe(2);
    const doc = await PDFDocument.create({ updateMetadata: false });
    const ref = doc.context.register(doc.context.stream(deflateSync(Buffer.alloc(10)), { Type: 'XObject', Subtype: 'Image', Width: 99, Height: 140, ColorSpace: 'DeviceRGB', BitsPerComponent: 8, Filter: 'DCTDecode' }));
    expect(keepCmykJpegs(doc, [issueImage(CMYK, 99, 140)])).toBe(0);
    expect(image(doc, ref).dict.get(N('ColorSpace'))).toBe(N('DeviceRGB'));
  });
});

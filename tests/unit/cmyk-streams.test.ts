/**
 * Ghostscript's output keeps every byte of its streams through bantin's finishing step, also
 * when a stream's data ends with a carriage return and its /Length is an indirect object.
 */
import { PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { inlineStreamLengths } from '../../src/pdf/cmyk/index.js';

/** A one-page PDF laid out as Ghostscript writes it: the content stream's length comes after it. */
function ghostscriptStyle(data: string): Uint8Array {
  const objects = [
    '1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n',
    '2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\nendobj\n',
    '3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 100 100]/Contents 4 0 R>>\nendobj\n',
    `4 0 obj\n<</Length 5 0 R/Filter /FlateDecode>>stream\n${data}\nendstream\nendobj\n`,
    `5 0 obj\n${data.length}\nendobj\n`,
  ];
  return Buffer.from(`%PDF-1.7\n${objects.join('')}trailer\n<</Size 6/Root 1 0 R>>\n%%EOF\n`, 'latin1');
}

async function contentBytes(pdf: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(pdf);
  const ref = doc.getPage(0).node.get(PDFName.of('Contents')) as PDFRef;
  return (doc.context.lookup(ref) as PDFRawStream).contents.length;
}

describe('streams from Ghostscript', () => {
  const data = 'x\x9c\x01\x02binary\r';

  it('pdf-lib alone loses a final carriage return (the bug this guards against)', async () => {
    expect(await contentBytes(ghostscriptStyle(data))).toBe(data.length - 1);
  });

  it('keeps every byte once the lengths are put in place', async () => {
    const fixed = inlineStreamLengths(ghostscriptStyle(data));
    expect(Buffer.from(fixed).toString('latin1')).toContain(`<</Length ${data.length}/Filter /FlateDecode>>`);
    expect(await contentBytes(fixed)).toBe(data.length);
  });

  it('leaves references it cannot resolve as they are', () => {
    const pdf = Buffer.from('1 0 obj\n<</Length 9 0 R>>stream\nabc\nendstream\nendobj\n', 'latin1');
    expect(Buffer.from(inlineStreamLengths(pdf)).toString('latin1')).toContain('/Length 9 0 R');
  });
});

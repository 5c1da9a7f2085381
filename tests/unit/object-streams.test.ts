/**
 * Packed structure (raw-pdf.ts packStructure, object-streams.ts savePacked): structure elements
 * packed from the print's bytes are written as they were packed, only while nothing has touched
 * them, and the file reads back the same.
 */
import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { loadLazily } from '../../src/pdf/lazy-load.js';
import { savePacked } from '../../src/pdf/object-streams.js';
import { prepareTagged } from '../../src/pdf/page-artifacts.js';
import { pageContents, RawPdf, streamData } from '../../src/pdf/raw-pdf.js';
import { chromiumLike } from './chromium-pdf.js';

const structure = async (pdf: Uint8Array) => {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return [10, 11].map((n) => {
    const elem = doc.context.lookup(PDFRef.of(n), PDFDict);
    return `${elem.get(PDFName.of('S'))} ${elem.get(PDFName.of('K'))} ${elem.get(PDFName.of('Pg'))}`;
  });
};

describe('the print read as bytes', () => {
  it('finds each page’s content streams and their data', () => {
    const raw = RawPdf.open(chromiumLike())!;
    expect(pageContents(raw)).toEqual([[6], [7], [8]]);
    expect(streamData(raw, 6)?.flate).toBe(true);
    expect(Buffer.from(streamData(raw, 8)!.data).toString('latin1')).toBe('BT\n/F1 9 Tf\n<0012> Tj\nET\n');
    // Not a stream, or not there.
    expect(streamData(raw, 10)).toBeUndefined();
    expect(streamData(raw, 99)).toBeUndefined();
  });

  it('gives up on a page tree it does not read (the caller then uses pdf-lib)', () => {
    const pdf = Buffer.from(chromiumLike()).toString('latin1').replace('/Kids [3 0 R 4 0 R 5 0 R]', '/Kids 12 0 R'.padEnd(25));
    expect(pageContents(RawPdf.open(Buffer.from(pdf, 'latin1'))!)).toBeUndefined();
  });
});

describe('packed structure', () => {
  it('is written in its own object streams and reads back the same', async () => {
    const pdf = chromiumLike();
    const { packs } = await prepareTagged(pdf);
    expect(packs.map((p) => p.objects)).toEqual([[10, 11]]);
    const doc = await loadLazily(pdf);
    const { pdf: saved, packed } = await savePacked(doc, packs);
    expect(packed).toBe(2);
    expect(await structure(saved)).toEqual(['/H1 0 3 0 R', '/P 1 4 0 R']);
    // The pack is there as it was made: an object stream of two objects.
    const text = Buffer.from(saved).toString('latin1');
    expect(text).toMatch(/\/Type \/ObjStm[^>]*\/N 2\b/);
  });

  it('is not used once one of its objects was read or changed: that object is written as it now is', async () => {
    const pdf = chromiumLike();
    const { packs } = await prepareTagged(pdf);
    const doc = await loadLazily(pdf);
    doc.context.lookup(PDFRef.of(11), PDFDict).set(PDFName.of('K'), PDFNumber.of(7));
    const { pdf: saved, packed } = await savePacked(doc, packs);
    expect(packed).toBe(0);
    expect(await structure(saved)).toEqual(['/H1 0 3 0 R', '/P 7 4 0 R']);
  });

  it('writes what pdf-lib writes when there is nothing packed', async () => {
    const pdf = chromiumLike();
    const [ours, theirs] = await Promise.all([loadLazily(pdf), loadLazily(pdf)]);
    const { pdf: saved } = await savePacked(ours, []);
    const expected = await theirs.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
    // Same objects, same cross-references (pdf-lib's own encoding may size its fields differently).
    const a = await PDFDocument.load(saved, { updateMetadata: false });
    const b = await PDFDocument.load(expected, { updateMetadata: false });
    expect(a.context.enumerateIndirectObjects().map(([ref, o]) => `${ref} ${o}`)).toEqual(b.context.enumerateIndirectObjects().map(([ref, o]) => `${ref} ${o}`));
    expect(saved.length).toBeLessThanOrEqual(expected.length + 16);
  });
});

/**
 * A PDF opened lazily (src/pdf/lazy-load.ts): objects parsed only when looked up, untouched ones
 * written back as their own bytes, edits kept, and any other file shape loaded in full.
 */
import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString, StandardFonts } from 'pdf-lib';
import { isPristine, loadLazily, takeOut } from '../../src/pdf/lazy-load.js';

/** A three-page file with a classic cross-reference table (as Chromium writes) and an object nobody reads. */
async function classicPdf(): Promise<{ bytes: Uint8Array; marker: string }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 3; i++) doc.addPage([300, 400]).drawText(`page ${i}`, { font, x: 20, y: 300 });
  const marker = 'untouched-object-kept-as-written';
  const side = doc.context.obj({ Note: PDFString.of(marker), Weight: 7 });
  doc.catalog.set(PDFName.of('BantinTest'), doc.context.register(side));
  return { bytes: await doc.save({ useObjectStreams: false }), marker };
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('loadLazily', () => {
  it('reads pages and catalog entries like a full load, and parses only what it reads', async () => {
    const { bytes } = await classicPdf();
    const doc = await loadLazily(bytes);
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getPage(1).getSize()).toEqual({ width: 300, height: 400 });
    const unparsed = doc.context.enumerateIndirectObjects().filter(([, o]) => o.constructor.name === 'UnparsedObject');
    expect(unparsed.length).toBeGreaterThan(0);
    const side = doc.catalog.lookup(PDFName.of('BantinTest'), PDFDict);
    expect(side.lookup(PDFName.of('Weight'), PDFNumber).asNumber()).toBe(7);
  });

  it('writes untouched objects back byte for byte and keeps every edit', async () => {
    const { bytes, marker } = await classicPdf();
    const doc = await loadLazily(bytes);
    doc.getPage(0).node.set(PDFName.of('Tabs'), PDFName.of('S'));
    doc.setTitle('Lazily finished');
    const out = await doc.save({ useObjectStreams: false });
    expect(text(out)).toContain(`(${marker})`);
    const again = await PDFDocument.load(out, { updateMetadata: false });
    expect(again.getTitle()).toBe('Lazily finished');
    expect(again.getPage(0).node.get(PDFName.of('Tabs'))).toBe(PDFName.of('S'));
    expect(again.getPageCount()).toBe(3);
    // With object streams (bantin's save), the result is as readable.
    const packed = await PDFDocument.load(await (await loadLazily(bytes)).save({ useObjectStreams: true }), { updateMetadata: false });
    expect(packed.catalog.lookup(PDFName.of('BantinTest'), PDFDict).lookup(PDFName.of('Note'), PDFString).decodeText()).toBe(marker);
  });

  it('shows every object to whatever goes through them all, and keeps a deletion or a removal of one never read', async () => {
    const { bytes, marker } = await classicPdf();
    const full = await PDFDocument.load(bytes, { updateMetadata: false });
    const numbers = (d: PDFDocument) => d.context.enumerateIndirectObjects().map(([ref]) => ref.objectNumber);
    expect(numbers(await loadLazily(bytes))).toEqual(numbers(full));
    const side = full.catalog.get(PDFName.of('BantinTest')) as PDFRef;
    // Never read: pristine; deleted or taken out, it is not written.
    for (const drop of [(d: PDFDocument) => d.context.delete(side), (d: PDFDocument) => takeOut(d.context, [side.objectNumber])]) {
      const doc = await loadLazily(bytes);
      expect(isPristine(doc.context, side.objectNumber)).toBe(true);
      drop(doc);
      expect(numbers(doc)).not.toContain(side.objectNumber);
      expect(text(await doc.save({ useObjectStreams: false }))).not.toContain(marker);
    }
    // Read, it may have been edited: no longer pristine.
    const doc = await loadLazily(bytes);
    doc.catalog.lookup(PDFName.of('BantinTest'), PDFDict).set(PDFName.of('Weight'), PDFNumber.of(8));
    expect(isPristine(doc.context, side.objectNumber)).toBe(false);
    expect(isPristine(full.context, side.objectNumber)).toBe(false);
  });

  it('loads a file of another shape (a cross-reference stream) in full', async () => {
    const { bytes } = await classicPdf();
    const streamed = await (await PDFDocument.load(bytes)).save({ useObjectStreams: true });
    const doc = await loadLazily(streamed);
    expect(doc.getPageCount()).toBe(3);
    expect(doc.context.enumerateIndirectObjects().some(([, o]) => o.constructor.name === 'UnparsedObject')).toBe(false);
  });
});

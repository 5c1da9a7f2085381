/**
 * Finishing a tagged print (tagged.ts). Link annotations get their alternative text (tagged.ts completeTags) the same way whether the
 * file was loaded lazily, where an unparsed link of Chromium's shape is edited as bytes, or in
 * full, where the dictionary is edited. Marked artifacts go in without losing what was drawn
 * meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { cmyk, decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { loadLazily, unparsedBytes } from '../../src/pdf/lazy-load.js';
import { prepareTagged } from '../../src/pdf/page-artifacts.js';
import { completeTags } from '../../src/pdf/tagged.js';

/** Two pages, three links written as Chromium writes them: an address (with a parenthesis and a backslash), a destination, and one inside a nested name. */
async function linked(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const [one, two] = [doc.addPage([300, 400]), doc.addPage([300, 400])];
  const link = (fields: Record<string, unknown>) =>
    doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', F: 4, Border: [0, 0, 0], Rect: [10, 10, 100, 30], ...fields }));
  const uri = doc.context.obj({ Type: 'Action', S: 'URI' }) as PDFDict;
  uri.set(PDFName.of('URI'), PDFString.of('https://example.vn/a\\(b\\)\\\\c'));
  one.node.set(PDFName.of('Annots'), doc.context.obj([link({ A: uri, StructParent: 0 }), link({ Dest: PDFName.of('ky-thuat-so'), StructParent: 1 })]));
  two.node.set(PDFName.of('Annots'), doc.context.obj([link({ Dest: PDFName.of('muc luc'), StructParent: 2 })]));
  return doc.save({ useObjectStreams: false });
}

async function texts(doc: PDFDocument): Promise<string[]> {
  const saved = await PDFDocument.load(await doc.save({ useObjectStreams: true }), { updateMetadata: false });
  return saved.getPages().flatMap((page) => {
    const annots = page.node.lookup(PDFName.of('Annots'), PDFArray);
    return annots.asArray().map((_, i) => annots.lookup(i, PDFDict).lookup(PDFName.of('Contents'), PDFHexString).decodeText());
  });
}

describe('link texts', () => {
  const titles = new Map([['ky-thuat-so', 'Kỹ thuật số']]);

  it('are the same from the byte edit of unparsed links as from the dictionaries', async () => {
    const bytes = await linked();
    const lazy = await loadLazily(bytes);
    const firstLink = lazy.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray).get(0);
    // The link is still bytes when the texts are written: the edit path is the one taken.
    expect(unparsedBytes(lazy.context, firstLink as never)).toBeDefined();
    await completeTags(lazy, titles);
    // ... and it left the link as bytes, with its text in them.
    expect(Buffer.from(unparsedBytes(lazy.context, firstLink as never)!).toString('latin1')).toContain('/Contents <FEFF');
    const full = await PDFDocument.load(bytes, { updateMetadata: false });
    await completeTags(full, titles);
    const expected = ['Liên kết tới https://example.vn/a(b)\\c', 'Đến: Kỹ thuật số', 'Đến: muc luc'];
    expect(await texts(lazy)).toEqual(expected);
    expect(await texts(full)).toEqual(expected);
  });

  it('keep every other entry of the link', async () => {
    const lazy = await loadLazily(await linked());
    await completeTags(lazy, titles);
    const saved = await PDFDocument.load(await lazy.save(), { updateMetadata: false });
    const annot = saved.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray).lookup(1, PDFDict);
    expect(annot.get(PDFName.of('StructParent'))?.toString()).toBe('1');
    expect(annot.get(PDFName.of('F'))?.toString()).toBe('4');
    expect(annot.get(PDFName.of('Rect'))?.toString()).toBe('[ 10 10 100 30 ]');
    expect(saved.getPage(0).node.get(PDFName.of('Tabs'))).toBe(PDFName.of('S'));
  });
});

describe('marked artifacts', () => {
  it('are written in without dropping what was drawn on the page while they were marked (crop marks)', async () => {
    const source = await PDFDocument.create();
    source.addPage([300, 400]).drawRectangle({ x: 10, y: 10, width: 50, height: 50 });
    const pdf = await source.save({ useObjectStreams: false });
    const doc = await loadLazily(pdf);
    const completing = completeTags(doc, new Map(), prepareTagged(pdf));
    // As applyPageBoxes does, after the tags began.
    doc.getPage(0).drawLine({ start: { x: 0, y: 0 }, end: { x: 5, y: 0 }, thickness: 0.25, color: cmyk(1, 1, 1, 1) });
    await completing;
    const saved = await PDFDocument.load(await doc.save(), { updateMetadata: false });
    const list = saved.getPage(0).node.lookup(PDFName.of('Contents'), PDFArray);
    const content = list.asArray().map((ref) => Buffer.from(decodePDFRawStream(saved.context.lookup(ref) as PDFRawStream).decode()).toString('latin1')).join('\n');
    expect(content).toContain('/Artifact BMC');
    expect(content).toMatch(/1 1 1 1 K[\s\S]*5 0 l/);
  });
});

/**
 * Finishing a tagged print (pdf/tags/complete.ts): link annotations get their alternative text,
 * keep every other entry, and pages with links are read in structure order; artifacts are marked
 * in the page's own content, and what pdf-lib draws afterwards (crop marks) is kept.
 */
import { describe, expect, it } from 'vitest';
import { cmyk, decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { completeTags } from '../../src/pdf/tags/complete.js';

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

  it('say where each link goes: the address, or the title of the target', async () => {
    const doc = await PDFDocument.load(await linked(), { updateMetadata: false });
    await completeTags(doc, titles);
    expect(await texts(doc)).toEqual(['Liên kết tới https://example.vn/a(b)\\c', 'Đến: Kỹ thuật số', 'Đến: muc luc']);
  });

  it('keep every other entry of the link', async () => {
    const doc = await PDFDocument.load(await linked(), { updateMetadata: false });
    await completeTags(doc, titles);
    const saved = await PDFDocument.load(await doc.save(), { updateMetadata: false });
    const annot = saved.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray).lookup(1, PDFDict);
    expect(annot.get(PDFName.of('StructParent'))?.toString()).toBe('1');
    expect(annot.get(PDFName.of('F'))?.toString()).toBe('4');
    expect(annot.get(PDFName.of('Rect'))?.toString()).toBe('[ 10 10 100 30 ]');
    expect(saved.getPage(0).node.get(PDFName.of('Tabs'))).toBe(PDFName.of('S'));
  });
});

describe('marked artifacts', () => {
  it('are written into the page, and what pdf-lib draws afterwards (crop marks) is kept', async () => {
    const source = await PDFDocument.create();
    source.addPage([300, 400]).drawRectangle({ x: 10, y: 10, width: 50, height: 50 });
    const doc = await PDFDocument.load(await source.save({ useObjectStreams: false }), { updateMetadata: false });
    await completeTags(doc, new Map());
    // As applyPageBoxes does, after the tags.
    doc.getPage(0).drawLine({ start: { x: 0, y: 0 }, end: { x: 5, y: 0 }, thickness: 0.25, color: cmyk(1, 1, 1, 1) });
    const saved = await PDFDocument.load(await doc.save(), { updateMetadata: false });
    const list = saved.getPage(0).node.lookup(PDFName.of('Contents'), PDFArray);
    const content = list.asArray().map((ref) => Buffer.from(decodePDFRawStream(saved.context.lookup(ref) as PDFRawStream).decode()).toString('latin1')).join('\n');
    expect(content).toMatch(/\/Artifact BMC[\s\S]*0 50 l[\s\S]*EMC/);
    expect(content).toMatch(/1 1 1 1 K[\s\S]*5 0 l/);
  });
});

/**
 * Which fonts the printed PDF really embeds. A character that no bundled font has is set by
 * Chromium in a font of the machine (or as a box): bantin reports it instead of hiding it.
 */
import { PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';

/** PostScript names of the bundled families (Chromium writes them with a subset prefix). */
const BUNDLED = /^(?:[A-Z]{6}\+)?(BeVietnamPro|NotoSerif|NotoSansSymbols2|DejaVuSans|NotoEmoji)(-|$)/;

/** `themeFamilies`: families a theme brings in its folder or a fontsource package (not the machine's). */
export function machineFonts(doc: PDFDocument, themeFamilies: readonly string[] = []): string[] {
  const theirs = themeFamilies.map((f) => f.replace(/[^A-Za-z0-9]/g, '').toLowerCase());
  const foreign = new Set<string>();
  for (const object of pageFonts(doc)) {
    const base = object.get(PDFName.of('BaseFont'));
    const name = base instanceof PDFName ? base.decodeText() : 'a drawn (Type 3) font';
    const plain = name.replace(/^[A-Z]{6}\+/, '').toLowerCase();
    if (theirs.some((family) => plain.startsWith(family))) continue;
    if (!BUNDLED.test(name)) foreign.add(name.replace(/^[A-Z]{6}\+/, ''));
  }
  return [...foreign].sort();
}

/**
 * The font dictionaries the pages draw with: their resources and those of the forms they
 * draw, however deep.
 */
function pageFonts(doc: PDFDocument): PDFDict[] {
  const fonts = new Set<PDFDict>();
  const seen = new Set<PDFObject>();
  const dict = (o: PDFObject | undefined) => {
    const value = o instanceof PDFRef ? doc.context.lookup(o) : o;
    return value instanceof PDFDict ? value : value instanceof PDFRawStream ? value.dict : undefined;
  };
  const visit = (resources: PDFDict | undefined) => {
    if (!resources || seen.has(resources)) return;
    seen.add(resources);
    for (const [, font] of dict(resources.get(PDFName.of('Font')))?.entries() ?? []) {
      const d = dict(font);
      if (d?.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
      // A composite font's BaseFont names its descendant's font (Chromium writes the same name,
      // other writers add the CMap's: "…-Identity-H"): the descendant need not be read.
      fonts.add(d);
    }
    for (const [, xobject] of dict(resources.get(PDFName.of('XObject')))?.entries() ?? []) {
      const d = dict(xobject);
      if (d?.get(PDFName.of('Subtype')) === PDFName.of('Form')) visit(dict(d.get(PDFName.of('Resources'))));
    }
  };
  for (const page of doc.getPages()) visit(dict(page.node.get(PDFName.of('Resources'))));
  return [...fonts];
}

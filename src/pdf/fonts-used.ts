/**
 * Which fonts the printed PDF really embeds. A character that no bundled font has is set by
 * Chromium in a font of the machine (or as a box): bantin reports it instead of hiding it.
 */
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';

/** PostScript names of the bundled families (Chromium writes them with a subset prefix). */
const BUNDLED = /^(?:[A-Z]{6}\+)?(BeVietnamPro|NotoSerif|NotoSansSymbols2|DejaVuSans|NotoEmoji)(-|$)/;

/** `themeFamilies`: families a theme brings in its folder or a fontsource package (not the machine's). */
export function machineFonts(doc: PDFDocument, themeFamilies: readonly string[] = []): string[] {
  const theirs = themeFamilies.map((f) => f.replace(/[^A-Za-z0-9]/g, '').toLowerCase());
  const foreign = new Set<string>();
  for (const object of pageFonts(doc)) {
    // Composite fonts name their descendant; both carry the same BaseFont.
    if (object.get(PDFName.of('Subtype')) === PDFName.of('Type0')) continue;
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
 * draw, however deep (only what is reached is parsed: see lazy-load.ts).
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
      fonts.add(d);
      // A composite font draws with its descendant (a font dictionary of its own).
      const descendants = d.get(PDFName.of('DescendantFonts'));
      const list = descendants instanceof PDFRef ? doc.context.lookup(descendants) : descendants;
      if (list instanceof PDFArray) for (const child of list.asArray()) if (dict(child)) fonts.add(dict(child)!);
    }
    for (const [, xobject] of dict(resources.get(PDFName.of('XObject')))?.entries() ?? []) {
      const d = dict(xobject);
      if (d?.get(PDFName.of('Subtype')) === PDFName.of('Form')) visit(dict(d.get(PDFName.of('Resources'))));
    }
  };
  for (const page of doc.getPages()) visit(dict(page.node.get(PDFName.of('Resources'))));
  return [...fonts];
}

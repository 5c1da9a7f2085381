/**
 * Which fonts the printed PDF really embeds. A character that no bundled font has is set by
 * Chromium in a font of the machine (or as a box): bantin reports it instead of hiding it.
 */
import { PDFDict, PDFName, type PDFDocument } from 'pdf-lib';

/** PostScript names of the bundled families (Chromium writes them with a subset prefix). */
const BUNDLED = /^(?:[A-Z]{6}\+)?(BeVietnamPro|NotoSerif|NotoSansSymbols2|DejaVuSans|NotoEmoji)(-|$)/;

/** `themeFamilies`: families a theme brings in its folder or a fontsource package (not the machine's). */
export function machineFonts(doc: PDFDocument, themeFamilies: readonly string[] = []): string[] {
  const theirs = themeFamilies.map((f) => f.replace(/[^A-Za-z0-9]/g, '').toLowerCase());
  const foreign = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
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

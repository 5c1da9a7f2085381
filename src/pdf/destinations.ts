/**
 * Where each internal link target landed in a printed PDF. Chromium writes every
 * `href="#id"` target as a named destination; its page is the page the element starts on.
 */
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

export interface Destination {
  /** 1-based page number, as printed in the footer. */
  page: number;
  /** Distance of the target from the top of its page, in PDF points. */
  top: number;
}

export type DestinationMap = Map<string, Destination>;

/** Every named destination of the document as its explicit [page /XYZ left top zoom] array. */
export function namedDestinations(doc: PDFDocument): Map<string, PDFArray> {
  const out = new Map<string, PDFArray>();
  const add = (name: string, value: PDFObject | undefined) => {
    let target = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (target instanceof PDFDict) target = target.lookup(PDFName.of('D'));
    if (target instanceof PDFArray) out.set(name, target);
  };
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (tree) walkNameTree(tree, add);
  const legacy = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  legacy?.entries().forEach(([key, value]) => add(key.decodeText(), value));
  return out;
}

/** A printed PDF opened with pdf-lib, as finishing reads and changes it. */
export function openPrint(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** The named destinations of a printed PDF, and its page count. */
export async function readDestinations(pdf: Uint8Array): Promise<{ destinations: DestinationMap; pageCount: number }> {
  return destinationsOf(await openPrint(pdf));
}

/** Each named destination's page and distance from the page's top. */
export function destinationsOf(doc: PDFDocument): { destinations: DestinationMap; pageCount: number } {
  const pages = doc.getPages();
  const pageIndex = new Map<string, number>(pages.map((p, i) => [p.ref.toString(), i]));
  const destinations: DestinationMap = new Map();
  for (const [name, target] of namedDestinations(doc)) {
    const ref = target.get(0);
    const index = ref instanceof PDFRef ? pageIndex.get(ref.toString()) : undefined;
    if (index === undefined) continue;
    const y = target.get(3);
    const top = y instanceof PDFNumber ? pages[index]!.getHeight() - y.asNumber() : 0;
    destinations.set(name, { page: index + 1, top });
  }
  return { destinations, pageCount: pages.length };
}

function walkNameTree(node: PDFDict, add: (name: string, value: PDFObject | undefined) => void): void {
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) {
    for (let i = 0; i < kids.size(); i++) walkNameTree(kids.lookup(i, PDFDict), add);
  }
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      const name = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : key instanceof PDFName ? key.decodeText() : undefined;
      if (name !== undefined) add(name, names.get(i + 1));
    }
  }
}

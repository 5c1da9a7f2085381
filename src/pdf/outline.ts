/**
 * The outline (bookmarks): MỤC LỤC, then each part with its articles, pointing where the
 * headings really are (the print's named destinations).
 */
import { PDFName, PDFNull, PDFNumber, PDFHexString, type PDFArray, type PDFDict, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { Issue } from '../issue/model.js';
import { formatLabel, type Labels } from '../theme/label-keys.js';
import { namedDestinations } from './destinations.js';
import { setQuotes, type QuoteStyle } from '../render/quotes.js';

export interface OutlineItem {
  title: string;
  id: string;
  children: OutlineItem[];
  /** Where the item points when the id is no named destination (0-based page index, top). */
  page?: number;
}

/** The table of contents' id (templates/partials/toc.hbs); it starts on the page after the one-page cover. */
export const TOC = { id: 'muc-luc', title: 'Mục lục', page: 1 } as const;

export function issueOutline(issue: Issue, labels?: Labels, quotes?: QuoteStyle): OutlineItem[] {
  const q = (text: string) => (quotes ? setQuotes(text, quotes) : text);
  return [
    { title: labels?.contents ?? TOC.title, id: TOC.id, children: [], page: TOC.page },
    ...issue.parts.map((part) => ({
      title: `${labels ? formatLabel(labels.partNumber, { roman: part.roman }) : `Phần ${part.roman}.`} ${q(part.title)}`,
      id: part.id,
      children: part.articles.map((a) => ({ title: a.date ? `${a.date.short}: ${q(a.title)}` : q(a.title), id: a.id, children: [] })),
    })),
  ];
}

/** Each internal link target's id → the title its link's alternative text names. */
export function linkTitles(items: OutlineItem[]): Map<string, string> {
  return new Map(items.flatMap((item) => [[item.id, item.title] as [string, string], ...linkTitles(item.children)]));
}

export function addOutline(doc: PDFDocument, items: OutlineItem[]): void {
  const dests = namedDestinations(doc);
  const pages = doc.getPages();
  // An item without a named destination may name its page (MỤC LỤC: no link points at it).
  for (const item of items) {
    const page = item.page !== undefined ? pages[item.page] : undefined;
    if (!dests.has(item.id) && page) dests.set(item.id, doc.context.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(page.getHeight()), PDFNull]) as PDFArray);
  }
  const context = doc.context;
  const rootRef = context.nextRef();
  const build = (list: OutlineItem[], parentRef: PDFRef): { first?: PDFRef; last?: PDFRef; count: number } => {
    const present = list.filter((item) => dests.has(item.id));
    const refs = present.map(() => context.nextRef());
    let count = 0;
    present.forEach((item, i) => {
      const ref = refs[i]!;
      const children = build(item.children, ref);
      const dict = context.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parentRef);
      const dest = dests.get(item.id)!;
      dict.set(PDFName.of('Dest'), context.obj([dest.get(0), PDFName.of('XYZ'), PDFNull, dest.get(3) ?? PDFNull, PDFNull]));
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (children.first && children.last) {
        dict.set(PDFName.of('First'), children.first);
        dict.set(PDFName.of('Last'), children.last);
        // Parts open, so the articles show at once.
        dict.set(PDFName.of('Count'), PDFNumber.of(children.count));
      }
      context.assign(ref, dict);
      count += 1 + children.count;
    });
    return { first: refs[0], last: refs[refs.length - 1], count };
  };
  const top = build(items, rootRef);
  if (!top.first || !top.last) return;
  const root = context.obj({}) as PDFDict;
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), top.first);
  root.set(PDFName.of('Last'), top.last);
  root.set(PDFName.of('Count'), PDFNumber.of(top.count));
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}


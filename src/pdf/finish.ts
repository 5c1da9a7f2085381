/**
 * The last touches Chromium cannot make: document metadata, a fixed date and id, and an
 * outline (bookmarks) of parts → articles pointing where the headings really are.
 */
import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, type PDFDict } from 'pdf-lib';
import type { PageGeometry } from '../issue/page.js';
import { applyPageBoxes } from './boxes.js';
import type { Profile } from './profile.js';
import { namedDestinations } from './destinations.js';
import type { Issue } from '../issue/model.js';
import { version } from '../paths.js';
import { formatLabel, type Labels } from '../theme/label-keys.js';

export interface OutlineItem {
  title: string;
  id: string;
  children: OutlineItem[];
}

export function issueOutline(issue: Issue, labels?: Labels): OutlineItem[] {
  return [
    ...issue.parts.map((part) => ({
      title: `${labels ? formatLabel(labels.partNumber, { roman: part.roman }) : `Phần ${part.roman}.`} ${part.title}`,
      id: part.id,
      children: part.articles.map((a) => ({ title: a.date ? `${a.date.short}: ${a.title}` : a.title, id: a.id, children: [] })),
    })),
  ];
}

/** The date stamped in the PDF: SOURCE_DATE_EPOCH when set, else the last day of the issue's week. */
export function documentDate(issue: Issue, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(Date.UTC(issue.week.end.year, issue.week.end.month - 1, issue.week.end.day, 0, 0, 0));
}

export interface FinishOptions {
  profile: Profile;
  geometry: PageGeometry;
  /** The same PDF already loaded by pdf-lib, to save parsing it again. */
  parsed?: PDFDocument;
  /** What the document is made from (the rendered HTML): its hash is the PDF's document ID. */
  source: string;
  /** The theme's labels and language (default: Vietnamese). */
  labels?: Labels;
  language?: string;
}

/** Same source, fonts and bantin version → same bytes: no clock, no machine, no randomness. */
export async function finishPdf(pdf: Uint8Array, issue: Issue, options: FinishOptions): Promise<Uint8Array> {
  const doc = options.parsed ?? (await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }));
  const date = documentDate(issue);
  doc.setTitle(issue.title, { showInWindowTitleBar: true });
  doc.setAuthor(issue.series.publisher.join(' – '));
  doc.setSubject(`${issue.title}, ${options.labels ? lowerFirst(formatLabel(options.labels.weekOf, { week: issue.week.label })) : `tuần từ ${issue.week.label}`}`);
  doc.setKeywords(['khoa học', 'công nghệ', 'đổi mới sáng tạo', 'chuyển đổi số', `số ${issue.number}`, ...issue.parts.map((p) => p.title)]);
  doc.setLanguage(options.language ?? 'vi');
  doc.setCreator(`bantin ${version}`);
  doc.setProducer(`bantin ${version} (Chromium, pdf-lib)`);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  addOutline(doc, issueOutline(issue, options.labels));
  applyPageBoxes(doc, options.profile, options.geometry);
  // The document ID comes from the content (Chromium's own bytes carry its print date).
  const digest = createHash('sha256').update(`bantin ${version}\n`).update(options.source).digest('hex').slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(digest), PDFHexString.of(digest)]);
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}

function addOutline(doc: PDFDocument, items: OutlineItem[]): void {
  const dests = namedDestinations(doc);
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

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

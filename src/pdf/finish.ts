/**
 * The last touches Chromium cannot make: document metadata (Info and XMP), a fixed date and
 * id, an outline (bookmarks) of MỤC LỤC and parts → articles pointing where the headings
 * really are, the structure tree completed (tagged.ts), and for --pdfa the output intent.
 */
import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFArray, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, type PDFDict } from 'pdf-lib';
import type { PageGeometry } from '../issue/page.js';
import { UserError } from '../issue/diagnostics.js';
import { applyPageBoxes } from './boxes.js';
import type { Profile } from './profile.js';
import { namedDestinations } from './destinations.js';
import type { Issue } from '../issue/model.js';
import { version } from '../paths.js';
import { formatLabel, type Labels } from '../theme/label-keys.js';
import { addOutputIntent, PDFA, pdfaProblems } from './pdfa.js';
import { savePacked } from './object-streams.js';
import type { TaggedPrint } from './page-artifacts.js';
import { completeTags, isTagged } from './tagged.js';
import { setXmp } from './xmp.js';

export interface OutlineItem {
  title: string;
  id: string;
  children: OutlineItem[];
  /** Where the item points when the id is no named destination (0-based page index, top). */
  page?: number;
}

/** The table of contents' id (templates/partials/toc.hbs); it starts on the page after the one-page cover. */
export const TOC = { id: 'muc-luc', title: 'Mục lục', page: 1 } as const;

export function issueOutline(issue: Issue, labels?: Labels): OutlineItem[] {
  return [
    { title: labels?.contents ?? TOC.title, id: TOC.id, children: [], page: TOC.page },
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
  // Up to 9999-12-31 (the CLI refuses larger values; a library caller gets the week's date).
  if (epoch && /^\d+$/.test(epoch) && Number(epoch) <= 253402300799) return new Date(Number(epoch) * 1000);
  return new Date(Date.UTC(issue.week.end.year, issue.week.end.month - 1, issue.week.end.day, 0, 0, 0));
}

export interface FinishOptions {
  profile: Profile;
  geometry: PageGeometry;
  /** The same PDF already loaded by pdf-lib, to save parsing it again. */
  parsed?: PDFDocument;
  /** What the document is made from (the rendered HTML): its hash is the PDF's document ID; its <html lang> the PDF's language. */
  source: string;
  /** The theme's labels (default: Vietnamese). */
  labels?: Labels;
  /** PDF/A-2b: output intent, identification, and the rules checked (pdfa.ts). */
  pdfa?: boolean;
  /** A tagged print made ready since it came back (page-artifacts.ts prepareTagged); its artifacts are marked here when not given. */
  prepared?: Promise<TaggedPrint>;
}

/** The language of the rendered page (the template's <html lang>), else Vietnamese. */
export function documentLanguage(html: string): string {
  return /<html[^>]*\slang="([^"]+)"/.exec(html.slice(0, 2000))?.[1] ?? 'vi';
}

/**
 * "Điểm tin … số 10/2025, tháng 10/2025": the period as the issue prints it (week, month or its
 * own label, worded by the theme when the issue is themed), not always a week.
 */
export function documentSubject(issue: Pick<Issue, 'title' | 'period'>): string {
  return `${issue.title}, ${lowerFirst(issue.period.heading)}`;
}

/** Same source, fonts and bantin version → same bytes: no clock, no machine, no randomness. */
export async function finishPdf(pdf: Uint8Array, issue: Issue, options: FinishOptions): Promise<Uint8Array> {
  const doc = options.parsed ?? (await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }));
  const date = documentDate(issue);
  const info = {
    title: issue.title,
    author: issue.series.publisher.join(' – '),
    subject: documentSubject(issue),
    keywords: ['khoa học', 'công nghệ', 'đổi mới sáng tạo', 'chuyển đổi số', `số ${issue.number}`, ...issue.parts.map((p) => p.title)].join('; '),
    creatorTool: `bantin ${version}`,
    producer: `bantin ${version} (Chromium, pdf-lib)`,
    language: documentLanguage(options.source),
    date,
    // The document ID comes from the content (Chromium's own bytes carry its print date).
    id: createHash('sha256').update(`bantin ${version}\n`).update(options.pdfa ? 'PDF/A-2b\n' : '').update(options.source).digest('hex').slice(0, 32),
    pdfa: options.pdfa ? PDFA : undefined,
  };
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  // pdf-lib joins keywords with spaces, which runs the multi-word ones together.
  (doc.context.lookup(doc.context.trailerInfo.Info) as PDFDict).set(PDFName.of('Keywords'), PDFHexString.fromText(info.keywords));
  doc.setLanguage(info.language);
  doc.setCreator(info.creatorTool);
  doc.setProducer(info.producer);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const outline = issueOutline(issue, options.labels);
  addOutline(doc, outline);
  const tagging = isTagged(doc) ? completeTags(doc, linkTitles(outline), options.prepared) : undefined;
  applyPageBoxes(doc, options.profile, options.geometry, { pdfa: options.pdfa });
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(info.id), PDFHexString.of(info.id)]);
  setXmp(doc, info);
  if (options.pdfa) {
    addOutputIntent(doc);
    const problems = pdfaProblems(doc);
    if (problems.length > 0) throw new UserError(`cannot make a PDF/A-2b file: ${problems.join('; ')}; no PDF was written`);
  }
  return (await savePacked(doc, (await tagging) ?? [])).pdf;
}

/** Each internal link target's id → the title its link's alternative text names. */
function linkTitles(items: OutlineItem[]): Map<string, string> {
  return new Map(items.flatMap((item) => [[item.id, item.title] as [string, string], ...linkTitles(item.children)]));
}

function addOutline(doc: PDFDocument, items: OutlineItem[]): void {
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

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

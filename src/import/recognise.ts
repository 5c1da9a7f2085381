/**
 * The draft's paragraphs → parts, sections and items, as the bulletins print them:
 *
 * - a part: a heading, a bold line or a line in capitals that names a known part ("TIN TRONG
 *   NƯỚC", "PHẦN II. TIN HẢI PHÒNG", "● TÂM ĐIỂM"; a misspelling of one or two letters too), the
 *   same name again being the page's running head;
 * - an item: "14/03: TITLE IN CAPITALS" as a heading or a bold line (or any line whose title is
 *   in capitals), or in a spotlight an undated heading, or in a news part an undated heading
 *   followed by its date on a line of its own;
 * - its source: "Chi tiết: OUTLET" / "Nguồn: OUTLET" (its link the URL), on a line of its own,
 *   after the title, or "(Nguồn: X)" ending a paragraph;
 * - in a trend summary: numbered headings in capitals are sections, bold lines ### headings;
 * - everything else is the body of what it follows; what follows nothing is not placed, and is
 *   written as a comment where it came from.
 */
import { distance } from 'fastest-levenshtein';
import { t } from '../core/i18n.js';
import type { Block } from './blocks.js';
import { coverFields, PAGE_NUMBER, real, regionsOf, weekIn, type CoverFields, type Week } from './regions.js';
import { sentenceCase, type NameList } from './sentence-case.js';

export type PartKind = 'summary' | 'news' | 'spotlight';

export interface KnownPart {
  /** The name as a heading writes it, in capitals. */
  name: string;
  kind: PartKind;
  /** The part's title in the issue. */
  title: string;
}

export const BUILT_IN_PARTS: readonly KnownPart[] = [
  { name: 'TỔNG KẾT XU HƯỚNG', kind: 'summary', title: 'Tổng kết xu hướng' },
  { name: 'TIN TRONG NƯỚC', kind: 'news', title: 'Tin trong nước' },
  { name: 'TIN HẢI PHÒNG', kind: 'news', title: 'Tin Hải Phòng' },
  { name: 'TIN QUỐC TẾ', kind: 'news', title: 'Tin quốc tế' },
  { name: 'TÂM ĐIỂM', kind: 'spotlight', title: 'Tâm điểm' },
];

export interface Note {
  n: number;
  text: string;
}

export interface DraftImage {
  src: string;
  alt?: string;
}

export interface DraftItem {
  n: number;
  title: string;
  date?: string;
  source?: { name: string; url?: string };
  lead?: string;
  body: string[];
  image?: DraftImage;
  before: Note[];
}

export interface DraftSection {
  n: number;
  title: string;
  body: string[];
  before: Note[];
}

export interface DraftPart {
  n: number;
  name: string;
  kind: PartKind;
  title: string;
  intro: string[];
  sections: DraftSection[];
  items: DraftItem[];
  before: Note[];
}

export interface Draft {
  cover: CoverFields;
  week?: Week;
  parts: DraftPart[];
  /** Not placed, after everything else. */
  trailing: Note[];
  notPlaced: Note[];
  /** Editorial warnings, each at a paragraph of the draft. */
  warnings: Note[];
  skipped: { cover: number; toc: number; pageNumbers: number; runningHeads: number };
}

export interface RecogniseOptions {
  parts?: readonly KnownPart[];
  names?: NameList;
  /** The year of dates written without one, when the draft has no week line or number (default: this year). */
  year?: number;
}

const ITEM_DATE = /^(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{2,4}))?\s*:\s*(.+)$/u;
const DATE_LINE = /^(?:ngày\s*)?(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?$/iu;
const SOURCE_LINE = /^[[(]?\s*(?:xem\s+)?(chi tiết|nguồn)\s*:\s*(.+?)\s*[\])]?$/iu;
const SOURCE_INLINE = /^(.*?)\s*[[(]?\s*(?:chi tiết|nguồn)\s*:\s*(.+?)\s*[\])]?$/iu;
const SOURCE_END = /\s*\(\s*(?:nguồn|theo)\s*:?\s*([^()]{1,100})\)\s*\.?$/iu;
const SOURCE_END_MD = /\s*\(\s*(?:\*\*)?(?:nguồn|theo)\b(?:[^()]|\([^()]*\))*\)\s*\.?$/iu;

/** A text in capitals: letters nearly all capitals (digits, acronyms and punctuation aside). */
export function inCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 4) return false;
  const upper = letters.filter((c) => c !== c.toLowerCase() && c === c.toUpperCase()).length;
  return upper / letters.length >= 0.9;
}

const isHeading = (b: Block) => b.kind === 'h1' || b.kind === 'h2' || b.kind === 'h3';
/** A heading, or a line set bold throughout (drafts without styles), short enough to be one. */
const headingLike = (b: Block) => isHeading(b) || (b.bold && b.text.length <= 300);

export function recognise(blocks: readonly Block[], options: RecogniseOptions = {}): Draft {
  const known = options.parts ?? BUILT_IN_PARTS;
  const partOf = (text: string) => matchPart(text, known);
  const regions = regionsOf(blocks, (b) => (headingLike(b) || inCapitals(b.text)) && (partOf(b.text) !== undefined || ITEM_DATE.test(b.text)));
  const found = weekIn(blocks);
  const draft: Draft = {
    cover: coverFields(regions.cover),
    week: found?.week,
    parts: [],
    trailing: [],
    notPlaced: [],
    warnings: [],
    skipped: { cover: regions.cover.filter((b) => b.text).length, toc: regions.toc.filter((b) => b.text).length, pageNumbers: 0, runningHeads: 0 },
  };
  let part: DraftPart | undefined;
  let section: DraftSection | undefined;
  let item: DraftItem | undefined;
  let pending: Note[] = [];
  const take = () => {
    const notes = pending;
    pending = [];
    return notes;
  };
  const notPlaced = (b: Block, text = b.md || b.text) => {
    const note = { n: b.n, text };
    pending.push(note);
    draft.notPlaced.push(note);
  };
  const title = (b: Block, text: string) => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!inCapitals(clean)) return clean;
    const cased = sentenceCase(clean, options.names);
    if (!cased.safe) draft.warnings.push({ n: b.n, text: t('import.warn.capitals', { title: clean, words: cased.unknown.join(', ') }) });
    return cased.text;
  };
  const startItem = (b: Block, text: string, date?: string) => {
    if (!part) {
      // Items before any part heading: a news part of their own, said in the report.
      part = newPart(b, { name: '', kind: 'news', title: 'Tin tức' }, []);
      draft.parts.push(part);
      draft.warnings.push({ n: b.n, text: t('import.warn.no-part') });
    }
    section = undefined;
    item = { n: b.n, title: title(b, text), date, body: [], before: take() };
    part.items.push(item);
  };
  const dateOf = (day: number, month: number, year?: number): string | undefined => {
    const y = year ?? yearFor(month, draft.week, draft.cover.number) ?? options.year ?? new Date().getFullYear();
    if (!y || !real(day, month, y)) return undefined;
    return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  };
  const setSource = (b: Block, name: string) => {
    const url = b.links.find((l) => /^https?:/i.test(l.href))?.href;
    let outlet = name.replace(/^[[(]+|[\])]+$/g, '').trim();
    if (/^https?:\/\//i.test(outlet)) outlet = hostName(outlet) ?? outlet;
    if (!item || item.source || !outlet) return false;
    item.source = url ? { name: outlet, url } : { name: outlet };
    return true;
  };
  const addBody = (b: Block, md: string) => {
    const piece = b.kind === 'li' ? `${b.ordered ? '1.' : '-'} ${md}` : md;
    if (item) {
      if (!item.body.length && !item.lead && b.bold && b.kind === 'p' && !isHeading(b)) item.lead = md.replace(/\*\*/g, '');
      else item.body.push(piece);
    } else if (section) section.body.push(piece);
    else if (part?.kind === 'summary') part.intro.push(piece);
    else notPlaced(b);
  };

  for (let i = regions.body; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'table') {
      const table = markdownTable(b);
      if (table && (item || section || part?.kind === 'summary')) addBody({ ...b, kind: 'p', bold: false }, table);
      else {
        if (!table) draft.warnings.push({ n: b.n, text: t('import.warn.table') });
        notPlaced(b, b.text);
      }
      continue;
    }
    for (const picture of b.pictures) {
      if (picture.src.startsWith('unsupported:')) {
        draft.warnings.push({ n: b.n, text: t('import.warn.picture-type', { type: picture.src.slice('unsupported:'.length) }) });
        notPlaced(b, t('import.picture-unsaved', { type: picture.src.slice('unsupported:'.length), alt: picture.alt ?? '' }).trim());
      } else if (item && !item.image) item.image = { src: picture.src, alt: picture.alt };
      else notPlaced(b, t('import.picture', { file: picture.src, alt: picture.alt ?? '' }).trim());
    }
    const text = b.text;
    if (!text) continue;
    if (PAGE_NUMBER.test(text)) {
      draft.skipped.pageNumbers++;
      continue;
    }
    const heading = headingLike(b);
    const capitals = inCapitals(text);
    const dated = ITEM_DATE.exec(text);
    if (dated) {
      const inline = SOURCE_INLINE.exec(dated[4]!);
      const titleText = inline && inline[1] ? inline[1] : dated[4]!;
      if (heading || inCapitals(titleText)) {
        const year = dated[3] ? Number(dated[3].length === 2 ? `20${dated[3]}` : dated[3]) : undefined;
        const date = dateOf(Number(dated[1]), Number(dated[2]), year);
        startItem(b, titleText, date);
        if (!date) draft.warnings.push({ n: b.n, text: t('import.warn.bad-date', { date: `${dated[1]}/${dated[2]}` }) });
        if (inline && inline[1]) setSource(b, inline[2]!);
        continue;
      }
    }
    const named = heading || capitals ? partOf(text) : undefined;
    if (named) {
      const same = part && part.name === named.part.name;
      if (same && part!.kind === 'summary' && named.rest && !part!.sections.length && !part!.intro.length) {
        part!.title = title(b, named.full);
        continue;
      }
      if (same && !named.rest) {
        draft.skipped.runningHeads++;
        continue;
      }
      section = undefined;
      item = undefined;
      part = newPart(b, named.part, take());
      if (named.rest && named.part.kind === 'summary') part.title = title(b, named.full);
      draft.parts.push(part);
      continue;
    }
    const source = SOURCE_LINE.exec(text);
    if (source && item) {
      if (!setSource(b, source[2]!)) notPlaced(b);
      continue;
    }
    if (part?.kind === 'summary' && ((heading && (capitals || b.kind === 'h1' || b.kind === 'h2')) || (capitals && /^\d+\.\s/.test(text)))) {
      item = undefined;
      section = { n: b.n, title: title(b, text.replace(/^(?:\d+|[IVX]+)\s*[.)]\s*/u, '')), body: [], before: take() };
      part.sections.push(section);
      continue;
    }
    if (part?.kind === 'summary' && heading) {
      addBody(b, `### ${text}`);
      continue;
    }
    if (part && part.kind !== 'summary' && heading && (capitals || b.kind === 'h1' || b.kind === 'h2')) {
      // An undated title: in a news part, its date may follow on a line of its own.
      let date: string | undefined;
      let j = i + 1;
      while (j < blocks.length && !blocks[j]!.text && !blocks[j]!.pictures.length) j++;
      const line = j < blocks.length ? DATE_LINE.exec(blocks[j]!.text) : null;
      if (line) date = dateOf(Number(line[1]), Number(line[2]), line[3] ? Number(line[3]) : undefined);
      startItem(b, text, date);
      if (line) i = j;
      continue;
    }
    const ending = item && !item.source ? SOURCE_END.exec(text) : null;
    if (ending) {
      setSource(b, ending[1]!);
      const md = b.md.replace(SOURCE_END_MD, '').trim();
      if (md) addBody(b, md);
      continue;
    }
    addBody(b, b.md);
  }
  draft.trailing = take();
  return draft;
}

function newPart(b: Block, known: KnownPart, before: Note[]): DraftPart {
  return { n: b.n, name: known.name, kind: known.kind, title: known.title, intro: [], sections: [], items: [], before };
}

/** The known part a line names, what follows the name, and the line with the name spelled right. */
export function matchPart(text: string, known: readonly KnownPart[]): { part: KnownPart; rest: string; full: string } | undefined {
  const clean = text
    .normalize('NFC')
    .replace(/^#+\s*/, '')
    .replace(/^[●•▪■*-]\s*/u, '')
    .replace(/^PHẦN\s+[IVXLC]+\s*[.:]?\s*/iu, '')
    .replace(/\s*\((?:TUẦN|tuần)[^)]*\)\s*$/u, '')
    .trim();
  const upper = clean.toLocaleUpperCase('vi');
  for (const part of known) {
    const head = upper.slice(0, part.name.length);
    const next = upper.charAt(part.name.length);
    if (next && next !== ' ' && next !== ':') continue;
    if (head === part.name || (part.name.length >= 8 && distance(head, part.name) <= 2)) {
      const rest = clean.slice(part.name.length).replace(/^[\s:]+/, '');
      return { part, rest, full: rest ? `${part.name} ${rest}` : part.name };
    }
  }
  return undefined;
}

/** The year of a "25/05" date: the issue week's (the one nearer, across New Year), else the number's. */
function yearFor(month: number, week: Week | undefined, number: string | undefined): number | undefined {
  if (week) {
    if (week.start.year === week.end.year) return week.start.year;
    return month >= week.start.month ? week.start.year : week.end.year;
  }
  return number ? Number(number.split('/')[1]) : undefined;
}

function hostName(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** A simple table (the same number of cells in each row, one line each) as a Markdown table. */
function markdownTable(b: Block): string | undefined {
  const rows = b.rows ?? [];
  if (b.complex || !rows.length || rows.some((r) => r.length !== rows[0]!.length || r.some((c) => /\n/.test(c)))) return undefined;
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|') || ' ').join(' | ')} |`;
  return [line(rows[0]!), line(rows[0]!.map(() => '---')), ...rows.slice(1).map(line)].join('\n');
}

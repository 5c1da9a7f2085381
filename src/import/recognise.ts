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
import { t } from '../core/i18n.js';
import { siteHost } from '../core/site-host.js';
import { BROKEN_PICTURE, UNSUPPORTED_PICTURE, type Block } from './blocks.js';
import { BUILT_IN_PARTS, partName, type Draft, type DraftItem, type DraftPart, type DraftSection, type KnownPart, type Note, type RecogniseOptions } from './draft.js';
import { coverFields, PAGE_NUMBER, real, regionsOf, weekIn } from './regions.js';
import { sentenceCase } from './sentence-case.js';
import { DATE_LINE, headingLike, inCapitals, isHeading, ITEM_DATE, markdownTable, matchPart, SOURCE_END, SOURCE_END_MD, SOURCE_INLINE, SOURCE_LINE, yearFor } from './shapes.js';

export function recognise(blocks: readonly Block[], options: RecogniseOptions = {}): Draft {
  return new Recogniser(blocks, options).run();
}

class Recogniser {
  private readonly known: readonly KnownPart[];
  private readonly draft: Draft;
  private readonly body: number;
  private part: DraftPart | undefined;
  private section: DraftSection | undefined;
  private item: DraftItem | undefined;
  private pending: Note[] = [];
  /** The body the last paragraph, a list item, went into. */
  private list: { body: string[]; ordered: boolean } | undefined;

  constructor(
    private readonly blocks: readonly Block[],
    private readonly options: RecogniseOptions,
  ) {
    this.known = options.parts ?? BUILT_IN_PARTS;
    const starts = (b: Block) => (b.kind === 'h1' && b.text.length <= 40) || ((headingLike(b) || inCapitals(b.text)) && (matchPart(b.text, this.known) !== undefined || ITEM_DATE.test(b.text)));
    const regions = regionsOf(blocks, starts);
    this.body = regions.body;
    const lines = (list: Block[]) => list.filter((b) => b.text).length;
    this.draft = {
      cover: coverFields(regions.cover),
      week: weekIn(blocks)?.week,
      parts: [],
      trailing: [],
      notPlaced: [],
      warnings: [],
      skipped: { cover: lines(regions.cover), toc: lines(regions.toc), pageNumbers: 0, runningHeads: 0 },
    };
  }

  run(): Draft {
    for (let i = this.body; i < this.blocks.length; i++) {
      const b = this.blocks[i]!;
      if (b.kind === 'table') this.table(b);
      else {
        this.pictures(b);
        if (b.text) i = this.line(b, i);
      }
    }
    this.draft.trailing = this.take();
    return this.draft;
  }

  /** One paragraph with text; returns the index of the last block it used. */
  private line(b: Block, i: number): number {
    const text = b.text;
    if (PAGE_NUMBER.test(text)) {
      this.draft.skipped.pageNumbers++;
      return i;
    }
    const heading = headingLike(b);
    const capitals = inCapitals(text);
    if (this.datedItem(b, heading)) return i;
    const named = heading || capitals ? matchPart(text, this.known) : undefined;
    if (named) return this.partHeading(b, named), i;
    const source = SOURCE_LINE.exec(text);
    if (source && this.item) {
      if (!this.setSource(b, source[2]!)) this.notPlaced(b);
      return i;
    }
    const part = this.part;
    if (part?.kind === 'summary' && ((heading && (capitals || b.kind === 'h1' || b.kind === 'h2')) || (capitals && /^\d+\.\s/.test(text)))) {
      this.item = undefined;
      this.section = { n: b.n, title: this.title(b, text.replace(/^(?:\d+|[IVX]+)\s*[.)]\s*/u, '')), body: [], before: this.take() };
      part.sections.push(this.section);
      return i;
    }
    // A short bold line in a summary is a sub-heading; a long one, a paragraph set in bold.
    if (part?.kind === 'summary' && heading && (isHeading(b) || (text.length <= 120 && !/[.;]$/.test(text)))) return this.addBody(b, `### ${text}`), i;
    if (b.kind === 'h1' && text.length <= 40 && !ITEM_DATE.test(text)) return this.unknownPart(b), i;
    if (part && part.kind !== 'summary' && heading && (capitals || b.kind === 'h1' || b.kind === 'h2')) return this.undatedItem(b, i);
    const ending = this.item && !this.item.source ? SOURCE_END.exec(text) : null;
    if (ending) {
      this.setSource(b, ending[1]!);
      const md = b.md.replace(SOURCE_END_MD, '').trim();
      if (md) this.addBody(b, md);
      return i;
    }
    this.addBody(b, b.md);
    return i;
  }

  /** "25/05: TITLE" (a heading, or a title in capitals), with "Chi tiết: X" after it perhaps. */
  private datedItem(b: Block, heading: boolean): boolean {
    const dated = ITEM_DATE.exec(b.text);
    if (!dated) return false;
    const inline = SOURCE_INLINE.exec(dated[4]!);
    const titleText = inline && inline[1] ? inline[1] : dated[4]!;
    if (!heading && !inCapitals(titleText)) return false;
    const year = dated[3] ? Number(dated[3].length === 2 ? `20${dated[3]}` : dated[3]) : undefined;
    const date = this.dateOf(Number(dated[1]), Number(dated[2]), year);
    this.startItem(b, titleText, date);
    if (!date) this.warn(b, t('import.warn.bad-date', { date: `${dated[1]}/${dated[2]}` }));
    if (inline && inline[1]) this.setSource(b, inline[2]!);
    return true;
  }

  /** An undated title; in a news part its date may follow on a line of its own. */
  private undatedItem(b: Block, i: number): number {
    let j = i + 1;
    while (j < this.blocks.length && !this.blocks[j]!.text && !this.blocks[j]!.pictures.length) j++;
    const line = j < this.blocks.length ? DATE_LINE.exec(this.blocks[j]!.text) : null;
    const date = line ? this.dateOf(Number(line[1]), Number(line[2]), line[3] ? Number(line[3]) : undefined) : undefined;
    this.startItem(b, b.text, date);
    return line ? j : i;
  }

  private partHeading(b: Block, named: NonNullable<ReturnType<typeof matchPart>>): void {
    const part = this.part;
    const same = part !== undefined && part.name === named.part.name;
    if (same && part.kind === 'summary' && named.rest && !part.sections.length && !part.intro.length) {
      part.title = this.title(b, named.full);
      return;
    }
    if (same && !named.rest) {
      this.draft.skipped.runningHeads++;
      return;
    }
    this.section = undefined;
    this.item = undefined;
    this.part = newPart(b, named.part, this.take());
    if (named.rest && named.part.kind === 'summary') this.part.title = this.title(b, named.full);
    this.draft.parts.push(this.part);
  }

  /** A short Heading 1 that names no known part: a news part of that name, said in the report. */
  private unknownPart(b: Block): void {
    const title = this.title(b, b.text);
    this.partHeading(b, { part: { name: partName(b.text), kind: 'news', title }, rest: '', full: b.text });
    this.warn(b, t('import.warn.unknown-part', { title }));
  }

  private table(b: Block): void {
    const table = markdownTable(b);
    if (table && (this.item || this.section || this.part?.kind === 'summary')) return this.addBody({ ...b, kind: 'p', bold: false }, table);
    if (!table) this.warn(b, t('import.warn.table'));
    this.notPlaced(b, b.text);
  }

  /** The item's first picture is its image; any other is saved and named in a comment. */
  private pictures(b: Block): void {
    for (const picture of b.pictures) {
      if (picture.src.startsWith(BROKEN_PICTURE)) {
        const problem = picture.src.slice(BROKEN_PICTURE.length);
        this.warn(b, t('import.warn.picture-broken', { problem }));
        this.notPlaced(b, t('import.picture-unsaved-broken', { alt: picture.alt ?? '' }).trim());
      } else if (picture.src.startsWith(UNSUPPORTED_PICTURE)) {
        const type = picture.src.slice(UNSUPPORTED_PICTURE.length);
        this.warn(b, t('import.warn.picture-type', { type }));
        this.notPlaced(b, t('import.picture-unsaved', { type, alt: picture.alt ?? '' }).trim());
      } else if (this.item && !this.item.image) this.item.image = { src: picture.src, alt: picture.alt };
      else this.notPlaced(b, t('import.picture', { file: picture.src, alt: picture.alt ?? '' }).trim());
    }
  }

  private startItem(b: Block, text: string, date?: string): void {
    if (!this.part) {
      // Items before any part heading: a news part of their own, said in the report.
      this.part = newPart(b, { name: '', kind: 'news', title: 'Tin tức' }, []);
      this.draft.parts.push(this.part);
      this.warn(b, t('import.warn.no-part'));
    }
    this.section = undefined;
    this.item = { n: b.n, title: this.title(b, text), date, body: [], before: this.take() };
    this.part.items.push(this.item);
  }

  private addBody(b: Block, md: string): void {
    const item = this.item;
    // A first paragraph in bold throughout is the item's lead.
    if (item && !item.body.length && !item.lead && b.bold && b.kind === 'p' && !isHeading(b)) {
      item.lead = md.replace(/\*\*/g, '');
      return;
    }
    const body = item?.body ?? this.section?.body ?? (this.part?.kind === 'summary' ? this.part.intro : undefined);
    if (!body) return this.notPlaced(b);
    if (b.kind !== 'li') {
      body.push(md);
      this.list = undefined;
      return;
    }
    // The items of one list, one a line (a tight list, as Word shows it).
    const piece = `${b.ordered ? '1.' : '-'} ${md}`;
    if (this.list?.body === body && this.list.ordered === Boolean(b.ordered) && body.length) body[body.length - 1] += `\n${piece}`;
    else body.push(piece);
    this.list = { body, ordered: Boolean(b.ordered) };
  }

  private setSource(b: Block, name: string): boolean {
    const url = b.links.find((l) => /^https?:/i.test(l.href))?.href;
    let outlet = name.replace(/^[[(]+|[\])]+$/g, '').trim();
    if (/^https?:\/\//i.test(outlet)) outlet = siteHost(outlet) ?? outlet;
    if (!this.item || this.item.source || !outlet) return false;
    this.item.source = url ? { name: outlet, url } : { name: outlet };
    return true;
  }

  /** A title as typed, or in sentence case when typed in capitals and that is safe. */
  private title(b: Block, text: string): string {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!inCapitals(clean)) return clean;
    const cased = sentenceCase(clean, this.options.names);
    if (!cased.safe) this.warn(b, t('import.warn.capitals', { title: clean, words: cased.unknown.join(', ') }));
    return cased.text;
  }

  private dateOf(day: number, month: number, year?: number): string | undefined {
    const y = year ?? yearFor(month, this.draft.week, this.draft.cover.number) ?? this.options.year ?? new Date().getFullYear();
    if (!real(day, month, y)) return undefined;
    return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  private notPlaced(b: Block, text = b.md || b.text): void {
    const note = { n: b.n, text };
    this.pending.push(note);
    this.draft.notPlaced.push(note);
  }

  private warn(b: Block, text: string): void {
    this.draft.warnings.push({ n: b.n, text });
  }

  /** The notes waiting for the next part, section or item. */
  private take(): Note[] {
    const notes = this.pending;
    this.pending = [];
    return notes;
  }
}

function newPart(b: Block, known: KnownPart, before: Note[]): DraftPart {
  return { n: b.n, name: known.name, kind: known.kind, title: known.title, intro: [], sections: [], items: [], before };
}

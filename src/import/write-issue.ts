/**
 * The recognised draft as an issue file (YAML; the Markdown form is converted from it, as
 * `bantin new` does): the series and week from the cover (or an earlier issue), the parts with
 * their items, and every text that could not be placed as a comment (`# not placed: …`) before
 * the node that followed it in the draft. Whatever the draft lacks and the file needs (a date, a
 * body, the publisher) is written as a placeholder with a comment, and reported.
 */
import { Document, isMap, isPair, isScalar, isSeq, visit, type Node, type YAMLMap } from 'yaml';
import { t } from '../core/i18n.js';
import { addDays, parseIsoDate, type DateInfo } from '../issue/dates.js';
import { deriveId } from '../issue/ids.js';
import { nextIssueNumber } from '../issue/issue-number.js';
import { DEFAULT_SERIES_TITLE, PLACEHOLDER } from '../issue/lint/placeholders.js';
import type { Draft, DraftItem, DraftPart, Note } from './draft.js';
import { sentenceCase, type NameList } from './sentence-case.js';

export interface WriteOptions {
  /** `$schema` reference for editors, relative to the output. */
  schema: string;
  /** The series of an earlier issue (--from), used as it is. */
  series?: unknown;
  /** The earlier issue's number and week, to number this one when the draft does not say. */
  previous?: { number: string; start: string };
  names?: NameList;
  /** The Markdown form will be made from the YAML: the comments after the last part are left to it. */
  markdown?: boolean;
}

export interface Written {
  /** Comments to end the Markdown form with (YAML comments, each starting with a space). */
  trailing: string[];
  text: string;
  /** What the draft lacked and the file has as a placeholder, at the draft's paragraph. */
  filled: Note[];
  number: string;
  week: { start: string; end: string };
}

type Day = Pick<DateInfo, 'day' | 'month' | 'year'>;
const iso = (d: Day) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const TEXTS = new Set(['body', 'intro', 'lead', 'closing']);
const joined = (pieces: readonly string[]) => pieces.join('\n\n');

function mondayOf(isoDate: string): DateInfo {
  const d = parseIsoDate(isoDate);
  const weekday = (new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7;
  return addDays(d, -weekday);
}

export function writeIssue(draft: Draft, options: WriteOptions): Written {
  return new IssueWriter(draft, options).write();
}

class IssueWriter {
  private readonly filled: Note[] = [];
  private readonly comments = new Map<string, string[]>();
  private readonly ids = new Set<string>();
  private readonly start: DateInfo;
  private readonly end: DateInfo;

  constructor(
    private readonly draft: Draft,
    private readonly options: WriteOptions,
  ) {
    // The week: the draft's, else the one of its earliest item, else the one after the earlier issue's.
    const dates = draft.parts.flatMap((p) => p.items.map((i) => i.date)).filter((d): d is string => !!d).sort();
    if (draft.week) this.start = parseIsoDate(iso(draft.week.start));
    else if (dates.length) this.start = mondayOf(dates[0]!);
    else if (options.previous) this.start = addDays(parseIsoDate(options.previous.start), 7);
    else this.start = mondayOf(new Date().toISOString().slice(0, 10));
    this.end = draft.week ? parseIsoDate(iso(draft.week.end)) : addDays(this.start, 6);
    if (!draft.week) this.comment('issue', [t('import.comment.week', { week: `${iso(this.start)} – ${iso(this.end)}` })]);
  }

  write(): Written {
    const number = this.number();
    const week = { start: iso(this.start), end: iso(this.end) };
    const parts = this.draft.parts.map((part, p) => this.part(part, p));
    const doc = new Document({ series: this.series(), issue: { number, week }, parts });
    for (const [path, lines] of this.comments) {
      const node = nodeAt(doc, path);
      if (node) node.commentBefore = [node.commentBefore, ...lines.map((l) => ` ${l}`)].filter(Boolean).join('\n');
    }
    // Texts as the examples write them: a block under their key, a blank line between paragraphs.
    visit(doc, {
      Pair: (_, pair) => {
        if (isPair(pair) && isScalar(pair.key) && TEXTS.has(String(pair.key.value)) && isScalar(pair.value)) pair.value.type = 'BLOCK_LITERAL';
      },
    });
    // After the last part: the end of a YAML file; a Markdown file's end is written by the caller.
    const trailing = this.noteLines(this.draft.trailing).map((l) => ` ${l}`);
    if (trailing.length && !this.options.markdown) doc.comment = trailing.join('\n');
    doc.commentBefore = ` yaml-language-server: $schema=${this.options.schema}\n\n ${t('import.comment.header')}`;
    const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
    return { text, filled: this.filled, number, week, trailing: this.options.markdown ? trailing : [] };
  }

  /** The draft's number, else the one after the earlier issue's, else 1 with a comment. */
  private number(): string {
    if (this.draft.cover.number) return this.draft.cover.number;
    const previous = this.options.previous;
    if (previous) return nextIssueNumber(previous.number, this.start);
    this.comment('issue', [t('import.comment.number')]);
    return `1/${this.start.year}`;
  }

  /** The earlier issue's series, else the cover's lines (placeholders and comments for what it lacks). */
  private series(): unknown {
    if (this.options.series !== undefined) return this.options.series;
    const cover = this.draft.cover;
    const cased = (line: string) => sentenceCase(line, this.options.names).text;
    const masthead = cover.masthead.map(cased);
    const publisher = cover.publisher.map(cased);
    if (!masthead.length) this.comment('series', [t('import.comment.series-title')]);
    if (!publisher.length) this.comment('series', [t('import.comment.publisher')]);
    return {
      title: masthead.length ? masthead.join(' ') : DEFAULT_SERIES_TITLE,
      ...(masthead.length > 1 ? { masthead } : {}),
      publisher: publisher.length ? publisher : [t('import.placeholder.publisher')],
      ...(cover.website ? { website: cover.website } : {}),
      ...(cover.social.length ? { social: cover.social } : {}),
    };
  }

  private part(part: DraftPart, p: number): Record<string, unknown> {
    this.comment(`parts[${p}]`, this.noteLines(part.before));
    if (part.kind === 'summary') return this.summary(part, p);
    const articles = part.items.map((item, i) => {
      this.comment(`parts[${p}].articles[${i}]`, this.noteLines(item.before));
      return this.article(part, item, `parts[${p}].articles[${i}]`);
    });
    return { kind: part.kind, title: part.title, articles };
  }

  private summary(part: DraftPart, p: number): Record<string, unknown> {
    let sections = part.sections.map((s, i) => {
      this.comment(`parts[${p}].sections[${i}]`, this.noteLines(s.before));
      if (!s.body.length) this.filled.push({ n: s.n, text: t('import.filled.section-body', { title: s.title }) });
      return { title: s.title, body: s.body.length ? joined(s.body) : PLACEHOLDER.sectionBody };
    });
    let intro = part.intro;
    if (!sections.length) {
      // A summary is its sections: an undivided one becomes one section of its own title.
      sections = [{ title: part.title, body: intro.length ? joined(intro) : PLACEHOLDER.sectionBody }];
      if (!intro.length) this.filled.push({ n: part.n, text: t('import.filled.section-body', { title: part.title }) });
      intro = [];
    }
    return { kind: 'summary', title: part.title, ...(intro.length ? { intro: joined(intro) } : {}), sections };
  }

  private article(part: DraftPart, item: DraftItem, path: string): Record<string, unknown> {
    // Two items of the same title would get the same id: the second is given one of its own.
    let id = deriveId(item.title);
    const explicit = this.ids.has(id);
    for (let k = 2; this.ids.has(id); k++) id = `${deriveId(item.title)}-${k}`;
    this.ids.add(id);
    const fields: Record<string, unknown> = {};
    if (explicit) fields.id = id;
    if (item.date) fields.date = item.date;
    else if (part.kind === 'news') {
      fields.date = iso(this.start);
      this.comment(path, [t('import.comment.date', { n: item.n })]);
    }
    fields.title = item.title;
    if (item.source) fields.source = item.source;
    if (item.image) fields.image = item.image.alt ? { src: item.image.src, alt: item.image.alt } : { src: item.image.src };
    if (item.body.length) {
      if (item.lead) fields.lead = item.lead;
      fields.body = joined(item.body);
    } else if (item.lead) fields.body = item.lead;
    else {
      this.filled.push({ n: item.n, text: t('import.filled.body', { title: item.title }) });
      fields.body = PLACEHOLDER.body;
    }
    return fields;
  }

  private comment(path: string, lines: string[]): void {
    if (lines.length) this.comments.set(path, [...(this.comments.get(path) ?? []), ...lines]);
  }

  private noteLines(notes: readonly Note[]): string[] {
    return notes.flatMap((note) => t('import.comment.not-placed', { n: note.n, text: note.text }).split('\n'));
  }
}

/** The map at "parts[1].articles[2]" (or a top-level key's value). */
function nodeAt(doc: Document, path: string): Node | undefined {
  const keys = path.split(/\.|\[|\]/).filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  if (keys.length === 1) {
    const pair = (doc.contents as YAMLMap).items.find((p) => (p.key as { value?: unknown }).value === keys[0]);
    return pair?.key as Node | undefined;
  }
  const node = doc.getIn(keys, true) as Node | undefined;
  return node && (isMap(node) || isSeq(node)) ? node : undefined;
}

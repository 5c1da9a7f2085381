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
import { PLACEHOLDER } from '../issue/lint/placeholders.js';
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
  const filled: Note[] = [];
  const comments = new Map<string, string[]>();
  const comment = (path: string, lines: string[]) => lines.length && comments.set(path, [...(comments.get(path) ?? []), ...lines]);
  const noteLines = (notes: readonly Note[]) => notes.flatMap((note) => t('import.comment.not-placed', { n: note.n, text: note.text }).split('\n'));
  const cased = (line: string) => sentenceCase(line, options.names).text;

  // The week: the draft's, else the one of its earliest item, else the earlier issue's next.
  const dates = draft.parts.flatMap((p) => p.items.map((i) => i.date)).filter((d): d is string => !!d).sort();
  let start: DateInfo;
  if (draft.week) start = parseIsoDate(iso(draft.week.start));
  else if (dates.length) start = mondayOf(dates[0]!);
  else if (options.previous) start = addDays(parseIsoDate(options.previous.start), 7);
  else start = mondayOf(new Date().toISOString().slice(0, 10));
  const end = draft.week ? parseIsoDate(iso(draft.week.end)) : addDays(start, 6);
  if (!draft.week) comment('issue', [t('import.comment.week', { week: `${iso(start)} – ${iso(end)}` })]);

  let number = draft.cover.number;
  if (!number && options.previous) {
    const [n, year] = options.previous.number.split('/').map(Number) as [number, number];
    number = start.year > year ? `1/${start.year}` : `${n + 1}/${year}`;
  }
  if (!number) {
    number = `1/${start.year}`;
    comment('issue', [t('import.comment.number')]);
  }

  let series = options.series;
  if (series === undefined) {
    const masthead = draft.cover.masthead.map(cased);
    const publisher = draft.cover.publisher.map(cased);
    if (!masthead.length) comment('series', [t('import.comment.series-title')]);
    if (!publisher.length) comment('series', [t('import.comment.publisher')]);
    series = {
      title: masthead.length ? masthead.join(' ') : 'Điểm tin Khoa học Công nghệ',
      ...(masthead.length > 1 ? { masthead } : {}),
      publisher: publisher.length ? publisher : [t('import.placeholder.publisher')],
      ...(draft.cover.website ? { website: draft.cover.website } : {}),
      ...(draft.cover.social.length ? { social: draft.cover.social } : {}),
    };
  }

  const ids = new Set<string>();
  const parts = draft.parts.map((part, p) => {
    comment(`parts[${p}]`, noteLines(part.before));
    if (part.kind === 'summary') return summaryPart(part, p);
    const articles = part.items.map((item, i) => {
      comment(`parts[${p}].articles[${i}]`, noteLines(item.before));
      return article(part, item, `parts[${p}].articles[${i}]`);
    });
    return { kind: part.kind, title: part.title, articles };
  });

  function summaryPart(part: DraftPart, p: number) {
    let sections = part.sections.map((s, i) => {
      comment(`parts[${p}].sections[${i}]`, noteLines(s.before));
      if (!s.body.length) filled.push({ n: s.n, text: t('import.filled.section-body', { title: s.title }) });
      return { title: s.title, body: s.body.length ? joined(s.body) : PLACEHOLDER.sectionBody };
    });
    let intro = part.intro;
    if (!sections.length) {
      // A summary is its sections: an undivided one becomes one section of its own title.
      sections = [{ title: part.title, body: intro.length ? joined(intro) : PLACEHOLDER.sectionBody }];
      if (!intro.length) filled.push({ n: part.n, text: t('import.filled.section-body', { title: part.title }) });
      intro = [];
    }
    return { kind: 'summary', title: part.title, ...(intro.length ? { intro: joined(intro) } : {}), sections };
  }

  function article(part: DraftPart, item: DraftItem, path: string) {
    let id = deriveId(item.title);
    const explicit = ids.has(id);
    for (let k = 2; ids.has(id); k++) id = `${deriveId(item.title)}-${k}`;
    ids.add(id);
    const fields: Record<string, unknown> = {};
    if (explicit) fields.id = id;
    if (item.date) fields.date = item.date;
    else if (part.kind === 'news') {
      fields.date = iso(start);
      comment(path, [t('import.comment.date', { n: item.n })]);
    }
    fields.title = item.title;
    if (item.source) fields.source = item.source;
    if (item.image) fields.image = item.image.alt ? { src: item.image.src, alt: item.image.alt } : { src: item.image.src };
    if (item.lead) fields.lead = item.lead;
    if (!item.body.length && !item.lead) filled.push({ n: item.n, text: t('import.filled.body', { title: item.title }) });
    fields.body = item.body.length ? joined(item.body) : item.lead ? (delete fields.lead, item.lead) : PLACEHOLDER.body;
    return fields;
  }

  const doc = new Document({ series, issue: { number, week: { start: iso(start), end: iso(end) } }, parts });
  for (const [path, lines] of comments) {
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
  const trailing = noteLines(draft.trailing).map((l) => ` ${l}`);
  if (trailing.length && !options.markdown) doc.comment = trailing.join('\n');
  doc.commentBefore = ` yaml-language-server: $schema=${options.schema}\n\n ${t('import.comment.header')}`;
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return { text, filled, number, week: { start: iso(start), end: iso(end) }, trailing: options.markdown ? trailing : [] };
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

/**
 * The Issue model: validated input plus everything derived from it (ids, printed dates,
 * numbering, cross references). Templates only ever see this model.
 */
import type { Diagnostic, PathSegment } from '../core/diagnostics.js';
import { formatPath } from '../core/diagnostics.js';
import { t } from '../core/i18n.js';
import { compareDates, formatMonth, formatWeek, monthSpan, parseDateValue, parseIsoDate, type DateInfo, type DateSpan, type PeriodKind } from './dates.js';
import { deriveId } from './ids.js';
import type { Margins, PageSize } from './page.js';
import type { BlockInput, ImageInput, IssueInput, PartInput } from './schema.js';
import { diagnosticAt, type IssueSource } from './source.js';
import { leadSentence, shortName } from './untitled.js';
import { coverIndex } from './cover-index.js';
import { printedBlock } from './blocks.js';

export type * from './types.js';
import type { Article, Block, Highlight, HighlightGroup, Issue, Link, Part, Section, Source } from './types.js';

const ROMAN: Array<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

export function buildIssue(source: IssueSource, input: IssueInput): { issue: Issue; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (path: PathSegment[], message: string, code: string) => {
    diagnostics.push(diagnosticAt(source, path, message, { code }));
  };

  const covered = periodOf(input.issue);
  const { start, end } = covered;
  if (compareDates(end, start) < 0) error([...covered.path, 'end'], t(covered.kind === 'week' ? 'issue.model.week-backwards' : 'issue.model.period-backwards', { end: end.long, start: start.long }), 'week');

  const given = new Map<string, PathSegment[]>();
  const taken = new Set<string>();
  // Ids written in the file are claimed first, so a derived id never steals one.
  input.parts.forEach((part, p) => {
    const claim = (id: string | undefined, path: PathSegment[]) => {
      if (!id) return;
      const earlier = given.get(id);
      if (earlier) error([...path, 'id'], t('issue.model.duplicate-id', { id, where: formatPath(earlier) }), 'duplicate-id');
      else given.set(id, path);
      taken.add(id);
    };
    claim(part.id, ['parts', p]);
    if (part.kind !== 'summary') part.articles.forEach((a: { id?: string }, i) => claim(a.id, ['parts', p, 'articles', i]));
  });
  const uniqueId = (id: string | undefined, title: string): string => {
    if (id) return id;
    const base = deriveId(title);
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
    taken.add(candidate);
    return candidate;
  };

  const datedSpan = (value: string | { start: string; end: string }, path: PathSegment[]): DateSpan => {
    const span = parseDateValue(value);
    if (compareDates(span.end, span.start) < 0) error(path, t('issue.model.range-backwards', { end: span.end.long, start: span.start.long }), 'date-range');
    return span;
  };

  const weekLabel = formatWeek(start, end);
  const periodLabel = covered.label ?? (covered.kind === 'month' ? formatMonth(start) : weekLabel);
  const articles: Article[] = [];
  const parts: Part[] = input.parts.map((part, p) => {
    const path: PathSegment[] = ['parts', p];
    const base = { id: uniqueId(part.id, part.title), path, kind: part.kind, number: p + 1, roman: toRoman(p + 1), title: part.title };
    if (part.kind === 'summary') {
      return {
        ...base,
        heading: part.heading ?? `${part.title} tuần từ ${weekLabel}`,
        pageHeading: part.heading ?? `Tuần từ ${weekLabel}`,
        ownHeading: part.heading,
        intro: part.intro,
        sections: part.sections,
        closing: part.closing,
        articles: [],
      };
    }
    const partArticles = (part.articles as ArticleInput[]).map((a, i): Article => {
      const articlePath: PathSegment[] = [...path, 'articles', i];
      const lead = a.title === undefined ? leadSentence(a.body) : undefined;
      const title = a.title ?? shortName(lead!.sentence);
      const date = a.date === undefined ? undefined : datedSpan(a.date, [...articlePath, 'date']);
      return {
      id: uniqueId(a.id, title),
      path: articlePath,
      number: i + 1,
      kind: part.kind,
      date,
      title,
      titled: a.title !== undefined,
      author: a.author,
      source: a.source ? { url: a.source.url, label: a.source.name } : undefined,
      lead: a.lead,
      body: lead ? lead.body : a.body,
      image: a.image,
      podcast: a.podcast ? { url: a.podcast.url, label: a.podcast.label ?? 'Quét QR để nghe podcast', ownLabel: a.podcast.label } : undefined,
      draft: a.draft === true,
      blocks: (a.blocks ?? []).map((b, j) => (b.type === 'related' ? { ...b, items: b.items.map((item, k) => ({ ...item, date: datedSpan(item.date, [...articlePath, 'blocks', j, 'items', k, 'date']) })) } : printedBlock(b))),
      };
    });
    articles.push(...partArticles);
    return { ...base, sections: [], articles: partArticles };
  });

  const { groups, highlights } = coverIndex(input.cover?.highlights ?? [], articles, parts, error);
  const targets = new Set<string>([...parts.map((p) => p.id), ...articles.map((a) => a.id), ...highlights.flatMap((h) => (h.endId ? [h.endId] : []))]);
  const issue: Issue = {
    file: source.file,
    series: input.series,
    masthead: input.series.masthead ?? [input.series.title],
    number: input.issue.number,
    title: `${input.series.title} số ${input.issue.number}`,
    week: { start, end, label: weekLabel },
    period: {
      kind: covered.kind,
      label: periodLabel,
      heading: covered.label ?? (covered.kind === 'month' ? `Tháng ${periodLabel}` : covered.kind === 'week' ? `Tuần từ ${weekLabel}` : weekLabel),
      ownLabel: covered.label,
    },
    cover: { highlights, groups, image: input.cover?.image },
    page: { size: input.page?.size ?? 'A4', margins: input.page?.margins ?? {}, ownSize: input.page?.size, duplex: input.page?.duplex, partStart: input.page?.['part-start'] },
    parts,
    articles,
    targets,
    checks: input.checks ?? {},
  };
  return { issue, diagnostics };
}

type ArticleInput = Extract<PartInput, { articles: unknown }>['articles'][number] & { title?: string; author?: string; date?: string | { start: string; end: string } };

/** The days an issue covers, from `issue.week` or `issue.period`, with the path to blame. */
function periodOf(issue: IssueInput['issue']): { kind: PeriodKind; start: DateInfo; end: DateInfo; label?: string; path: PathSegment[] } {
  const period = issue.period;
  if (!period || period.week) {
    const week = (period?.week ?? issue.week)!;
    return { kind: 'week', start: parseIsoDate(week.start), end: parseIsoDate(week.end), label: period?.label, path: period ? ['issue', 'period', 'week'] : ['issue', 'week'] };
  }
  if (period.month) return { kind: 'month', ...monthSpan(period.month), label: period.label, path: ['issue', 'period'] };
  return { kind: 'range', start: parseIsoDate(period.start!), end: parseIsoDate(period.end!), label: period.label, path: ['issue', 'period'] };
}

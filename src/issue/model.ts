/**
 * The Issue model: validated input plus everything derived from it (ids, printed dates,
 * numbering, cross references). Templates only ever see this model.
 */
import type { Diagnostic, PathSegment } from './diagnostics.js';
import { formatPath } from './diagnostics.js';
import { compareDates, formatWeek, parseIsoDate, type DateInfo } from './dates.js';
import { deriveId } from './ids.js';
import type { Margins, PageSize } from './page.js';
import type { BlockInput, ImageInput, IssueInput, PartInput } from './schema.js';
import { diagnosticAt, type IssueSource } from './source.js';

export type PartKind = PartInput['kind'];

export interface Link {
  url: string;
  label: string;
}

export interface Article {
  id: string;
  /** Where the article is in the YAML, for messages: `parts[1].articles[3]`. */
  path: PathSegment[];
  /** 1-based number within its part, as printed in the TOC. */
  number: number;
  kind: PartKind;
  date?: DateInfo;
  title: string;
  source?: Link;
  lead?: string;
  body: string;
  image?: ImageInput;
  /** `ownLabel`: the label as written (else the theme's). */
  podcast?: Link & { ownLabel?: string };
  blocks: BlockInput[];
}

export interface Section {
  title: string;
  body: string;
}

export interface Part {
  id: string;
  path: PathSegment[];
  kind: PartKind;
  /** 1-based; printed as a roman numeral: PHẦN II. */
  number: number;
  roman: string;
  title: string;
  /** Summary parts: the headline and TOC entry. */
  heading?: string;
  /** Summary parts: the headline printed under the part title (the TOC has the full heading). */
  pageHeading?: string;
  /** Summary parts: the heading as written (the others come from the theme's labels when absent). */
  ownHeading?: string;
  intro?: string;
  sections: Section[];
  closing?: string;
  articles: Article[];
}

export interface Issue {
  file: string;
  series: IssueInput['series'];
  /** The cover title, line by line. */
  masthead: string[];
  /** "20/2026" */
  number: string;
  /** "Điểm tin Khoa học Công nghệ số 20/2026" */
  title: string;
  week: { start: DateInfo; end: DateInfo; label: string };
  cover: { highlights: Article[]; image?: ImageInput };
  /** Paper size and margins as the issue asks (the build may override the size). */
  page: { size: PageSize; margins: Partial<Margins>; ownSize?: PageSize };
  parts: Part[];
  /** Every article in reading order. */
  articles: Article[];
  /** Every id a link or page reference can point at. */
  targets: Set<string>;
  /** The issue's settings for the editorial warnings (`checks:`). */
  checks: NonNullable<IssueInput['checks']>;
}

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

  const start = parseIsoDate(input.issue.week.start);
  const end = parseIsoDate(input.issue.week.end);
  if (compareDates(end, start) < 0) error(['issue', 'week', 'end'], `the week ends (${end.long}) before it starts (${start.long})`, 'week');

  const given = new Map<string, PathSegment[]>();
  const taken = new Set<string>();
  // Ids written in the file are claimed first, so a derived id never steals one.
  input.parts.forEach((part, p) => {
    const claim = (id: string | undefined, path: PathSegment[]) => {
      if (!id) return;
      const earlier = given.get(id);
      if (earlier) error([...path, 'id'], `the id "${id}" is already used at ${formatPath(earlier)}: ids must be unique`, 'duplicate-id');
      else given.set(id, path);
      taken.add(id);
    };
    claim(part.id, ['parts', p]);
    if (part.kind !== 'summary') part.articles.forEach((a, i) => claim(a.id, ['parts', p, 'articles', i]));
  });
  const uniqueId = (id: string | undefined, title: string): string => {
    if (id) return id;
    const base = deriveId(title);
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
    taken.add(candidate);
    return candidate;
  };

  const weekLabel = formatWeek(start, end);
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
    const partArticles = part.articles.map((a, i): Article => ({
      id: uniqueId(a.id, a.title),
      path: [...path, 'articles', i],
      number: i + 1,
      kind: part.kind,
      date: a.date ? parseIsoDate(a.date) : undefined,
      title: a.title,
      source: a.source ? { url: a.source.url, label: a.source.name } : undefined,
      lead: a.lead,
      body: a.body,
      image: a.image,
      podcast: a.podcast ? { url: a.podcast.url, label: a.podcast.label ?? 'Quét QR để nghe podcast', ownLabel: a.podcast.label } : undefined,
      blocks: a.blocks ?? [],
    }));
    articles.push(...partArticles);
    return { ...base, sections: [], articles: partArticles };
  });

  const byId = new Map(articles.map((a) => [a.id, a]));
  const highlights: Article[] = [];
  (input.cover?.highlights ?? []).forEach((id, i) => {
    const article = byId.get(id);
    if (article) highlights.push(article);
    else error(['cover', 'highlights', i], `no article has the id "${id}"${suggestId(id, [...byId.keys()])}`, 'unknown-id');
  });

  const targets = new Set<string>([...parts.map((p) => p.id), ...articles.map((a) => a.id)]);
  const issue: Issue = {
    file: source.file,
    series: input.series,
    masthead: input.series.masthead ?? [input.series.title],
    number: input.issue.number,
    title: `${input.series.title} số ${input.issue.number}`,
    week: { start, end, label: weekLabel },
    cover: { highlights, image: input.cover?.image },
    page: { size: input.page?.size ?? 'A4', margins: input.page?.margins ?? {}, ownSize: input.page?.size },
    parts,
    articles,
    targets,
    checks: input.checks ?? {},
  };
  return { issue, diagnostics };
}

function suggestId(id: string, ids: string[]): string {
  const near = ids.find((candidate) => candidate.startsWith(id.slice(0, 12)) || id.startsWith(candidate.slice(0, 12)));
  return near ? `: did you mean "${near}"?` : '';
}

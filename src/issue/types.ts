/** The Issue model's types, in one module that imports no code of the model (no import circles). */
import type { DateInfo, DateSpan, PeriodKind } from './dates.js';
import type { Margins, PageSize, PartStart } from './page.js';
import type { PathSegment } from '../core/diagnostics.js';
import type { BlockInput, ImageInput, IssueInput, PartInput } from './schema.js';

export type PartKind = PartInput['kind'];

export interface Link {
  url: string;
  label: string;
}

/** A source: with a URL a link and a QR code ("Chi tiết:"), without one a name ("Nguồn:"). */
export interface Source {
  url?: string;
  label: string;
}

export interface Article {
  id: string;
  /** Where the article is in the YAML, for messages: `parts[1].articles[3]`. */
  path: PathSegment[];
  /** 1-based number within its part, as printed in the TOC. */
  number: number;
  kind: PartKind;
  date?: DateSpan;
  /** The title as written, or (untitled items) a shortened first sentence for the TOC. */
  title: string;
  /** False for an item without a title: its body leads with the first sentence in bold. */
  titled: boolean;
  author?: string;
  source?: Source;
  lead?: string;
  body: string;
  image?: ImageInput;
  /** `ownLabel`: the label as written (else the theme's). */
  podcast?: Link & { ownLabel?: string };
  blocks: Block[];
  /** Drafted from its page by `bantin add`, not yet read by the editor (lint: draft-item). */
  draft: boolean;
}

type RelatedInput = Extract<BlockInput, { type: 'related' }>;
type BreakdownInput = Extract<BlockInput, { type: 'breakdown' }>;
type RankingInput = Extract<BlockInput, { type: 'ranking' }>;
/** A breakdown as printed: its total (given, or the groups' sum) and each group's share of the bar, in per cent. */
export type BreakdownBlock = Omit<BreakdownInput, 'total' | 'groups'> & { total: number; groups: Array<BreakdownInput['groups'][number] & { share: string }> };
/** A ranking as printed: `scaled` when every value starts with a number, each item's bar then `share` per cent of the largest. */
export type RankingBlock = Omit<RankingInput, 'items'> & { scaled: boolean; items: Array<RankingInput['items'][number] & { share?: string }> };
/** A block as printed: a related-activities box has its dates parsed ("13–15/10"); see blocks.ts for the others. */
export type Block =
  | Exclude<BlockInput, { type: 'related' | 'breakdown' | 'ranking' }>
  | (Omit<RelatedInput, 'items'> & { items: Array<Omit<RelatedInput['items'][number], 'date'> & { date: DateSpan }> })
  | BreakdownBlock
  | RankingBlock;

/** One entry of the cover's visual index: an article (its page) or a part (its page range). */
export interface Highlight {
  /** The article's or part's id: the link target and the first page. */
  id: string;
  /** The short label as written, else the title. */
  title: string;
  kind: 'article' | 'part';
  /** Parts: the id of the marker at the part's end (its last page). */
  endId?: string;
  /** Where the entry is in the YAML: `cover.highlights[2].items[0]`. */
  path: PathSegment[];
}

/** Highlights under one label; entries written outside any group form groups without a label. */
export interface HighlightGroup {
  label?: string;
  /** A part whose title is the group's label: its page range is printed beside the label, not as an item repeating it. */
  part?: Highlight;
  items: Highlight[];
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
  /** Set when the cover prints the part's page range: the id of the marker after its last line. */
  endId?: string;
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
  /** The days the issue covers (a week, a month or a span); `label` "1/10 – 31/10/2025". */
  week: { start: DateInfo; end: DateInfo; label: string };
  /** How the period is named: `heading` is printed ("Tuần từ …", "Tháng 10/2025"); the theme words it. */
  period: { kind: PeriodKind; label: string; heading: string; ownLabel?: string };
  /** `highlights`: every entry in order (the theme's limit counts them); `groups`: as printed. */
  cover: { highlights: Highlight[]; groups: HighlightGroup[]; image?: ImageInput };
  /** Paper size and margins as the issue asks (the build may override the size). */
  page: { size: PageSize; margins: Partial<Margins>; ownSize?: PageSize; duplex?: boolean; partStart?: PartStart };
  parts: Part[];
  /** Every article in reading order. */
  articles: Article[];
  /** Every id a link or page reference can point at. */
  targets: Set<string>;
  /** The issue's settings for the editorial warnings (`checks:`). */
  checks: NonNullable<IssueInput['checks']>;
}

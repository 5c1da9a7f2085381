/** What the import makes of a draft before writing it: parts, sections, items, notes, counts. */
import type { CoverFields, Week } from './regions.js';
import type { NameList } from './sentence-case.js';

export type PartKind = 'summary' | 'news' | 'spotlight';

/** A part's name as a heading writes it: its title in capitals. */
export const partName = (title: string) => title.normalize('NFC').toLocaleUpperCase('vi');

export interface KnownPart {
  /** The name as a heading writes it, in capitals (partName). */
  name: string;
  kind: PartKind;
  /** The part's title in the issue. */
  title: string;
}

/** The trend summary: a draft's summary is named so whatever an earlier issue titled it. */
export const SUMMARY_PART: KnownPart = { name: 'TỔNG KẾT XU HƯỚNG', kind: 'summary', title: 'Tổng kết xu hướng' };

export const BUILT_IN_PARTS: readonly KnownPart[] = [
  SUMMARY_PART,
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


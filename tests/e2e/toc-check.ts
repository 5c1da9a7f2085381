/**
 * Compares what the PDF prints in its TOC with where each heading really is.
 */
import type { Issue } from '../../src/issue/model.js';
import { collapse } from './pdf-tools.js';

/**
 * Text without spaces and hyphens (pdftotext drops a hyphen where a line breaks after it), and
 * quotes without their shape (they print in the issue's one style, typographic by default).
 */
const loose = (text: string) => text.replace(/[\s\-‐]/g, '').replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Loose page texts, computed once per document (a 2,000-article issue has 700 pages). */
const looseTexts = new WeakMap<string[], string[]>();

/** The first page (1-based) from index `from` on whose text contains `title`; -1 if none. */
export function pageOf(texts: string[], title: string, from: number): number {
  let pages = looseTexts.get(texts);
  if (!pages) looseTexts.set(texts, (pages = texts.map(loose)));
  const wanted = loose(title);
  for (let i = from; i < pages.length; i++) if (pages[i]!.includes(wanted)) return i + 1;
  return -1;
}

/** The number printed right after an entry's text; -1 if the entry is not found. */
export function printedNumber(text: string, entry: string): number {
  // pdftotext drops a hyphen (and the space) where a line breaks after it: "2025 - 2026" → "2025 2026".
  const pattern = collapse(entry).split(/[\s\-‐]+/).map(escape).join('[\\s\\-‐]*').replace(/["“”]/g, '["“”]').replace(/['‘’]/g, "['‘’]");
  const match = new RegExp(`${pattern} (\\d+)`).exec(text);
  return match ? Number(match[1]) : -1;
}

/** Index of the first page after the TOC: where part I starts. */
export function firstPartPage(texts: string[]): number {
  // "PART" in English themes (pdftotext may split its letter-spaced capitals).
  return texts.findIndex((t) => /^(PHẦN|P ?A ?R ?T) I /.test(t));
}

export interface TocEntryCheck {
  title: string;
  printed: number;
  actual: number;
}

/** Every TOC entry of the issue with the number printed for it and the page its heading is on. */
export function tocEntries(issue: Issue, texts: string[]): TocEntryCheck[] {
  const tocEnd = firstPartPage(texts);
  const toc = texts.slice(1, tocEnd).join(' ');
  const rows: TocEntryCheck[] = [];
  for (const part of issue.parts) {
    if (part.kind === 'summary') {
      rows.push({ title: part.heading!, printed: printedNumber(toc, `1. ${part.heading!}`), actual: pageOf(texts, part.pageHeading!, tocEnd) });
    }
    for (const a of part.articles) {
      const entry = a.date ? `${a.number}. ${a.date.short}: ${a.title}` : `${a.number}. ${a.title}`;
      rows.push({ title: a.title, printed: printedNumber(toc, entry), actual: pageOf(texts, a.title, tocEnd) });
    }
  }
  return rows;
}

/**
 * What the preview's page shows beside the PDF: the issue's parts and stories (each with its
 * named destination, the id Chromium wrote for it, and its line in the issue file) and the
 * build's errors and warnings, file:line first, in the interface language.
 */
import path from 'node:path';
import type { Diagnostic, Severity } from '../core/diagnostics.js';
import { locate, type IssueSource } from '../issue/source.js';
import type { Issue } from '../issue/types.js';

/** A story or part of the issue: its named destination in the PDF, and its line in the file. */
export interface PreviewItem {
  id: string;
  title: string;
  line: number;
  part: boolean;
}

/** An error or warning as the page lists it. */
export interface PreviewProblem {
  severity: Severity;
  /** As the terminal shows it (relative to the working folder). */
  file: string;
  line: number;
  col: number;
  code: string;
  message: string;
}

/** Every part and story in reading order, at the line of its title (or its first line). */
export function previewItems(issue: Issue, source: IssueSource): PreviewItem[] {
  const lineOf = (at: readonly (string | number)[]) => {
    const title = locate(source, [...at, 'title']);
    return title.exact ? title.line : locate(source, at).line;
  };
  return issue.parts.flatMap((part) => [
    { id: part.id, title: part.title, line: lineOf(part.path), part: true },
    ...part.articles.map((article) => ({ id: article.id, title: article.title, line: lineOf(article.path), part: false })),
  ]);
}

export function previewProblems(diagnostics: readonly Diagnostic[]): PreviewProblem[] {
  return diagnostics.map((d) => ({ severity: d.severity, file: shownFile(d.file), line: d.line, col: d.col, code: d.code, message: d.message }));
}

/** A file as the terminal names it: relative to the working folder when inside it. */
export function shownFile(file: string): string {
  const relative = path.isAbsolute(file) ? path.relative(process.cwd(), file) : file;
  return relative && !relative.startsWith('..') ? relative : file;
}

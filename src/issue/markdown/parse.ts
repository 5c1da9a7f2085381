/**
 * issue.md → the same IssueSource a YAML file gives: the front matter read as YAML, the parts
 * and items built as yaml nodes whose ranges are offsets into the .md text (nodes.ts). The
 * schema, the model and the editorial warnings then run unchanged and point at .md lines.
 */
import { isMap, Scalar, YAMLMap, type Document } from 'yaml';
import { formatPath, type Diagnostic, type PathSegment } from '../../core/diagnostics.js';
import { t } from '../../core/i18n.js';
import { composedSource, controlCharMessage, findControlChars } from '../text.js';
import { lineText, parseIssueSource, pathAt, type IssueSource } from '../source.js';
import { periodOf, readHeadingDate, type Period } from './day-month.js';
import type { FenceReader } from './fences.js';
import { lineCounter, splitLines, type Line } from './lines.js';
import { mapAt, extendTo, scalarAt, seqAt, setField } from './nodes.js';
import { outline, type Region } from './outline.js';
import { readPart, type Group } from './regions.js';

export interface MarkdownContext {
  source: IssueSource;
  reader: FenceReader;
  period?: Period;
  /** A problem at an offset of the file (a message from t()); the field is the one found there unless given. */
  report(offset: number, message: string, options?: { severity?: Diagnostic['severity']; path?: readonly PathSegment[]; code?: string }): void;
}

const DELIMITER = /^---[ \t]*$/;

export function parseMarkdownIssue(file: string, raw: string): { source: IssueSource; diagnostics: Diagnostic[] } {
  const text = composedSource(raw);
  const lines = splitLines(text);
  const diagnostics: Diagnostic[] = [];
  const front = readFrontMatter(file, text, lines, diagnostics);
  const source: IssueSource = { file, text, doc: front.doc, lines: lineCounter(text) };
  const pending: Array<() => void> = [];
  const ctx: MarkdownContext = {
    source,
    reader: { file, text, blank: text.replace(/[^\n]/g, ' '), source, diagnostics },
    period: periodOf(plain(front.doc)),
    report(offset, message, options = {}) {
      // The path is looked up once the document is whole.
      pending.push(() => {
        const { line, col } = source.lines.linePos(offset);
        const path = formatPath(options.path ?? pathAt(source.doc, offset));
        diagnostics.push({ severity: options.severity ?? 'error', file, line, col, path, message, sourceLine: lineText(source, line), code: options.code ?? 'markdown' });
      });
    },
  };
  const contents = frontMap(ctx, front.doc);
  const regions = outline(lines, front.bodyFrom, text.length);
  const stray = regions[0]!.units.find((u) => u.type !== 'blank');
  if (stray) ctx.report(stray.line.start, t('markdown.beforeFirstPart'));
  const groups = groupParts(ctx, regions.slice(1));
  // A file with nothing in it is empty, as an empty YAML file is (not three missing fields).
  if (!groups.length && !contents.items.length && !text.trim()) (front.doc as Document).contents = null;
  if (groups.length) {
    const first = groups[0]!.region.heading!.line.start;
    const parts = seqAt(first);
    groups.forEach((group, p) => {
      const part = readPart(ctx, group, ['parts', p]);
      parts.items.push(part);
      extendTo(parts, part.range![1]);
    });
    if (contents.has('parts')) ctx.report(first, t('markdown.partsTwice'));
    else setField(contents, 'parts', parts);
  }
  controlChars(ctx, front.bodyFrom < lines.length ? lines[front.bodyFrom]!.start : text.length, regions);
  for (const report of pending) report();
  return { source, diagnostics };
}

function readFrontMatter(file: string, text: string, lines: Line[], diagnostics: Diagnostic[]): { doc: Document.Parsed; bodyFrom: number } {
  const none = () => parseIssueSource(file, '').source.doc;
  if (!DELIMITER.test(lines[0]!.text)) return { doc: none(), bodyFrom: 0 };
  const close = lines.findIndex((line, i) => i > 0 && DELIMITER.test(line.text));
  if (close < 0) {
    diagnostics.push({ severity: 'error', file, line: 1, col: 1, path: '', message: t('markdown.frontMatter.unclosed'), sourceLine: lines[0]!.text, code: 'markdown' });
    return { doc: none(), bodyFrom: lines.length };
  }
  // The front matter with the opening "---" (a YAML document start): offsets are the .md's own.
  const parsed = parseIssueSource(file, text.slice(0, lines[close]!.start));
  diagnostics.push(...parsed.diagnostics);
  return { doc: parsed.source.doc, bodyFrom: close + 1 };
}

/** The front matter's data, if it reads (only to take the period's year). */
function plain(doc: Document): unknown {
  try {
    return doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/** The front matter's top map, where the parts are added. */
function frontMap(ctx: MarkdownContext, doc: Document.Parsed): YAMLMap {
  const contents = (doc as Document).contents;
  if (isMap(contents)) return contents;
  if (contents && !(contents instanceof Scalar && (contents.value === null || contents.value === ''))) {
    ctx.report(contents.range?.[0] ?? 0, t('markdown.frontMatter.notFields'), { path: [] });
  }
  const map = mapAt(0);
  (doc as Document).contents = map;
  return map;
}

/**
 * Parts and what is under them. A `#` heading that starts with a date is an item, as the seeds
 * set them ("# 20/4: HÌNH THÀNH …"): pasted so, it still reads; no part title starts with a date.
 */
function groupParts(ctx: MarkdownContext, regions: Region[]): Group[] {
  const groups: Group[] = [];
  for (const region of regions) {
    if (region.heading!.level === 1 && !readHeadingDate(region.heading!.text)) groups.push({ region, children: [] });
    else if (groups.length) groups.at(-1)!.children.push(region);
    else ctx.report(region.heading!.line.start, t('markdown.itemOutsidePart'));
  }
  return groups;
}

/**
 * Control characters after the front matter, outside ```bantin blocks (the YAML reader
 * reports those): at most one per line and a dozen in all, as in a YAML file.
 */
function controlChars(ctx: MarkdownContext, from: number, regions: Region[]): void {
  const fences = regions.flatMap((r) => r.units.flatMap((u) => (u.type === 'fence' ? [[u.contentStart, u.contentEnd] as const] : [])));
  const seen = new Set<number>();
  for (const { offset, char } of findControlChars(ctx.source.text)) {
    if (offset < from || fences.some(([start, end]) => start <= offset && offset < end)) continue;
    const line = ctx.source.lines.linePos(offset).line;
    if (seen.has(line)) continue;
    if (seen.size === 12) break;
    seen.add(line);
    ctx.report(offset, controlCharMessage(char), { code: 'control-char' });
  }
}

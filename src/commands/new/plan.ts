/** What the new issue holds: carried over from the previous issue, or a new series' first parts. */
import path from 'node:path';
import { Document, isMap, visit, type Node, type Scalar, type YAMLMap } from 'yaml';
import { addDays, daysBetween, monthSpan, parseIsoDate, type DateInfo } from '../../issue/dates.js';
import { UserError } from '../../core/diagnostics.js';
import { hasErrors, loadIssue } from '../../issue/load.js';
import type { Issue, PartKind } from '../../issue/model.js';
import { parseIssueFile } from '../../issue/markdown/read.js';
import { readIssueText } from '../../issue/source.js';
import { nextIssueNumber, nextMonth, nextWeek } from './numbering.js';
import type { NewOptions } from './options.js';
import { gatherAnswers } from './questions.js';
import { t } from '../../core/i18n.js';

export interface PartPlan {
  kind: PartKind;
  title: string;
  sections: string[];
}

export interface Plan {
  number: string;
  week: { start: DateInfo; end: DateInfo };
  /** A monthly issue: the next month, YYYY-MM (the week is then its first and last day). */
  month?: string;
  seriesTitle: string;
  /** Top-level blocks carried over as they were written (series, page…), comments dropped. */
  carried: Array<[string, Node]>;
  coverImage?: Node;
  parts: PartPlan[];
}

export async function continueFrom(from: string, options: NewOptions): Promise<Plan> {
  const loaded = await loadIssue(from);
  if (!loaded.issue || hasErrors(loaded.diagnostics)) {
    throw new UserError(t('new.cannot-start-from', { file: from }), loaded.diagnostics);
  }
  const previous: Issue = loaded.issue;
  const month = previous.period.kind === 'month' ? nextMonth(previous.week.start) : undefined;
  let week = month ? monthSpan(month) : nextWeek(previous.week.start, previous.week.end);
  if (options.weekStart && !month) week = { start: parseIsoDate(options.weekStart), end: addDays(parseIsoDate(options.weekStart), daysBetween(previous.week.start, previous.week.end)) };
  // issue.md: its front matter, with the parts (left out below) read from the headings.
  const doc = parseIssueFile(from, await readIssueText(from)).source.doc;
  const top = doc.contents as YAMLMap<Scalar, Node>;
  const carried: Array<[string, Node]> = [];
  let coverImage: Node | undefined;
  for (const pair of top.items) {
    const key = String(pair.key.value);
    const value = pair.value && withoutComments(pair.value.clone() as Node);
    if (!value || ['issue', 'parts'].includes(key)) continue;
    if (key === 'cover') coverImage = isMap(value) ? (value.get('image', true) as Node | undefined) : undefined;
    else carried.push([key, value]);
  }
  const series = carried.find(([key]) => key === 'series')?.[1];
  if (isMap(series)) {
    if (options.title) series.set('title', options.title);
    if (options.publisher?.length) series.set('publisher', nodeOf(options.publisher));
  }
  rebaseImages({ carried, coverImage, fromDir: path.dirname(path.resolve(from)), output: options.output });
  return {
    seriesTitle: options.title ?? previous.series.title,
    number: options.number ?? nextIssueNumber(previous.number, week.start),
    week,
    month,
    carried,
    coverImage,
    parts: previous.parts.map((p) => ({ kind: p.kind, title: p.title, sections: p.sections.map((s) => s.title) })),
  };
}

/** The previous issue's comments describe that issue (and attach to the wrong keys once moved). */
function withoutComments(node: Node): Node {
  const clear = (n: Node) => {
    n.comment = n.commentBefore = null;
    n.spaceBefore = false;
  };
  clear(node);
  visit(node, { Node: (_key, n) => void clear(n) });
  return node;
}

const nodeOf = (value: unknown) => new Document(value).contents as Node;

/** Image paths are relative to the issue file: keep them pointing at the same files when -o moves it. */
function rebaseImages({ carried, coverImage, fromDir, output }: { carried: Array<[string, Node]>; coverImage: Node | undefined; fromDir: string; output: string | undefined }) {
  if (!output) return;
  const toDir = path.dirname(path.resolve(output));
  if (toDir === fromDir) return;
  const rebase = (map: unknown, key: string) => {
    if (!isMap(map) || typeof map.get(key) !== 'string') return;
    const moved = path.relative(toDir, path.resolve(fromDir, map.get(key) as string));
    if (!moved.startsWith('..') && !path.isAbsolute(moved)) map.set(key, moved.split(path.sep).join('/'));
  };
  rebase(carried.find(([key]) => key === 'series')?.[1], 'logo');
  rebase(coverImage, 'src');
}

export async function startSeries(options: NewOptions): Promise<Plan> {
  const answers = await gatherAnswers(options);
  const start = parseIsoDate(answers.weekStart);
  const series = nodeOf({ title: answers.title, publisher: answers.publisher });
  return {
    seriesTitle: answers.title,
    number: answers.number,
    week: { start, end: addDays(start, 6) },
    carried: [['series', series]],
    parts: [
      { kind: 'summary', title: 'Tổng kết xu hướng khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số', sections: ['Xu hướng chung của cả nước'] },
      { kind: 'news', title: 'Tin trong nước', sections: [] },
      { kind: 'spotlight', title: 'Tâm điểm', sections: [] },
    ],
  };
}

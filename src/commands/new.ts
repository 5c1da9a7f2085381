/**
 * bantin new: the next issue's file, started from the last one (series, cover settings and the
 * parts carried over, each part with one placeholder to replace), or from a few answers.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, isMap, parse, parseDocument, visit, YAMLMap, type Node, type Scalar } from 'yaml';
import { addDays, formatWeek, parseIsoDate, type DateInfo } from '../issue/dates.js';
import { UserError } from '../issue/diagnostics.js';
import { PLACEHOLDER } from '../issue/lint.js';
import { hasErrors, loadIssue, loadIssueText } from '../issue/load.js';
import type { Issue, PartKind } from '../issue/model.js';
import { isoDate } from '../issue/schema.js';
import { readIssueText } from '../issue/source.js';
import { packageRoot } from '../paths.js';

export interface NewOptions {
  /** The previous issue; default: the newest issue file in `dir`. */
  from?: string;
  /** Where to look for the newest issue and write the new one (default: the current folder). */
  dir?: string;
  /** Default: so-<n>-<year>.yaml beside the previous issue, or in `dir`. */
  output?: string;
  number?: string;
  weekStart?: string;
  title?: string;
  publisher?: string[];
  /** Asks one question in a terminal; absent: nothing is asked and missing values are an error. */
  ask?: (question: string) => Promise<string>;
  /** For tests: "today", which sets the default week. */
  today?: Date;
}

export interface NewResult {
  output: string;
  /** The issue this one continues, when there was one. */
  from?: string;
  number: string;
  week: { start: string; end: string; label: string };
  /** How many placeholders the editor has to replace. */
  placeholders: number;
  /** Things to do before the issue builds (an image left behind in the previous issue's folder). */
  notes: string[];
}

export const DEFAULT_SERIES_TITLE = 'Điểm tin Khoa học Công nghệ';
const NUMBER = /^([1-9]\d{0,2})\/(\d{4})$/;

/**
 * The number after `previous` for the week starting `nextStart`: one more, unless that week
 * starts in a later year than the previous number's, which restarts the count at 1.
 */
export function nextIssueNumber(previous: string, nextStart: DateInfo): string {
  const [, n, year] = NUMBER.exec(previous)!.map(Number) as [number, number, number];
  return nextStart.year > year ? `1/${nextStart.year}` : `${n + 1}/${year}`;
}

/** The week seven days later, as long as the previous one. */
export function nextWeek(start: DateInfo, end: DateInfo): { start: DateInfo; end: DateInfo } {
  return { start: addDays(start, 7), end: addDays(end, 7) };
}

/** Monday of the week `today` falls in: a weekly bulletin covers the week being lived. */
export function mondayOf(today: Date): DateInfo {
  const iso = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())).toISOString().slice(0, 10);
  return addDays(parseIsoDate(iso), -((today.getDay() + 6) % 7));
}

export function defaultFileName(number: string): string {
  const [, n, year] = NUMBER.exec(number)!;
  return `so-${n}-${year}.yaml`;
}

export async function newIssue(options: NewOptions): Promise<NewResult> {
  const dir = path.resolve(options.dir ?? '.');
  if (options.output && (await exists(options.output))) throw refuse(path.resolve(options.output));
  const from = options.from ?? (await newestIssue(dir));
  const plan = from ? await continueFrom(from, options) : await startSeries(options);
  const output = path.resolve(options.output ?? path.join(from ? path.dirname(path.resolve(from)) : dir, defaultFileName(plan.number)));
  if (await exists(output)) throw refuse(output);
  const text = renderIssue({ ...plan, output, from });

  // The file must build as written; an image the previous issue names may be left behind.
  const check = await loadIssueText(output, text);
  const notes = check.diagnostics.filter((d) => d.severity === 'error' && d.code === 'image').map((d) => `${d.path}: ${d.message}`);
  const other = check.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'image');
  if (other.length) throw new Error(`bantin new made an invalid issue:\n${other.map((d) => `${d.line}:${d.col} ${d.path}: ${d.message}`).join('\n')}`);
  try {
    await writeFile(output, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw refuse(output);
    if (code === 'ENOENT') throw new UserError(`cannot write ${output}: the folder ${path.dirname(output)} does not exist`);
    throw new UserError(`cannot write ${output}: ${code ?? String(error)}`);
  }
  const { start, end } = plan.week;
  return {
    output,
    from: from && path.resolve(from),
    number: plan.number,
    week: { start: start.iso, end: end.iso, label: formatWeek(start, end) },
    placeholders: check.diagnostics.filter((d) => d.code === 'placeholder').length,
    notes,
  };
}

const refuse = (output: string) => new UserError(`${output} already exists: bantin new never overwrites a file (choose another name with -o)`);

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

// ───────────────────────── what the new issue holds ─────────────────────────

interface PartPlan {
  kind: PartKind;
  title: string;
  sections: string[];
}

interface Plan {
  number: string;
  week: { start: DateInfo; end: DateInfo };
  seriesTitle: string;
  /** Top-level blocks carried over as they were written (series, page…), comments dropped. */
  carried: Array<[string, Node]>;
  coverImage?: Node;
  parts: PartPlan[];
}

/** The newest issue file of a folder, by issue number and then week; undefined when there is none. */
export async function newestIssue(dir: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new UserError(`cannot read the folder ${dir}`);
  }
  let best: { file: string; rank: [number, number, string] } | undefined;
  for (const name of names.filter((n) => /\.ya?ml$/i.test(n))) {
    const file = path.join(dir, name);
    let data: { issue?: { number?: unknown; week?: { start?: unknown } } } | undefined;
    try {
      data = parse(await readFile(file, 'utf8')) as typeof data;
    } catch {
      continue;
    }
    const match = NUMBER.exec(String(data?.issue?.number ?? ''));
    if (!match) continue;
    const rank: [number, number, string] = [Number(match[2]), Number(match[1]), String(data?.issue?.week?.start ?? '')];
    if (!best || compareRank(rank, best.rank) > 0) best = { file, rank };
  }
  return best?.file;
}

const compareRank = (a: [number, number, string], b: [number, number, string]) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);

async function continueFrom(from: string, options: NewOptions): Promise<Plan> {
  const loaded = await loadIssue(from);
  if (!loaded.issue || hasErrors(loaded.diagnostics)) {
    throw new UserError(`cannot start from ${from}: it has errors (fix them, or name another issue with --from)`, loaded.diagnostics);
  }
  const previous: Issue = loaded.issue;
  let week = nextWeek(previous.week.start, previous.week.end);
  if (options.weekStart) week = { start: parseIsoDate(options.weekStart), end: addDays(parseIsoDate(options.weekStart), daysBetween(previous.week.start, previous.week.end)) };
  const doc = parseDocument(await readIssueText(from));
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
  rebaseImages(carried, coverImage, path.dirname(path.resolve(from)), options);
  return {
    seriesTitle: options.title ?? previous.series.title,
    number: options.number ?? nextIssueNumber(previous.number, week.start),
    week,
    carried,
    coverImage,
    parts: previous.parts.map((p) => ({ kind: p.kind, title: p.title, sections: p.sections.map((s) => s.title) })),
  };
}

const daysBetween = (a: DateInfo, b: DateInfo) => Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);

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
function rebaseImages(carried: Array<[string, Node]>, coverImage: Node | undefined, fromDir: string, options: NewOptions) {
  if (!options.output) return;
  const toDir = path.dirname(path.resolve(options.output));
  if (toDir === fromDir) return;
  const rebase = (map: unknown, key: string) => {
    if (!isMap(map) || typeof map.get(key) !== 'string') return;
    const moved = path.relative(toDir, path.resolve(fromDir, map.get(key) as string));
    if (!moved.startsWith('..') && !path.isAbsolute(moved)) map.set(key, moved.split(path.sep).join('/'));
  };
  rebase(carried.find(([key]) => key === 'series')?.[1], 'logo');
  rebase(coverImage, 'src');
}

async function startSeries(options: NewOptions): Promise<Plan> {
  const answers = await gather(options);
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

/** Flags first; then, in a terminal, questions for what is still missing. */
async function gather(options: NewOptions) {
  const { ask } = options;
  const defaultStart = mondayOf(options.today ?? new Date()).iso;
  const missing = [!options.number && '--number 1/2026', !options.publisher?.length && '--publisher "Sở Khoa học và Công nghệ"'].filter(Boolean);
  if (!ask && missing.length) {
    throw new UserError(`there is no previous issue to continue: name one with --from, or start a series with ${missing.join(' ')} (no terminal to ask in, or --yes)`);
  }
  const question = async (text: string, fallback: string | undefined, valid: (v: string) => string | undefined): Promise<string> => {
    let problem: string | undefined;
    for (let tries = 0; tries < 3; tries++) {
      const answer = (await ask!(`${problem ? `(${problem}) ` : ''}${text}${fallback ? ` [${fallback}]` : ''}: `)).trim() || fallback || '';
      problem = valid(answer);
      if (!problem) return answer;
    }
    throw new UserError(`${text}: ${problem}`);
  };
  const nonEmpty = (v: string) => (v ? undefined : 'an answer is needed');
  const title = options.title ?? (ask ? await question('Series title', DEFAULT_SERIES_TITLE, nonEmpty) : DEFAULT_SERIES_TITLE);
  const publisher = options.publisher?.length ? options.publisher : [await question('Publisher, first line (parent body first)', undefined, nonEmpty)];
  if (!options.publisher?.length) {
    for (let line = 2; ; line++) {
      const more = (await ask!(`Publisher, line ${line} (Enter when done): `)).trim();
      if (!more) break;
      publisher.push(more);
    }
  }
  const number = options.number ?? (await question('Issue number (number/year)', undefined, (v) => (NUMBER.test(v) ? undefined : 'expected number/year, e.g. 1/2026')));
  const weekStart =
    options.weekStart ??
    (ask ? await question('First day of the week (YYYY-MM-DD)', defaultStart, (v) => (isoDate.safeParse(v).success ? undefined : 'expected a real date written YYYY-MM-DD')) : defaultStart);
  return { title, publisher, number, weekStart };
}

// ───────────────────────── writing it out ─────────────────────────

const scalar = (value: string) => new Document(value).toString({ lineWidth: 0 }).trimEnd();
const comment = (text: string) => text.split('\n').map((line) => `# ${line}`.trimEnd());

function renderIssue(plan: Plan & { output: string; from?: string }): string {
  const { start, end } = plan.week;
  const week = formatWeek(start, end);
  const schema = path.relative(path.dirname(plan.output), path.join(packageRoot, 'schema', 'issue.schema.json')).split(path.sep).join('/');
  const carried = new Document(new YAMLMap());
  for (const [key, value] of plan.carried) (carried.contents as YAMLMap).set(key, value);
  const lines = [
    `# yaml-language-server: $schema=${schema}`,
    '#',
    ...comment(`${plan.seriesTitle} số ${plan.number}, tuần ${week}: started by \`bantin new\`${plan.from ? ` from ${path.basename(plan.from)}` : ''}.`),
    ...comment('Replace the placeholders (`bantin check` lists those left), then: bantin build'),
    '',
    carried.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd(),
    '',
    'issue:',
    `  number: ${plan.number} # number/year`,
    '  week: # items dated outside it get a warning',
    `    start: ${start.iso}`,
    `    end: ${end.iso}`,
    '',
    ...coverLines(plan.coverImage),
    '',
    'parts: # in reading order; kind: summary, news or spotlight',
    ...plan.parts.flatMap((part) => partLines(part, start)),
  ];
  return `${lines.join('\n')}\n`;
}

function coverLines(image: Node | undefined): string[] {
  const highlights = '# highlights: [article-id, …] # up to 6 article ids (give those articles an id:), listed on the cover with their pages';
  if (!image) return ['# cover:', `#   ${highlights.slice(2)}`];
  const doc = new Document(new YAMLMap());
  (doc.contents as YAMLMap).set('image', image);
  return ['cover:', `  ${highlights}`, ...doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd().split('\n').map((l) => `  ${l}`)];
}

function partLines(part: PartPlan, start: DateInfo): string[] {
  const head = [`  - kind: ${part.kind}`, `    title: ${scalar(part.title)}`];
  if (part.kind === 'summary') {
    return [
      ...head,
      '    # intro: the opening paragraph (Markdown, optional)',
      '    sections: # one heading each; the body is Markdown (### sub-heading, - bullets, **bold**)',
      ...(part.sections.length ? part.sections : ['Xu hướng chung']).flatMap((title) => [
        `      - title: ${scalar(title)}`,
        '        body: | # placeholder: write this section',
        `          ${PLACEHOLDER.sectionBody}`,
      ]),
    ];
  }
  return [
    ...head,
    '    articles:',
    '      # Placeholder: replace it with the first story, then copy the block for each further one.',
    ...(part.kind === 'news'
      ? [`      - date: ${start.iso} # YYYY-MM-DD, within the week`, `        title: ${scalar(PLACEHOLDER.title)} # sentence case: the layout prints it in capitals`]
      : [`      - title: ${scalar(PLACEHOLDER.title)} # sentence case: the layout prints it in capitals`, `        # date: ${start.iso} # optional for a spotlight story`]),
    '        source: # printed as "Chi tiết: <name>" with a QR code to the url',
    `          name: ${scalar(PLACEHOLDER.sourceName)}`,
    `          url: ${PLACEHOLDER.url}`,
    '        body: | # Markdown; a blank line between paragraphs',
    `          ${PLACEHOLDER.body}`,
  ];
}

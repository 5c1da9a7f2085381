/**
 * bantin new: numbering and week arithmetic (year rollover included), what is carried over from
 * the previous issue, never overwriting, and questions or flags when there is no previous issue.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mondayOf, newestIssue, newIssue, nextIssueNumber, nextWeek } from '../../src/commands/new/index.js';
import { parseIsoDate } from '../../src/issue/dates.js';
import { isUserError } from '../../src/core/diagnostics.js';
import { loadIssue } from '../../src/issue/load.js';
import { publishedSchemaUrl, schemaReference } from '../../src/commands/new/schema-ref.js';
import { TINY_PNG } from './helpers.js';

const repo = path.resolve(import.meta.dirname, '../..');
const example = (name: string) => path.join(repo, 'examples', name);
let work: string;
let n = 0;

beforeAll(async () => {
  work = await realpath(await mkdtemp(path.join(tmpdir(), 'bantin-new-')));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A fresh folder holding copies of the named examples. */
async function folder(...examples: string[]): Promise<string> {
  const dir = path.join(work, `case-${++n}`);
  await mkdir(dir);
  for (const name of examples) await copyFile(example(name), path.join(dir, name));
  return dir;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(error, 'expected a failure').toBeDefined();
  return error!;
}

/** A previous issue with a different number and week, from the so-20 example. */
async function issueNumbered(dir: string, number: string, start: string, end: string): Promise<string> {
  const text = (await readFile(example('so-20-2026.yaml'), 'utf8'))
    .replace('number: 20/2026', `number: ${number}`)
    .replace('start: 2026-05-25', `start: ${start}`)
    .replace('end: 2026-05-31', `end: ${end}`)
    .replace(/date: 2026-05-\d\d/g, `date: ${start}`);
  const file = path.join(dir, `so-${number.replace('/', '-')}.yaml`);
  await writeFile(file, text);
  return file;
}

describe('numbering and weeks', () => {
  const week = (start: string, end: string) => nextWeek(parseIsoDate(start), parseIsoDate(end));

  it('moves the week forward by seven days, across months and years', () => {
    expect(Object.values(week('2026-05-25', '2026-05-31')).map((d) => d.iso)).toEqual(['2026-06-01', '2026-06-07']);
    expect(Object.values(week('2026-12-21', '2026-12-27')).map((d) => d.iso)).toEqual(['2026-12-28', '2027-01-03']);
    expect(Object.values(week('2026-12-28', '2027-01-03')).map((d) => d.iso)).toEqual(['2027-01-04', '2027-01-10']);
    expect(Object.values(week('2028-02-21', '2028-02-27')).map((d) => d.iso)).toEqual(['2028-02-28', '2028-03-05']);
  });

  it('counts on within a year', () => {
    expect(nextIssueNumber('20/2026', parseIsoDate('2026-06-01'))).toBe('21/2026');
    expect(nextIssueNumber('9/2026', parseIsoDate('2026-03-02'))).toBe('10/2026');
  });

  it('restarts at 1 when the new week starts in a later year than the previous number', () => {
    // 52/2026 covered 28/12/2026 – 3/1/2027; the next week starts on 4/1/2027.
    expect(nextIssueNumber('52/2026', parseIsoDate('2027-01-04'))).toBe('1/2027');
  });

  it('keeps the year for a week that starts in December and ends in January', () => {
    // 51/2026 covered 21/12 – 27/12/2026; the next week (28/12/2026 – 3/1/2027) starts in 2026.
    expect(nextIssueNumber('51/2026', parseIsoDate('2026-12-28'))).toBe('52/2026');
  });

  it('finds the Monday of the current week for a new series', () => {
    expect(mondayOf(new Date(2026, 4, 27)).iso).toBe('2026-05-25'); // a Wednesday
    expect(mondayOf(new Date(2026, 4, 25)).iso).toBe('2026-05-25'); // the Monday itself
    expect(mondayOf(new Date(2027, 0, 3)).iso).toBe('2026-12-28'); // a Sunday, across the year
  });
});

describe('bantin new --from', () => {
  it('starts issue 21 from issue 20: next number and week, same series and parts, placeholders that build', async () => {
    const dir = await folder('so-20-2026.yaml');
    const result = await newIssue({ from: path.join(dir, 'so-20-2026.yaml'), dir });
    expect(result).toMatchObject({
      output: path.join(dir, 'so-21-2026.yaml'),
      from: path.join(dir, 'so-20-2026.yaml'),
      number: '21/2026',
      week: { start: '2026-06-01', end: '2026-06-07', label: '1/6 – 7/6/2026' },
      placeholders: 5,
      notes: [],
    });
    const text = await readFile(result.output, 'utf8');
    const schema = path.relative(dir, path.join(repo, 'schema/issue.schema.json'));
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${schema}`);

    const { issue, diagnostics } = await loadIssue(result.output);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(['placeholder']));
    const previous = (await loadIssue(path.join(dir, 'so-20-2026.yaml'))).issue!;
    expect(issue!.series).toEqual(previous.series);
    expect(issue!.number).toBe('21/2026');
    expect(issue!.cover.highlights).toEqual([]);
    expect(issue!.parts.map((p) => [p.kind, p.title, p.articles.length])).toEqual(previous.parts.map((p) => [p.kind, p.title, p.kind === 'summary' ? 0 : 1]));
    expect(issue!.parts[0]!.sections.map((s) => s.title)).toEqual(previous.parts[0]!.sections.map((s) => s.title));
    expect(issue!.articles.filter((a) => a.kind === 'news').map((a) => a.date?.iso)).toEqual(['2026-06-01', '2026-06-01']);
  });

  it('writes the first issue of a year after the last week that starts in the old one', async () => {
    const dir = await folder();
    const from = await issueNumbered(dir, '52/2026', '2026-12-28', '2027-01-03');
    const result = await newIssue({ from, dir });
    expect([result.output, result.number, result.week.label]).toEqual([path.join(dir, 'so-1-2027.yaml'), '1/2027', '4/1 – 10/1/2027']);
    expect((await loadIssue(result.output)).issue?.week.label).toBe('4/1 – 10/1/2027');
  });

  it('writes into --dir (the current folder by default), never beside --from', async () => {
    const dir = await folder('so-20-2026.yaml');
    const elsewhere = await folder();
    const result = await newIssue({ from: path.join(dir, 'so-20-2026.yaml'), dir: elsewhere });
    expect(result.output).toBe(path.join(elsewhere, 'so-21-2026.yaml'));
    expect(await readdir(dir)).toEqual(['so-20-2026.yaml']);
  });

  it('takes --number and --week-start over the computed ones, keeping the length of the week', async () => {
    const dir = await folder('so-20-2026.yaml');
    const result = await newIssue({ from: path.join(dir, 'so-20-2026.yaml'), number: '22/2026', weekStart: '2026-06-08', output: path.join(dir, 'issue.yaml') });
    expect([result.output, result.number, result.week.start, result.week.end]).toEqual([path.join(dir, 'issue.yaml'), '22/2026', '2026-06-08', '2026-06-14']);
  });

  it('carries the cover image and the logo but not the highlights; image paths follow the file to another folder', async () => {
    const dir = await folder();
    await mkdir(path.join(dir, 'issues', 'anh'), { recursive: true });
    await writeFile(path.join(dir, 'issues', 'anh', 'bia.png'), TINY_PNG);
    await writeFile(path.join(dir, 'issues', 'logo.png'), TINY_PNG);
    const text = (await readFile(example('so-20-2026.yaml'), 'utf8'))
      .replace('  # logo: logo.png', '  logo: logo.png')
      .replace('  # image: {src: cover.jpg', '  image: {src: anh/bia.png');
    await writeFile(path.join(dir, 'issues', 'so-20-2026.yaml'), text);
    const result = await newIssue({ from: path.join(dir, 'issues', 'so-20-2026.yaml'), output: path.join(dir, 'so-21-2026.yaml') });
    const written = parse(await readFile(result.output, 'utf8')) as { series: { logo: string }; cover: Record<string, unknown> };
    expect(written.series.logo).toBe('issues/logo.png');
    expect(written.cover).toEqual({ image: { src: 'issues/anh/bia.png', caption: '...', credit: '...' } });
    expect(result.notes).toEqual([]);
    expect((await loadIssue(result.output)).issue?.cover.image?.src).toBe('issues/anh/bia.png');
  });

  it('says which image to copy when the new file cannot reach it', async () => {
    const dir = await folder();
    await mkdir(path.join(dir, 'tuan-20'));
    await mkdir(path.join(dir, 'tuan-21'));
    await writeFile(path.join(dir, 'tuan-20', 'logo.png'), TINY_PNG);
    const text = (await readFile(example('so-20-2026.yaml'), 'utf8')).replace('  # logo: logo.png', '  logo: logo.png');
    await writeFile(path.join(dir, 'tuan-20', 'so-20-2026.yaml'), text);
    const result = await newIssue({ from: path.join(dir, 'tuan-20', 'so-20-2026.yaml'), output: path.join(dir, 'tuan-21', 'so-21-2026.yaml') });
    expect(result.notes).toEqual([`series.logo: image not found: logo.png (looked for ${path.join(dir, 'tuan-21', 'logo.png')})`]);
  });

  it('continues the newest issue of the folder when --from is not given', async () => {
    const dir = await folder('so-15-2026.yaml', 'so-20-2026.yaml');
    await writeFile(path.join(dir, 'ghi-chu.yaml'), 'ghi chú: không phải một số bản tin\n');
    await writeFile(path.join(dir, 'hong.yaml'), 'issue: [\n');
    expect(await newestIssue(dir)).toBe(path.join(dir, 'so-20-2026.yaml'));
    const first = await newIssue({ dir });
    expect(first.number).toBe('21/2026');
    // Run again: the issue just made is now the newest.
    const second = await newIssue({ dir });
    expect([second.from, second.number, second.week.start]).toEqual([first.output, '22/2026', '2026-06-08']);
  });

  it('never overwrites a file: the default name or -o', async () => {
    const dir = await folder('so-20-2026.yaml');
    const taken = path.join(dir, 'so-21-2026.yaml');
    await writeFile(taken, 'bản nháp của biên tập viên\n');
    for (const output of [undefined, taken]) {
      const error = await rejection(newIssue({ from: path.join(dir, 'so-20-2026.yaml'), output, dir }));
      expect(isUserError(error)).toBe(true);
      expect(error.message).toBe(`${taken} already exists: bantin new never overwrites a file (choose another name with -o)`);
    }
    expect(await readFile(taken, 'utf8')).toBe('bản nháp của biên tập viên\n');
  });

  it('refuses to start from an issue with errors, listing them', async () => {
    const dir = await folder();
    const broken = path.join(dir, 'so-20-2026.yaml');
    await writeFile(broken, (await readFile(example('so-20-2026.yaml'), 'utf8')).replace('end: 2026-05-31', 'end: 2026-05-20'));
    const error = await rejection(newIssue({ from: broken }));
    expect(error.message).toBe(`cannot start from ${broken}: it has errors (fix them, or name another issue with --from)`);
    expect(isUserError(error) && error.diagnostics.map((d) => d.code)).toEqual(['week']);
  });
});

describe('bantin new without a previous issue', () => {
  it('needs the number and the publisher when it cannot ask', async () => {
    const dir = await folder();
    const error = await rejection(newIssue({ dir }));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toBe(
      'there is no previous issue to continue: name one with --from, or start a series with --number 1/2026 --publisher "Sở Khoa học và Công nghệ" (no terminal to ask in, or --yes)',
    );
  });

  it('starts a series from flags alone, with this week as the default', async () => {
    const dir = await folder();
    const result = await newIssue({ dir, number: '1/2027', publisher: ['Sở Khoa học và Công nghệ', 'Trung tâm Công nghệ thông tin và Truyền thông Hải Phòng'], today: new Date(2027, 0, 6) });
    expect([result.output, result.week.label]).toEqual([path.join(dir, 'so-1-2027.yaml'), '4/1 – 10/1/2027']);
    const { issue, diagnostics } = await loadIssue(result.output);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(issue!.series).toEqual({ title: 'Điểm tin Khoa học Công nghệ', publisher: ['Sở Khoa học và Công nghệ', 'Trung tâm Công nghệ thông tin và Truyền thông Hải Phòng'] });
    expect(issue!.parts.map((p) => p.kind)).toEqual(['summary', 'news', 'spotlight']);
  });

  it('asks for what the flags left out, with defaults, and asks again after a wrong answer', async () => {
    const dir = await folder();
    // The day as typed in Vietnam (6/10/2025), after a wrong answer.
    const answers = ['', 'Sở Khoa học và Công nghệ TP. Hồ Chí Minh', 'Phòng Thông tin', '', '10/2025', '10-2025', '6/10/2025'];
    const asked: string[] = [];
    const result = await newIssue({
      dir,
      today: new Date(2025, 9, 8),
      ask: async (question) => {
        asked.push(question);
        return answers.shift() ?? '';
      },
    });
    expect(asked).toEqual([
      'Series title [Điểm tin Khoa học Công nghệ]: ',
      'Publisher, first line (parent body first): ',
      'Publisher, line 2 (Enter when done): ',
      'Publisher, line 3 (Enter when done): ',
      'Issue number (number/year): ',
      'First day of the week (e.g. 20/4/2026) [2025-10-06]: ',
      '(expected a real date, written 20/4/2026 or 2026-04-20) First day of the week (e.g. 20/4/2026) [2025-10-06]: ',
    ]);
    const { issue } = await loadIssue(result.output);
    expect([issue!.series.publisher, issue!.number, issue!.week.label]).toEqual([['Sở Khoa học và Công nghệ TP. Hồ Chí Minh', 'Phòng Thông tin'], '10/2025', '6/10 – 12/10/2025']);
  });
});

describe("new's questions take a date as it is typed", () => {
  it.each(['20/4/2026', '20/04/2026', '20-4-2026', '2026-04-20'])('%s is 20 April 2026', async (typed) => {
    const dir = await folder();
    const answers = ['', 'Sở Khoa học và Công nghệ', '', '15/2026', typed];
    const result = await newIssue({ dir, today: new Date(2026, 3, 21), ask: async () => answers.shift() ?? '' });
    const { issue } = await loadIssue(result.output);
    expect(issue!.week.start.iso).toBe('2026-04-20');
  });
});

describe('the $schema line of a new issue', () => {
  it('points at node_modules/bantin when the folder has bantin installed, at this clone otherwise, and at unpkg from npx', async () => {
    const project = await folder();
    const issues = path.join(project, 'so');
    await mkdir(path.join(project, 'node_modules', 'bantin', 'schema'), { recursive: true });
    await mkdir(issues);
    await writeFile(path.join(project, 'node_modules', 'bantin', 'schema', 'issue.schema.json'), '{}');
    expect(schemaReference(issues)).toBe('../node_modules/bantin/schema/issue.schema.json');
    const bare = await folder();
    expect(schemaReference(bare)).toBe(path.relative(bare, path.join(repo, 'schema/issue.schema.json')));
    const npxCache = path.join(bare, '.npm', '_npx', 'abc', 'node_modules', 'bantin');
    expect(schemaReference(bare, npxCache)).toBe(publishedSchemaUrl());
    expect(publishedSchemaUrl('0.1.0')).toBe('https://unpkg.com/bantin@0.1.0/schema/issue.schema.json');
  });
});

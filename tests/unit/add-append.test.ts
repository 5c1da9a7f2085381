/** Where bantin add writes a draft into the issue's text: between two lines, nothing else moved, in either form. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { insertMarkdown, insertYaml, type DraftItem } from '../../src/commands/add/append.js';
import { placeIndex } from '../../src/commands/add/place.js';
import { readIssueInput } from '../../src/issue/markdown/read.js';
import { edit, MINIMAL_ISSUE } from './helpers.js';

const draft = (date: string, title: string): DraftItem => ({
  date,
  title,
  source: { name: 'Báo Hải Phòng', url: `https://baohaiphong.vn/${date}.html` },
  body: 'Hải Phòng lần đầu lọt Top 1.000 hệ sinh thái khởi nghiệp thế giới (hạng 765).',
  draft: true,
});
const comment = 'drafted by bantin add';
type Data = { parts: Array<{ articles: Array<{ title: string; draft?: boolean }> }> };
const titles = (yaml: string) => (parse(yaml) as Data).parts[0]!.articles.map((a) => a.title);

describe('the place of a draft', () => {
  it('follows the part’s date order, after the items of the same day; at the end without an order or a date', () => {
    const dates = ['2026-05-25', '2026-05-27', '2026-05-27', '2026-05-30'];
    expect(placeIndex(dates, '2026-05-27', 'oldest-first')).toBe(3);
    expect(placeIndex(dates, '2026-05-24', 'oldest-first')).toBe(0);
    expect(placeIndex(dates, '2026-05-31', 'oldest-first')).toBe(4);
    expect(placeIndex([...dates].reverse(), '2026-05-26', 'newest-first')).toBe(3);
    expect(placeIndex(dates, '2026-05-26', undefined)).toBe(4);
    expect(placeIndex(dates, undefined, 'oldest-first')).toBe(4);
  });
});

describe('a draft in a YAML issue', () => {
  const text = edit(MINIMAL_ISSUE, '    articles:\n', '    articles: # oldest first\n      # the week\'s first story\n');

  it('goes before the first item, its comments kept above the list, and after the last', () => {
    const first = insertYaml(text, 0, 0, draft('2026-05-25', 'Hải Phòng lọt Top 1.000'), comment);
    expect(first).toContain("    articles: # oldest first\n      # the week's first story\n      # drafted by bantin add\n      - date: 2026-05-25\n");
    expect(titles(first)).toEqual(['Hải Phòng lọt Top 1.000', 'Kinh tế số hướng tới 30% GDP']);
    const last = insertYaml(first, 0, 2, draft('2026-05-30', 'Hải Phòng: Top 200 vào năm 2030'), comment);
    // A title with ": " is quoted by yaml's writer; the file around it is as it was.
    expect(last).toContain('        title: "Hải Phòng: Top 200 vào năm 2030"\n');
    expect(last.startsWith(first)).toBe(true);
    expect(readIssueInput('x.yaml', last).diagnostics).toEqual([]);
    expect(titles(last)).toEqual(['Hải Phòng lọt Top 1.000', 'Kinh tế số hướng tới 30% GDP', 'Hải Phòng: Top 200 vào năm 2030']);
  });

  it('follows a list written flush with its key', () => {
    const flush = MINIMAL_ISSUE.replace(/^( {6})(- |  )/gm, (_, six: string, rest: string) => `${six.slice(2)}${rest}`);
    expect(flush).toContain('    articles:\n    - date: 2026-05-28\n      title:');
    const out = insertYaml(flush, 0, 1, draft('2026-05-30', 'Tin mới'), comment);
    expect(out).toContain('\n    # drafted by bantin add\n    - date: 2026-05-30\n      title: Tin mới\n      source:\n        name: Báo Hải Phòng\n');
    expect(titles(out)).toEqual(['Kinh tế số hướng tới 30% GDP', 'Tin mới']);
  });

  it('turns `articles: []` into a list, and keeps Windows line ends', () => {
    const empty = edit(MINIMAL_ISSUE, MINIMAL_ISSUE.slice(MINIMAL_ISSUE.indexOf('    articles:')), '    articles: [] # none yet\n').replace(/\n/g, '\r\n');
    const out = insertYaml(empty, 0, 0, draft('2026-05-26', 'Tin đầu tiên'), comment);
    expect(out).toContain('    articles:\r\n      # drafted by bantin add\r\n      - date: 2026-05-26\r\n');
    expect(out).toContain(' # none yet');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(titles(out)).toEqual(['Tin đầu tiên']);
  });

  it('refuses a list written on one line', () => {
    const flow = edit(MINIMAL_ISSUE, MINIMAL_ISSUE.slice(MINIMAL_ISSUE.indexOf('    articles:')), '    articles: [{date: 2026-05-28, title: A, body: B}]\n');
    expect(() => insertYaml(flow, 0, 1, draft('2026-05-29', 'T'), comment)).toThrow(/on one line, in brackets/);
  });
});

describe('a draft in a Markdown issue', () => {
  const md = [
    '---',
    'series: {title: Điểm tin Khoa học Công nghệ, publisher: [Sở Khoa học và Công nghệ]}',
    'issue: {number: 20/2026, week: {start: 2026-05-25, end: 2026-05-31}}',
    '---',
    '',
    '# Tin trong nước',
    '',
    '<!-- oldest first -->',
    '## 28/05: Kinh tế số hướng tới 30% GDP',
    'Chi tiết: [VOV](https://vov.vn/kinh-te/kinh-te-so-huong-toi-30-gdp-1234567.vov)',
    '',
    'Tiến trình phát triển nền kinh tế số quốc gia.',
    '',
  ].join('\n');

  it('goes before the first item and its comment, or after an item, in the item form', () => {
    const first = insertMarkdown({ file: 'x.md', text: md, partIndex: 0, index: 0, item: draft('2026-05-25', 'Hải Phòng lọt Top 1.000'), comment, level: 0, period: { start: '2026-05-25', end: '2026-05-31' } });
    expect(first).toContain('# Tin trong nước\n\n<!-- drafted by bantin add -->\n## 25/05: Hải Phòng lọt Top 1.000\nChi tiết: [Báo Hải Phòng](https://baohaiphong.vn/2026-05-25.html)\nNháp: có\n\nHải Phòng lần đầu');
    expect(first).toContain('(hạng 765).\n\n<!-- oldest first -->\n## 28/05');
    const back = readIssueInput('x.md', first);
    expect(back.diagnostics).toEqual([]);
    expect((back.input!.parts[0] as Data['parts'][number]).articles.map((a) => [a.title, a.draft])).toEqual([['Hải Phòng lọt Top 1.000', true], ['Kinh tế số hướng tới 30% GDP', undefined]]);
  });

  it('puts a summary that would read as an attribute line into the ```bantin block', () => {
    const tricky = { ...draft('2026-05-29', 'Nguồn nhân lực số'), body: 'Nguồn: Sở KH&CN cho biết thành phố cần 5.000 kỹ sư.' };
    const plain = insertMarkdown({ file: 'x.md', text: md, partIndex: 0, index: 1, item: tricky, comment, level: 0 });
    const read = (text: string) => (readIssueInput('x.md', text).input?.parts[0] as { articles: Array<{ body?: string }> } | undefined)?.articles[1]?.body;
    expect(read(plain)).not.toBe(tricky.body);
    expect(read(insertMarkdown({ file: 'x.md', text: md, partIndex: 0, index: 1, item: tricky, comment, level: 1 }))).toBe(tricky.body);
  });
});

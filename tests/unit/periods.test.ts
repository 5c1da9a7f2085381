/**
 * Issue 14's schema: periods (week, month, span), date ranges, sources without a link, authors
 * and digest items without a title, from the model to the HTML.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { newIssue } from '../../src/commands/new/index.js';
import { dateSpan, parseDateValue, parseIsoDate } from '../../src/issue/dates.js';
import { leadSentence, shortName } from '../../src/issue/untitled.js';
import { renderIssueHtml } from '../../src/render/html.js';
import { parseDocument } from './dom.js';
import { edit, load, MINIMAL_ISSUE, seen, VOV_URL } from './helpers.js';

const WEEK = '  week:\n    start: 2026-05-25\n    end: 2026-05-31\n';
const monthly = (month: string, date = '2026-05-28') =>
  edit(edit(MINIMAL_ISSUE, WEEK, `  period:\n    month: ${month}\n`), 'date: 2026-05-28', `date: ${date}`);
const html = async (text: string) => {
  const loaded = await load(text);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error').map(seen)).toEqual([]);
  return parseDocument((await renderIssueHtml(loaded.issue!)).html);
};
const clean = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

describe('dates and periods', () => {
  it('prints ranges with a closed-up en dash, within a month, across months and across years', () => {
    expect(parseDateValue('2025-10-13/2025-10-15')).toMatchObject({ short: '13–15/10', long: '13–15/10/2025', iso: '2025-10-13', endIso: '2025-10-15' });
    expect(parseDateValue({ start: '2025-09-30', end: '2025-10-02' }).short).toBe('30/9–2/10');
    expect(dateSpan(parseIsoDate('2025-12-30'), parseIsoDate('2026-01-02')).short).toBe('30/12/2025–2/1/2026');
    expect(parseDateValue('2025-10-14')).toMatchObject({ short: '14/10', long: '14/10/2025' });
  });

  it('takes a month as the period: "Tháng 10/2025" on the cover and the TOC', async () => {
    const loaded = await load(monthly('2025-10', '2025-10-13/2025-10-15'));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.issue!.week).toMatchObject({ start: { iso: '2025-10-01' }, end: { iso: '2025-10-31' } });
    const doc = await html(monthly('2025-10', '2025-10-13/2025-10-15'));
    expect(clean(doc.querySelector('.cover-week'))).toBe('Tháng 10/2025');
    expect(clean(doc.querySelector('.toc-subtitle'))).toContain('Tháng 10/2025');
    expect(clean(doc.querySelector('.news-date'))).toBe('13–15/10');
    expect(clean(doc.querySelector('.toc-date'))).toBe('13–15/10:');
  });

  it('takes a span with its own label, and still the week as period: {week}', async () => {
    const span = edit(MINIMAL_ISSUE, WEEK, '  period:\n    start: 2026-05-01\n    end: 2026-06-30\n    label: Quý II/2026\n');
    expect(clean((await html(span)).querySelector('.cover-week'))).toBe('Quý II/2026');
    const week = edit(MINIMAL_ISSUE, WEEK, '  period:\n    week:\n      start: 2026-05-25\n      end: 2026-05-31\n');
    expect(clean((await html(week)).querySelector('.cover-week'))).toBe('Tuần từ 25/5 – 31/5/2026');
  });

  it('refuses no period, two periods, half a span and a bad month, at their lines', async () => {
    const none = await load(edit(MINIMAL_ISSUE, WEEK, ''));
    expect(none.diagnostics.map((d) => [d.path, d.message])).toEqual([['issue', 'expected the period covered: week: {start, end} or period: {month: YYYY-MM}']]);
    const both = await load(edit(MINIMAL_ISSUE, WEEK, `${WEEK}  period:\n    month: 2026-05\n`));
    expect(both.diagnostics.map((d) => d.message)).toEqual(['expected either week or period, not both']);
    const half = await load(edit(MINIMAL_ISSUE, WEEK, '  period:\n    start: 2026-05-01\n'));
    expect(half.diagnostics.map((d) => [d.path, d.message])).toEqual([['issue.period.end', 'missing required field "end": expected both start and end dates']]);
    const month = await load(monthly('2025-13'));
    expect(month.diagnostics.map((d) => [d.line, d.path, d.message])).toEqual([[8, 'issue.period.month', 'expected a month written YYYY-MM, e.g. 2025-10']]);
  });

  it('warns date-outside-period for a range that runs past the month, and refuses a range ending before it starts', async () => {
    const past = await load(monthly('2025-10', '2025-10-30/2025-11-02'));
    expect(past.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['date-outside-period', "dated 30/10–2/11/2025, outside the issue's period (10/2025): check the date, or keep the item for the right issue"],
    ]);
    const backwards = await load(monthly('2025-10', '2025-10-15/2025-10-13'));
    expect(backwards.diagnostics.map((d) => [d.code, d.path])).toEqual([['date-range', 'parts[0].articles[0].date']]);
    const bad = await load(monthly('2025-10', '2025-10-13/2025-10-32'));
    expect(bad.diagnostics.map((d) => d.message)).toEqual(['expected a date YYYY-MM-DD, or a range YYYY-MM-DD/YYYY-MM-DD (e.g. 2025-10-13/2025-10-15)']);
  });
});

describe('sources without a link, authors', () => {
  it('prints "Nguồn: SGGP" and no QR code for a source without url; "bởi Linh" for an author', async () => {
    const text = edit(edit(MINIMAL_ISSUE, `          url: ${VOV_URL}\n`, ''), '        source:', '        author: Linh\n        source:');
    const doc = await html(text);
    expect(clean(doc.querySelector('.news-link'))).toBe('Nguồn: VOV');
    expect(doc.querySelectorAll('.news .qr')).toHaveLength(0);
    expect(doc.querySelector('.news-link a')).toBeNull();
    expect(clean(doc.querySelector('.news-author'))).toBe('bởi Linh');
  });

  it('keeps missing-source for an item with no source at all', async () => {
    const loaded = await load(edit(MINIMAL_ISSUE, `        source:\n          name: VOV\n          url: ${VOV_URL}\n`, ''));
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['missing-source']);
  });
});

describe('digest items without a title', () => {
  const DIGEST = edit(
    edit(MINIMAL_ISSUE, '  - kind: news', '  - kind: digest'),
    '      - date: 2026-05-28\n        title: Kinh tế số hướng tới 30% GDP\n',
    '      - title: Kinh tế số hướng tới 30% GDP\n',
  );
  const SENTENCES =
    'Tuyên Quang đẩy mạnh chuyển đổi số cấp xã đồng bộ, liên thông theo Nghị quyết 57/NQ-CP và Kế hoạch 02-KH/BCĐTW, tập trung vào hạ tầng, nhân lực và quy trình trực tuyến. Tỉnh đặt mục tiêu mới.';

  it('leads with the first sentence in bold and names the item from it, cut at a word', () => {
    const lead = leadSentence(SENTENCES);
    expect(lead.body).toBe(`**${SENTENCES.split(' Tỉnh')[0]}** Tỉnh đặt mục tiêu mới.`);
    expect(shortName(lead.sentence)).toBe('Tuyên Quang đẩy mạnh chuyển đổi số cấp xã đồng bộ, liên thông theo Nghị quyết 57/NQ-CP và…');
    expect(shortName('Noventiq ra mắt AI Weaver Peer.')).toBe('Noventiq ra mắt AI Weaver Peer');
    // Markdown inside the sentence: left as written rather than risk pairing the asterisks.
    expect(leadSentence('Một *câu* ngắn. Câu sau.').body).toBe('Một *câu* ngắn. Câu sau.');
    // One sentence only (the digest's short items): named by it, not set all in bold.
    const one = 'Sư đoàn 968 phát động phong trào thi đua chuyển đổi số từ năm 2025 đến 2030.\n';
    expect(leadSentence(one)).toEqual({ sentence: one.trim(), body: one });
  });

  it('prints an undated, untitled item: no heading, the bold lead, its TOC entry from the first sentence', async () => {
    // Two sentences: the first leads (a one-sentence item is not set all in bold).
    const text = edit(
      edit(DIGEST, '      - title: Kinh tế số hướng tới 30% GDP\n', '      - author: Linh\n'),
      'vào năm 2030.\n',
      'vào năm 2030. Đây là mục tiêu của cả nước.\n',
    );
    const loaded = await load(text);
    expect(loaded.diagnostics).toEqual([]);
    const article = loaded.issue!.articles[0]!;
    expect(article).toMatchObject({ titled: false, date: undefined, title: 'Tiến trình phát triển nền kinh tế số quốc gia đang được thiết lập với mục tiêu tỷ trọng…' });
    const doc = await html(text);
    expect(doc.querySelector('.news-title')).toBeNull();
    expect(clean(doc.querySelector('.news-body strong'))).toMatch(/^Tiến trình .* năm 2030\.$/);
    expect(clean(doc.querySelector('.toc-entry-title'))).toBe(`1.${article.title}`);
  });
});

describe('bantin new, monthly', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it.each([
    ['2025-10', '10/2025', '2025-11', '11/2025'],
    ['2025-12', '12/2025', '2026-01', '1/2026'],
  ])('after month %s (number %s) comes %s, number %s', async (month, number, next, nextNumber) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bantin-monthly-'));
    dirs.push(dir);
    const from = path.join(dir, 'prev.yaml');
    await writeFile(from, edit(monthly(month, `${month}-14`), 'number: 20/2026', `number: ${number}`));
    const result = await newIssue({ from, output: path.join(dir, 'next.yaml') });
    expect(result.number).toBe(nextNumber);
    const data = parse(await readFile(path.join(dir, 'next.yaml'), 'utf8'));
    expect(data.issue).toEqual({ number: nextNumber, period: { month: next } });
  });
});

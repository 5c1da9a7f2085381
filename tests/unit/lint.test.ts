/**
 * Editorial lint on fixtures cut from the seeds' real mistakes (tests/fixtures/lint/), with the
 * exact position and message an editor sees; and no warning at all on the two real examples.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { storyKey } from '../../src/issue/lint.js';
import { loadIssue } from '../../src/issue/load.js';
import { edit, load, MINIMAL_ISSUE, VOV_URL } from './helpers.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => path.join(root, 'tests/fixtures/lint', name);

/** What a warning tells the editor, plus its rule. */
const shown = (d: Diagnostic) => ({ severity: d.severity, code: d.code, line: d.line, col: d.col, path: d.path, message: d.message, sourceLine: d.sourceLine });

async function lintFixture(name: string) {
  const { issue, diagnostics } = await loadIssue(fixture(name));
  expect(issue, 'warnings never stop the build').toBeDefined();
  return diagnostics.map(shown);
}

describe('editorial lint on the seeds’ real mistakes', () => {
  it('date-outside-period: items dated with last year or with a day the title mentions', async () => {
    expect(await lintFixture('date-outside-week.yaml')).toEqual([
      {
        severity: 'warning',
        code: 'date-outside-period',
        line: 13,
        col: 15,
        path: 'parts[0].articles[0].date',
        message: "dated 25/5/2025, outside the issue's week (25/5 – 31/5/2026): check the date, or keep the item for the right issue",
        sourceLine: '      - date: 2025-05-25',
      },
      {
        severity: 'warning',
        code: 'date-outside-period',
        line: 27,
        col: 15,
        path: 'parts[0].articles[2].date',
        message: "dated 15/7/2026, outside the issue's week (25/5 – 31/5/2026): check the date, or keep the item for the right issue",
        sourceLine: '      - date: 2026-07-15',
      },
    ]);
  });

  it('draft-item: an item bantin add drafted, until the editor deletes draft: true', async () => {
    expect(await lintFixture('draft-item.yaml')).toEqual([
      {
        severity: 'warning',
        code: 'draft-item',
        line: 20,
        col: 16,
        path: 'parts[0].articles[0].draft',
        message: 'this item was drafted by "bantin add" from its page: read it against the article, correct the title, date, source and summary, then delete "draft: true" (in a Markdown issue, the line "Nháp: có")',
        sourceLine: '        draft: true',
      },
    ]);
  });

  it('duplicate-story: issue 15’s Hải Phòng item listed twice (same URL), and a title retyped without accents', async () => {
    // The retyped title is also in capitals (all-caps-title, tested in lint-rules.test.ts).
    expect((await lintFixture('duplicate-story.yaml')).filter((d) => d.code === 'duplicate-story')).toEqual([
      {
        severity: 'warning',
        code: 'duplicate-story',
        line: 22,
        col: 16,
        path: 'parts[0].articles[1].title',
        message: 'the same story as parts[0].articles[0] (line 15): same title (ignoring case, spacing and accents); remove one of them',
        sourceLine: "        title: DOANH NGHIEP VIET 'MO KHOA'  AI",
      },
      {
        severity: 'warning',
        code: 'duplicate-story',
        line: 42,
        col: 16,
        path: 'parts[1].articles[1].source.url',
        message: 'the same story as parts[1].articles[0] (line 32): same source URL; remove one of them',
        sourceLine:
          '          url: https://vjst.vn/vn/tin-tuc/xu-ly-chat-thai-chan-nuoi-lon-thanh-phan-bon-huu-co-vi-sinh-loi-giai-kep-cho-moi-truong-va-nong-nghiep-huu-co-tai-hai-phong-8231.aspx',
      },
    ]);
  });

  it('repeated-text: issue 20’s trend summary repeats a whole block; reported once, at its second heading', async () => {
    expect(await lintFixture('repeated-text.yaml')).toEqual([
      {
        severity: 'warning',
        code: 'repeated-text',
        line: 37,
        col: 11,
        path: 'parts[0].sections[1].body',
        message: 'the block "Dịch chuyển năng lượng và Kinh tế tuần hoàn" repeats the one at parts[0].sections[1].body (line 26) word for word: remove one of them',
        sourceLine: '          ### Dịch chuyển năng lượng và Kinh tế tuần hoàn',
      },
    ]);
  });

  it('empty-part: a part kept from last week with no stories yet', async () => {
    expect(await lintFixture('empty-part.yaml')).toEqual([
      {
        severity: 'warning',
        code: 'empty-part',
        line: 22,
        col: 15,
        path: 'parts[1].articles',
        message: 'the part "Tâm điểm" has no articles: add some or remove the part',
        sourceLine: '    articles: []',
      },
    ]);
  });

  it('missing-source: a news item whose "Chi tiết" line was lost', async () => {
    expect(await lintFixture('missing-source.yaml')).toEqual([
      {
        severity: 'warning',
        code: 'missing-source',
        line: 20,
        col: 9,
        path: 'parts[0].articles[1].source',
        message: 'this news item has no source: add source with name and url (printed as "Chi tiết: <name>" with a QR code)',
        sourceLine: '      - date: 2026-04-25',
      },
    ]);
  });

  it('long-title: a first sentence pasted into the title', async () => {
    expect(await lintFixture('long-title.yaml')).toEqual([
      {
        severity: 'warning',
        code: 'long-title',
        line: 14,
        col: 16,
        path: 'parts[0].articles[0].title',
        message: 'the title has 201 characters: keep it within 150 so that it takes at most two lines of the table of contents (details belong in the lead)',
        sourceLine: expect.stringMatching(/^ {8}title: "Giải thưởng khoa học/),
      },
    ]);
  });

  it('finds nothing to say about the two real examples', async () => {
    for (const name of ['so-20-2026.yaml', 'so-15-2026.yaml']) {
      const { issue, diagnostics } = await loadIssue(path.join(root, 'examples', name));
      expect(issue, name).toBeDefined();
      expect(diagnostics.map(shown), name).toEqual([]);
    }
  });
});

const SECOND = (title: string, url: string, body: string) => `      - date: 2026-05-29
        title: ${title}
        source:
          name: VOV
          url: ${url}
        body: |
          ${body}
`;
const BODY = 'Tiến trình phát triển nền kinh tế số quốc gia đang được thiết lập với mục tiêu tỷ trọng đóng góp đạt 30% tổng sản phẩm quốc nội vào năm 2030.';
const withSecond = (title: string, url: string, body: string) => `${MINIMAL_ISSUE}${SECOND(title, url, body)}`;
const warnings = async (text: string) => (await load(text)).diagnostics.map((d) => [d.code, d.line, d.col, d.path, d.message]);

describe('editorial lint rules in detail', () => {
  it('reports a whole text repeated in another article once, at its start', async () => {
    expect(await warnings(withSecond('Giải thưởng Sao Khuê 2026', 'https://vov.vn/sao-khue', BODY))).toEqual([
      ['repeated-text', 27, 11, 'parts[0].articles[1].body', 'this text repeats parts[0].articles[0].body (line 20) word for word: remove one of them'],
    ]);
  });

  it('reports a repeated paragraph inside a longer text, ignoring Markdown emphasis and spacing', async () => {
    const body = `Năng lực sáng tạo của cộng đồng doanh nghiệp công nghệ thông tin trong nước tiếp tục được khẳng định.\n\n          ${BODY.replace('30%', '**30%**').replace('quốc gia ', 'quốc gia  ')}`;
    expect(await warnings(withSecond('Giải thưởng Sao Khuê 2026', 'https://vov.vn/sao-khue', body))).toEqual([
      ['repeated-text', 29, 11, 'parts[0].articles[1].body', 'this paragraph repeats the one at parts[0].articles[0].body (line 20) word for word: remove one of them'],
    ]);
  });

  it('lets short paragraphs repeat', async () => {
    const text = edit(withSecond('Giải thưởng Sao Khuê 2026', 'https://vov.vn/sao-khue', 'Nội dung chính:'), `          ${BODY}`, '          Nội dung chính:');
    expect(await warnings(text)).toEqual([]);
  });

  it('treats http/https, www. and a trailing slash as the same source URL', async () => {
    const url = VOV_URL.replace('https://', 'http://www.') + '/';
    expect(await warnings(withSecond('Giải thưởng Sao Khuê 2026', url, 'Một nội dung khác.'))).toEqual([
      ['duplicate-story', 25, 16, 'parts[0].articles[1].source.url', 'the same story as parts[0].articles[0] (line 15): same source URL; remove one of them'],
    ]);
  });

  it('says so when both the title and the URL match', async () => {
    expect(await warnings(withSecond('Kinh tế số hướng tới 30% GDP', VOV_URL, 'Một nội dung khác.'))).toEqual([
      ['duplicate-story', 22, 16, 'parts[0].articles[1].title', 'the same story as parts[0].articles[0] (line 15): same title and source URL; remove one of them'],
    ]);
  });

  it('keys titles on their letters and digits alone', () => {
    expect(storyKey('Xử lý  CHẤT THẢI: “Lời giải kép” cho Đồng bằng')).toBe(storyKey('xu ly chat thai - loi giai kep cho dong bang'));
    expect(storyKey('Kinh tế số 30%')).not.toBe(storyKey('Kinh tế số 40%'));
  });

  it('does not ask a spotlight story for a source, nor a date within the week', async () => {
    const text = edit(MINIMAL_ISSUE, '  - kind: news\n', `  - kind: spotlight\n    title: Tâm điểm\n    articles:\n      - title: Hội thảo khoa học quốc gia\n        body: Bài tổng hợp của Sở.\n  - kind: news\n`);
    expect(await warnings(text)).toEqual([]);
  });

  it('accepts items dated on the first and the last day of the week', async () => {
    const text = edit(withSecond('Giải thưởng Sao Khuê 2026', 'https://vov.vn/sao-khue', 'Một nội dung khác.'), 'date: 2026-05-28', 'date: 2026-05-25').replace('date: 2026-05-29', 'date: 2026-05-31');
    expect(await warnings(text)).toEqual([]);
  });

  it('too-many-links: six cover links fit on A4, four on A5', async () => {
    const social = (n: number) => Array.from({ length: n }, (_, i) => `    - {label: Mạng ${i + 1}, url: https://example.org/trang-${i + 1}}`).join('\n');
    const withLinks = (n: number, size = 'A4') =>
      edit(MINIMAL_ISSUE, 'issue:\n', `  website: https://sokhcn.haiphong.gov.vn/\n  social:\n${social(n)}\nissue:\n`) + `page: {size: ${size}}\n`;
    expect(await warnings(withLinks(5))).toEqual([]);
    expect(await warnings(withLinks(6))).toEqual([
      ['too-many-links', 7, 5, 'series.social', 'the cover has room for 6 links (website and social pages) on A4, this issue has 7: the labels would not stay readable; keep the 6 that matter most'],
    ]);
    expect(await warnings(withLinks(3, 'A5'))).toEqual([]);
    expect((await warnings(withLinks(4, 'A5'))).map((w) => w[0])).toEqual(['too-many-links']);
  });

  it('checks a summary heading written in the file, which is its TOC entry', async () => {
    const heading = `Tổng kết xu hướng ${'khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, '.repeat(3)}tuần này`;
    const text = edit(MINIMAL_ISSUE, 'parts:\n', `parts:\n  - kind: summary\n    title: Tổng kết xu hướng\n    heading: ${heading}\n    sections:\n      - {title: Xu hướng chung, body: Nội dung.}\n`);
    expect(await warnings(text)).toEqual([
      ['long-title', 13, 14, 'parts[0].heading', `the heading has ${heading.length} characters: keep it within 150 so that it takes at most two lines of the table of contents (details belong in the lead)`],
    ]);
  });

  it('flags what bantin new left to replace, and nothing else about it', async () => {
    const placeholder = `      - date: 2026-05-25\n        title: Tiêu đề bài viết\n        source: {name: Tên nguồn, url: https://example.com/bai-viet}\n        body: Nội dung bài viết.\n`;
    const text = `${edit(MINIMAL_ISSUE, 'parts:\n', `parts:\n  - kind: summary\n    title: Tổng kết xu hướng\n    sections:\n      - {title: Xu hướng chung, body: Nội dung phần này.}\n  - kind: spotlight\n    title: Tâm điểm\n    articles:\n${placeholder}`)}${placeholder}`;
    expect(await warnings(text)).toEqual([
      ['placeholder', 14, 39, 'parts[0].sections[0].body', 'placeholder section text left by "bantin new": replace it with the real content, or delete it'],
      ['placeholder', 19, 16, 'parts[1].articles[0].title', 'placeholder article left by "bantin new": replace it with the real content, or delete it'],
      ['placeholder', 33, 16, 'parts[2].articles[1].title', 'placeholder article left by "bantin new": replace it with the real content, or delete it'],
    ]);
  });

  it('stays silent while the issue has errors', async () => {
    const text = edit(withSecond('Kinh tế số hướng tới 30% GDP', VOV_URL, BODY), 'end: 2026-05-31', 'end: 2026-05-20');
    expect((await load(text)).diagnostics.map((d) => d.code)).toEqual(['week']);
  });
});

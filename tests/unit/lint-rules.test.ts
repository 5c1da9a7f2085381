/**
 * The editorial rules added after a real 80-article issue (issue 16): home pages are no
 * duplicates, one outlet under two names, an eight-day week, items out of date order, stray
 * punctuation, titles in capitals, and `# bantin-ignore: code`. Positions are MINIMAL_ISSUE's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadIssue, loadIssueText } from '../../src/issue/load.js';
import { outletKey } from '../../src/issue/lint/source-names.js';
import { isAllCaps } from '../../src/issue/lint/all-caps.js';
import { edit, load, MINIMAL_ISSUE, TMP_ISSUE_FILE } from './helpers.js';

const item = (date: string, title: string, name: string, url: string, body = 'Nội dung bài viết về một chủ đề khác hẳn.') => `      - date: ${date}
        title: ${title}
        source:
          name: ${name}
          url: ${url}
        body: |
          ${body}
`;
const warnings = async (text: string, code?: string) =>
  (await load(text)).diagnostics.filter((d) => !code || d.code === code).map((d) => [d.code, d.line, d.col, d.path, d.message]);

describe('duplicate-story and home pages', () => {
  it('never calls two stories the same because both link to an outlet’s home page', async () => {
    const text = `${edit(MINIMAL_ISSUE, 'url: https://vov.vn/kinh-te/kinh-te-so-huong-toi-30-gdp-post1296512.vov', 'url: https://vov.vn/')}${item('2026-05-29', 'Hải Phòng ra mắt trung tâm dữ liệu', 'VOV', 'http://www.vov.vn')}${item('2026-05-30', 'Tàu hải quân Hà Lan thăm cảng', 'VOV', 'https://vov.vn/?')}`;
    expect(await warnings(text, 'duplicate-story')).toEqual([]);
  });

  it('still finds the same article behind a query or a path', async () => {
    const text = `${MINIMAL_ISSUE}${item('2026-05-29', 'Hải Phòng ra mắt trung tâm dữ liệu', 'Báo Hải Phòng', 'https://baohaiphong.vn/?id=42')}${item('2026-05-30', 'Trung tâm dữ liệu mới', 'Báo Hải Phòng', 'https://www.baohaiphong.vn/?id=42')}`;
    expect(await warnings(text, 'duplicate-story')).toEqual([
      ['duplicate-story', 32, 16, 'parts[0].articles[2].source.url', 'the same story as parts[0].articles[1] (line 22): same source URL; remove one of them'],
    ]);
  });
});

describe('source-name-variant', () => {
  it('names the other spelling of the same outlet (built-in table)', async () => {
    const text = `${edit(MINIMAL_ISSUE, 'name: VOV', 'name: Bộ KH&CN')}${item('2026-05-29', 'Phát động giải thưởng', 'Bộ Khoa học và Công nghệ', 'https://mst.gov.vn/a.htm')}${item('2026-05-30', 'Sôi động hội thi tin học trẻ', 'PTTH Hải Phòng', 'https://thhp.vn/b.html')}${item('2026-05-31', 'Hợp tác đầu tư cảng nước sâu', 'Đài PT&TH Hải Phòng', 'https://thhp.vn/c.html')}`;
    expect(await warnings(text, 'source-name-variant')).toEqual([
      ['source-name-variant', 24, 17, 'parts[0].articles[1].source.name', '"Bộ Khoa học và Công nghệ" and "Bộ KH&CN" (parts[0].articles[0], line 17) are the same outlet: spell it one way throughout the issue'],
      ['source-name-variant', 38, 17, 'parts[0].articles[3].source.name', '"Đài PT&TH Hải Phòng" and "PTTH Hải Phòng" (parts[0].articles[2], line 31) are the same outlet: spell it one way throughout the issue'],
    ]);
  });

  it('ignores case, accents and punctuation in the key, and leaves different outlets alone', () => {
    expect(outletKey('Bộ KH-CN')).toBe(outletKey('Bộ KH&CN'));
    expect(outletKey('Báo Nhân Dân')).toBe(outletKey('Nhân dân'));
    expect(outletKey('Báo Hải Phòng')).not.toBe(outletKey('Cổng TTĐT TP Hải Phòng'));
  });

  it('takes more groups from the issue (checks.outlets) and from a theme (outletAliases)', async () => {
    const base = `${MINIMAL_ISSUE}${item('2026-05-29', 'Phát động giải thưởng', 'Đài Tiếng nói Việt Nam', 'https://vov.vn/a.htm')}${item('2026-05-30', 'Hội thi tin học trẻ', 'Báo HP', 'https://baohaiphong.vn/b.html')}${item('2026-05-31', 'Cảng nước sâu', 'Báo Hải Phòng', 'https://baohaiphong.vn/c.html')}`;
    expect((await warnings(base, 'source-name-variant')).map((w) => w[1])).toEqual([24]);
    const withIssue = `${base}checks:\n  outlets:\n    - [Báo Hải Phòng, Báo HP]\n`;
    expect((await warnings(withIssue, 'source-name-variant')).map((w) => w[1])).toEqual([24, 38]);
    const themed = await loadIssueText(TMP_ISSUE_FILE, base, { lint: { outletAliases: [['Báo HP', 'Báo Hải Phòng']] } });
    expect(themed.diagnostics.filter((d) => d.code === 'source-name-variant').map((d) => d.line)).toEqual([24, 38]);
  });
});

describe('period-length', () => {
  it('warns about a week of eight days (14/3–21/3), at its end', async () => {
    const text = edit(edit(edit(MINIMAL_ISSUE, 'start: 2026-05-25', 'start: 2026-03-14'), 'end: 2026-05-31', 'end: 2026-03-21'), 'date: 2026-05-28', 'date: 2026-03-16');
    expect(await warnings(text, 'period-length')).toEqual([['period-length', 9, 10, 'issue.week.end', 'the week 14/3 – 21/3/2026 is 8 days long, not 7: check the start and end dates (a week from 14/3 ends 20/3)']]);
    expect(await warnings(MINIMAL_ISSUE, 'period-length')).toEqual([]);
  });
});

describe('date-order', () => {
  const four = (dates: string[]) => `${MINIMAL_ISSUE.replace(/      - date: 2026-05-28[\s\S]*$/, '')}${dates.map((d, i) => item(d, `Tin số ${i + 1} về chủ đề ${i + 1}`, 'VOV', `https://vov.vn/${i}.htm`)).join('')}`;

  it('follows the issue’s checks.dateOrder', async () => {
    const text = `${four(['2026-05-25', '2026-05-27', '2026-05-26', '2026-05-28'])}checks:\n  dateOrder: oldest-first\n`;
    expect(await warnings(text, 'date-order')).toEqual([
      ['date-order', 28, 15, 'parts[0].articles[2].date', 'dated 26/5, before 27/5 of the item above it (parts[0].articles[1]): this series lists items oldest first; move the item or check its date'],
    ]);
    expect(await warnings(text.replace('oldest-first', 'newest-first'), 'date-order')).toHaveLength(2);
  });

  it('takes the direction from the issue itself when it clearly has one, and says nothing when it has none', async () => {
    expect(await warnings(four(['2026-05-25', '2026-05-26', '2026-05-27', '2026-05-29', '2026-05-28']), 'date-order')).toEqual([
      ['date-order', 42, 15, 'parts[0].articles[4].date', expect.stringContaining('dated 28/5, before 29/5')],
    ]);
    expect(await warnings(four(['2026-05-25', '2026-05-27', '2026-05-26', '2026-05-28']), 'date-order')).toEqual([]);
  });

  describe('from the previous issue in the same folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bantin-date-order-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it('newest first, as the week before ran it', async () => {
      const previous = four(['2026-05-24', '2026-05-22', '2026-05-20', '2026-05-18']).replaceAll('2026-05-25', '2026-05-18').replace('end: 2026-05-31', 'end: 2026-05-24').replace('number: 20/2026', 'number: 19/2026');
      writeFileSync(path.join(dir, 'so-19-2026.yaml'), previous);
      const file = path.join(dir, 'so-20-2026.yaml');
      writeFileSync(file, four(['2026-05-31', '2026-05-25', '2026-05-27']));
      const { diagnostics } = await loadIssue(file);
      expect(diagnostics.filter((d) => d.code === 'date-order').map((d) => [d.line, d.message])).toEqual([
        [28, 'dated 27/5, after 25/5 of the item above it (parts[0].articles[1]): this series lists items newest first; move the item or check its date'],
      ]);
    });

    it('not for an issue whose parts all run one way: it is taken as it is', async () => {
      const file = path.join(dir, 'so-20-2026.yaml');
      writeFileSync(file, four(['2026-05-25', '2026-05-27', '2026-05-31']));
      const { diagnostics } = await loadIssue(file);
      expect(diagnostics.filter((d) => d.code === 'date-order')).toEqual([]);
    });
  });
});

describe('stray-punctuation', () => {
  it('points at the mark a paragraph starts with', async () => {
    const text = edit(MINIMAL_ISSUE, '          Tiến trình phát triển', '          ; Tiến trình phát triển') + '\n          . Các lĩnh vực dệt may đã tiên phong dùng AI.\n\n          … còn nhiều việc phải làm.\n';
    expect(await warnings(text, 'stray-punctuation')).toEqual([
      ['stray-punctuation', 20, 11, 'parts[0].articles[0].body', 'this paragraph starts with ";", left over from copy and paste: delete it'],
      ['stray-punctuation', 22, 11, 'parts[0].articles[0].body', 'this paragraph starts with ".", left over from copy and paste: delete it'],
    ]);
  });
});

describe('all-caps-title', () => {
  it('warns about a title pasted in capitals, not about acronyms', async () => {
    const text = edit(MINIMAL_ISSUE, 'title: Kinh tế số hướng tới 30% GDP', 'title: KINH TẾ SỐ HƯỚNG TỚI 30% GDP');
    expect(await warnings(text, 'all-caps-title')).toEqual([
      ['all-caps-title', 15, 16, 'parts[0].articles[0].title', 'the title is written in capitals: write it as it reads ("Việt Nam đặt mục tiêu…"); the theme decides whether it prints in capitals'],
    ]);
    expect(isAllCaps('VNPT, FPT và AI')).toBe(false);
    expect(isAllCaps('Kinh tế số hướng tới 30% GDP')).toBe(false);
    expect(isAllCaps('SGS VIỆT NAM KHAI TRƯƠNG PHÒNG THỬ NGHIỆM')).toBe(true);
  });
});

describe('# bantin-ignore: code', () => {
  const caps = edit(MINIMAL_ISSUE, 'title: Kinh tế số hướng tới 30% GDP', 'title: KINH TẾ SỐ HƯỚNG TỚI 30% GDP');

  it('silences that warning on the next line, and keeps it as ignored', async () => {
    const text = edit(caps, '        title: KINH', '        # bantin-ignore: all-caps-title\n        title: KINH');
    const { diagnostics, ignored } = await load(text);
    expect(diagnostics).toEqual([]);
    expect(ignored.map((d) => [d.code, d.line, d.path])).toEqual([['all-caps-title', 16, 'parts[0].articles[0].title']]);
  });

  it('works before the story’s first line, for the whole story; other codes stay', async () => {
    const text = edit(caps, '      - date: 2026-05-28', '      # bantin-ignore: missing-source, all-caps-title\n      - date: 2026-05-28');
    expect((await load(text)).ignored.map((d) => d.code)).toEqual(['all-caps-title']);
    const other = edit(caps, '        title: KINH', '        # bantin-ignore: long-title\n        title: KINH');
    expect((await load(other)).diagnostics.map((d) => d.code)).toEqual(['all-caps-title']);
  });
});

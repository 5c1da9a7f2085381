/**
 * The cover's index at the size of the real issue 10/2026 (34 items in 8 groups) in the Hải Phòng
 * theme: limits.coverIndex counts its lines per paper size (theme/cover-fit.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIssue, loadIssueText } from '../../src/issue/load.js';
import { renderIssueHtml } from '../../src/render/html.js';
import { themeIssue } from '../../src/theme/choose.js';
import { fitCoverIndex } from '../../src/theme/cover-fit.js';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/cover-index-34.yaml');
const text = readFileSync(FIXTURE, 'utf8');
/** Six more items of the issue in its last group: 40 items, 48 lines. */
const MORE = ['nang-cao-nang-luc-ung-pho-thien-tai', 'nong-san-viet-truoc-luat-choi-carbon-khong-chuyen-doi-se-mat-thi-truong', 'co-hoi-cua-viet-nam-trong-chuoi-gia-tri-san-xuat-robot', 'dat-nen-tang-van-hanh-cho-ca-nhiem-ky', 'giu-mach-van-hoa-doc-trong-thoi-dai-so', 'thu-vien-so-dinh-hinh-cach-hoc-moi'];
const last = '        - giai-thuong-khcn-100-lan-luong-co-so\n';
const forty = text.replace(last, last + MORE.map((id) => `        - ${id}\n`).join(''));

async function themed(source: string, size?: 'A4' | 'A5') {
  const loaded = await loadIssueText(FIXTURE, source);
  expect(loaded.diagnostics).toEqual([]);
  return { loaded, ...(await themeIssue(loaded.issue!, loaded.source, undefined, size)) };
}
const lineOf = (source: string, needle: string) => source.slice(0, source.indexOf(needle)).split('\n').length;

describe('the Hải Phòng cover index', () => {
  it('takes the 34 items in 8 groups of the real issue 10/2026 on A4', async () => {
    const { issue, diagnostics } = await themed(text);
    expect(diagnostics).toEqual([]);
    expect(issue.page.size).toBe('A4');
    expect(issue.cover.groups).toHaveLength(8);
    expect(issue.cover.highlights).toHaveLength(34);
  });

  it('refuses 40 on A4 at the first item that does not fit, naming how many fit', async () => {
    const { issue, diagnostics } = await themed(forty);
    // 44 lines: 8 group labels and 36 items; the 37th is the third of the six added.
    expect(diagnostics.map((d) => [d.severity, d.code, d.line, d.path, d.message])).toEqual([
      [
        'error',
        'cover-overflow',
        lineOf(forty, `- ${MORE[2]}`),
        'cover.highlights[7].items[6]',
        'the A4 cover has room for 36 of the 40 highlights (44 lines, a highlight or a group label each): feature 4 fewer, or drop a group label to make room for one more',
      ],
    ]);
    expect(issue.cover.highlights).toHaveLength(40);
  });

  it('shows on A5 as many as fit, in order, and warns about the rest', async () => {
    const { issue, diagnostics } = await themed(text, 'A5');
    expect(issue.page.size).toBe('A5');
    // 26 lines: groups of 5, 5, 4 and 5 items with their labels take 23; the fifth group's label and 2 items the rest.
    expect(issue.cover.groups.map((g) => [g.label, g.items.length])).toEqual([
      ['Chính sách & Pháp luật Công nghệ', 5],
      ['Chuyển đổi số & Kinh tế số', 5],
      ['Trí tuệ nhân tạo & Bán dẫn', 4],
      ['Đổi mới sáng tạo & Khởi nghiệp', 5],
      ['Sở hữu trí tuệ', 2],
    ]);
    expect(issue.cover.highlights.map((h) => h.id)).toEqual(issue.cover.groups.flatMap((g) => g.items.map((h) => h.id)));
    expect(diagnostics.map((d) => [d.severity, d.code, d.path, d.message])).toEqual([
      [
        'warning',
        'cover-overflow',
        'cover.highlights[4].items[2]',
        'the A5 cover has room for 21 of the 34 highlights (26 lines, a highlight or a group label each): the last 13 are left out (the table of contents lists every item)',
      ],
    ]);
    // Nothing is left out of the issue itself.
    expect(issue.articles).toHaveLength(43);
  });

  it('leaves out a group label with no room for any of its items', async () => {
    const { loaded, theme } = await themed(text);
    // The first group takes 6 lines; the 7th would hold only the second group's label.
    const tight = { ...theme, limits: { ...theme.limits, coverIndex: { A5: 7 } } };
    const { issue, diagnostics } = fitCoverIndex(loaded.issue!, tight, 'A5', loaded.source);
    expect(issue.cover.groups.map((g) => g.label)).toEqual(['Chính sách & Pháp luật Công nghệ']);
    expect(diagnostics.map((d) => d.path)).toEqual(['cover.highlights[1].items[0]']);
  });

  it('keeps the highlight limit for a size the theme counts no lines for', async () => {
    const { loaded, theme } = await themed(text);
    const { diagnostics } = fitCoverIndex(loaded.issue!, { ...theme, limits: { ...theme.limits, coverIndex: {} } }, 'A4', loaded.source);
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([['theme-limit', 'cover.highlights[1].items[1]']]);
  });

  it('sets more highlights than the theme shows in large type as its compact index; six or fewer stay large', async () => {
    const { issue, theme } = await themed(text);
    const html = (await renderIssueHtml(issue, { theme })).html;
    expect(html).toContain('<section class="cover-highlights is-index">');
    expect(html).toContain('<section class="cover" style="--index-entries: 34; --index-groups: 8; --index-lines: 44">');
    const so20 = await loadIssue(path.join(import.meta.dirname, '../../examples/so-20-2026.yaml'));
    expect(so20.issue!.cover.highlights.length).toBeLessThanOrEqual(6);
    const large = (await renderIssueHtml(so20.issue!)).html;
    expect(large).toContain('<section class="cover-highlights">');
    expect(large).toContain('<section class="cover">');
  });
});

/** The Issue model: derived ids, numbering, roman numerals, summary headings. */
import { describe, expect, it } from 'vitest';
import { deriveId } from '../../src/issue/ids.js';
import { toRoman } from '../../src/issue/model.js';
import { edit, load, MINIMAL_ISSUE } from './helpers.js';

describe('deriveId', () => {
  it.each([
    ['Kinh tế số hướng tới 30% GDP', 'kinh-te-so-huong-toi-30-gdp'],
    ['Đổi mới sáng tạo: đường đến 2030', 'doi-moi-sang-tao-duong-den-2030'],
    ['Việt Nam - Singapore thúc đẩy hợp tác AI', 'viet-nam-singapore-thuc-day-hop-tac-ai'],
    ['Hội thảo “Ứng dụng AI” & chuyển đổi số', 'hoi-thao-ung-dung-ai-chuyen-doi-so'],
    ['  Tin trong nước  ', 'tin-trong-nuoc'],
    ['!!!', 'muc'],
  ])('%s → %s', (title, id) => {
    expect(deriveId(title)).toBe(id);
  });

  it('is the same for NFC and NFD spellings, and on every call', () => {
    const title = 'Đẩy mạnh chuyển đổi số trong hoạt động Hội Phụ nữ';
    expect(deriveId(title.normalize('NFD'))).toBe(deriveId(title.normalize('NFC')));
    expect(deriveId(title)).toBe(deriveId(title));
    expect(deriveId(title)).toBe('day-manh-chuyen-doi-so-trong-hoat-dong-hoi-phu-nu');
  });

  it('keeps long ids within 80 characters and never ends them with a hyphen', () => {
    const id = deriveId(
      'Việt Nam - Australia thúc đẩy hợp tác kinh tế số, công nghệ chiến lược và đổi mới sáng tạo trong giai đoạn mới',
    );
    expect(id.length).toBeLessThanOrEqual(80);
    expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(id.startsWith('viet-nam-australia-thuc-day-hop-tac-kinh-te-so')).toBe(true);
    // Whole words only: the full slug continues "…-sang-tao-trong-giai-doan-moi".
    expect(id).toBe('viet-nam-australia-thuc-day-hop-tac-kinh-te-so-cong-nghe-chien-luoc-va-doi-moi');
  });
});

describe('toRoman', () => {
  it.each([
    [1, 'I'], [2, 'II'], [3, 'III'], [4, 'IV'], [5, 'V'], [9, 'IX'], [14, 'XIV'],
    [19, 'XIX'], [24, 'XXIV'], [39, 'XXXIX'], [40, 'XL'],
  ])('%i → %s', (n, roman) => {
    expect(toRoman(n)).toBe(roman);
  });
});

const TWO_NEWS_PARTS = `${MINIMAL_ISSUE}      - date: 2026-05-28
        title: Kinh tế số hướng tới 30% GDP
        body: Một bài khác cùng tiêu đề.
  - kind: news
    title: Tin Hải Phòng
    articles:
      - date: 2026-05-25
        title: Hải Phòng phấn đấu 450 doanh nghiệp khởi nghiệp sáng tạo năm 2030
        body: Thành phố đặt mục tiêu 450 doanh nghiệp khởi nghiệp sáng tạo.
      - date: 2026-05-26
        title: Đưa chính quyền đến gần dân hơn qua nền tảng số
        body: Ứng dụng Smart Hải Phòng.
  - kind: summary
    title: Tổng kết xu hướng
    sections:
      - title: Xu hướng chung của cả nước
        body: Hội thảo khoa học quốc gia diễn ra tại Hải Phòng ngày 26/05.
`;

describe('buildIssue', () => {
  it('gives a repeated derived id the suffix -2', async () => {
    const { issue } = await load(TWO_NEWS_PARTS);
    expect(issue?.parts[0]?.articles.map((a) => a.id)).toEqual(['kinh-te-so-huong-toi-30-gdp', 'kinh-te-so-huong-toi-30-gdp-2']);
  });

  it('lets an id written in the file win over a derived one', async () => {
    const text = edit(TWO_NEWS_PARTS, 'body: Một bài khác', 'id: kinh-te-so-huong-toi-30-gdp\n        body: Một bài khác');
    const { issue, diagnostics } = await load(text);
    // Two stories with one title are an editorial warning (lint), never an id clash.
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(issue?.parts[0]?.articles.map((a) => a.id)).toEqual(['kinh-te-so-huong-toi-30-gdp-2', 'kinh-te-so-huong-toi-30-gdp']);
  });

  it('numbers articles from 1 within each part and parts in roman numerals', async () => {
    const { issue } = await load(TWO_NEWS_PARTS);
    expect(issue?.parts.map((p) => [p.number, p.roman, p.kind, p.id])).toEqual([
      [1, 'I', 'news', 'tin-trong-nuoc'],
      [2, 'II', 'news', 'tin-hai-phong'],
      [3, 'III', 'summary', 'tong-ket-xu-huong'],
    ]);
    expect(issue?.parts.map((p) => p.articles.map((a) => a.number))).toEqual([[1, 2], [1, 2], []]);
    expect(issue?.articles.map((a) => a.path.join('.'))).toEqual([
      'parts.0.articles.0',
      'parts.0.articles.1',
      'parts.1.articles.0',
      'parts.1.articles.1',
    ]);
  });

  it('defaults the summary headings to the part title and the week', async () => {
    const { issue } = await load(TWO_NEWS_PARTS);
    const summary = issue?.parts[2];
    expect(summary?.heading).toBe('Tổng kết xu hướng tuần từ 25/5 – 31/5/2026');
    expect(summary?.pageHeading).toBe('Tuần từ 25/5 – 31/5/2026');
    expect(summary?.sections.map((s) => s.title)).toEqual(['Xu hướng chung của cả nước']);
  });

  it('uses a written summary heading for both the TOC and the page', async () => {
    const text = edit(TWO_NEWS_PARTS, '    title: Tổng kết xu hướng\n', '    title: Tổng kết xu hướng\n    heading: Điểm nhấn tuần 21\n');
    const { issue } = await load(text);
    expect([issue?.parts[2]?.heading, issue?.parts[2]?.pageHeading]).toEqual(['Điểm nhấn tuần 21', 'Điểm nhấn tuần 21']);
  });

  it('derives the issue title, the masthead, the week label and the link targets', async () => {
    const { issue } = await load(TWO_NEWS_PARTS);
    expect(issue?.title).toBe('Điểm tin Khoa học Công nghệ số 20/2026');
    expect(issue?.masthead).toEqual(['Điểm tin Khoa học Công nghệ']);
    expect(issue?.week.label).toBe('25/5 – 31/5/2026');
    expect([...(issue?.targets ?? [])].sort()).toEqual(
      [
        'tin-trong-nuoc', 'tin-hai-phong', 'tong-ket-xu-huong', 'kinh-te-so-huong-toi-30-gdp', 'kinh-te-so-huong-toi-30-gdp-2',
        'hai-phong-phan-dau-450-doanh-nghiep-khoi-nghiep-sang-tao-nam-2030', 'dua-chinh-quyen-den-gan-dan-hon-qua-nen-tang-so',
      ].sort(),
    );
  });

  it('turns source and podcast into links, with the default podcast label', async () => {
    const text = edit(MINIMAL_ISSUE, '        body: |', '        podcast:\n          url: https://sokhcn.haiphong.gov.vn/podcast/kinh-te-so.mp3\n        body: |');
    const { issue } = await load(text);
    const article = issue?.articles[0];
    expect(article?.source).toEqual({ url: 'https://vov.vn/kinh-te/kinh-te-so-huong-toi-30-gdp-post1296512.vov', label: 'VOV' });
    expect(article?.podcast).toEqual({ url: 'https://sokhcn.haiphong.gov.vn/podcast/kinh-te-so.mp3', label: 'Quét QR để nghe podcast' });
    expect(article?.date).toMatchObject({ iso: '2026-05-28', short: '28/5', long: '28/5/2026' });
    expect(article?.blocks).toEqual([]);
  });
});

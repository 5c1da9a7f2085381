/** HTML structure of a real issue (examples/so-20-2026.yaml): cover, TOC, parts, articles, links. */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import type { Issue } from '../../src/issue/model.js';
import { renderIssueHtml } from '../../src/render/html.js';
import { issueLinks } from '../../src/render/qr.js';
import { parseDocument } from './dom.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/so-20-2026.yaml', import.meta.url));

let issue: Issue;
let html: string;
let doc: Document;

beforeAll(async () => {
  const loaded = await loadIssue(EXAMPLE);
  expect(loaded.diagnostics).toEqual([]);
  issue = loaded.issue!;
  html = (await renderIssueHtml(issue)).html;
  doc = parseDocument(html);
});

const all = (selector: string, from: ParentNode = doc) => [...from.querySelectorAll(selector)];
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

describe('renderIssueHtml on issue 20/2026', () => {
  it('is a Vietnamese document titled after the issue, without scripts', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(doc.documentElement.getAttribute('lang')).toBe('vi');
    expect(text(doc.querySelector('title'))).toBe('Điểm tin Khoa học Công nghệ số 20/2026');
    expect(html).not.toMatch(/<script/i);
    expect(all('[onerror], [onload], [onclick]')).toEqual([]);
  });

  it('prints the masthead lines, publisher, number and week on the cover', () => {
    const cover = doc.querySelector('section.cover')!;
    expect(all('.cover-title-line', cover).map(text)).toEqual(['Điểm tin', 'Khoa học Công nghệ']);
    expect(all('.cover-publisher-line', cover).map(text)).toEqual([
      'Sở Khoa học và Công nghệ',
      'Trung tâm Công nghệ thông tin và Truyền thông Hải Phòng',
    ]);
    expect(text(cover.querySelector('.cover-number'))).toBe('Số 20/2026');
    expect(text(cover.querySelector('.cover-week'))).toBe('Tuần từ 25/5 – 31/5/2026');
  });

  it('lists each cover highlight with a link and a page-reference slot', () => {
    const ids = ['nhom-nghien-cuu-manh-2035', 'kinh-te-so-30-gdp', 'hoi-thao-khoa-hoc-quoc-gia', 'hai-phong-450-doanh-nghiep-khoi-nghiep'];
    const items = all('section.cover .cover-highlight');
    expect(items.map((li) => li.querySelector('a')?.getAttribute('href'))).toEqual(ids.map((id) => `#${id}`));
    expect(items.map((li) => li.querySelector('[data-pageref]')?.getAttribute('data-pageref'))).toEqual(ids);
    expect(items.map((li) => text(li.querySelector('[data-pageref]')))).toEqual(['00', '00', '00', '00']);
    expect(text(items[1]?.querySelector('.cover-highlight-title'))).toBe('Kinh tế số hướng tới 30% GDP');
  });

  it('has one TOC entry per article plus one per summary part', () => {
    const summaries = issue.parts.filter((p) => p.kind === 'summary').length;
    expect(summaries).toBe(1);
    expect(all('nav.toc .toc-entry')).toHaveLength(issue.articles.length + summaries);
  });

  it('groups the TOC by part under "Phần I." … headings, entries numbered from 1 in each', () => {
    const sections = all('nav.toc .toc-part');
    expect(sections.map((s) => text(s.querySelector('.toc-part-number')))).toEqual(['Phần I.', 'Phần II.', 'Phần III.', 'Phần IV.']);
    sections.forEach((section, p) => {
      const part = issue.parts[p]!;
      expect(section.querySelector('.toc-part-title a')?.getAttribute('href')).toBe(`#${part.id}`);
      expect(text(section.querySelector('.toc-part-title'))).toBe(`Phần ${part.roman}. ${part.title}`);
      const expectedIds = part.kind === 'summary' ? [part.id] : part.articles.map((a) => a.id);
      const links = all('.toc-entry > a', section);
      expect(links.map((a) => a.getAttribute('href'))).toEqual(expectedIds.map((id) => `#${id}`));
      expect(links.map((a) => a.querySelector('[data-pageref]')?.getAttribute('data-pageref'))).toEqual(expectedIds);
      expect(links.map((a) => text(a.querySelector('.toc-entry-number')))).toEqual(expectedIds.map((_, i) => `${i + 1}.`));
    });
  });

  it('shows the summary heading and dated titles in the TOC', () => {
    // The entry number may sit inside or beside the title element: compare the words after it.
    const titles = all('nav.toc .toc-entry').map((entry) => {
      const title = text(entry.querySelector('.toc-entry-title')) ?? '';
      const number = text(entry.querySelector('.toc-entry-number')) ?? '';
      return title.startsWith(number) ? title.slice(number.length).trim() : title;
    });
    expect(titles[0]).toBe('Tổng kết xu hướng khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tuần từ 25/5 – 31/5/2026');
    expect(titles[1]).toBe('25/5: Việt Nam đặt mục tiêu hình thành 50 nhóm nghiên cứu mạnh đến năm 2035');
    const kinhTeSo = 1 + issue.articles.findIndex((a) => a.id === 'kinh-te-so-30-gdp');
    expect(titles[kinhTeSo]).toBe('28/5: Kinh tế số hướng tới 30% GDP');
  });

  it('gives every part and every article an element with its id, in reading order', () => {
    for (const part of issue.parts) expect(doc.getElementById(part.id)?.tagName.toLowerCase()).toBe('section');
    const articleIds = all('article[id]').map((a) => a.getAttribute('id'));
    expect(articleIds).toEqual(issue.articles.map((a) => a.id));
    expect(new Set(all('[id]').map((e) => e.getAttribute('id'))).size).toBe(all('[id]').length);
  });

  it('points every internal link at an element that exists', () => {
    const hrefs = all('a[href^="#"]').map((a) => a.getAttribute('href')!.slice(1));
    // TOC entries, TOC part titles and cover highlights at least.
    expect(hrefs.length).toBeGreaterThanOrEqual(issue.articles.length + 1 + issue.parts.length + issue.cover.highlights.length);
    expect(hrefs.filter((id) => !doc.getElementById(id))).toEqual([]);
  });

  it('prints every source URL as a link and as a QR code', () => {
    const sources = issue.articles.flatMap((a) => (a.source ? [a.source.url] : []));
    expect(sources.length).toBeGreaterThan(30);
    const anchors = all('a[href]');
    for (const url of sources) {
      const links = anchors.filter((a) => a.getAttribute('href') === url);
      expect(links.length, url).toBeGreaterThanOrEqual(2);
      expect(links.some((a) => a.querySelector('svg.qr-code')), `QR for ${url}`).toBe(true);
    }
  });

  it('prints a QR code for every link of the issue, website, social, podcast and box included', () => {
    const links = issueLinks(issue);
    expect(links).toEqual(expect.arrayContaining([
      'https://sokhcn.haiphong.gov.vn/',
      'https://www.facebook.com/TinKHCNHaiphong',
      'https://sokhcn.haiphong.gov.vn/podcast/hoi-thao-doi-moi-mo-hinh-phat-trien-dat-nuoc-dua-tren-khcn-dmst-cds.mp3',
      'https://smart.haiphong.gov.vn/',
    ]));
    const withQr = new Set(all('a[href]').filter((a) => a.querySelector('svg.qr-code')).map((a) => a.getAttribute('href')));
    expect(links.filter((url) => !withQr.has(url))).toEqual([]);
  });

  it('names every QR code for screen readers: role img, "Mã QR: <URL>" (its link\'s address)', () => {
    const codes = all('svg.qr-code');
    expect(codes.length).toBeGreaterThan(30);
    for (const svg of codes) {
      const href = svg.closest('a')?.getAttribute('href');
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')).toBe(`Mã QR: ${href}`);
    }
  });

  it('keeps heading levels without gaps: h1 part, h2 article, h3 body sub-heading (h4 under a summary section\'s h3)', () => {
    const levels = all('h1, h2, h3, h4, h5, h6').map((h) => Number(h.tagName.slice(1)));
    levels.forEach((level, i) => expect(level - (i > 0 ? levels[i - 1]! : 0), `heading ${i}`).toBeLessThanOrEqual(1));
    expect(all('.spotlight-body .md-heading').every((h) => h.tagName === 'H3')).toBe(true);
    expect(all('.summary-section-body .md-heading').every((h) => h.tagName === 'H4')).toBe(true);
  });

  it('renders markdown sub-headings and bold run-in labels in the summary', () => {
    const summary = doc.querySelector('article.summary')!;
    expect(text(summary.querySelector('.summary-heading'))).toBe('Tuần từ 25/5 – 31/5/2026');
    expect(all('.summary-section-number', summary).map(text)).toEqual(
      issue.parts[0]!.sections.map((_, i) => String(i + 1)),
    );
    expect(text(summary.querySelector('h4.md-heading'))).toBe('Đổi mới mô hình tăng trưởng quốc gia');
    expect(text(summary.querySelector('li strong'))).toBe('Trụ cột phát triển:');
  });

  it('sizes page-reference slots by the digits option', async () => {
    const wide = parseDocument((await renderIssueHtml(issue, { digits: 3 })).html);
    const slots = [...wide.querySelectorAll('[data-pageref]')].map((e) => e.textContent);
    expect(slots.length).toBe(all('[data-pageref]').length);
    expect(new Set(slots)).toEqual(new Set(['000']));
  });
});

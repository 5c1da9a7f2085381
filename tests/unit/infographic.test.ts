/**
 * Issue 14, items 6–8: infographic blocks (figures, quotes with a portrait, related activities,
 * a source line per block), the cover's visual index (groups, short labels, part ranges, the
 * theme's limit), and the PDF subject that follows the period.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentSubject } from '../../src/pdf/metadata.js';
import { renderIssueHtml } from '../../src/render/html.js';
import { themeIssue } from '../../src/theme/choose.js';
import { resolveTheme } from '../../src/theme/theme.js';
import { parseDocument } from './dom.js';
import { edit, load, MINIMAL_ISSUE, seen, TINY_PNG } from './helpers.js';

const WEEK = '  week:\n    start: 2026-05-25\n    end: 2026-05-31\n';
const monthly = edit(MINIMAL_ISSUE, WEEK, '  period:\n    month: 2026-05\n');

describe('the PDF subject', () => {
  it('names the month of a monthly issue, the week of a weekly one, and a span by its label', async () => {
    const subject = async (text: string) => {
      const loaded = await load(text);
      expect(loaded.diagnostics.map(seen)).toEqual([]);
      return documentSubject((await themeIssue(loaded.issue!, loaded.source)).issue);
    };
    expect(await subject(monthly)).toBe('Điểm tin Khoa học Công nghệ số 20/2026, tháng 5/2026');
    expect(await subject(MINIMAL_ISSUE)).toBe('Điểm tin Khoa học Công nghệ số 20/2026, tuần từ 25/5 – 31/5/2026');
    const span = edit(MINIMAL_ISSUE, WEEK, '  period:\n    start: 2026-05-01\n    end: 2026-06-30\n    label: Quý II/2026\n');
    expect(await subject(span)).toBe('Điểm tin Khoa học Công nghệ số 20/2026, quý II/2026');
  });
});

const BODY_END = 'tổng sản phẩm quốc nội vào năm 2030.\n';
/** The minimal issue with `blocks:` (YAML at the article's indentation) after its body. */
const withBlocks = (yaml: string) => edit(MINIMAL_ISSUE, BODY_END, `${BODY_END}        blocks:\n${yaml}`);
const html = async (text: string) => {
  const loaded = await load(text);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error').map(seen)).toEqual([]);
  return parseDocument((await renderIssueHtml(loaded.issue!)).html);
};
const clean = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

describe('infographic blocks', () => {
  it('prints key figures in one row, a quote with its speaker and role, related activities and source lines', async () => {
    const doc = await html(
      withBlocks(`          - type: figures
            items:
              - { value: 30–40%, label: Kinh tế số chiếm GRDP }
              - { value: ≥60%, label: TFP đóng góp }
            source: { name: SGGP }
          - type: quote
            text: Tôi tin tưởng sâu sắc rằng Thành phố sẽ vươn lên mạnh mẽ.
            speaker: Tô Lâm
            role: Tổng Bí thư
          - type: related
            items:
              - date: 2025-10-09
                title: Tọa đàm "Chiến lược phát triển ngành công nghệ bán dẫn Việt Nam – Vai trò của giáo dục"
                body: Thảo luận định hướng phát triển Việt Nam trong chuỗi giá trị bán dẫn toàn cầu.
                source: { name: Tạp chí Kinh tế - Tài chính }
              - date: 2025-10-13/2025-10-15
                title: Triển lãm sản phẩm công nghệ chiến lược
`),
    );
    expect([...doc.querySelectorAll('.figures-4, .figures-2')].map((f) => f.className)).toEqual(['figures figures-2']);
    expect([...doc.querySelectorAll('.figures-value')].map(clean)).toEqual(['30–40%', '≥60%']);
    expect(clean(doc.querySelector('.figures .block-source'))).toBe('Nguồn: SGGP');
    expect(clean(doc.querySelector('.quote-speaker'))).toBe('Tô Lâm, Tổng Bí thư');
    expect(clean(doc.querySelector('.related-title'))).toBe('Hoạt động liên quan');
    expect([...doc.querySelectorAll('.related-date')].map(clean)).toEqual(['9/10', '13–15/10']);
    expect(clean(doc.querySelector('.related-item .block-source'))).toBe('Nguồn: Tạp chí Kinh tế - Tài chính');
    expect(doc.querySelectorAll('.related .qr')).toHaveLength(0);
  });

  it('takes a portrait for a quote from the issue folder, and refuses a missing one at its line', async () => {
    const quote = (src: string) =>
      withBlocks(`          - type: quote\n            text: Còn nhiều việc phải làm.\n            speaker: Tô Lâm\n            image: { src: ${src} }\n`);
    const missing = await load(quote('chan-dung-khong-co.png'));
    expect(missing.diagnostics.map((d) => [d.line, d.path, d.code])).toEqual([[25, 'parts[0].articles[0].blocks[0].image.src', 'image']]);
    const dir = mkdtempSync(path.join(tmpdir(), 'bantin-i14c-'));
    try {
      writeFileSync(path.join(dir, 'to-lam.png'), TINY_PNG);
      const loaded = await load(quote('to-lam.png'), path.join(dir, 'so.yaml'));
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const doc = parseDocument((await renderIssueHtml(loaded.issue!)).html);
      expect(doc.querySelector('.quote.has-portrait img.quote-portrait')?.getAttribute('alt')).toBe('Tô Lâm');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file position, the field and what was expected for bad blocks', async () => {
    const five = Array.from({ length: 5 }, (_, i) => `              - { value: "${i}", label: chỉ số ${i} }`).join('\n');
    const tooMany = await load(withBlocks(`          - type: figures\n            items:\n${five}\n`));
    expect(tooMany.diagnostics.map((d) => [d.line, d.col, d.path, d.message])).toEqual([
      [24, 15, 'parts[0].articles[0].blocks[0].items', 'expected at most 4 figures (they share one row): start another figures block'],
    ]);
    const undated = await load(withBlocks('          - type: related\n            items:\n              - title: Hội thảo\n'));
    expect(undated.diagnostics.map((d) => [d.line, d.path, d.message])).toEqual([
      [24, 'parts[0].articles[0].blocks[0].items[0].date', expect.stringMatching(/^missing required field "date": expected a date/)],
    ]);
    const empty = await load(withBlocks('          - type: related\n            items: []\n'));
    expect(empty.diagnostics.map((d) => [d.line, d.path, d.message])).toEqual([[23, 'parts[0].articles[0].blocks[0].items', 'expected at least one activity (date and title)']]);
    const kind = await load(withBlocks('          - type: chart\n'));
    expect(kind.diagnostics.map((d) => d.message)).toEqual(['expected a block with one of these types: quote, figures, box, related, flow, timeline, panels, breakdown, ranking, speakers, callout']);
  });
});

describe('the cover visual index', () => {
  const cover = (yaml: string) => edit(MINIMAL_ISSUE, 'parts:\n', `cover:\n  highlights:\n${yaml}parts:\n`);

  it('prints groups with their own label, short labels, and a part as a page range to its end marker', async () => {
    const doc = await html(
      cover(`    - group: Chỉ đạo của TW, Thành phố
      items:
        - { ref: kinh-te-so-huong-toi-30-gdp, label: Kinh tế số 30% GDP }
        - tin-trong-nuoc
    - kinh-te-so-huong-toi-30-gdp
`),
    );
    expect([...doc.querySelectorAll('.cover-group-label')].map(clean)).toEqual(['Chỉ đạo của TW, Thành phố']);
    expect([...doc.querySelectorAll('.cover-highlights-group')].map((g) => g.querySelectorAll('.cover-highlight').length)).toEqual([2, 1]);
    const titles = [...doc.querySelectorAll('.cover-highlight-title')].map(clean);
    expect(titles).toEqual(['Kinh tế số 30% GDP', 'Tin trong nước', 'Kinh tế số hướng tới 30% GDP']);
    const range = doc.querySelector('.cover-highlight.is-part .pagerange');
    expect(clean(range)).toBe('Trang 00–00');
    expect([...range!.querySelectorAll('[data-pageref]')].map((s) => s.getAttribute('data-pageref'))).toEqual(['tin-trong-nuoc', 'tin-trong-nuoc--end']);
    // The end marker closes the part, and a link names it (Chromium's destinations are link targets).
    expect(doc.querySelector('#tin-trong-nuoc > .part-end:last-child')?.id).toBe('tin-trong-nuoc--end');
    expect(doc.querySelector('a[href="#tin-trong-nuoc--end"]')).not.toBeNull();
    expect(clean(doc.querySelector('.cover-highlight:not(.is-part) .cover-highlight-page'))).toBe('tr. 00');
  });

  it('refuses a misspelt key, an empty group and an unknown id, each at its place', async () => {
    const bad = await load(cover('    - { ref: kinh-te-so-huong-toi-30-gdp, lable: Kinh tế số }\n    - group: Nhiệm vụ\n      items: []\n    - group: Tin\n      items: [tin-trong-nuoc, { ref: tin-ngoai-nuoc }]\n'));
    expect(bad.diagnostics.map((d) => [d.line, d.path, d.message])).toEqual([
      [12, 'cover.highlights[0].lable', 'unknown field "lable"'],
      [14, 'cover.highlights[1].items', 'expected at least one article or part id in the group'],
    ]);
    const unknown = await load(cover('    - group: Tin\n      items: [tin-trong-nuoc, { ref: tin-ngoai-nuoc }]\n'));
    expect(unknown.diagnostics.map((d) => [d.line, d.path, d.code, d.message])).toEqual([
      [13, 'cover.highlights[0].items[1].ref', 'unknown-id', 'no article or part has the id "tin-ngoai-nuoc"'],
    ]);
  });

  it('counts grouped entries against the theme limit and points at the first one too many', async () => {
    const ids = Array.from({ length: 7 }, () => 'kinh-te-so-huong-toi-30-gdp').join(', ');
    const loaded = await load(cover(`    - group: Tin\n      items: [${ids}]\n`));
    expect(loaded.diagnostics).toEqual([]);
    const { diagnostics } = await themeIssue(loaded.issue!, loaded.source, 'base');
    expect(diagnostics.map((d) => [d.path, d.code])).toEqual([['cover.highlights[0].items[6]', 'theme-limit']]);
  });
});

describe('labels and Markdown quotes', () => {
  it('takes the box label and the source word from the theme (English theme: "Related activities", "Source:")', async () => {
    const loaded = await load(withBlocks('          - type: related\n            items: [{date: 2025-10-09, title: AI360 2025, source: {name: VINASA}}]\n'));
    const theme = await resolveTheme(path.join(import.meta.dirname, '../fixtures/themes/english'), process.cwd());
    const { issue } = await themeIssue(loaded.issue!, loaded.source);
    const doc = parseDocument((await renderIssueHtml(issue, { theme })).html);
    expect(clean(doc.querySelector('.related-title'))).toBe('Related activities');
    expect(clean(doc.querySelector('.related .block-source'))).toBe('Source: VINASA');
  });

  it('sets a Markdown quote in a body with the theme\'s rule, not the browser\'s 40px indent', async () => {
    const text = edit(MINIMAL_ISSUE, BODY_END, `${BODY_END}\n          > Kết quả của phong trào không chỉ đo lường bằng những con số.\n`);
    const rendered = (await renderIssueHtml((await load(text)).issue!)).html;
    expect(clean(parseDocument(rendered).querySelector('.news-body blockquote'))).toBe('Kết quả của phong trào không chỉ đo lường bằng những con số.');
    const rule = /\.news-body blockquote,[^{]*\{([^}]*)\}/.exec(rendered)?.[1] ?? '';
    expect(rule).toMatch(/margin: 2\.5mm 0;/);
    expect(rule).toMatch(/border-left: 2pt solid var\(--accent\)/);
  });
});

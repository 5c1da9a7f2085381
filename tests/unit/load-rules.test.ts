/** Rules checked after the schema: week order, unique ids, cover highlights that exist. */
import { describe, expect, it } from 'vitest';
import { themeIssue } from '../../src/theme/choose.js';
import { edit, load, MINIMAL_ISSUE, seen } from './helpers.js';

const SECOND_ARTICLE = `      - date: 2026-05-28
        title: Giải thưởng Sao Khuê 2026 vinh danh 123 nền tảng, dịch vụ và giải pháp số xuất sắc
        body: |
          Năng lực sáng tạo của cộng đồng doanh nghiệp công nghệ thông tin trong nước tiếp tục được khẳng định.
`;

describe('loadIssueText: rules across fields', () => {
  it('reports a week that ends before it starts, at the end date', async () => {
    const { issue, diagnostics } = await load(edit(MINIMAL_ISSUE, 'end: 2026-05-31', 'end: 2026-05-20'));
    expect(issue).toBeUndefined();
    expect(diagnostics.map(seen)).toEqual([
      {
        line: 9,
        col: 10,
        path: 'issue.week.end',
        message: 'the week ends (20/5/2026) before it starts (25/5/2026)',
        sourceLine: '    end: 2026-05-20',
      },
    ]);
    expect(diagnostics[0]?.code).toBe('week');
  });

  it('accepts a one-day week', async () => {
    const { issue } = await load(edit(MINIMAL_ISSUE, 'end: 2026-05-31', 'end: 2026-05-25'));
    expect(issue?.week.label).toBe('25/5 – 25/5/2026');
  });

  it('reports a duplicate explicit id at the second one, naming the first', async () => {
    const text = edit(MINIMAL_ISSUE, '      - date: 2026-05-28\n', `${SECOND_ARTICLE.replace('      - date', '      - id: kinh-te-so\n        date')}      - id: kinh-te-so\n        date: 2026-05-28\n`);
    const { issue, diagnostics } = await load(text);
    expect(issue).toBeUndefined();
    expect(diagnostics.map(seen)).toEqual([
      {
        line: 19,
        col: 13,
        path: 'parts[0].articles[1].id',
        message: 'the id "kinh-te-so" is already used at parts[0].articles[0]: ids must be unique',
        sourceLine: '      - id: kinh-te-so',
      },
    ]);
    expect(diagnostics[0]?.code).toBe('duplicate-id');
  });

  it('reports a part id that an article also uses', async () => {
    const text = edit(MINIMAL_ISSUE, '    title: Tin trong nước\n', '    id: tin-trong-nuoc\n    title: Tin trong nước\n');
    const { diagnostics } = await load(edit(text, '      - date: 2026-05-28', '      - id: tin-trong-nuoc\n        date: 2026-05-28'));
    expect(diagnostics.map((d) => [d.line, d.col, d.path, d.message])).toEqual([
      [15, 13, 'parts[0].articles[0].id', 'the id "tin-trong-nuoc" is already used at parts[0]: ids must be unique'],
    ]);
  });

  it('rejects an explicit id that is not lowercase-with-hyphens', async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, '      - date: 2026-05-28', '      - id: Kinh_te_so\n        date: 2026-05-28'));
    expect(diagnostics.map(seen)).toEqual([
      {
        line: 14,
        col: 13,
        path: 'parts[0].articles[0].id',
        message: 'expected an id made of lowercase letters, digits and single hyphens, e.g. kinh-te-so-30-gdp',
        sourceLine: '      - id: Kinh_te_so',
      },
    ]);
  });

  it('reports a cover highlight with no article, suggesting the near id', async () => {
    const text = edit(MINIMAL_ISSUE, 'parts:', 'cover:\n  highlights:\n    - kinh-te-so-huong-toi-30\nparts:');
    const { issue, diagnostics } = await load(text);
    expect(issue).toBeUndefined();
    expect(diagnostics.map(seen)).toEqual([
      {
        line: 12,
        col: 7,
        path: 'cover.highlights[0]',
        message: 'no article or part has the id "kinh-te-so-huong-toi-30": did you mean "kinh-te-so-huong-toi-30-gdp"?',
        sourceLine: '    - kinh-te-so-huong-toi-30',
      },
    ]);
    expect(diagnostics[0]?.code).toBe('unknown-id');
  });

  it('reports a cover highlight with no near id without a suggestion', async () => {
    const text = edit(MINIMAL_ISSUE, 'parts:', 'cover:\n  highlights: [kinh-te-so-huong-toi-30-gdp, hoi-thao]\nparts:');
    const { diagnostics } = await load(text);
    expect(diagnostics.map((d) => [d.line, d.col, d.path, d.message])).toEqual([
      [11, 45, 'cover.highlights[1]', 'no article or part has the id "hoi-thao"'],
    ]);
  });

  it('resolves cover highlights to articles, derived ids included', async () => {
    const text = edit(MINIMAL_ISSUE, 'parts:', 'cover:\n  highlights: [kinh-te-so-huong-toi-30-gdp]\nparts:');
    const { issue, diagnostics } = await load(text);
    expect(diagnostics).toEqual([]);
    expect(issue?.cover.highlights.map((a) => a.title)).toEqual(['Kinh tế số hướng tới 30% GDP']);
  });

  it('leaves the number of highlights to the theme: 7 load, the base theme (6) refuses the 7th at its place', async () => {
    const ids = Array.from({ length: 7 }, () => 'kinh-te-so-huong-toi-30-gdp').join(', ');
    const loaded = await load(edit(MINIMAL_ISSUE, 'parts:', `cover:\n  highlights: [${ids}]\nparts:`));
    expect(loaded.diagnostics).toEqual([]);
    const { diagnostics } = await themeIssue(loaded.issue!, loaded.source, 'base');
    expect(diagnostics.map((d) => [d.line, d.path, d.code, d.message])).toEqual([
      [11, 'cover.highlights[6]', 'theme-limit', 'the theme "base" shows at most 6 cover highlights: remove 1'],
    ]);
    // The Hải Phòng theme sets them as its compact index (limits.coverIndex, cover-fit.test.ts).
    expect((await themeIssue(loaded.issue!, loaded.source)).diagnostics).toEqual([]);
  });
});

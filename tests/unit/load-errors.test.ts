/** Schema errors: each points at the exact line and column of the offending YAML node. */
import { describe, expect, it } from 'vitest';
import { edit, load, MINIMAL_ISSUE, seen, VOV_URL } from './helpers.js';

const URL_MESSAGE = 'expected a web address starting with https:// or http:// (e.g. https://mst.gov.vn/bai-viet)';
const DATE_MESSAGE = 'expected a real date written YYYY-MM-DD, e.g. 2026-05-25';
const ARTICLE = 'parts[0].articles[0]';

describe('loadIssueText: schema errors with positions', () => {
  it('loads the minimal issue without any diagnostic', async () => {
    const result = await load(MINIMAL_ISSUE);
    expect(result.diagnostics).toEqual([]);
    expect(result.issue?.articles.map((a) => a.title)).toEqual(['Kinh tế số hướng tới 30% GDP']);
  });

  it.each([
    ['javascript:alert(1)'],
    ['ftp://vov.vn/kinh-te/bai-viet'],
    ['file:///etc/passwd'],
    ['data:text/html;base64,PHNjcmlwdD4='],
    ['https://'],
  ])('rejects the link %s at the url value', async (url) => {
    const { issue, diagnostics } = await load(edit(MINIMAL_ISSUE, VOV_URL, url));
    expect(issue).toBeUndefined();
    expect(diagnostics.map(seen)).toEqual([
      { line: 18, col: 16, path: `${ARTICLE}.source.url`, message: URL_MESSAGE, sourceLine: `          url: ${url}` },
    ]);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'schema' });
  });

  it('accepts a plain http:// link', async () => {
    const { issue } = await load(edit(MINIMAL_ISSUE, VOV_URL, 'http://vov.vn/kinh-te'));
    expect(issue?.articles[0]?.source?.url).toBe('http://vov.vn/kinh-te');
  });

  it('reports a missing title at the article that lacks it', async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, '        title: Kinh tế số hướng tới 30% GDP\n', ''));
    expect(diagnostics.map(seen)).toEqual([
      {
        line: 14,
        col: 9,
        path: `${ARTICLE}.title`,
        message: 'missing required field "title": expected a title (text)',
        sourceLine: '      - date: 2026-05-28',
      },
    ]);
    expect(diagnostics[0]?.code).toBe('missing');
  });

  it('reports a number where text is expected', async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, 'title: Kinh tế số hướng tới 30% GDP', 'title: 42'));
    expect(diagnostics.map(seen)).toEqual([
      { line: 15, col: 16, path: `${ARTICLE}.title`, message: 'expected a title (text)', sourceLine: '        title: 42' },
    ]);
  });

  it('reports a list where an object is expected, at the list', async () => {
    const text = edit(MINIMAL_ISSUE, `          name: VOV\n          url: ${VOV_URL}\n`, '          - VOV\n');
    const { diagnostics } = await load(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 17, col: 11, path: `${ARTICLE}.source`, sourceLine: '          - VOV' });
    expect(diagnostics[0]?.message).toBe('expected a block of fields (key: value), got a list');
  });

  it('reports an empty text', async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, 'title: Tin trong nước', 'title: "  "'));
    expect(diagnostics.map(seen)).toEqual([
      { line: 12, col: 12, path: 'parts[0].title', message: 'expected a part title, got an empty text', sourceLine: '    title: "  "' },
    ]);
  });

  it.each([
    ['titel', 'title', 15, '        titel: Kinh tế số hướng tới 30% GDP'],
    ['sourse', 'source', 16, '        sourse:'],
  ])('suggests the near field for an unknown key %s', async (typo, field, line, sourceLine) => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, `        ${field}:`, `        ${typo}:`));
    const unknown = diagnostics.filter((d) => d.code === 'unknown-key');
    expect(unknown.map(seen)).toEqual([
      { line, col: 9, path: `${ARTICLE}.${typo}`, message: `unknown field "${typo}": did you mean "${field}"?`, sourceLine },
    ]);
  });

  it('lists the allowed fields for an unknown key with no near match', async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, '        source:', '        chuyen-muc: Kinh tế\n        source:'));
    expect(diagnostics.map(seen)).toEqual([
      {
        line: 16,
        col: 9,
        path: `${ARTICLE}.chuyen-muc`,
        message: 'unknown field "chuyen-muc": expected one of: date, id, title, author, source, lead, body, image, podcast, blocks, draft',
        sourceLine: '        chuyen-muc: Kinh tế',
      },
    ]);
  });

  it('suggests a top-level key too', async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, 'parts:', 'part:'));
    expect(diagnostics.find((d) => d.code === 'unknown-key')).toMatchObject({
      line: 10,
      col: 1,
      path: 'part',
      message: 'unknown field "part": did you mean "parts"?',
    });
    expect(diagnostics.find((d) => d.code === 'missing')).toMatchObject({ path: 'parts', line: 1, col: 1 });
  });

  it.each([['2026-02-30'], ['25/5'], ['2026-5-28'], ['2026-13-01']])('rejects the date %s', async (date) => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, 'date: 2026-05-28', `date: ${date}`));
    expect(diagnostics.map(seen)).toEqual([
      { line: 14, col: 15, path: `${ARTICLE}.date`, message: DATE_MESSAGE, sourceLine: `      - date: ${date}` },
    ]);
  });

  it('accepts 29 February in a leap year', async () => {
    const text = edit(edit(MINIMAL_ISSUE, 'date: 2026-05-28', 'date: 2028-02-29'), 'start: 2026-05-25', 'start: 2028-02-28');
    const { issue, diagnostics } = await load(edit(text, 'end: 2026-05-31', 'end: 2028-03-05'));
    expect(diagnostics).toEqual([]);
    expect(issue?.articles[0]?.date?.short).toBe('29/2');
  });

  it.each([['20-2026'], ['020/2026'], ['20/26']])('rejects the issue number %s', async (number) => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, 'number: 20/2026', `number: ${number}`));
    expect(diagnostics.map(seen)).toEqual([
      {
        line: 6,
        col: 11,
        path: 'issue.number',
        message: 'expected the issue number as number/year, e.g. 20/2026',
        sourceLine: `  number: ${number}`,
      },
    ]);
  });

  it('rejects an unknown part kind at the kind value', async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, 'kind: news', 'kind: tin'));
    expect(diagnostics.map(seen)).toEqual([
      { line: 11, col: 11, path: 'parts[0].kind', message: 'expected a part with kind: summary, news, spotlight or digest', sourceLine: '  - kind: tin' },
    ]);
  });

  it('reports several errors at once, sorted by line and column', async () => {
    let text = edit(MINIMAL_ISSUE, 'number: 20/2026', 'number: 20-2026');
    text = edit(text, 'date: 2026-05-28', 'date: 2026-02-30');
    text = edit(text, '        title:', '        titel:');
    text = edit(text, VOV_URL, 'javascript:alert(1)');
    const { issue, diagnostics } = await load(text);
    expect(issue).toBeUndefined();
    expect(diagnostics.map((d) => [d.line, d.col, d.path])).toEqual([
      [6, 11, 'issue.number'],
      [14, 9, `${ARTICLE}.title`],
      [14, 15, `${ARTICLE}.date`],
      [15, 9, `${ARTICLE}.titel`],
      [18, 16, `${ARTICLE}.source.url`],
    ]);
    expect(diagnostics.every((d) => d.severity === 'error' && d.file.endsWith('so-20-2026.yaml'))).toBe(true);
  });
});

/** YAML-level problems: reported before the schema runs, each with a position and a plain message. */
import { describe, expect, it } from 'vitest';
import { edit, load, MINIMAL_ISSUE, seen } from './helpers.js';

describe('loadIssueText: YAML problems', () => {
  it('reports a duplicate key at its second occurrence', async () => {
    const text = edit(MINIMAL_ISSUE, '        body: |', '        title: Kinh tế số\n        body: |');
    const { issue, diagnostics } = await load(text);
    expect(issue).toBeUndefined();
    expect(diagnostics.map(seen)).toEqual([
      { line: 19, col: 9, path: 'parts[0].articles[0].title', message: 'this key appears twice in the same block: keep one', sourceLine: '        title: Kinh tế số' },
    ]);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'yaml' });
  });

  it('reports a duplicate top-level key', async () => {
    const { diagnostics } = await load(`${MINIMAL_ISSUE}issue:\n  number: 21/2026\n`);
    expect(diagnostics.map((d) => [d.line, d.col, d.message])).toEqual([
      [21, 1, 'this key appears twice in the same block: keep one'],
    ]);
  });

  it('reports tab indentation on the line with the tab', async () => {
    const { issue, diagnostics } = await load(edit(MINIMAL_ISSUE, '    - Sở Khoa học', '\t- Sở Khoa học'));
    expect(issue).toBeUndefined();
    const tab = diagnostics.filter((d) => d.code === 'tab');
    expect(tab.map(seen)).toEqual([
      {
        line: 4,
        col: 1,
        path: '',
        message: 'a tab at the start of this line (Word indents a paragraph with one): YAML indents with spaces only; replace the tab with spaces lined up with the line above (4 spaces), or run "bantin check --fix"',
        sourceLine: '\t- Sở Khoa học và Công nghệ',
      },
    ]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  it('reports an unclosed quote where it opens, not where the file ends', async () => {
    const { issue, diagnostics } = await load(edit(MINIMAL_ISSUE, 'title: Tin trong nước', 'title: "Tin trong nước'));
    expect(issue).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'yaml', path: 'parts[0].title', line: 12, col: 12, sourceLine: '    title: "Tin trong nước' });
    expect(diagnostics[0]?.message).toBe('this quote is never closed: add the closing " (or remove the opening one)');
  });

  it("finds an unclosed single quote too", async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, 'title: Tin trong nước', "title: 'Tin trong nước"));
    expect(diagnostics[0]).toMatchObject({ line: 12, col: 12 });
    expect(diagnostics[0]?.message).toContain("closing '");
  });

  it('reports a key indented less than its siblings on that line', async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, '    end: 2026-05-31', '   end: 2026-05-31'));
    expect(diagnostics.map(seen)).toEqual([
      {
        line: 9,
        col: 1,
        path: '',
        message: 'this field is not lined up with the fields of its block (line 8 starts at column 5): indent it with spaces to the same column',
        sourceLine: '   end: 2026-05-31',
      },
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['a file with only comments', '# Điểm tin Khoa học Công nghệ số 20/2026\n'],
  ])('reports %s once, at 1:1', async (_, text) => {
    const { issue, diagnostics } = await load(text);
    expect(issue).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      line: 1,
      col: 1,
      path: '',
      code: 'empty',
      message: 'the file is empty: expected an issue with series, issue and parts',
    });
  });

  it('reports a top-level list as the wrong shape, not as empty', async () => {
    const { diagnostics } = await load('- series\n- parts\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 1, col: 1, path: '', code: 'schema' });
    expect(diagnostics[0]?.message).toBe('expected a block of fields (key: value), got a list');
  });

  it('reads a file pasted in NFD as NFC', async () => {
    const nfc = 'Kinh tế số hướng tới 30% GDP'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const { issue, diagnostics } = await load(MINIMAL_ISSUE.normalize('NFC').replace(nfc, nfd));
    expect(diagnostics).toEqual([]);
    expect(issue?.articles[0]?.title).toBe(nfc);
    expect(issue?.articles[0]?.id).toBe('kinh-te-so-huong-toi-30-gdp');
  });

  it('composes the text without turning a value that starts with U+1FEF into YAML syntax (its NFC form is the reserved backtick)', async () => {
    const title = 'Kinh tế số hướng tới 30% GDP';
    const { issue, diagnostics } = await load(MINIMAL_ISSUE.normalize('NFC').replace(`title: ${title}`, `title: \u1fef ${title}`));
    expect(diagnostics).toEqual([]);
    expect(issue?.articles[0]?.title).toBe(`\u0060 ${title}`);
  });
});

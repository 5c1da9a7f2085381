/**
 * The bad-input corpus (tests/fixtures/bad/) as loadIssue sees it, and the text cleaning
 * behind it: invisible characters, control characters, encodings, hostile YAML structure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/core/diagnostics.js';
import { loadIssue } from '../../src/issue/load.js';
import { decodeIssueText } from '../../src/issue/source.js';
import { cleanValue, findControlChars, stripZeroWidth, visibleControls } from '../../src/issue/text.js';
import { BAD_DIR, OUTCOMES, type Expected } from '../fixtures/bad/outcomes.js';
import { edit, load, MINIMAL_ISSUE } from './helpers.js';

const rel = (name: string) => path.join('tests/fixtures/bad', name);
const fileLines = (name: string) => readFileSync(path.join(BAD_DIR, name), 'utf8').split('\n');
const TITLE = 'Kinh tế số hướng tới 30% GDP';

describe('the bad-input corpus', () => {
  it('has an outcome for every file, and a file for every outcome', () => {
    const files = readdirSync(BAD_DIR).filter((f) => f.endsWith('.yaml')).sort();
    expect(files).toEqual(Object.keys(OUTCOMES).sort());
  });

  it.each(Object.entries(OUTCOMES))('%s', async (name, outcome) => {
    if ('unreadable' in outcome) {
      const error: unknown = await loadIssue(rel(name)).catch((e: unknown) => e);
      expect(isUserError(error)).toBe(true);
      expect((error as Error).message).toBe(outcome.unreadable);
      return;
    }
    const { issue, diagnostics } = await loadIssue(rel(name));
    // A file only the browser finds wrong loads clean.
    const expected: Expected[] = 'fails' in outcome ? outcome.fails : 'builds' in outcome ? outcome.builds : [];
    expect(diagnostics.map(({ line, col, path, code, message }) => ({ line, col, path, code, message }))).toEqual(expected);
    expect(diagnostics.every((d) => d.severity === ('fails' in outcome ? 'error' : 'warning'))).toBe(true);
    const lines = fileLines(name);
    for (const d of diagnostics) expect(d.sourceLine).toBe(visibleControls(lines[d.line - 1] ?? ''));
    if ('fails' in outcome) expect(issue).toBeUndefined();
    else expect(issue).toBeDefined();
  });
});

describe('what the corpus files that build become', () => {
  it('drops zero-width characters, except a joiner between two emoji', async () => {
    const { issue } = await loadIssue(rel('zero-width.yaml'));
    const article = issue!.articles[0]!;
    expect(article.title).toBe(TITLE);
    expect(article.id).toBe('kinh-te-so-huong-toi-30-gdp');
    expect(article.body).toBe('Tiến trình phát triển nền kinh tế số quốc gia đangđược thiết lập với mục tiêu 30% GDP 👩\u200d💻.');
  });

  it('composes NFD text', async () => {
    expect(readFileSync(path.join(BAD_DIR, 'nfd.yaml'), 'utf8')).not.toContain(TITLE);
    const { issue } = await loadIssue(rel('nfd.yaml'));
    expect(issue!.series.title).toBe('Điểm tin Khoa học Công nghệ');
    expect(issue!.articles[0]!.title).toBe(TITLE);
    expect(issue!.articles[0]!.id).toBe('kinh-te-so-huong-toi-30-gdp');
  });

  it('keeps emoji and markup as the text they are', async () => {
    expect((await loadIssue(rel('emoji.yaml'))).issue!.articles[0]!.title).toBe(`🚀 ${TITLE} 📈`);
    const { issue } = await loadIssue(rel('markup.yaml'));
    expect(issue!.parts[0]!.title).toBe('</style><script>alert(1)</script> Tin trong nước');
    expect(issue!.articles[0]!.title).toBe('<script>alert("tiêu đề")</script> Kinh tế số {{7*7}} hướng tới 30% GDP </style>');
  });
});

describe('invisible and control characters', () => {
  it.each([
    ['a zero-width space', 'Kinh\u200Btế', 'Kinhtế'],
    ['a zero-width non-joiner', 'Kinh\u200Ctế', 'Kinhtế'],
    ['a zero-width joiner between letters', 'Kinh\u200Dtế', 'Kinhtế'],
    ['a word joiner', 'Kinh\u2060tế', 'Kinhtế'],
    ['a byte-order mark inside the text', 'Kinh\uFEFFtế', 'Kinhtế'],
    ['a joiner after an emoji, before a letter', '👩\u200Dtế', '👩tế'],
    ['the joiners of a family emoji', '👨\u200D👩\u200D👧', '👨\u200D👩\u200D👧'],
    ['a joiner after a skin tone', '👩🏽\u200D💻', '👩🏽\u200D💻'],
    ['a joiner after a variation selector', '🏳️\u200D🌈', '🏳️\u200D🌈'],
  ])('strips or keeps %s', (_, input, output) => {
    expect(stripZeroWidth(input)).toBe(output);
  });

  it('cleans values, not the text: a zero-width character never changes how YAML reads a line', async () => {
    // Dropped before parsing, "-\u200D" would become "-", a list item (found by property.test.ts).
    const { issue, diagnostics } = await load(edit(MINIMAL_ISSUE, 'name: VOV', 'name: -\u200D'));
    expect(diagnostics).toEqual([]);
    expect(issue!.articles[0]!.source!.label).toBe('-');
  });

  it('cleans keys too, and keeps columns as the editor counts them', async () => {
    const text = edit(edit(MINIMAL_ISSUE, '        source:', '        \u200Bsource:'), 'date: 2026-05-28', 'date: 2026\u200B-05-28');
    expect((await load(text)).diagnostics).toEqual([]);
    const { diagnostics } = await load(edit(text, 'url: https', 'url: \u200Bftp'));
    expect(diagnostics.map((d) => [d.line, d.col, d.path])).toEqual([[18, 16, 'parts[0].articles[0].source.url']]);
  });

  it('reads a byte-order mark at the start of the text', async () => {
    expect((await load(`\uFEFF${MINIMAL_ISSUE}`)).diagnostics).toEqual([]);
  });

  it('composes a value and drops its zero-width characters', () => {
    expect(cleanValue('Kinh te\u0302\u0301\u200B số')).toBe('Kinh tế số');
  });

  it('finds control characters but not tabs, line feeds or CRLF line ends', () => {
    const text = 'a:\tb\r\nc: d\u000Be\r\nf: \u0085g\rh\u007F\n';
    expect([...findControlChars(text)]).toEqual([
      { offset: 10, char: '\u000B' },
      { offset: 17, char: '\u0085' },
      { offset: 19, char: '\r' },
      { offset: 21, char: '\u007F' },
    ]);
  });

  it('draws control characters visibly, one for one', () => {
    expect(visibleControls('a\u0000b\u000Bc\u001Bd\u007Fe\u0093f\tg')).toBe('a\u2400b\u240Bc\u241Bd\u2421e\uFFFDf\tg');
  });

  it('reads a file with CRLF line ends', async () => {
    const { issue, diagnostics } = await load(MINIMAL_ISSUE.replace(/\n/g, '\r\n'));
    expect(diagnostics).toEqual([]);
    expect(issue!.articles[0]!.title).toBe(TITLE);
  });

  it('refuses a lone carriage return (an old Mac line end) at its place', async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, 'title: Tin trong nước', 'title: Tin\rtrong nước'));
    expect(diagnostics.map((d) => [d.line, d.col, d.path, d.code])).toEqual([[12, 15, 'parts[0].title', 'control-char']]);
    expect(diagnostics[0]!.message).toBe('invisible control character U+000D (carriage return): delete it, it cannot be printed');
    expect(diagnostics[0]!.sourceLine).toBe('    title: Tin\u240Dtrong nước');
  });

  it('names the field of a control character in a key', async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, '  number:', '  num\u0008ber:'));
    expect(diagnostics.map((d) => [d.line, d.col, d.path, d.code])).toEqual([[6, 6, 'issue.num\bber', 'control-char']]);
  });

  it('reports control characters once per line and at most a dozen times', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `  - Dòng ${i}\u0001\u0001`);
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, '    - Sở Khoa học và Công nghệ', lines.join('\n')));
    expect(diagnostics).toHaveLength(12);
    expect(diagnostics.map((d) => d.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(diagnostics[0]!.path).toBe('series.publisher[0]');
    expect(diagnostics[11]!.message).toBe('invisible control character U+0001 (a control character): delete it, it cannot be printed (more lines below have control characters too)');
  });

  it.each([
    ['\\0', 'U+0000 (null)'],
    ['\\e', 'U+001B (escape)'],
    ['\\r', 'U+000D (carriage return)'],
    ['\\x85', 'U+0085 (a C1 control: often a quote or dash of Windows-1252 text decoded the wrong way)'],
  ])('refuses the escape "%s" in a text value', async (escape, described) => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, 'title: Tin trong nước', `title: "Tin${escape} trong nước"`));
    expect(diagnostics.map((d) => [d.line, d.col, d.path, d.code, d.message])).toEqual([
      [12, 12, 'parts[0].title', 'schema', `invisible control character ${described}: delete it, it cannot be printed`],
    ]);
  });

  it('cleans escapes that make zero-width or decomposed text', async () => {
    const { issue, diagnostics } = await load(edit(MINIMAL_ISSUE, 'title: Tin trong nước', 'title: "Tin\\u200b trong nu\\u031bo\\u031b\\u0301c"'));
    expect(diagnostics).toEqual([]);
    expect(issue!.parts[0]!.title).toBe('Tin trong nước');
  });

  it('takes a title of zero-width characters only for an empty one', async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, 'title: Tin trong nước', 'title: "\u200B\u200B"'));
    expect(diagnostics.map((d) => [d.path, d.message])).toEqual([['parts[0].title', 'expected a part title, got an empty text']]);
  });
});

describe('files that are not UTF-8', () => {
  const file = 'so-20-2026.yaml';
  const utf8 = Buffer.from(MINIMAL_ISSUE, 'utf8');
  const fails = (bytes: Uint8Array) => {
    try {
      decodeIssueText(file, bytes);
    } catch (error) {
      expect(isUserError(error)).toBe(true);
      return (error as Error).message;
    }
    throw new Error('decodeIssueText accepted the bytes');
  };

  it('reads UTF-8 with or without a byte-order mark', () => {
    expect(decodeIssueText(file, utf8)).toBe(MINIMAL_ISSUE);
    expect(decodeIssueText(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toBe(MINIMAL_ISSUE);
  });

  it('names the line, column and field of a Latin-1 byte', () => {
    const bytes = Buffer.from(MINIMAL_ISSUE.replace('Tin trong nước', 'Tin trong n\u00e9'), 'latin1');
    // latin1 also mangles the earlier lines' Vietnamese letters: the first bad byte is on line 2.
    expect(fails(bytes)).toMatch(/^so-20-2026\.yaml:2:\d+ series\.title: the file is not UTF-8 text \(byte 0x/);
    const onlyOne = Buffer.concat([utf8.subarray(0, utf8.indexOf('Tin trong')), Buffer.from('Tin trong n\u00e9', 'latin1'), Buffer.from('\n')]);
    expect(fails(onlyOne)).toBe(
      `so-20-2026.yaml:12:23 parts[0].title: the file is not UTF-8 text (byte 0xE9 at offset ${onlyOne.length - 2}; Windows-1258 and Latin-1 files look like this): open it in your editor and save it as UTF-8`,
    );
  });

  it('points at a sequence cut short by the end of the file', () => {
    const cut = Buffer.concat([utf8, Buffer.from('# ế', 'utf8').subarray(0, 4)]);
    expect(fails(cut)).toMatch(new RegExp(`^so-20-2026\\.yaml:21:3 the file is not UTF-8 text \\(byte 0xE1 at offset ${utf8.length + 2};`));
  });

  it.each([
    ['with a byte-order mark (little-endian)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINIMAL_ISSUE, 'utf16le')])],
    ['with a byte-order mark (big-endian)', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(MINIMAL_ISSUE, 'utf16le').swap16()])],
    ['without a byte-order mark', Buffer.from(MINIMAL_ISSUE, 'utf16le')],
  ])('recognises UTF-16 %s', (_, bytes) => {
    expect(fails(bytes)).toBe('so-20-2026.yaml:1:1 the file is UTF-16 text: save it as UTF-8 (in Notepad: Save as… → Encoding: UTF-8)');
  });

  it('finds a bad byte at the end of 5 MB quickly (the check is linear)', () => {
    const big = Buffer.concat([Buffer.from(`# ${'Kinh tế số hướng tới 30% GDP. '.repeat(160_000)}\n`, 'utf8'), Buffer.from([0x93])]);
    expect(big.length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    expect(fails(big)).toMatch(/^so-20-2026\.yaml:2:1 the file is not UTF-8 text \(byte 0x93/);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('YAML that parses but cannot become data', () => {
  const withAnchor = (uses: number) =>
    edit(MINIMAL_ISSUE, '  publisher:\n    - Sở Khoa học và Công nghệ\n', `  publisher: &p\n    - Sở Khoa học và Công nghệ\n  masthead: [${Array(uses).fill('*p').join(', ')}]\n`);

  it('refuses an alias bomb ("billion laughs") with its place, instead of expanding it', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...['b', 'c', 'd', 'e'].map((n, i) => `${n}: &${n} [${Array(10).fill(`*${'abcd'[i]}`).join(', ')}]`)].join('\n');
    const { diagnostics } = await load(`${bomb}\n${MINIMAL_ISSUE}`);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 3, col: 8, path: 'c[0]', code: 'alias' });
    expect(diagnostics[0]!.message).toBe('aliases to blocks that hold aliases (*b) repeat blocks more than 100 times in all: write the repeated fields out');
  });

  it('refuses a block repeated through one anchor more than 100 times', async () => {
    const { diagnostics } = await load(withAnchor(101));
    expect(diagnostics.map((d) => [d.line, d.path, d.message])).toEqual([
      [5, 'series.masthead[100]', '*p repeats a block 101 times, more than the 100 allowed: write the repeated fields out'],
    ]);
  });

  it('accepts a few aliases', async () => {
    const { diagnostics } = await load(withAnchor(1));
    expect(diagnostics.map((d) => d.path)).toEqual(['series.masthead[0]']);
    expect(diagnostics[0]!.message).toBe('expected a line of the cover title (text)');
  });

  it('refuses an alias to no anchor', async () => {
    const { diagnostics } = await load(edit(MINIMAL_ISSUE, 'title: Tin trong nước', 'title: *tieu-de'));
    expect(diagnostics.map((d) => [d.line, d.col, d.path, d.code, d.message])).toEqual([
      [12, 12, 'parts[0].title', 'alias', '*tieu-de refers to no anchor: write &tieu-de on the block it repeats, before this line'],
    ]);
  });

  it('keeps every error of one line: a tag, a merge key and an alias (load.ts drops only "yaml" problems near another)', async () => {
    const { issue, diagnostics } = await load('!foo <<: *a\n');
    expect(issue).toBeUndefined();
    expect(diagnostics.map((d) => [d.severity, d.code, d.line, d.col])).toEqual([
      ['error', 'tag', 1, 1],
      ['error', 'merge-key', 1, 6],
      ['error', 'alias', 1, 10],
    ]);
  });

  it('refuses a key that is a list', async () => {
    const { diagnostics } = await load(`? [series, issue]\n: x\n${MINIMAL_ISSUE}`);
    expect(diagnostics.map((d) => [d.line, d.col, d.code, d.message])).toEqual([[1, 3, 'key', 'a key must be a plain name (such as title:), not a list or a block']]);
  });

  it('gives a syntax error, not a crash, for nesting too deep to read', async () => {
    const { diagnostics } = await load(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  it('reports tab indentation alone, not the misread lines after it', async () => {
    const text = edit(MINIMAL_ISSUE, '        title: Kinh tế số', '\ttitle: Kinh tế số');
    const { diagnostics } = await load(text);
    expect(diagnostics.map((d) => [d.line, d.col, d.message])).toEqual([[15, 1, 'a tab at the start of this line (Word indents a paragraph with one): YAML indents with spaces only; replace the tab with spaces lined up with the line above (6 spaces), or run "bantin check --fix"']]);
  });

});

/**
 * No trap in pasted text (issue 27, item 3): the seeds' real items pasted the way an editor's
 * tools paste them — Word's first-line tab, typographic and straight quotes mixed, non-breaking
 * spaces, zero-width characters, soft hyphens, CRLF, spaces at line ends, a day typed 25/4/2026
 * — into YAML and Markdown issue files. Each either prints as typed or is one clear problem at
 * its line and column, in English and Vietnamese.
 */
import path from 'node:path';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/core/i18n.js';
import { loadIssueText } from '../../src/issue/load.js';
import { renderIssueHtml } from '../../src/render/html.js';
import { setQuotes } from '../../src/render/quotes.js';
import { themeIssue } from '../../src/theme/choose.js';
import { parseDocument } from './dom.js';
import { seedItems, SEED_FILES } from './seed-items.js';
import { seedIssueYaml } from './seed-issue.js';

const seeds = SEED_FILES.flatMap((file) => seedItems(file));
const YAML_FILE = path.join(tmpdir(), 'so-15-2026.yaml');
const MD_FILE = path.join(tmpdir(), 'so-15-2026.md');

afterEach(() => setLanguage('en'));

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('a tab pasted into a YAML issue', () => {
  const yaml = seedIssueYaml(80);
  // Word indents a paragraph's first line with a tab: pasted, the line loses the block's indentation.
  const paragraph = seeds[40 % seeds.length]!.body.split('\n\n')[1]!;
  const withTab = yaml.replace(`\n          ${paragraph}`, `\n\t${paragraph}`);

  it('is one error, that says "tab", at the tab, with the spaces to put instead; nothing after it', async () => {
    expect(withTab).not.toBe(yaml);
    const { diagnostics } = await loadIssueText(YAML_FILE, withTab);
    expect(diagnostics.map((d) => [d.line, d.col, d.code])).toEqual([[lineOf(withTab, `\t${paragraph}`), 1, 'tab']]);
    expect(diagnostics[0]!.message).toMatch(/^a tab at the start of this line .* \(10 spaces\), or run "bantin check --fix"$/);
    setLanguage('vi');
    const vi = await loadIssueText(YAML_FILE, withTab);
    expect(vi.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^dòng này bắt đầu bằng dấu Tab .*10 dấu cách/)]);
  });

  it('is the same one error in a file with CRLF line ends', async () => {
    const crlf = withTab.replace(/\n/g, '\r\n');
    const { diagnostics } = await loadIssueText(YAML_FILE, crlf);
    expect(diagnostics.map((d) => [d.line, d.col, d.code])).toEqual([[lineOf(withTab, `\t${paragraph}`), 1, 'tab']]);
  });

  it('in the middle of a field indentation is named at its column', async () => {
    const text = yaml.replace('\n        source:', '\n      \t  source:');
    const { diagnostics } = await loadIssueText(YAML_FILE, text);
    expect(diagnostics.map((d) => [d.line, d.col, d.code])).toEqual([[lineOf(text, '\t  source:'), 7, 'tab']]);
  });

  it('non-breaking spaces for indentation (a web page’s paste) are named too, at their column', async () => {
    const text = yaml.replace('\n        source:', `\n${'\u00A0'.repeat(8)}source:`);
    const { diagnostics } = await loadIssueText(YAML_FILE, text);
    expect(diagnostics.map((d) => [d.line, d.col, d.code])).toEqual([[lineOf(text, '\u00A0source:'), 1, 'tab']]);
    expect(diagnostics[0]!.message).toMatch(/^a non-breaking or wide space \(U\+00A0, from a web page or Word\)/);
  });

  it('a tab inside a body, deeper than its indentation, is text: no error', async () => {
    const text = yaml.replace(`\n          ${paragraph}`, `\n          \t${paragraph}`);
    const { diagnostics } = await loadIssueText(YAML_FILE, text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('indentation in a YAML issue is said as indentation', () => {
  const yaml = seedIssueYaml(6);

  it('a field one space too deep: at that field, not as a ": " in the text above', async () => {
    const text = yaml.replace('\n        source:', '\n         source:');
    const { diagnostics } = await loadIssueText(YAML_FILE, text);
    expect(diagnostics.map((d) => [d.line, d.col, d.message])).toEqual([
      [lineOf(text, '         source:'), 10, expect.stringMatching(/^this field is indented further than the field above it \(column 10; the fields of its block start at column 9\)/)],
    ]);
  });

  it('a field one space short: not lined up, with the column of its block', async () => {
    const text = yaml.replace('\n        source:', '\n       source:');
    const { diagnostics } = await loadIssueText(YAML_FILE, text);
    expect(diagnostics[0]!.message).toMatch(/^this field is not lined up with the fields of its block \(line \d+ starts at column 9\)/);
    expect(diagnostics[0]!.line).toBe(lineOf(text, '       source:'));
  });
});

describe('quotes and colons in a YAML title', () => {
  it("a title starting with a quoted part ('Lời giải' cho …) is one error at the title, naming the quotes", async () => {
    const text = seedIssueYaml(3).replace(/\n {8}title: (.*)\n/, "\n        title: 'Lời giải' cho $1\n");
    const { diagnostics } = await loadIssueText(YAML_FILE, text);
    expect(diagnostics.map((d) => [d.line, d.col, d.path])).toEqual([[lineOf(text, "'Lời giải'"), 16, 'parts[0].articles[0].title']]);
    expect(diagnostics[0]!.message).toContain("starts with a quoted part ('Lời giải')");
  });
});

describe('dates typed as in Vietnam, in the file', () => {
  it('25/4/2026 is an error that names 2026-04-25', async () => {
    const text = seedIssueYaml(3).replace('date: 2026-04-20', 'date: 20/4/2026');
    const { diagnostics } = await loadIssueText(YAML_FILE, text);
    expect(diagnostics.map((d) => d.message)).toEqual(['dates are written YYYY-MM-DD in the file (they print as 20/4): write 20/4/2026 as 2026-04-20, or run "bantin check --fix"']);
  });
});

/** The Markdown file of the same items, each pasted as `paste` makes its body. */
function seedIssueMarkdown(count: number, paste: (body: string, i: number) => string = (b) => b): string {
  const items = seeds.slice(0, count).map((seed, i) => `## 2${i % 7}/4: ${seed.title.charAt(0)}${seed.title.slice(1).toLowerCase()}\nChi tiết: [Bộ KH-CN](https://mst.gov.vn/bai-viet-${i}.htm)\n\n${paste(seed.body, i)}\n`);
  return `---\nseries:\n  title: Điểm tin Khoa học Công nghệ\n  publisher: [Sở Khoa học và Công nghệ]\nissue:\n  number: 15/2026\n  week: {start: 2026-04-20, end: 2026-04-26}\nchecks: {dateOrder: oldest-first}\n---\n\n# Tin trong nước\n\n${items.join('\n')}`;
}

async function printed(file: string, text: string, quotes?: 'straight') {
  const { issue, diagnostics } = await loadIssueText(file, text);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const themed = await themeIssue(issue!, undefined);
  const theme = quotes ? { ...themed.theme, quotes } : themed.theme;
  return { issue: issue!, diagnostics, doc: parseDocument((await renderIssueHtml(themed.issue, { theme })).html) };
}

describe('a body pasted into a Markdown issue prints as typed', () => {
  // The paste of issue 27: a paragraph led by a tab, a "label: text" line, quotes of both kinds.
  const paste = (body: string, i: number) =>
    i === 2 ? `\t${body.split('\n\n')[0]}\n\nLời giải: "cứ điểm" của 'Hải Phòng' và “Hải Phòng xanh”\n\n    ${body.split('\n\n').slice(1).join('\n\n')}` : body;
  const md = seedIssueMarkdown(6, paste);

  it('a tab-led or indented paragraph is a paragraph in the body font, not code', async () => {
    const { doc } = await printed(MD_FILE, md);
    const body = doc.querySelectorAll('.news-body')[2]!;
    expect(body.querySelectorAll('pre, code')).toHaveLength(0);
    expect(body.querySelector('p')!.textContent).toBe(setQuotes(seeds[2]!.body.split('\n\n')[0]!, 'typographic'));
  });

  it('a "label: text" line is a line of the body, and every quote takes the issue’s one style', async () => {
    const { doc } = await printed(MD_FILE, md);
    const line = [...doc.querySelectorAll('.news-body p')].map((p) => p.textContent).find((p) => p!.startsWith('Lời giải'));
    expect(line).toBe('Lời giải: “cứ điểm” của ‘Hải Phòng’ và “Hải Phòng xanh”');
    const straight = await printed(MD_FILE, md, 'straight');
    const plain = [...straight.doc.querySelectorAll('.news-body p')].map((p) => p.textContent).find((p) => p!.startsWith('Lời giải'));
    expect(plain).toBe(`Lời giải: "cứ điểm" của 'Hải Phòng' và "Hải Phòng xanh"`);
  });

  it('the same paste in YAML prints the same', async () => {
    const pasted = paste(seeds[2]!.body, 2);
    const yaml = seedIssueYaml(6).replace(/( {8}body: \|\n)((?: {10}.*\n|\n)+?)(?= {6}- date| {6}-|$)/g, (all, head: string, _body: string, at: number, whole: string) => {
      const index = whole.slice(0, at).split('      - date:').length - 2;
      return index === 2 ? `${head}${pasted.split('\n').map((l) => (l ? `          ${l}` : '')).join('\n')}\n` : all;
    });
    const { doc } = await printed(YAML_FILE, yaml);
    const line = [...doc.querySelectorAll('.news-body p')].map((p) => p.textContent).find((p) => p!.startsWith('Lời giải'));
    expect(line).toBe('Lời giải: “cứ điểm” của ‘Hải Phòng’ và “Hải Phòng xanh”');
    expect(doc.querySelectorAll('.news-body pre')).toHaveLength(0);
  });

  it('a title that starts or ends with a quote keeps it, in the issue’s style', async () => {
    const text = md.replace(/\n## 20\/4: (.*)\n/, "\n## 20/4: 'Chậm một nhịp công nghệ', Việt Nam có thể lỡ \"cơ hội\"\n");
    const { issue, doc } = await printed(MD_FILE, text);
    expect(issue.articles[0]!.title).toBe(`'Chậm một nhịp công nghệ', Việt Nam có thể lỡ "cơ hội"`);
    expect(doc.querySelector('.news-title')!.textContent).toContain('‘Chậm một nhịp công nghệ’, Việt Nam có thể lỡ “cơ hội”');
  });
});

describe('setQuotes', () => {
  it('leaves the quotes of an HTML tag alone (a theme may print a field as HTML), and sets those of the text', () => {
    expect(setQuotes('Cảng <a href="https://thhp.vn/cang">nước "sâu"</a> it\'s', 'typographic')).toBe('Cảng <a href="https://thhp.vn/cang">nước “sâu”</a> it’s');
    expect(setQuotes('a < b "c" > d', 'typographic')).toBe('a < b “c” > d');
  });
});

describe('subscripts and superscripts', () => {
  it('CO~2~, m^2^, 10^6^ and <sub>/<sup> print as such in YAML and Markdown bodies; other HTML stays text', async () => {
    const words = 'Phát thải CO~2~e giảm, 1.000 m^2^ nhà xưởng, 10^6^ tấn; CO<sub>2</sub> và m<sup>3</sup>; <b>đậm</b>';
    const md = seedIssueMarkdown(2, (body, i) => (i === 1 ? `${body}\n\n${words}` : body));
    const { doc } = await printed(MD_FILE, md);
    const body = doc.querySelectorAll('.news-body')[1]!;
    expect([...body.querySelectorAll('sub, sup')].map((e) => `${e.tagName.toLowerCase()}:${e.textContent}`)).toEqual(['sub:2', 'sup:2', 'sup:6', 'sub:2', 'sup:3']);
    expect(body.textContent).toContain('<b>đậm</b>');
  });
});

describe('text repeated inside one body', () => {
  it('a body pasted twice in one paragraph is one repeated-text warning, at the second copy (YAML and Markdown)', async () => {
    const twice = (body: string, i: number) => (i === 3 ? `${body.split('\n\n')[0]} ${body.split('\n\n')[0]}` : body);
    const md = seedIssueMarkdown(6, twice);
    const { diagnostics } = await loadIssueText(MD_FILE, md);
    const repeated = diagnostics.filter((d) => d.code === 'repeated-text');
    expect(repeated.map((d) => [d.line, d.path])).toEqual([[lineOf(md, seeds[3]!.body.split('\n\n')[0]!), 'parts[0].articles[3].body']]);
    expect(repeated[0]!.message).toMatch(/^this sentence repeats one earlier in the same text \(line \d+\) word for word/);
    expect(repeated[0]!.col).toBeGreaterThan(seeds[3]!.body.split('\n\n')[0]!.length / 2);
  });

  it('a text without a repeat gives no warning', async () => {
    const { diagnostics } = await loadIssueText(MD_FILE, seedIssueMarkdown(6));
    expect(diagnostics.filter((d) => d.code === 'repeated-text')).toEqual([]);
  });
});

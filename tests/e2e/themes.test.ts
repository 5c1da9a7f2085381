/**
 * Themes end to end: the built-in haiphong prints today's bytes however it is chosen; every
 * printed page number and QR code stays right for every built-in theme × both examples × A4
 * and A5, and for a theme that moves every break (margins, fonts, two columns); an English
 * theme prints no Vietnamese fixed word and reads only its own files.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { issueLinks } from '../../src/render/qr.js';
import { themeIssue } from '../../src/theme/choose.js';
import { formatLabel } from '../../src/theme/label-keys.js';
import { builtinThemeNames } from '../../src/theme/layers.js';
import { collapse, decodeQrCodes, fonts, pageTexts, pdfInfo, repoRoot } from './pdf-tools.js';
import { generated, printed, SIZES, THEMES, type Printed } from './prints.js';
import { firstPartPage, pageOf, tocEntries } from './toc-check.js';

const EXAMPLES = ['so-20-2026', 'so-15-2026'];
const example = (name: string) => path.join(repoRoot, 'examples', `${name}.yaml`);
const fixtures = path.join(repoRoot, 'tests/fixtures/themes');
type Result = Printed & { output: string; pageCount: number };
/** Issue `name` of batch `batch` of the shared prints (prints-plan.ts). */
const result = (batch: string, name: string): Result => {
  const print = printed(batch, name);
  return { ...print, output: print.pdf };
};

/** Every TOC number, cover highlight number and QR code of a built PDF, against the PDF itself. */
async function expectNumbersAndCodes(input: string, result: Result, theme?: string): Promise<void> {
  const loaded = await loadIssue(input);
  const { issue, theme: resolved } = await themeIssue(loaded.issue!, loaded.source, theme);
  // pdftotext may read the running footer between the TOC's last entry and its number: drop it.
  const footer = collapse(formatLabel(resolved.labels.footer, { series: issue.series.title, number: issue.number })).toLocaleUpperCase('vi');
  const texts = pageTexts(result.output).map((t) => t.replaceAll(`${footer} `, ''));
  const tocEnd = firstPartPage(texts);
  // A theme may print no TOC up to a number of items (limits.tocItems): the cover is then its index.
  if (issue.articles.length > resolved.limits.tocItems) {
    expect(tocEnd, 'the first part starts after the TOC').toBeGreaterThan(1);
    for (const row of tocEntries(issue, texts)) {
      // A heading found nowhere would give -1, and so would an entry missing from the TOC.
      expect(row.actual, `"${row.title}" is printed after the TOC`).toBeGreaterThan(tocEnd);
      expect(row.printed, `TOC number of "${row.title}"`).toBe(row.actual);
    }
  } else expect(tocEnd, 'no TOC: the first part follows the cover').toBe(1);
  // The cover as laid out: a highlight's number is on its title's first line (plain text order may move it).
  const page = resolved.labels.pageShort.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const cover = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', '1', '-l', '1', result.output, '-'], { encoding: 'utf8' }).split('\n').map(collapse);
  for (const highlight of issue.cover.highlights) {
    const article = issue.articles.find((a) => a.id === highlight.id)!;
    const at = cover.findIndex((line) => line.includes(collapse(highlight.title).slice(0, 24)));
    expect(at, `cover lists ${article.title}`).toBeGreaterThanOrEqual(0);
    const match = new RegExp(`${page} ?(\\d+)`).exec(cover.slice(at, at + 3).join(' '));
    expect(match, `page number of ${article.title} on the cover`).not.toBeNull();
    expect(Number(match![1])).toBe(pageOf(texts, article.title, tocEnd));
  }
  const decoded = new Set([...(await decodeQrCodes(result.output)).values()].flat());
  for (const url of issueLinks(issue)) expect(decoded, `QR for ${url}`).toContain(url);
  expect(result.blocked).toEqual([]);
}

describe('haiphong, the default, prints the same bytes however it is chosen', () => {
  // The theme is resolved before the issue is read into it: one issue (so-20) shows each way.
  it.each(['so-20-2026'])('%s: no theme, series.theme: haiphong, and a child theme that changes nothing', (name) => {
    // The example with no flags; a copy naming haiphong in series.theme (inputs.ts); --theme with
    // a folder made by `bantin theme new --from haiphong`.
    const bytes = readFileSync(result('print-A4', name).output);
    expect(readFileSync(result('print-A4', `${name}-themed`).output).equals(bytes), 'series.theme: haiphong').toBe(true);
    expect(readFileSync(result('child', name).output).equals(bytes), 'a child theme of haiphong').toBe(true);
  });
});

// The digest theme has no cover page (a compact head, the TOC below it): tests/e2e/digest.test.ts reads its pages.
// haiphong is the default: its prints are those of the examples with no --theme (A4 and A5);
// the others are printed with --theme (prints-plan.ts: batches theme-<name>-<size>).
const themes = ['haiphong', ...THEMES];
it('covers every built-in theme but the digest', () => {
  expect(themes.filter((t) => t !== 'compact').sort()).toEqual(builtinThemeNames().filter((name) => name !== 'digest').sort());
});
const cases = themes.flatMap((theme) => EXAMPLES.flatMap((name) => SIZES.map((size) => [theme, name, size] as const)));

describe('page numbers and QR codes for every theme', () => {
  it.each(cases)('%s × %s × %s', async (theme, name, size) => {
    const print = result(theme === 'haiphong' ? `print-${size}` : `theme-${theme}-${size}`, name);
    expect(pdfInfo(print.output)['Page size']).toMatch(new RegExp(`\\(${size}\\)`));
    // The page numbers predicted before printing held: one print (a second would only confirm them).
    expect(print.passes, 'prints').toBe(1);
    await expectNumbersAndCodes(example(name), print, theme === 'compact' ? path.join(fixtures, 'compact') : theme === 'haiphong' ? undefined : theme);
  });
});

describe('an English theme on an English issue', () => {
  const input = path.join(fixtures, 'english-issue.yaml');

  it('prints no Vietnamese fixed word, with every number right', async () => {
    const english = result('print-A4', 'english-issue');
    const text = pageTexts(english.output).join(' ');
    expect(text).not.toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    for (const word of ['Chi tiết', 'Tuần từ', 'Mục lục', 'Phần', 'Trang thông tin', 'Theo dõi', 'Tâm điểm', 'Quét QR']) expect(text).not.toContain(word);
    expect(text).toContain('Inside this issue'.toUpperCase());
    expect(pdfInfo(english.output).Title).toBe('Science and Technology Brief No. 15/2026');
    await expectNumbersAndCodes(input, english);
  });

  it('sets the body in the theme folder’s own font files and reads nothing else', () => {
    const english = result('print-A4', 'english-issue');
    // The theme's "Theme Body" files replace Noto Serif for the body text.
    expect(fonts(english.output).map((f) => f.name).join(' ')).not.toMatch(/NotoSerif/);
    // No warning at all, so none that a character was set in a font of this machine.
    expect(english.diagnostics).toEqual([]);
    expect(english.blocked).toEqual([]);
  });

  it('a theme stylesheet that reaches out of its folder or to the network is blocked and reported', () => {
    // The English theme with styles/leak.css (prints-plan.ts, inputs "leaky"), by --theme.
    expect(readFileSync(path.join(generated('leaky'), 'styles/leak.css'), 'utf8')).toContain('url(https://example.com/x.png)');
    const leaky = result('leaky', 'english-issue');
    expect(leaky.blocked.length).toBeGreaterThan(0);
    expect(leaky.blocked.some((url) => url.startsWith('https://example.com/'))).toBe(true);
  });
});

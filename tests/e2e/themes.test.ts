/**
 * Themes end to end: the built-in haiphong prints today's bytes however it is chosen; every
 * printed page number and QR code stays right for every built-in theme × both examples × A4
 * and A5, and for a theme that moves every break (margins, fonts, two columns); an English
 * theme prints no Vietnamese fixed word and reads only its own files.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/commands/build.js';
import { newTheme } from '../../src/commands/theme.js';
import { memoryLogger } from '../../src/cli/logger.js';
import { loadIssue } from '../../src/issue/load.js';
import type { PageSize } from '../../src/issue/page.js';
import { issueLinks } from '../../src/render/qr.js';
import { themeIssue } from '../../src/theme/choose.js';
import { formatLabel } from '../../src/theme/label-keys.js';
import { builtinThemeNames } from '../../src/theme/layers.js';
import { collapse, decodeQrCodes, fonts, pageTexts, pdfInfo, repoRoot } from './pdf-tools.js';
import { firstPartPage, pageOf, tocEntries } from './toc-check.js';

const out = mkdtempSync(path.join(os.tmpdir(), 'bantin-themes-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const EXAMPLES = ['so-20-2026', 'so-15-2026'];
const example = (name: string) => path.join(repoRoot, 'examples', `${name}.yaml`);
const fixtures = path.join(repoRoot, 'tests/fixtures/themes');
let count = 0;

async function buildWith(input: string, options: { theme?: string; size?: PageSize } = {}): Promise<BuildResult> {
  return build({ input, output: path.join(out, `${path.basename(input, '.yaml')}-${++count}.pdf`), logger: memoryLogger(), ...options });
}

/** Every TOC number, cover highlight number and QR code of a built PDF, against the PDF itself. */
async function expectNumbersAndCodes(input: string, result: BuildResult, theme?: string): Promise<void> {
  const loaded = await loadIssue(input);
  const { issue, theme: resolved } = await themeIssue(loaded.issue!, loaded.source, theme);
  // pdftotext may read the running footer between the TOC's last entry and its number: drop it.
  const footer = collapse(formatLabel(resolved.labels.footer, { series: issue.series.title, number: issue.number })).toLocaleUpperCase('vi');
  const texts = pageTexts(result.output).map((t) => t.replaceAll(`${footer} `, ''));
  const tocEnd = firstPartPage(texts);
  // A theme may print no TOC up to a number of items (limits.tocItems): the cover is then its index.
  if (issue.articles.length > resolved.limits.tocItems) {
    expect(tocEnd, 'the first part starts after the TOC').toBeGreaterThan(1);
    for (const row of tocEntries(issue, texts)) expect(row.printed, `TOC number of "${row.title}"`).toBe(row.actual);
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
  const decoded = new Set([...decodeQrCodes(result.output).values()].flat());
  for (const url of issueLinks(issue)) expect(decoded, `QR for ${url}`).toContain(url);
  expect(result.blockedRequests).toEqual([]);
}

describe('haiphong, the default, prints the same bytes however it is chosen', () => {
  it.each(EXAMPLES)('%s: no theme, series.theme: haiphong, and a child theme that changes nothing', async (name) => {
    const plain = await buildWith(example(name));
    const copy = path.join(out, `${name}-themed.yaml`);
    writeFileSync(copy, readFileSync(example(name), 'utf8').replace(/^series:\n/m, 'series:\n  theme: haiphong\n'));
    const named = await buildWith(copy);
    const child = path.join(out, `${name}-child`);
    await newTheme({ dir: child, from: 'haiphong' });
    const viaChild = await buildWith(example(name), { theme: child });
    const bytes = readFileSync(plain.output);
    expect(readFileSync(named.output).equals(bytes), 'series.theme: haiphong').toBe(true);
    expect(readFileSync(viaChild.output).equals(bytes), 'a child theme of haiphong').toBe(true);
  });
});

// The digest theme has no cover page (a compact head, the TOC below it): tests/e2e/digest.test.ts reads its pages.
const cases = [...builtinThemeNames().filter((name) => name !== 'digest'), path.join(fixtures, 'compact')].flatMap((theme) => EXAMPLES.flatMap((name) => (['A4', 'A5'] as const).map((size) => [path.basename(theme), name, size, theme] as const)));

describe('page numbers and QR codes for every theme', () => {
  // Each case prints and decodes every QR code at 200 dpi: minutes on a loaded machine.
  it.each(cases)('%s × %s × %s', { timeout: 600_000 }, async (_label, name, size, theme) => {
    const result = await buildWith(example(name), { theme, size });
    expect(pdfInfo(result.output)['Page size']).toMatch(new RegExp(`\\(${size}\\)`));
    // One print when the prediction holds; when it does not, the numbers are printed again and still right.
    expect(result.passes).toBeGreaterThanOrEqual(1);
    await expectNumbersAndCodes(example(name), result, theme);
  });
});

describe('an English theme on an English issue', () => {
  let result: BuildResult;
  const input = path.join(fixtures, 'english-issue.yaml');

  it('prints no Vietnamese fixed word, with every number right', async () => {
    result = await buildWith(input);
    const text = pageTexts(result.output).join(' ');
    expect(text).not.toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    for (const word of ['Chi tiết', 'Tuần từ', 'Mục lục', 'Phần', 'Trang thông tin', 'Theo dõi', 'Tâm điểm', 'Quét QR']) expect(text).not.toContain(word);
    expect(text).toContain('Inside this issue'.toUpperCase());
    expect(pdfInfo(result.output).Title).toBe('Science and Technology Brief No. 15/2026');
    await expectNumbersAndCodes(input, result);
  });

  it('sets the body in the theme folder’s own font files and reads nothing else', () => {
    // The theme's "Theme Body" files replace Noto Serif for the body text.
    expect(fonts(result.output).map((f) => f.name).join(' ')).not.toMatch(/NotoSerif/);
    expect(result.warnings.filter((w) => w.code === 'machine-font')).toEqual([]);
    expect(result.blockedRequests).toEqual([]);
  });

  it('a theme stylesheet that reaches out of its folder or to the network is blocked and reported', async () => {
    const dir = path.join(out, 'leaky');
    await newTheme({ dir, from: path.join(fixtures, 'english') });
    const styles = path.join(dir, 'styles');
    await import('node:fs/promises').then((fs) => fs.mkdir(styles, { recursive: true }));
    writeFileSync(path.join(styles, 'leak.css'), '.cover { background-image: url(../../english-issue.yaml), url(https://example.com/x.png); }');
    copyFileSync(input, path.join(out, 'english-issue.yaml'));
    const leaky = await buildWith(input, { theme: dir });
    expect(leaky.blockedRequests.length).toBeGreaterThan(0);
    expect(leaky.blockedRequests.some((url) => url.startsWith('https://example.com/'))).toBe(true);
  });
});

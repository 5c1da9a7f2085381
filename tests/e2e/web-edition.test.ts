/**
 * The web edition in a real browser (issue 29): built by bin/bantin.js for both examples' own
 * themes and every built-in theme, then opened at 360, 768 and 1280 px in one Chromium: no
 * sideways scrolling, text at least 16 px on phones, titles as headings, sources as links, its
 * fonts loaded from itself, no request leaving the file, and axe-core (WCAG 2.1 A/AA, light and
 * dark) with no violation.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { builtinThemeNames } from '../../src/theme/layers.js';
import { repoRoot } from './pdf-tools.js';
import { longIssue } from './generated-issue.js';
import { namingTheme } from './inputs.js';
import { runCli } from './run-cli.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const example = (name: string) => path.join(repoRoot, 'examples', `${name}.yaml`);

let dir: string;
let browser: Browser;
/** Every web edition built: its file and the issue it came from. */
const pages: Array<{ name: string; html: string; issue: string }> = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-web-'));
  const browserPath = inject('browserPath');
  browser = await puppeteer.launch({ executablePath: browserPath, pipe: true, args: ['--no-sandbox'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens `file`, with every request other than the file itself and data: refused and noted. */
async function open(file: string, width: number): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const url = pathToFileURL(file).href;
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url() === url || request.url().startsWith('data:')) return void request.continue();
    requests.push(request.url());
    void request.abort('blockedbyclient');
  });
  await page.setViewport({ width, height: 800 });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Evaluated through the DevTools protocol: the page's own CSP (no script) does not apply to it.
  await page.evaluate(axeSource);
  return { page, requests };
}

/** Each view: the page loaded once, then resized and switched to dark mode in place. */
const VIEWS = [
  { width: 360, dark: false },
  { width: 360, dark: true },
  { width: 768, dark: false },
  { width: 1280, dark: false },
];

async function axeViolations(page: Page): Promise<Array<{ id: string; nodes: string[] }>> {
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

describe('bantin build --format web', () => {
  it('writes the PDF and the web edition side by side, with its sharing picture and size', async () => {
    const pdf = path.join(dir, 'so-20.pdf');
    const run = await runCli(['build', example('so-20-2026'), '--format', 'pdf,web', '-o', pdf, '--verbose'], { timeoutMs: 150_000 });
    expect(run.code, run.stderr).toBe(0);
    const html = path.join(dir, 'so-20.html');
    expect(run.stdout.trim().split('\n')).toEqual([pdf, html]);
    expect(run.stderr).toMatch(/so-20\.html: \d+ KB \(fonts \d+ KB, images 0 B\); sharing picture .*so-20\.png/);
    expect(statSync(html).size).toBeLessThan(300_000);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('<a class="button" href="so-20.pdf" download>');
    expect(text).toContain('<meta property="og:image" content="so-20.png">');
    const png = readFileSync(path.join(dir, 'so-20.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    pages.push({ name: 'so-20 (haiphong)', html, issue: example('so-20-2026') });
  }, 180_000);

  it('builds the other examples and an 80-item issue in one batch, and so-20 in every other built-in theme', async () => {
    const out = path.join(dir, 'examples');
    // so-20 with its news parts three times over: 90 items, every copy a distinct story.
    const long = path.join(dir, 'long.yaml');
    writeFileSync(long, longIssue(3));
    // An issue with a photo (scaled down to 1200 px and inlined) and a small chart.
    const pictures = path.join(repoRoot, 'tests/fixtures/images/issue.yaml');
    const batch = await runCli(['build', example('hcm-10-2025'), example('digest-chuyen-doi-so-2025'), long, pictures, '--format', 'web', '-d', out], { timeoutMs: 150_000 });
    expect(batch.code, batch.stderr).toBe(0);
    const photo = readFileSync(path.join(out, 'issue.html'), 'utf8');
    expect(photo).toMatch(/<img src="data:image\/jpeg;base64,[^"]+" alt="Ảnh minh họa bến cảng nước sâu Lạch Huyện"/);
    expect(statSync(path.join(out, 'issue.html')).size).toBeLessThan(statSync(path.join(repoRoot, 'tests/fixtures/images/cang-hai-phong.jpg')).size);
    pages.push({ name: 'pictures', html: path.join(out, 'issue.html'), issue: pictures });
    const { issue: longOne } = await loadIssue(long);
    expect(longOne!.articles.length).toBeGreaterThanOrEqual(80);
    pages.push({ name: `long (${longOne!.articles.length} items)`, html: path.join(out, 'long.html'), issue: long });
    pages.push({ name: 'hcm-10-2025', html: path.join(out, 'hcm-10-2025.html'), issue: example('hcm-10-2025') });
    pages.push({ name: 'digest', html: path.join(out, 'digest-chuyen-doi-so-2025.html'), issue: example('digest-chuyen-doi-so-2025') });
    // so-20 naming each other theme in series.theme, in one more batch.
    const themes = builtinThemeNames().filter((t) => t !== 'haiphong');
    const themed = themes.map((theme) => namingTheme(dir, 'so-20-2026', theme));
    const others = path.join(dir, 'themes');
    const run = await runCli(['build', ...themed, '--format', 'web', '-d', others], { timeoutMs: 150_000 });
    expect(run.code, run.stderr).toBe(0);
    themes.forEach((theme, i) => {
      const html = path.join(others, `so-20-2026-${theme}.html`);
      expect(run.stdout.split('\n')).toContain(html);
      pages.push({ name: `so-20 (${theme})`, html, issue: themed[i]! });
    });
    expect(pages.length).toBeGreaterThanOrEqual(6);
  }, 300_000);

  it('refuses what does not go with it (exit 2), and never writes over an input', async () => {
    const env = { ...process.env, NO_COLOR: '1', BANTIN_LANG: 'en' };
    const input = path.join(dir, 'refused.yaml');
    writeFileSync(input, readFileSync(example('so-20-2026'), 'utf8'));
    const cases: Array<[string[], RegExp]> = [
      [['--format', 'web', '--html'], /--html writes the print HTML .* leave out --html/],
      [['--format', 'pdf,web', '--watch'], /--watch rebuilds the PDF only: leave out --format web/],
      [['--format', 'epub'], /expected pdf, web or pdf,web/],
    ];
    for (const [flags, message] of cases) {
      const run = await runCli(['build', input, ...flags], { env });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    const over = await runCli(['build', input, '--format', 'web', '-o', input], { env });
    expect(over.code, over.stderr).toBe(2);
    expect(over.stderr).toMatch(/never overwrites its inputs/);
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(example('so-20-2026'), 'utf8'));
    expect(readdirSync(dir).filter((f) => f.startsWith('refused') || f.startsWith('.refused'))).toEqual(['refused.yaml']);
  }, 60_000);

  it('reads well, is complete and accessible (axe) at 360, 768 and 1280 px, light and dark, and asks for nothing', async () => {
    const problems: string[] = [];
    for (const { name, html, issue: file } of pages) {
      const { issue } = await loadIssue(file);
      const sources = new Map(issue!.articles.filter((a) => a.source?.url).map((a) => [a.id, a.source!.url!]));
      const { page, requests } = await open(html, VIEWS[0]!.width);
      for (const { width, dark } of VIEWS) {
        await page.setViewport({ width, height: 800 });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' }]);
        const where = `${name} at ${width} px${dark ? ' (dark)' : ''}`;
        const seen = await page.evaluate(() => {
          const items = [...document.querySelectorAll('article.item')];
          return {
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            bodyText: Math.min(...[...document.querySelectorAll('.prose p')].map((p) => parseFloat(getComputedStyle(p).fontSize))),
            fontsFailed: [...document.fonts].filter((f) => f.status === 'error').length,
            fontsLoaded: [...document.fonts].filter((f) => f.status === 'loaded').length,
            titles: items.filter((a) => a.hasAttribute('aria-labelledby')).map((a) => document.getElementById(a.getAttribute('aria-labelledby')!)?.tagName),
            partTitles: [...document.querySelectorAll('section.part .part-title')].map((h) => h.tagName),
            sources: Object.fromEntries(items.map((a) => [a.id, a.querySelector('.item-source a')?.getAttribute('href') ?? null])),
            qrShown: [...document.querySelectorAll('.print-qr')].filter((q) => getComputedStyle(q).display !== 'none').length,
          };
        });
        if (seen.overflow > 0) problems.push(`${where}: ${seen.overflow} px of sideways scrolling`);
        if (width === 360 && seen.bodyText < 16) problems.push(`${where}: body text ${seen.bodyText} px`);
        if (seen.fontsFailed > 0 || seen.fontsLoaded === 0) problems.push(`${where}: fonts ${seen.fontsLoaded} loaded, ${seen.fontsFailed} failed`);
        if (seen.titles.some((t) => t !== 'H3')) problems.push(`${where}: an item title is not a heading`);
        if (seen.partTitles.some((t) => t !== 'H2')) problems.push(`${where}: a part title is not a heading`);
        for (const [id, url] of sources) if (seen.sources[id] !== url) problems.push(`${where}: the source of ${id} is not a link to ${url}`);
        if (seen.qrShown > 0) problems.push(`${where}: ${seen.qrShown} QR codes on screen`);
        if (requests.length > 0) problems.push(`${where}: asked for ${requests.join(', ')}`);
        // axe, the slow part: the first page at every width, the others on phones (light and
        // dark), where the colours and the one-column layout differ most.
        if (name === pages[0]!.name || width === 360) for (const v of await axeViolations(page)) problems.push(`${where}: axe ${v.id} at ${v.nodes.join('; ')}`);
      }
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 600_000);
});

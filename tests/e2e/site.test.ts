/**
 * bantin site (issue 29): the two examples built once into an archive, then the same folder run
 * again (both reused), with one issue changed (that one rebuilt), split in shards and joined by
 * --index-only (copies of the built folders, so nothing is printed twice). The index is opened in
 * Chromium from file:// at 360 (light and dark) and 1280 px: no sideways scrolling, axe-core (WCAG 2.1 A/AA) with
 * no violation, and the search finds an item and links to its anchor in the web edition.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { repoRoot } from './pdf-tools.js';
import { runCli } from './run-cli.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const EXAMPLES = ['so-15-2026', 'so-20-2026'];
const env = { ...process.env, NO_COLOR: '1', BANTIN_LANG: 'en' };

let dir: string;
let issues: string;
let out: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-site-'));
  issues = path.join(dir, 'issues');
  out = path.join(dir, 'site');
  mkdirSync(issues);
  for (const name of EXAMPLES) cpSync(path.join(repoRoot, 'examples', `${name}.yaml`), path.join(issues, `${name}.yaml`));
  browser = await puppeteer.launch({ executablePath: inject('browserPath'), pipe: true, args: ['--no-sandbox'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const site = (args: string[]) => runCli(['site', ...args], { env, cwd: dir, timeoutMs: 170_000 });

/** Every href and src of a page. */
const linksOf = (html: string) => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);

/** The search index as the page gets it. */
function searchIndex(folder: string): Array<{ t: string; u: string; s: string; i: Array<[string, string]> }> {
  const window: { bantinSearch?: unknown } = {};
  vm.runInNewContext(readFileSync(path.join(folder, 'search-index.js'), 'utf8'), { window });
  return window.bantinSearch as ReturnType<typeof searchIndex>;
}

describe('bantin site', () => {
  it('writes both editions of both examples, an index newest first linking them, a feed and a search index', async () => {
    const run = await site(['issues/*.yaml', '-o', 'site']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(path.join('site', 'index.html'));
    expect(run.stderr).toContain('2 built, 0 reused (unchanged), 0 failed');
    for (const name of EXAMPLES) {
      for (const ext of ['pdf', 'html', 'png']) expect(statSync(path.join(out, name, `${name}.${ext}`)).size).toBeGreaterThan(1000);
      expect(readFileSync(path.join(out, name, `${name}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
    }
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    const links = linksOf(index);
    for (const name of EXAMPLES) for (const ext of ['html', 'pdf', 'png']) expect(links).toContain(`${name}/${name}.${ext}`);
    expect(links).toContain('feed.xml');
    expect(links).toContain('search-index.js');
    // Relative only: no scheme, no root, no way up.
    for (const link of links) expect(link, link).toMatch(/^(?![a-z][a-z0-9+.-]*:|\/|\.\.)/i);
    // Newest first: 20/2026 (May) before 15/2026 (April).
    expect(index.indexOf('so-20-2026/so-20-2026.html')).toBeLessThan(index.indexOf('so-15-2026/so-15-2026.html'));
    // Each web edition links its PDF beside it.
    expect(readFileSync(path.join(out, 'so-20-2026', 'so-20-2026.html'), 'utf8')).toContain('href="so-20-2026.pdf"');

    const search = searchIndex(out);
    expect(search.map((e) => e.u)).toEqual(['so-20-2026/so-20-2026.html', 'so-15-2026/so-15-2026.html']);
    for (const [at, name] of [[1, 'so-15-2026'], [0, 'so-20-2026']] as const) {
      const { issue } = await loadIssue(path.join(issues, `${name}.yaml`));
      expect(search[at]!.t).toBe(issue!.title);
      expect(search[at]!.i).toEqual(expect.arrayContaining(issue!.articles.map((a) => [a.title, a.id])));
    }
  }, 180_000);

  it('has a valid Atom feed with one entry per issue, with relative links to both editions', async () => {
    const page = await browser.newPage();
    try {
      const feed = readFileSync(path.join(out, 'feed.xml'), 'utf8');
      const parsed = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        const ns = 'http://www.w3.org/2005/Atom';
        const text = (el: Element, name: string) => [...el.children].filter((c) => c.localName === name && c.namespaceURI === ns).map((c) => c.textContent);
        const entries = [...doc.getElementsByTagNameNS(ns, 'entry')];
        return {
          error: doc.getElementsByTagName('parsererror').length > 0,
          root: doc.documentElement.namespaceURI + ' ' + doc.documentElement.localName,
          feed: { id: text(doc.documentElement, 'id'), updated: text(doc.documentElement, 'updated'), title: text(doc.documentElement, 'title'), authors: doc.documentElement.querySelectorAll(':scope > author > name').length },
          entries: entries.map((e) => ({
            id: text(e, 'id'),
            updated: text(e, 'updated'),
            title: text(e, 'title'),
            authors: e.querySelectorAll(':scope > author > name').length,
            links: [...e.children].filter((c) => c.localName === 'link').map((l) => `${l.getAttribute('rel')} ${l.getAttribute('href')}`),
          })),
        };
      }, feed);
      expect(parsed.error).toBe(false);
      expect(parsed.root).toBe('http://www.w3.org/2005/Atom feed');
      expect(parsed.feed.id[0]).toMatch(/^urn:uuid:/);
      expect(parsed.feed.updated).toEqual(['2026-05-31T00:00:00Z']);
      expect(parsed.feed.authors).toBeGreaterThan(0);
      expect(parsed.entries).toHaveLength(2);
      for (const entry of parsed.entries) {
        expect(entry.id[0]).toMatch(/^urn:uuid:/);
        expect(Number.isNaN(Date.parse(entry.updated[0]!))).toBe(false);
        expect(entry.authors).toBeGreaterThan(0);
      }
      expect(parsed.entries.map((e) => e.title[0])).toEqual([expect.stringContaining('số 20/2026'), expect.stringContaining('số 15/2026')]);
      expect(parsed.entries.map((e) => e.links)).toEqual([...EXAMPLES].reverse().map((n) => [`alternate ${n}/${n}.html`, `enclosure ${n}/${n}.pdf`]));
      expect(new Set(parsed.entries.map((e) => e.id[0])).size).toBe(2);
    } finally {
      await page.close();
    }
  });

  it('has an index page that reads well and is accessible at 360 and 1280 px, and searches from file://', async () => {
    const page = await browser.newPage();
    try {
      const url = pathToFileURL(path.join(out, 'index.html')).href;
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(axeSource);
      const structure = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        h1: document.querySelectorAll('h1').length,
        landmarks: ['header', 'main', 'footer'].map((s) => document.querySelectorAll(s).length),
        searchShown: !document.getElementById('tim-kiem')!.hidden,
      }));
      expect(structure).toEqual({ lang: 'vi', h1: 1, landmarks: [1, 1, 1], searchShown: true });
      for (const [width, dark] of [[360, false], [360, true], [1280, false]] as const) {
        await page.setViewport({ width, height: 800 });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' }]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: Array<{ id: string }> }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
          return result.violations.map((v) => v.id);
        });
        expect(violations, `at ${width} px${dark ? ' (dark)' : ''}`).toEqual([]);
      }
      // Without accents, as people type on a phone: "nang luong" finds "năng lượng".
      await page.type('#tim-kiem-o', 'nang luong');
      const results = await page.$$eval('#tim-kiem-ket-qua a', (as) => as.map((a) => ({ text: a.textContent!, href: a.getAttribute('href')! })));
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) expect(r.text.toLowerCase()).toContain('năng lượng');
      const [file, anchor] = results[0]!.href.split('#');
      expect(readFileSync(path.join(out, file!), 'utf8')).toContain(`id="${decodeURIComponent(anchor!)}"`);
      expect(await page.$eval('#tim-kiem-trang-thai', (s) => s.textContent)).toMatch(/\d+/);
    } finally {
      await page.close();
    }
  });

  it('reuses both issues when nothing changed, and rebuilds only the one that did', async () => {
    const pdfs = EXAMPLES.map((n) => path.join(out, n, `${n}.pdf`));
    const before = pdfs.map((f) => statSync(f).mtimeMs);
    const again = await site(['issues/*.yaml', '-o', 'site']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('0 built, 2 reused (unchanged), 0 failed');
    expect(pdfs.map((f) => statSync(f).mtimeMs)).toEqual(before);

    const changed = path.join(issues, 'so-15-2026.yaml');
    const { issue } = await loadIssue(changed);
    const title = issue!.articles[0]!.title;
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(title, `${title} (cập nhật)`));
    const third = await site(['issues/*.yaml', '-o', 'site']);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toContain('1 built, 1 reused (unchanged), 0 failed');
    expect(statSync(pdfs[0]!).mtimeMs).toBeGreaterThan(before[0]!);
    expect(statSync(pdfs[1]!).mtimeMs).toBe(before[1]);
    expect(searchIndex(out)[1]!.i.map(([t]) => t)).toContain(`${title} (cập nhật)`);
  }, 180_000);

  it('splits the issues across shards, each exactly once, and --index-only joins them', async () => {
    // The built folders copied: each shard finds its issue unchanged, so nothing is printed again.
    const joined = path.join(dir, 'joined');
    mkdirSync(joined);
    for (const name of EXAMPLES) cpSync(path.join(out, name), path.join(joined, name), { recursive: true, preserveTimestamps: true });
    const seen: string[] = [];
    for (const shard of ['1/2', '2/2']) {
      const run = await site(['issues/*.yaml', '-o', 'joined', '--shard', shard, '--verbose']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('0 built, 1 reused (unchanged), 0 failed');
      expect(run.stderr).toContain(`shard ${shard}: issue folders written`);
      seen.push(...[...run.stderr.matchAll(/issues\/(so-\d+-2026)\.yaml {2}unchanged: reused/g)].map((m) => m[1]!));
      // Its folders on stdout, for a CI job to upload.
      expect(run.stdout.trim().split('\n')).toEqual([path.join('joined', seen.at(-1)!)]);
      expect(existsSync(path.join(joined, 'index.html'))).toBe(false);
    }
    expect(seen.sort()).toEqual(EXAMPLES);
    const index = await site(['--index-only', '-o', 'joined']);
    expect(index.code, index.stderr).toBe(0);
    expect(index.stderr).toContain('2 issue(s) in the index');
    expect(readFileSync(path.join(joined, 'feed.xml'), 'utf8').match(/<entry>/g)).toHaveLength(2);
    expect(readdirSync(joined).sort()).toEqual(['.bantin-site.json', 'feed.xml', 'index.html', 'search-index.js', ...EXAMPLES]);
  }, 60_000);

  it('bantin build --shard K/N takes the same part of a batch', async () => {
    // Two issues with errors: each part reports its own one, and no browser is needed to see it.
    const bad = path.join(dir, 'bad');
    mkdirSync(bad);
    for (const name of ['missing-field', 'unknown-key']) cpSync(path.join(repoRoot, 'tests/fixtures/bad', `${name}.yaml`), path.join(bad, `${name}.yaml`));
    const parts = [];
    for (const shard of ['1/2', '2/2']) {
      const run = await runCli(['build', 'bad/*.yaml', '--shard', shard, '-d', 'out'], { env, cwd: dir });
      expect(run.code, run.stderr).toBe(1);
      parts.push(['missing-field', 'unknown-key'].filter((name) => run.stderr.includes(`${name}.yaml has errors`)));
    }
    expect(parts).toEqual([['missing-field'], ['unknown-key']]);
  }, 60_000);

  it('replaces only files it wrote, and never writes through a link (exit 2, nothing touched)', async () => {
    const other = path.join(dir, 'other');
    mkdirSync(other);
    cpSync(path.join(out, 'so-20-2026'), path.join(other, 'so-20-2026'), { recursive: true });
    writeFileSync(path.join(other, 'index.html'), 'my own page');
    const refused = await site(['--index-only', '-o', 'other']);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/index\.html is in the way and bantin did not write it/);
    expect(readFileSync(path.join(other, 'index.html'), 'utf8')).toBe('my own page');
    expect(existsSync(path.join(other, 'feed.xml'))).toBe(false);

    symlinkSync(out, path.join(dir, 'link'));
    const link = await site(['--index-only', '-o', 'link']);
    expect(link.code, link.stderr).toBe(2);
    expect(link.stderr).toMatch(/link is a symbolic link: bantin never writes through a link/);
    expect(lstatSync(path.join(dir, 'link')).isSymbolicLink()).toBe(true);

    const usage = await site(['issues/*.yaml']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/needs the site folder: -o DIR/);
    const badShard = await site(['issues/*.yaml', '-o', 'site', '--shard', '3/2']);
    expect(badShard.code).toBe(2);
    expect(badShard.stderr).toMatch(/expected K\/N/);
  }, 60_000);
});

/**
 * A 2,000-article issue (so-20's news items over and over, each distinct): `bantin check` passes
 * it, and `bantin build` prints every TOC number right (~700 pages). A 5 MB issue and a 5 MB
 * title line: checked, with a short report. How long they take is the
 * benchmark's business (npm run bench), not a test's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BAD_DIR } from '../fixtures/bad/outcomes.js';
import { loadIssue } from '../../src/issue/load.js';
import { manyArticles } from '../e2e/generated-issue.js';
import { pageCount, pageTexts, repoRoot } from '../e2e/pdf-tools.js';
import { runCli } from '../e2e/run-cli.js';
import { firstPartPage, tocEntries } from '../e2e/toc-check.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inRepo = { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } };

it('2,000 articles: checked, built with every TOC number right', async () => {
  const input = path.join(dir, 'so-20-2026-2000.yaml');
  writeFileSync(input, manyArticles(2000));
  const checked = await runCli(['check', input], inRepo);
  expect(checked.code, checked.stderr.slice(-2000)).toBe(0);

  const output = path.join(dir, 'out.pdf');
  // --timeout: one print of ~700 pages takes 15-20 s here, more on a loaded machine.
  const run = await runCli(['build', input, '-o', output, '--timeout', '300'], { ...inRepo, timeoutMs: 400_000 });
  expect(run.code, run.stderr.slice(-2000)).toBe(0);
  const { issue } = await loadIssue(input);
  expect(issue!.articles.filter((a) => a.kind === 'news')).toHaveLength(2000);
  const texts = pageTexts(output);
  expect(texts).toHaveLength(pageCount(output));
  expect(firstPartPage(texts), 'the TOC runs over many pages').toBeGreaterThan(40);
  const rows = tocEntries(issue!, texts);
  expect(rows).toHaveLength(issue!.articles.length + 1); // the summary and every article
  expect(rows.filter((r) => r.printed !== r.actual || r.actual < 0)).toEqual([]);
  expect(Math.max(...rows.map((r) => r.printed))).toBeGreaterThan(500);
});

// Moved from the bad-input suite: 5 MB of issue, read and linted (no browser).
describe('5 MB inputs', () => {
  const noStack = (text: string) => expect(text).not.toMatch(/^ {4}at /m);

  it('a 5 MB issue: bantin check reads and lints it', async () => {
    const input = path.join(dir, 'so-20-2026-5mb.yaml');
    writeFileSync(input, manyArticles(3800));
    expect(readFileSync(input).length).toBeGreaterThan(5_000_000);
    const run = await runCli(['check', input], inRepo);
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    noStack(run.stderr);
    expect(run.stderr).not.toContain(' error ');
    const summary = run.stderr.trimEnd().split('\n').pop()!;
    expect(summary.startsWith(`${input}: ok (`)).toBe(true);
    expect(summary).toMatch(/: ok \(\d+ warnings\)$/);
  }, 120_000);

  it('a 5 MB title line: the warning shows 200 characters of it around the column, not 5 MB', async () => {
    const input = path.join(dir, 'so-20-2026-title.yaml');
    const line = readFileSync(path.join(BAD_DIR, 'long-title.yaml'), 'utf8').split('\n')[16]!;
    const title = 'Kinh tế số hướng tới 30% GDP. '.repeat(180_000);
    writeFileSync(input, readFileSync(path.join(BAD_DIR, 'long-title.yaml'), 'utf8').replace(line, `        title: ${title}`));
    expect(readFileSync(input).length).toBeGreaterThan(5_000_000);
    const run = await runCli(['check', input], inRepo);
    expect(run.code, run.stderr.slice(0, 2000)).toBe(0);
    expect(run.stderr.length).toBeLessThan(1500);
    expect(run.stderr).toContain(`   17 |         title: ${title.slice(0, 185)}…\n`);
  }, 120_000);
});

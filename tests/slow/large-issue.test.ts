/**
 * A 2,000-article issue (so-20's news items over and over, each distinct): `bantin check` passes
 * it, and `bantin build` prints every TOC number right (~700 pages). How long they take is the
 * benchmark's business (npm run bench), not a test's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
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

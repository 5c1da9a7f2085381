/**
 * A long issue: the TOC runs over several pages and page numbers reach three digits, and
 * every number is still the page its heading starts on.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { memoryLogger } from '../../src/cli/logger.js';
import { loadIssue } from '../../src/issue/load.js';
import { footerText, pageTexts, repoRoot } from './pdf-tools.js';
import { longIssue } from './generated-issue.js';
import { firstPartPage, tocEntries } from './toc-check.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-long-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('numbers a 3-digit, multi-page-TOC issue correctly', async () => {
  const input = path.join(dir, 'long.yaml');
  writeFileSync(input, longIssue(11));
  const { issue } = await loadIssue(input);
  expect(issue!.articles.length).toBeGreaterThan(250);
  const result = await build({ input, logger: memoryLogger() });
  expect(result.pageCount).toBeGreaterThan(100);
  expect(result.passes, 'the predicted numbers held: one print').toBe(1);
  const texts = pageTexts(result.output);
  const tocEnd = firstPartPage(texts);
  expect(tocEnd, 'the TOC takes several pages').toBeGreaterThan(4);
  const rows = tocEntries(issue!, texts);
  const wrong = rows.filter((r) => r.printed !== r.actual || r.actual < 0);
  expect(wrong).toEqual([]);
  expect(Math.max(...rows.map((r) => r.printed))).toBeGreaterThanOrEqual(100);
  expect(footerText(result.output, result.pageCount)).toMatch(new RegExp(`${result.pageCount}$`));
});

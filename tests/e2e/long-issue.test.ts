/**
 * A long issue: the TOC runs over several pages and page numbers reach three digits, and
 * every number is still the page its heading starts on.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { memoryLogger } from '../../src/cli/logger.js';
import { loadIssue } from '../../src/issue/load.js';
import { footerText, pageTexts, repoRoot } from './pdf-tools.js';
import { firstPartPage, tocEntries } from './toc-check.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-long-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Doc {
  cover?: unknown;
  parts: Array<{ kind: string; articles?: Array<Record<string, unknown>> }>;
}

/** so-20 with its news parts repeated `copies` times, every copy a distinct story. */
function longIssue(copies: number): string {
  const doc = parse(readFileSync(path.join(repoRoot, 'examples/so-20-2026.yaml'), 'utf8')) as Doc;
  delete doc.cover;
  for (const part of doc.parts) {
    if (part.kind !== 'news' || !part.articles) continue;
    const original = part.articles;
    part.articles = [];
    for (let copy = 1; copy <= copies; copy++) {
      for (const a of original) {
        const source = a.source as { name: string; url: string };
        part.articles.push({ ...a, id: undefined, title: `${String(a.title)} (kỳ ${copy})`, source: { ...source, url: `${source.url}?ky=${copy}` } });
      }
    }
    part.articles = part.articles.map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)));
  }
  return stringify(doc);
}

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

/**
 * A long issue, so-20 with its news eleven times over (115 pages in A4): the TOC runs over
 * several pages and page numbers reach three digits, and every number is still the page its
 * heading starts on; every page is clean (tests/e2e/clean-pages.test.ts) in print, press and
 * screen A4 and print A5. Printed with the shipped command line, one batch per profile and size.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import type { PageSize } from '../../src/issue/page.js';
import { expectCleanPages } from '../e2e/clean-pages.js';
import { longIssue } from '../e2e/generated-issue.js';
import { footerText, pageTexts } from '../e2e/pdf-tools.js';
import { itemOf, printBatch, type BatchRun } from '../e2e/prints-plan.js';
import { firstPartPage, tocEntries } from '../e2e/toc-check.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-long-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const input = path.join(dir, 'long.yaml');
writeFileSync(input, longIssue(11));

const cases = [
  { profile: 'print', size: 'A4' },
  { profile: 'press', size: 'A4' },
  { profile: 'screen', size: 'A4' },
  { profile: 'print', size: 'A5' },
] as const;
const runs = new Map<string, BatchRun>();
const print = (profile: string, size: string) => itemOf(runs.get(`${profile}-${size}`)!, 'long');

beforeAll(async () => {
  // Two at a time (two cores), each with a browser of its own.
  const queue = [...cases];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const id = `${c.profile}-${c.size}`;
      runs.set(id, await printBatch({ id, inputs: [input], args: ['--profile', c.profile, '--size', c.size, '--timeout', '300'] }, path.join(dir, id)));
    }
  };
  await Promise.all([worker(), worker()]);
});

it('numbers a 3-digit, multi-page-TOC issue correctly', async () => {
  const { issue } = await loadIssue(input);
  expect(issue!.articles.length).toBeGreaterThan(250);
  const result = print('print', 'A4');
  expect(result.pageCount).toBeGreaterThan(100);
  expect(result.passes, 'the predicted numbers held: one print').toBe(1);
  const texts = pageTexts(result.pdf);
  const tocEnd = firstPartPage(texts);
  expect(tocEnd, 'the TOC takes several pages').toBeGreaterThan(4);
  const rows = tocEntries(issue!, texts);
  const wrong = rows.filter((r) => r.printed !== r.actual || r.actual < 0);
  expect(wrong).toEqual([]);
  expect(Math.max(...rows.map((r) => r.printed))).toBeGreaterThanOrEqual(100);
  expect(footerText(result.pdf, result.pageCount)).toMatch(new RegExp(`${result.pageCount}$`));
});

describe.each(cases)('long, $profile, $size', ({ profile, size }) => {
  it('paints nothing outside the text block but the footer, and no page is nearly empty', async () => {
    await expectCleanPages(input, size as PageSize, print(profile, size));
  });
});

/**
 * No page starts with the last word or two of a paragraph or a list item: read back from long
 * generated issues: so-15 three times over (51 pages in A4, 93 in A5), whose bold leads sit
 * beside the QR code floating down from the news head, and so-20 five times over in A5 with
 * every other body set as a list (107 pages), where Chromium drops its widows rule.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { longIssue } from '../e2e/generated-issue.js';
import { runCli } from '../e2e/run-cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-widows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const input = path.join(dir, 'long-15.yaml');
writeFileSync(input, longIssue(3, 'so-15-2026'));

/** so-20 five times over, every other news body turned into a lead sentence and a list of the rest. */
function listIssue(): string {
  const doc = parse(longIssue(5)) as { parts: Array<{ kind: string; articles?: Array<{ body?: string }> }> };
  for (const part of doc.parts) {
    if (part.kind !== 'news') continue;
    const articles = part.articles ?? [];
    const originals = articles.length / 5;
    for (const [i, article] of articles.entries()) {
      // Item k of copy c (from 1) when k + c is even: the layout that split "số." 2 + 1.
      if (((i % originals) + Math.floor(i / originals) + 1) % 2 !== 0 || typeof article.body !== 'string') continue;
      const [first, ...rest] = article.body.replace(/\n+/g, ' ').split(/(?<=\.)\s+/).filter(Boolean);
      article.body = `${first}\n\n${rest.map((s) => `- ${s}`).join('\n')}`;
    }
  }
  return stringify(doc);
}
const lists = path.join(dir, 'lists-20.yaml');
writeFileSync(lists, listIssue());

/** The first line of every page but the cover, top to bottom as pdftotext lays it out. */
function firstLines(pdf: string): Array<{ page: number; line: string }> {
  const pages = execFileSync('pdftotext', ['-layout', '-f', '2', pdf, '-'], { encoding: 'utf8' }).split('\f');
  return pages.map((text, i) => ({ page: i + 2, line: text.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '' }));
}

const cases = [
  { name: 'so-15 ×3', file: input, size: 'A4' as const },
  { name: 'so-15 ×3', file: input, size: 'A5' as const },
  { name: 'so-20 ×5 with lists', file: lists, size: 'A5' as const },
];

describe.each(cases)('$name in $size', ({ file, size }) => {
  it('starts no page with a lone end of a paragraph or a list item', async () => {
    const output = `${file}-${size}.pdf`;
    const run = await runCli(['build', file, '-o', output, '--profile', 'print', '--size', size], { timeoutMs: 300_000 });
    expect(run.code, run.stderr).toBe(0);
    // One or two words closing a sentence: "liệu.", "số.", "đảo." (a date such as "23/4" heads an item).
    const widows = firstLines(output).filter(({ line }) => line.split(/\s+/).length <= 2 && /[.!?…:;)”"]$/.test(line));
    expect(widows).toEqual([]);
  });
});

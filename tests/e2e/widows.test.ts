/**
 * No page starts with the last word or two of a paragraph: read back from long generated
 * issues (so-15 three times over, 51 pages in A4, 93 in A5), whose bold leads sit beside the
 * QR code floating down from the news head, where Chromium drops its widows rule.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/cli/logger.js';
import { build } from '../../src/commands/build.js';
import { longIssue } from './generated-issue.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-widows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const input = path.join(dir, 'long-15.yaml');
writeFileSync(input, longIssue(3, 'so-15-2026'));

/** The first line of every page but the cover, top to bottom as pdftotext lays it out. */
function firstLines(pdf: string): Array<{ page: number; line: string }> {
  const pages = execFileSync('pdftotext', ['-layout', '-f', '2', pdf, '-'], { encoding: 'utf8' }).split('\f');
  return pages.map((text, i) => ({ page: i + 2, line: text.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '' }));
}

describe.each(['A4', 'A5'] as const)('a long issue in %s', (size) => {
  it('starts no page with a lone end of a paragraph', { timeout: 300_000 }, async () => {
    const output = path.join(dir, `long-15-${size}.pdf`);
    await build({ input, output, profile: 'print', size, logger: memoryLogger() });
    // One or two words closing a sentence: "liệu.", "đảo." (a date such as "23/4" heads an item).
    const widows = firstLines(output).filter(({ line }) => line.split(/\s+/).length <= 2 && /[.!?…:;)”"]$/.test(line));
    expect(widows).toEqual([]);
  });
});

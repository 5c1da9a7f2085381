/**
 * Every page of both examples, in every profile and in A5: no ink outside the text block but
 * the footer, the cover and (press) the marks; no word painted from another page; no page
 * less than a quarter full but the last of a part.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { memoryLogger } from '../../src/cli/logger.js';
import { pageGeometry, type PageSize } from '../../src/issue/page.js';
import type { Profile } from '../../src/pdf/profile.js';
import { pageFrame, pageInk, strayWords } from './clean-pages.js';
import { pageTexts, repoRoot } from './pdf-tools.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-clean-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Pages a part ends on (the next starts a part), and the last page: these may be short. */
export function partEnds(texts: string[]): Set<number> {
  const ends = new Set<number>([texts.length]);
  texts.forEach((text, i) => {
    if (i > 1 && /^PHẦN [IVXLC]+ /.test(text)) ends.add(i);
  });
  return ends;
}

const cases: Array<{ example: string; profile: Profile; size: PageSize }> = [];
for (const example of ['so-20-2026', 'so-15-2026']) {
  for (const profile of ['print', 'press', 'screen'] as const) cases.push({ example, profile, size: 'A4' });
  cases.push({ example, profile: 'print', size: 'A5' });
}

describe.each(cases)('$example, $profile, $size', ({ example, profile, size }) => {
  it('paints nothing outside the text block but the footer, and no page is nearly empty', async () => {
    const output = path.join(dir, `${example}-${profile}-${size}.pdf`);
    const result = await build({ input: path.join(repoRoot, 'examples', `${example}.yaml`), output, profile, size, logger: memoryLogger() });
    const frame = pageFrame(output, pageGeometry(size).margins);
    const ink = pageInk(output, frame);
    expect(ink).toHaveLength(result.pageCount - 1);
    expect(ink.filter((p) => p.stray.length > 0)).toEqual([]);
    expect(strayWords(output, frame)).toEqual([]);
    const ends = partEnds(pageTexts(output));
    const short = ink.filter((p) => p.fill < 0.25 && !ends.has(p.page)).map((p) => ({ page: p.page, fill: Math.round(p.fill * 100) }));
    expect(short).toEqual([]);
  });
});

/**
 * Twenty issues in one run: every PDF correct. (Peak memory and time are in npm run bench.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { memoryLogger } from '../../src/cli/logger.js';
import { buildMany } from '../../src/commands/build-many.js';
import { loadIssue } from '../../src/issue/load.js';
import { pageTexts, repoRoot } from './pdf-tools.js';
import { tocEntries } from './toc-check.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('builds 20 issues at once with one browser, every TOC number right', async () => {
  const sources = ['so-20-2026', 'so-15-2026'].map((n) => readFileSync(path.join(repoRoot, 'examples', `${n}.yaml`), 'utf8'));
  for (let i = 0; i < 20; i++) {
    // Distinct issues: each has its own number, so the PDFs differ.
    const text = sources[i % 2]!.replace(/^  number: \d+\/2026/m, `  number: ${i + 1}/2026`);
    writeFileSync(path.join(dir, `so-${String(i + 1).padStart(2, '0')}.yaml`), text);
  }
  const result = await buildMany({ inputs: [`${dir}/*.yaml`], outDir: path.join(dir, 'out'), logger: memoryLogger() });
  expect(result.items).toHaveLength(20);
  expect(result.items.filter((i) => i.error)).toEqual([]);
  for (const item of result.items) {
    const { issue } = await loadIssue(item.input);
    const texts = pageTexts(item.result!.output);
    expect(texts[0]).toContain(`SỐ ${issue!.number}`);
    const wrong = tocEntries(issue!, texts).filter((r) => r.printed !== r.actual || r.actual < 0);
    expect(wrong, path.basename(item.input)).toEqual([]);
  }
}, 300_000);

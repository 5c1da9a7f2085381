/**
 * Twenty issues in one run (`bantin build 'dir/*.yaml' --out-dir`): every PDF correct.
 * (Peak memory and time are in npm run bench.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import { pageTexts, repoRoot } from '../e2e/pdf-tools.js';
import { runCli } from '../e2e/run-cli.js';
import { tocEntries } from '../e2e/toc-check.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('builds 20 issues at once with one browser, every TOC number right', async () => {
  const sources = ['so-20-2026', 'so-15-2026'].map((n) => readFileSync(path.join(repoRoot, 'examples', `${n}.yaml`), 'utf8'));
  const inputs: string[] = [];
  for (let i = 0; i < 20; i++) {
    // Distinct issues: each has its own number, so the PDFs differ.
    const text = sources[i % 2]!.replace(/^  number: \d+\/2026/m, `  number: ${i + 1}/2026`);
    inputs.push(path.join(dir, `so-${String(i + 1).padStart(2, '0')}.yaml`));
    writeFileSync(inputs.at(-1)!, text);
  }
  const out = path.join(dir, 'out');
  const run = await runCli(['build', `${dir}/*.yaml`, '--out-dir', out], { timeoutMs: 600_000, env: { ...process.env, NO_COLOR: '1' } });
  expect(run.code, run.stderr.slice(-3000)).toBe(0);
  expect(run.stderr).toContain('20 of 20 built');
  const pdfs = inputs.map((input) => path.join(out, `${path.basename(input, '.yaml')}.pdf`));
  expect(run.stdout.split('\n').filter(Boolean)).toEqual(pdfs);
  for (const [i, input] of inputs.entries()) {
    const { issue } = await loadIssue(input);
    const texts = pageTexts(pdfs[i]!);
    expect(texts[0]).toContain(`SỐ ${issue!.number}`);
    const wrong = tocEntries(issue!, texts).filter((r) => r.printed !== r.actual || r.actual < 0);
    expect(wrong, path.basename(input)).toEqual([]);
  }
});

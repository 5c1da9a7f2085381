/**
 * Several issues in one run with one browser; the same input gives the same bytes.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNeighbour } from './neighbour.js';
import { pdfInfo, repoRoot } from './pdf-tools.js';
import { EPOCH, printed } from './prints.js';
import { eventually, ownedRun } from './processes.js';
import { runCli, type CliRun } from './run-cli.js';

// These tests count the processes bantin started: a neighbouring Chromium runs meanwhile, and must survive.
useNeighbour();

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-batch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const examples = path.join(repoRoot, 'examples');

describe('bantin build with several issues', () => {
  // One run for the first two tests: a glob of two good issues and a bad one, two at a time, --verbose.
  const out = path.join(work, 'out');
  let run: CliRun;
  let left: { pids: number[]; leftovers: string[] };
  beforeAll(async () => {
    const src = mkdtempSync(path.join(work, 'src-'));
    copyFileSync(path.join(examples, 'so-20-2026.yaml'), path.join(src, 'so-20-2026.yaml'));
    copyFileSync(path.join(examples, 'so-15-2026.yaml'), path.join(src, 'so-15-2026.yaml'));
    writeFileSync(path.join(src, 'so-99-2026.yaml'), 'series:\n  title: x\n');
    const owned = ownedRun(work, { ...process.env, NO_COLOR: '1' });
    // Progress shows in a terminal, or with --verbose (this is not a terminal).
    run = await runCli(['build', `${src}/*.yaml`, '--out-dir', out, '--jobs', '2', '--verbose'], { env: owned.env });
    await eventually(() => owned.pids().length === 0);
    left = { pids: owned.pids(), leftovers: owned.leftovers() };
    owned.dispose();
  });

  it('builds a glob into --out-dir, keeps going past a bad issue and exits 1', () => {
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter(Boolean).sort()).toEqual([path.join(out, 'so-15-2026.pdf'), path.join(out, 'so-20-2026.pdf')]);
    expect(run.stderr).toMatch(/so-99-2026\.yaml:1:1 error /);
    expect(run.stderr).toMatch(/so-15-2026\.yaml\s+\d+\s+[\d.]+\s+ok/);
    expect(run.stderr).toMatch(/so-99-2026\.yaml\s+–\s+–\s+failed/);
    expect(run.stderr).toContain('2 of 3 built');
    expect(Number(pdfInfo(path.join(out, 'so-20-2026.pdf')).Pages)).toBeGreaterThan(10);
    expect(left.pids, 'no Chromium outlives bantin').toEqual([]);
    expect(left.leftovers, 'no profile folder left').toEqual([]);
  });

  it('names each issue on its progress line as it finishes, with its pages and its own time', () => {
    const lines = run.stderr.split('\n').filter((l) => /\[\d\/3\]/.test(l)).map((l) => l.replace(/^\[[\d.]+s\] /, ''));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('[1/3] so-99-2026.yaml  failed');
    expect(lines.slice(1).map((l) => l.slice(6)).sort()).toEqual([expect.stringMatching(/^so-15-2026\.yaml {2}\d+ pages {2}\d+\.\d\d s$/), expect.stringMatching(/^so-20-2026\.yaml {2}\d+ pages {2}\d+\.\d\d s$/)]);
    expect(lines.slice(1).map((l) => l.slice(0, 5)).sort()).toEqual(['[2/3]', '[3/3]']);
    // The status line is for terminals only: no carriage returns in a log.
    expect(run.stderr).not.toContain('\r');
  });

  it('refuses -o with several issues and says why (usage, exit 2)', async () => {
    const run = await runCli(['build', path.join(examples, 'so-20-2026.yaml'), path.join(examples, 'so-15-2026.yaml'), '-o', path.join(work, 'x.pdf')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out-dir');
  });

  it('reports a pattern that matches nothing', async () => {
    const run = await runCli(['build', path.join(work, 'none-*.yaml'), '--out-dir', path.join(work, 'none')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no file matches');
  });
});

describe('reproducible output', () => {
  it('gives byte-identical PDFs for the same input, dated from the issue or SOURCE_DATE_EPOCH', async () => {
    const input = path.join(examples, 'so-20-2026.yaml');
    const build = async (name: string, env: NodeJS.ProcessEnv = {}) => {
      const file = path.join(work, name);
      const run = await runCli(['build', input, '-o', file], { env: { ...process.env, ...env } });
      expect(run.code, run.stderr).toBe(0);
      return file;
    };
    // The same issue printed alone and in the shared batches (prints-plan.ts: print-A4, and epoch
    // with SOURCE_DATE_EPOCH set): another run, another process, another browser.
    const [a, b] = [printed('print-A4', 'so-20-2026').pdf, await build('b.pdf')];
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    expect(pdfInfo(a).CreationDate).toMatch(/^2026-05-31T00:00:00/);
    const epoch = printed('epoch', 'so-20-2026').pdf;
    expect(pdfInfo(epoch).CreationDate).toMatch(/^2026-05-28T/);
    expect(readFileSync(epoch).equals(readFileSync(a))).toBe(false);
    expect(readFileSync(await build('d.pdf', { SOURCE_DATE_EPOCH: EPOCH })).equals(readFileSync(epoch))).toBe(true);
  });
});

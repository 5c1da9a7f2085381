/**
 * Every child process dies with bantin: a SIGTERM while Ghostscript converts to CMYK leaves no
 * Ghostscript, no Chromium and no temporary folder (only this run's processes are looked at).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { repoRoot } from './pdf-tools.js';
import { eventually, ownedRun } from './processes.js';
import { runCli } from './run-cli.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-children-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const hasGs = spawnSync('gs', ['--version']).status === 0;

it.skipIf(!hasGs)('SIGTERM during --cmyk ends Ghostscript too', async () => {
  const dir = mkdtempSync(path.join(work, 'cmyk-'));
  const owned = ownedRun(work);
  let sent = false;
  let gsSeen = 0;
  const run = await runCli(['build', path.join(repoRoot, 'examples/so-20-2026.yaml'), '-o', path.join(dir, 'out.pdf'), '--profile', 'press', '--cmyk', '--verbose'], {
    env: owned.env,
    onStderr: (text, child) => {
      if (sent || !text.includes('converting to CMYK')) return;
      sent = true;
      const look = setInterval(() => {
        gsSeen = owned.pids().filter((pid) => /(^|\/)gs$/.test(readlinkSafe(pid))).length;
        if (gsSeen > 0 || child.exitCode !== null) {
          clearInterval(look);
          child.kill('SIGTERM');
        }
      }, 20);
    },
  });
  expect(sent).toBe(true);
  expect(gsSeen, 'Ghostscript was running when the signal came').toBeGreaterThan(0);
  expect(run.code, run.stderr).toBe(143);
  expect(readdirSync(dir)).toEqual([]);
  await eventually(() => owned.pids().length === 0);
  expect(owned.pids(), 'no Ghostscript or Chromium left').toEqual([]);
  expect(owned.leftovers(), 'no temporary folder left').toEqual([]);
  owned.dispose();
});

function readlinkSafe(pid: number): string {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return '';
  }
}

/**
 * Every child process dies with bantin: a SIGTERM while Ghostscript converts to CMYK leaves no
 * Ghostscript, no Chromium and no temporary folder (only this run's processes are looked at).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { useNeighbour } from './neighbour.js';
import { repoRoot } from './pdf-tools.js';
import { eventually, ownedRun } from './processes.js';
import { runCli } from './run-cli.js';

// These tests signal and count processes: a neighbouring Chromium runs meanwhile, and must survive.
useNeighbour();

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-children-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const realGs = spawnSync('sh', ['-c', 'command -v gs'], { encoding: 'utf8' }).stdout.trim();
const hasGs = realGs !== '';

it.skipIf(!hasGs)('SIGTERM during --cmyk ends Ghostscript too', async () => {
  const dir = mkdtempSync(path.join(work, 'cmyk-'));
  const owned = ownedRun(work);
  // bantin's Ghostscript passes take milliseconds: a stand-in `gs` first on PATH runs the real
  // Ghostscript busy forever (the runaway the issue saw), so the signal always finds it running.
  const bin = mkdtempSync(path.join(work, 'bin-'));
  writeFileSync(path.join(bin, 'gs'), `#!/bin/sh\nexec ${realGs} -q -dNODISPLAY -dNOSAFER -c '{} loop'\n`);
  chmodSync(path.join(bin, 'gs'), 0o755);
  const env = { ...owned.env, PATH: `${bin}${path.delimiter}${owned.env.PATH ?? process.env.PATH}` };
  let sent = false;
  let gsSeen = 0;
  const run = await runCli(['build', path.join(repoRoot, 'examples/so-20-2026.yaml'), '-o', path.join(dir, 'out.pdf'), '--profile', 'press', '--cmyk', '--verbose'], {
    env,
    onStderr: (text, child) => {
      if (sent || !text.includes('to CMYK')) return;
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

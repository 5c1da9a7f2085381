/**
 * A browser that cannot start, crashes mid-print or hangs: a clear error, no orphan Chromium
 * processes, no profile folder left, no partial output. Only the Chromium processes of the
 * bantin run under test are signalled (see processes.ts), never others on the machine.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useNeighbour } from './neighbour.js';
import { repoRoot } from './pdf-tools.js';
import { eventually, ownedRun, type OwnedRun } from './processes.js';
import { runCli } from './run-cli.js';

// These tests signal and count processes: a neighbouring Chromium runs meanwhile, and must survive.
useNeighbour();

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-faults-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const example = path.join(repoRoot, 'examples/so-20-2026.yaml');
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

/** Sends `signal` to the run's Chromium processes once printing starts. */
function onPrinting(run: OwnedRun, signal: NodeJS.Signals) {
  let sent = 0;
  let asked = false;
  let seen = '';
  return {
    sent: () => sent,
    /** What the run's processes were when the signal went out (for a failure message). */
    seen: () => seen,
    onStderr: (text: string) => {
      if (asked || !text.includes('printing with Chromium')) return;
      asked = true;
      setTimeout(() => {
        seen = run.pids().join(' ');
        sent = run.signalChromium(signal);
      }, 250);
    },
  };
}

/** Nothing of the run is left: no process, nothing in its TMPDIR. */
async function expectNothingLeft(run: OwnedRun, why?: string): Promise<void> {
  await eventually(() => run.pids().length === 0);
  expect(run.pids(), why).toEqual([]);
  expect(run.leftovers(), 'no profile folder left').toEqual([]);
  run.dispose();
}

describe('browser faults', () => {
  it('a browser that cannot start', async () => {
    const dir = mkdtempSync(path.join(work, 'nostart-'));
    const owned = ownedRun(work, { ...process.env, BANTIN_BROWSER: '/bin/false' });
    const run = await runCli(['build', example, '-o', path.join(dir, 'out.pdf')], { env: owned.env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('could not start the browser /bin/false');
    noStack(run.stderr);
    expect(readdirSync(dir)).toEqual([]);
    await expectNothingLeft(owned);
  });

  it('a browser killed while printing', async () => {
    const dir = mkdtempSync(path.join(work, 'crash-'));
    const owned = ownedRun(work);
    const trigger = onPrinting(owned, 'SIGKILL');
    const run = await runCli(['build', example, '-o', path.join(dir, 'out.pdf'), '--verbose'], { onStderr: trigger.onStderr, env: owned.env });
    expect(trigger.sent(), `the run's processes: ${trigger.seen()}`).toBeGreaterThan(0);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('the browser stopped while printing');
    noStack(run.stderr);
    expect(readdirSync(dir)).toEqual([]);
    await expectNothingLeft(owned);
  });

  // --timeout also bounds the browser's start-up: 5 s leaves room on a busy machine.
  it('a browser that hangs: --timeout ends it', async () => {
    const dir = mkdtempSync(path.join(work, 'hang-'));
    const owned = ownedRun(work);
    const trigger = onPrinting(owned, 'SIGSTOP');
    const started = Date.now();
    const run = await runCli(['build', example, '-o', path.join(dir, 'out.pdf'), '--verbose', '--timeout', '5'], { onStderr: trigger.onStderr, timeoutMs: 60_000, env: owned.env });
    expect(trigger.sent(), `the run's processes: ${trigger.seen()}`).toBeGreaterThan(0);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/did not finish within 5 s|the browser stopped while printing/);
    noStack(run.stderr);
    expect(Date.now() - started, 'ended by --timeout, not by the harness').toBeLessThan(45_000);
    expect(readdirSync(dir)).toEqual([]);
    await expectNothingLeft(owned, 'stopped Chromium processes were killed too');
  });
});

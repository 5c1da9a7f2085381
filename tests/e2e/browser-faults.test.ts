/**
 * A browser that cannot start, crashes mid-print or hangs: a clear error, no orphan Chromium
 * processes, no partial output.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPids, repoRoot } from './pdf-tools.js';
import { runCli } from './run-cli.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-faults-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const example = path.join(repoRoot, 'examples/so-20-2026.yaml');
const settle = () => new Promise((r) => setTimeout(r, 400));
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

/** Sends `signal` to every Chromium process that appeared since `before`, once printing starts. */
function onPrinting(before: Set<number>, signal: NodeJS.Signals) {
  let sent = false;
  return {
    sent: () => sent,
    onStderr: (text: string) => {
      if (sent || !text.includes('printing with Chromium')) return;
      sent = true;
      setTimeout(() => {
        for (const pid of chromiumPids()) {
          if (!before.has(pid)) {
            try {
              process.kill(pid, signal);
            } catch {
              // already gone
            }
          }
        }
      }, 250);
    },
  };
}

describe('browser faults', () => {
  it('a browser that cannot start', async () => {
    const dir = mkdtempSync(path.join(work, 'nostart-'));
    const run = await runCli(['build', example, '-o', path.join(dir, 'out.pdf')], { env: { ...process.env, BANTIN_BROWSER: '/bin/false' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('could not start the browser /bin/false');
    noStack(run.stderr);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a browser killed while printing', async () => {
    const dir = mkdtempSync(path.join(work, 'crash-'));
    const before = chromiumPids();
    const trigger = onPrinting(before, 'SIGKILL');
    const run = await runCli(['build', example, '-o', path.join(dir, 'out.pdf'), '--verbose'], { onStderr: trigger.onStderr });
    expect(trigger.sent()).toBe(true);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('the browser stopped while printing');
    noStack(run.stderr);
    expect(readdirSync(dir)).toEqual([]);
    await settle();
    expect([...chromiumPids()].filter((p) => !before.has(p))).toEqual([]);
  });

  it('a browser that hangs: --timeout ends it', async () => {
    const dir = mkdtempSync(path.join(work, 'hang-'));
    const before = chromiumPids();
    const trigger = onPrinting(before, 'SIGSTOP');
    const started = Date.now();
    const run = await runCli(['build', example, '-o', path.join(dir, 'out.pdf'), '--verbose', '--timeout', '2'], { onStderr: trigger.onStderr, timeoutMs: 40_000 });
    expect(trigger.sent()).toBe(true);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/did not finish within 2 s|the browser stopped while printing/);
    noStack(run.stderr);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(readdirSync(dir)).toEqual([]);
    await settle();
    expect([...chromiumPids()].filter((p) => !before.has(p)), 'stopped Chromium processes were killed too').toEqual([]);
  });
});

/**
 * Another Chromium workload on the same machine while the tests that signal or count processes
 * run (useNeighbour() in those files): one browser that stays up, and one that is started and
 * stopped again and again (new Chromium processes appear and vanish while tests look for their
 * own). Tests must neither kill nor count them: the file fails if the steady one is gone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject } from 'vitest';

export interface Neighbour {
  /** The steady browser's process group (its launcher's pid). */
  group: number;
  /** Stops both browsers; throws if the steady one was killed during the run. */
  stop(): Promise<void>;
}

const FLAGS = ['--headless', '--no-sandbox', '--no-first-run', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--remote-debugging-port=0'];

function launch(executable: string, home: string): ChildProcess {
  const profile = mkdtempSync(path.join(home, 'profile-'));
  // Detached: a process group of its own, so that stopping it ends its helpers too.
  return spawn(executable, [...FLAGS, `--user-data-dir=${profile}`, 'about:blank'], { detached: true, stdio: 'ignore' });
}

function end(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      resolve();
    }
  });
}

export function startNeighbour(executable: string): Neighbour {
  const home = mkdtempSync(path.join(os.tmpdir(), 'bantin-neighbour-'));
  const steady = launch(executable, home);
  let died: string | undefined;
  steady.once('exit', (code, signal) => (died = `exited with ${signal ?? code}`));
  let churn: ChildProcess | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const cycle = () => {
    if (stopped) return;
    churn = launch(executable, home);
    timer = setTimeout(() => {
      void end(churn!).then(() => {
        // Up 3 s in every 20: processes still come and go under the tests (a test file that
        // signals or counts processes runs 15 s or more), at a quarter of the launches.
        if (!stopped) timer = setTimeout(cycle, 17_000);
      });
    }, 3000);
  };
  timer = setTimeout(cycle, 1000);
  return {
    group: steady.pid!,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const wasDead = died;
      await Promise.all([end(steady), churn ? end(churn) : Promise.resolve()]);
      rmSync(home, { recursive: true, force: true });
      if (wasDead) throw new Error(`a test ended the neighbouring Chromium (pid ${steady.pid}, ${wasDead}): tests must signal only the processes bantin under test started`);
    },
  };
}

/** Whether the steady browser's group still has a live Chromium process. */
export function neighbourAlive(group: number): boolean {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== group || fields[0] === 'Z') continue;
      if (/chrom|headless/i.test(readlinkSync(`/proc/${entry}/exe`))) return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
}

/**
 * Runs the neighbour for the whole file, from before its first test to after its last, and
 * fails the file if a test killed it (a test that signalled processes it did not start).
 */
export function useNeighbour(): void {
  let neighbour: Neighbour | undefined;
  beforeAll(() => {
    neighbour = startNeighbour(inject('browserPath'));
  });
  afterAll(async () => {
    const { group } = neighbour!;
    // It may be between start-up and its first helper process: give it a moment.
    for (let i = 0; i < 20 && !neighbourAlive(group); i++) await new Promise((r) => setTimeout(r, 100));
    const alive = neighbourAlive(group);
    let stopped: unknown;
    await neighbour!.stop().catch((error: unknown) => (stopped = error));
    expect(alive, `the neighbouring Chromium (process group ${group}) was killed during this file: tests must signal only the processes bantin under test started`).toBe(true);
    if (stopped) throw stopped;
  });
}

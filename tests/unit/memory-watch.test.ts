/**
 * The memory watch on the browser (issue 26 item 4, the last line of defence after the SVG's
 * bounds): it reads the process tree bantin started from /proc and calls back once a process
 * holds more than the limit. Tried on processes this test starts itself, never on others.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { largestProcess, processTree, residentBytes, watchMemory } from '../../src/print/memory-watch.js';

const MB = 1024 * 1024;
const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGTERM');
});

/** A node process that starts one child holding `mb` MB, then waits; resolves once both are up. */
function parentWithHungryChild(mb: number): Promise<{ parent: ChildProcess; childPid: number }> {
  // It ends itself when its parent goes (even one ended by SIGKILL): nothing is left behind.
  const hungry = `const b = Buffer.alloc(${mb} * 1024 * 1024, 1); const up = process.ppid; console.log('ready'); setInterval(() => { b[0]++; if (process.ppid !== up) process.exit(); }, 50);`;
  const parentScript = `const { spawn } = require('node:child_process'); const c = spawn(process.execPath, ['-e', ${JSON.stringify(hungry)}], { stdio: ['ignore', 'pipe', 'inherit'] }); c.stdout.on('data', () => console.log(c.pid)); process.on('SIGTERM', () => { c.kill('SIGKILL'); process.exit(); }); setInterval(() => {}, 1000);`;
  const parent = spawn(process.execPath, ['-e', parentScript], { stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(parent);
  return new Promise((resolve, reject) => {
    parent.stdout!.setEncoding('utf8').once('data', (pid: string) => resolve({ parent, childPid: Number(pid.trim()) }));
    parent.once('error', reject);
  });
}

describe.skipIf(!existsSync('/proc/self/status'))('the memory watch (Linux /proc)', () => {
  it('finds the processes below the one started, and their memory', async () => {
    const { parent, childPid } = await parentWithHungryChild(120);
    expect(processTree(parent.pid!)).toEqual([parent.pid, childPid]);
    expect(residentBytes(childPid)).toBeGreaterThan(110 * MB);
    // The child's resident size moves by a page or two between two readings: the same process, about the same size.
    const largest = largestProcess(parent.pid!)!;
    expect(largest.pid).toBe(childPid);
    expect(Math.abs(largest.bytes - residentBytes(childPid)!)).toBeLessThan(MB);
    expect(residentBytes(2 ** 30)).toBeUndefined();
    process.kill(parent.pid!, 'SIGTERM');
  });

  it('calls back once a process of the tree holds more than the limit, then stops', async () => {
    const { parent } = await parentWithHungryChild(120);
    let calls = 0;
    const over = new Promise<number>((resolve) => {
      const watch = watchMemory(parent.pid!, (bytes) => {
        calls++;
        resolve(bytes);
        expect(watch.exceeded).toEqual({ bytes, limit: 60 * MB });
      }, { limit: 60 * MB, intervalMs: 20 });
    });
    expect(await over).toBeGreaterThan(110 * MB);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toBe(1);
    process.kill(parent.pid!, 'SIGTERM');
  });

  it('says nothing under the limit, and stops by itself once the process is gone', async () => {
    const { parent } = await parentWithHungryChild(20);
    let calls = 0;
    const watch = watchMemory(parent.pid!, () => calls++, { limit: 500 * MB, intervalMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    process.kill(parent.pid!, 'SIGTERM');
    await new Promise((resolve) => parent.once('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toBe(0);
    expect(watch.exceeded).toBeUndefined();
  });
});

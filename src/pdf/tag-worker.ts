/**
 * The tagging worker (tagger.ts): makes each tagged print ready (page-artifacts.ts) on a thread of
 * its own while the main thread opens the same bytes and finishes the rest. It starts with the
 * build and then waits: no warm-up run, which cost ~35 ms of CPU while the issue was checked and
 * saved the real run ~4 ms (so-20, measured in the worker's own thread). On Linux it runs at a
 * lower priority, so that on a busy two-core machine it takes what the main thread and Chromium
 * leave: the main thread has the longer way to go after the print.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { prepareTagged } from './page-artifacts.js';

/** Nice value of this thread: below the main thread's, not idle-only (it must finish in time). */
const NICENESS = 10;

lowerPriority();

parentPort?.on('message', (pdf: Uint8Array) => {
  void prepareTagged(pdf, { here: true }).then(
    (print) => parentPort!.postMessage({ print }),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});

/** Linux: a thread is a task of its own, with a priority of its own (no effect elsewhere). */
function lowerPriority(): void {
  try {
    const task = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isSafeInteger(task) && task > 0 && task !== process.pid) setPriority(task, NICENESS);
  } catch {
    // Not Linux, or not allowed: the same work at the same priority.
  }
}

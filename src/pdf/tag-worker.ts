/**
 * The tagging worker (tagger.ts): makes each tagged print ready (page-artifacts.ts) on a thread of
 * its own while the main thread opens the same bytes and finishes the rest. It starts with the
 * build and runs its code on a made-up print first, while the cores are still idle: in a cold
 * process that code runs several times slower the first time (~60 ms for so-20, ~35 warm). On
 * Linux it runs at a lower priority, so that on a busy two-core machine it takes what the main
 * thread and Chromium leave: the main thread has the longer way to go after the print.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { madeUpPrint } from './made-up-print.js';
import { prepareTagged } from './page-artifacts.js';

/** Nice value of this thread: below the main thread's, not idle-only (it must finish in time). */
const NICENESS = 10;

lowerPriority();
const warm = (async () => {
  for (let i = 0; i < 2; i++) await prepareTagged(madeUpPrint(), { here: true });
})().catch(() => undefined);

parentPort?.on('message', (pdf: Uint8Array) => {
  void warm
    .then(() => prepareTagged(pdf, { here: true }))
    .then(
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

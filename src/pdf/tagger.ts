/**
 * Who makes a tagged print ready for finishing (page-artifacts.ts prepareTagged): the tagging
 * worker when bantin runs built (tag-worker.js beside this code in dist/), else this thread. The
 * worker is started with the build, long before the print: a worker takes ~45 ms of CPU to start.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TaggedPrint } from './page-artifacts.js';

export interface Tagger {
  /** Where the work is done, for the log: "the tagging worker" or "this thread". */
  readonly where: string;
  /** The print made ready; prints sent one after another are answered in that order. */
  prepare(pdf: Uint8Array): Promise<TaggedPrint>;
  /** Ends the worker (idempotent); later prints are made ready in this thread. */
  close(): void;
}

const WORKER = new URL('./tag-worker.js', import.meta.url);

/** In this thread, zlib on libuv's threads. */
export const IN_THREAD: Tagger = {
  where: 'this thread',
  prepare: async (pdf) => (await import('./page-artifacts.js')).prepareTagged(pdf),
  close: () => undefined,
};

/**
 * A tagger with a worker of its own, started now. This thread does the work instead when there
 * is no built worker (running from the TypeScript sources), or the worker fails or has ended:
 * the PDF is the same.
 */
export function startTagger(): Tagger {
  if (WORKER.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER))) return IN_THREAD;
  let worker: Worker;
  try {
    worker = new Worker(WORKER);
  } catch {
    return IN_THREAD;
  }
  let done = false;
  const waiting: Array<{ pdf: Uint8Array; resolve: (print: TaggedPrint | Promise<TaggedPrint>) => void }> = [];
  const stop = () => {
    if (done) return;
    done = true;
    void worker.terminate();
    for (const { pdf, resolve } of waiting.splice(0)) resolve(IN_THREAD.prepare(pdf));
  };
  worker.on('message', (answer: { print?: TaggedPrint; error?: string }) => {
    const next = waiting.shift();
    if (waiting.length === 0) worker.unref();
    next?.resolve(answer.print ?? IN_THREAD.prepare(next.pdf));
  });
  worker.on('error', stop);
  worker.on('exit', stop);
  // Idle, never what keeps bantin running; a print waiting for its answer does (ref below). After
  // the listeners: adding a 'message' listener refs the worker again.
  worker.unref();
  return {
    get where() {
      return done ? 'this thread (the tagging worker has ended)' : 'the tagging worker';
    },
    prepare(pdf) {
      if (done) return IN_THREAD.prepare(pdf);
      return new Promise<TaggedPrint>((resolve) => {
        waiting.push({ pdf, resolve });
        worker.ref();
        worker.postMessage(pdf);
      });
    },
    close: stop,
  };
}

/**
 * Who makes a tagged print ready (page-artifacts.ts prepareTagged): a worker thread when bantin
 * runs built (the bundle ships mark-worker.js beside this code), else this thread. The work
 * (inflate, scan and deflate ~2 MB of content, pack ~1,000 structure elements: ~0.1 s for
 * so-20) then overlaps the rest of finishing instead of adding to it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { prepareTagged, type TaggedPrint } from './page-artifacts.js';

export interface Marker {
  /** The print made ready; several prints are made ready in the order they came. */
  prepare(pdf: Uint8Array): Promise<TaggedPrint>;
  /** Ends the worker; idempotent. */
  close(): void;
}

/** Prepares in this thread. */
export const IN_THREAD: Marker = {
  prepare: async (pdf) => prepareTagged(pdf),
  close: () => undefined,
};

const WORKER = new URL('./mark-worker.js', import.meta.url);

/**
 * A marker with a worker of its own, started now (it loads while Chromium prints). Falls back to
 * this thread when there is no built worker (running from the TypeScript sources) or it fails.
 */
export function openMarker(): Marker {
  if (WORKER.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER))) return IN_THREAD;
  let worker: Worker;
  try {
    worker = new Worker(WORKER);
  } catch {
    return IN_THREAD;
  }
  // Never what keeps bantin running.
  worker.unref();
  let closed = false;
  let failed = false;
  /** The prints sent, in order, each with what receives its answer. */
  const waiting: Array<{ pdf: Uint8Array; resolve: (print: TaggedPrint | Promise<TaggedPrint>) => void }> = [];
  // A worker that failed leaves the work to this thread: the PDF is the same.
  const fail = () => {
    failed = true;
    for (const { pdf, resolve } of waiting.splice(0)) resolve(IN_THREAD.prepare(pdf));
  };
  worker.on('message', (print: TaggedPrint) => waiting.shift()?.resolve(print));
  worker.on('error', fail);
  worker.on('exit', fail);
  const close = () => {
    if (closed) return;
    closed = true;
    void worker.terminate();
  };
  return {
    prepare(pdf) {
      if (closed || failed) return IN_THREAD.prepare(pdf);
      return new Promise((resolve) => {
        waiting.push({ pdf, resolve });
        worker.postMessage(pdf);
      });
    },
    close,
  };
}

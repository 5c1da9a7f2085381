/**
 * Who marks a tagged print's artifacts: a worker thread when bantin runs built (the bundle
 * ships mark-worker.js beside this code), else this thread. The work (inflate, scan ~2 MB,
 * deflate: ~0.1 s for so-20) then overlaps the rest of finishing instead of adding to it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { markPageContents, type PageContents } from './page-artifacts.js';

export interface Marker {
  /** Each page's marked content, compressed (undefined: nothing to mark). */
  mark(pages: PageContents[]): Promise<Array<Uint8Array | undefined>>;
  /** Ends the worker; idempotent. */
  close(): void;
}

/** Marks in this thread. */
export const IN_THREAD: Marker = {
  mark: async (pages) => pages.map((page) => markPageContents(page)),
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
  let failure: Error | undefined;
  worker.on('error', (error) => (failure = error));
  const close = () => {
    if (closed) return;
    closed = true;
    void worker.terminate();
  };
  return {
    mark(pages) {
      if (closed || failure) return IN_THREAD.mark(pages);
      return new Promise((resolve) => {
        const done = (result: Array<Uint8Array | undefined> | undefined) => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onError);
          close();
          // A worker that failed leaves the work to this thread: the PDF is the same.
          resolve(result ?? IN_THREAD.mark(pages));
        };
        const onMessage = (result: Array<Uint8Array | undefined>) => done(result);
        const onError = () => done(undefined);
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onError);
        worker.postMessage(pages);
      });
    },
    close,
  };
}

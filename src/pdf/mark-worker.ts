/**
 * The marking worker: marks the pages' artifacts (page-artifacts.ts) on a thread of its own
 * while the main thread finishes the rest of the PDF. Started by marker.ts before the print, so
 * it has loaded by the time the PDF comes back.
 */
import { parentPort } from 'node:worker_threads';
import { markPageContents, type PageContents } from './page-artifacts.js';

parentPort?.on('message', (pages: PageContents[]) => {
  const marked = pages.map((page) => markPageContents(page));
  parentPort!.postMessage(marked, marked.filter((m): m is Uint8Array => m !== undefined).map((m) => m.buffer as ArrayBuffer));
});

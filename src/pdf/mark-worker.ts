/**
 * The marking worker: makes a tagged print ready for finishing (page-artifacts.ts
 * prepareTagged: artifacts marked, structure packed) on a thread of its own, from the print's
 * bytes, while the main thread opens the same bytes and finishes the rest. Started by
 * marker.ts before the print, so it has loaded by the time the PDF comes back.
 */
import { parentPort } from 'node:worker_threads';
import { prepareTagged, transferables } from './page-artifacts.js';

parentPort?.on('message', (pdf: Uint8Array) => {
  const print = prepareTagged(pdf);
  parentPort!.postMessage(print, transferables(print));
});

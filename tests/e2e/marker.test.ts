/**
 * The marking worker (src/pdf/marker.ts): built, bantin makes a tagged print ready (artifacts
 * marked, structure packed) on a thread of its own, and the result is the same as in this
 * thread. From the TypeScript sources (no built worker beside them) the work stays in this thread.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IN_THREAD, openMarker } from '../../src/pdf/marker.js';
import type { TaggedPrint } from '../../src/pdf/page-artifacts.js';
import { chromiumLike } from '../unit/chromium-pdf.js';
import { repoRoot } from './pdf-tools.js';

const comparable = (print: TaggedPrint) => ({
  pages: print.pages?.map((page) => page && { refs: page.refs, marked: page.marked && Buffer.from(page.marked).toString('base64') }),
  packs: print.packs.map((pack) => ({ ...pack, data: Buffer.from(pack.data).toString('base64') })),
});

describe('the marking worker', () => {
  it('ships in the bundle beside the chunk that starts it', () => {
    expect(existsSync(path.join(repoRoot, 'dist/cli-bundle/mark-worker.js'))).toBe(true);
  });

  it('prepares a print as this thread does, from the built code', async () => {
    const built = (await import(path.join(repoRoot, 'dist/pdf/marker.js'))) as typeof import('../../src/pdf/marker.js');
    const marker = built.openMarker();
    expect(marker).not.toBe(built.IN_THREAD);
    const pdf = chromiumLike();
    // Two prints in a row (a second pass) each get their own answer, in order.
    const [fromWorker, again, here] = await Promise.all([marker.prepare(pdf), marker.prepare(pdf), IN_THREAD.prepare(pdf)]);
    marker.close();
    expect(comparable(fromWorker)).toEqual(comparable(here));
    expect(comparable(again)).toEqual(comparable(here));
    // Page 2 is all tagged: nothing to mark; pages 1 and 3 are.
    expect(here.pages?.map((p) => p?.marked !== undefined)).toEqual([true, false, true]);
    expect(here.pages?.map((p) => p?.refs)).toEqual([[6], [7], [8]]);
    // Both structure elements, in one pack.
    expect(here.packs.map((p) => p.objects)).toEqual([[10, 11]]);
  });

  it('stays in this thread when run from the sources', () => {
    expect(openMarker()).toBe(IN_THREAD);
  });
});

/**
 * The tagging worker (src/pdf/tagger.ts): built, bantin makes a tagged print ready (artifacts
 * marked, structure packed) on a thread of its own, and the result is the same as in this
 * thread. From the TypeScript sources (no built worker beside them) the work stays in this thread.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TaggedPrint } from '../../src/pdf/page-artifacts.js';
import { IN_THREAD, startTagger } from '../../src/pdf/tagger.js';
import { chromiumLike } from '../unit/chromium-pdf.js';
import { madeUpPrint } from '../unit/made-up-print.js';
import { repoRoot } from './pdf-tools.js';

const comparable = (print: TaggedPrint) => ({
  pages: print.pages?.map((page) => page && { refs: page.refs, marked: page.marked && Buffer.from(page.marked).toString('base64') }),
  packs: print.packs.map((pack) => ({ ...pack, data: Buffer.from(pack.data).toString('base64') })),
});

describe('the tagging worker', () => {
  it('ships in the bundle beside the chunk that starts it', () => {
    expect(existsSync(path.join(repoRoot, 'dist/cli-bundle/tag-worker.js'))).toBe(true);
  });

  it('prepares prints as this thread does, from the built code, each answered in turn', async () => {
    const built = (await import(path.join(repoRoot, 'dist/pdf/tagger.js'))) as typeof import('../../src/pdf/tagger.js');
    const tagger = built.startTagger();
    expect(tagger.where).toBe('the tagging worker');
    const [small, larger] = [chromiumLike(), madeUpPrint(2)];
    // Two prints in a row (a second pass) each get their own answer, in order.
    const [first, second] = await Promise.all([tagger.prepare(small), tagger.prepare(larger)]);
    tagger.close();
    expect(comparable(first)).toEqual(comparable(await IN_THREAD.prepare(small)));
    expect(comparable(second)).toEqual(comparable(await IN_THREAD.prepare(larger)));
    expect(first.packs.map((p) => p.objects)).toEqual([[10, 11]]);
    // Ended, it still answers: from this thread.
    expect(tagger.where).toMatch(/^this thread/);
    expect(comparable(await tagger.prepare(small))).toEqual(comparable(first));
  });

  it('keeps the process running while a print waits for its answer, never once it is idle (left open)', () => {
    const dist = (file: string) => JSON.stringify(path.join(repoRoot, 'dist/pdf', file));
    const print = Buffer.from(madeUpPrint(1)).toString('base64');
    const script = (use: string) => `const { startTagger } = await import(${dist('tagger.js')}); const t = startTagger(); if (t.where !== 'the tagging worker') process.exit(3); ${use}`;
    for (const [use, out] of [
      ['', ''],
      [`const p = await t.prepare(new Uint8Array(Buffer.from('${print}', 'base64'))); console.log(p.pages.length);`, '1\n'],
    ] as const) {
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script(use)], { timeout: 20_000, encoding: 'utf8' });
      // Not killed by the timeout, nor ended with the answer still to come (13: an unsettled await).
      expect(run.signal).toBeNull();
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(out);
    }
  });

  it('stays in this thread when run from the sources', () => {
    expect(startTagger()).toBe(IN_THREAD);
  });
});

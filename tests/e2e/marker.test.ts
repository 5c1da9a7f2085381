/**
 * The marking worker (src/pdf/marker.ts): built, bantin marks a tagged print's artifacts on a
 * thread of its own, and the result is the same as marking in this thread. From the TypeScript
 * sources (no built worker beside them) the marking stays in this thread.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IN_THREAD, openMarker } from '../../src/pdf/marker.js';
import type { PageContents } from '../../src/pdf/page-artifacts.js';
import { repoRoot } from './pdf-tools.js';

const enc = (s: string) => new TextEncoder().encode(s);
/** Three pages as Chromium writes them: untagged footer, a tagged heading, a QR drawing. */
const PAGES = ['q\n0 0 10 10 re\nf\nQ\n/H1 <</MCID 0 >>BDC\nBT\n/F4 12 Tf\n<0080> Tj\nET\nEMC\n1 1 2 2 re\nf\n', '/P <</MCID 1 >>BDC\n0 0 1 1 re\nf\nEMC\n', 'BT\n/F1 9 Tf\n<0012> Tj\nET\n'];
const contents = (): PageContents[] => PAGES.map((page, i) => (i === 1 ? { parts: [enc(page)], flate: [false] } : { parts: [deflateSync(enc(page))], flate: [true] }));

describe('the marking worker', () => {
  it('ships in the bundle beside the chunk that starts it', () => {
    expect(existsSync(path.join(repoRoot, 'dist/cli-bundle/mark-worker.js'))).toBe(true);
  });

  it('marks as this thread does, from the built code', async () => {
    const built = (await import(path.join(repoRoot, 'dist/pdf/marker.js'))) as typeof import('../../src/pdf/marker.js');
    const marker = built.openMarker();
    expect(marker).not.toBe(built.IN_THREAD);
    const [fromWorker, here] = await Promise.all([marker.mark(contents()), IN_THREAD.mark(contents())]);
    marker.close();
    expect(fromWorker.map((m) => m && Buffer.from(m).toString('base64'))).toEqual(here.map((m) => m && Buffer.from(m).toString('base64')));
    // Page 2 is all tagged: nothing to mark.
    expect(here.map((m) => m !== undefined)).toEqual([true, false, true]);
  });

  it('stays in this thread when run from the sources', () => {
    expect(openMarker()).toBe(IN_THREAD);
  });
});

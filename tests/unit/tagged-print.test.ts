/**
 * A tagged print made ready from its bytes (page-artifacts.ts prepareTagged): each page's
 * marked content is what marking pdf-lib's objects gives, and the structure elements are packed.
 */
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { canSkip } from '../../src/pdf/artifacts.js';
import { madeUpPrint } from './made-up-print.js';
import { markPageContents, prepareTagged } from '../../src/pdf/page-artifacts.js';
import { RawPdf, streamData } from '../../src/pdf/raw-pdf.js';
import { chromiumLike } from './chromium-pdf.js';

describe('a tagged print made ready', () => {
  it('marks each page as finishing would mark it from pdf-lib’s objects, and packs the structure', async () => {
    const pdf = chromiumLike();
    const print = await prepareTagged(pdf);
    expect(print.pages?.map((p) => p?.refs)).toEqual([[6], [7], [8]]);
    // Page 2 is all tagged: nothing to mark.
    expect(print.pages?.map((p) => p?.marked !== undefined)).toEqual([true, false, true]);
    const raw = RawPdf.open(pdf)!;
    for (const [i, n] of [6, 7, 8].entries()) {
      const stream = streamData(raw, n)!;
      const expected = markPageContents({ parts: [stream.data], flate: [stream.flate] });
      expect(print.pages?.[i]?.marked && Buffer.from(print.pages[i]!.marked!).toString('base64')).toEqual(expected && Buffer.from(expected).toString('base64'));
    }
    expect(inflateSync(print.pages![0]!.marked!).toString('latin1')).toContain('/Artifact BMC');
    expect(print.packs.map((p) => p.objects)).toEqual([[10, 11]]);
  });

  it('leaves to finishing a file it does not read as bytes', async () => {
    expect(await prepareTagged(new TextEncoder().encode('%PDF-1.7\nnot a file of Chromium’s'))).toEqual({ pages: undefined, packs: [] });
  });
});

describe('a larger print of Chromium’s shape', () => {
  it('takes the paths a real print takes: every page read and marked, the structure packed', async () => {
    const pdf = madeUpPrint(3);
    const print = await prepareTagged(pdf, { here: true });
    expect(print.pages).toHaveLength(3);
    const raw = RawPdf.open(pdf)!;
    for (const page of print.pages!) {
      expect(page?.marked).toBeDefined();
      // The fast way through Chromium's streams, not the byte loop.
      expect(canSkip(inflateSync(streamData(raw, page!.refs[0]!)!.data))).toBe(true);
      const marked = inflateSync(page!.marked!).toString('latin1');
      // The footer, each drawing and each rule outside the tree.
      expect(marked.split('/Artifact BMC').length - 1).toBe(1 + 4 + 6);
    }
    expect(print.packs.flatMap((p) => p.objects)).toHaveLength(3 * 60);
  });

  it('comes out the same with zlib in this thread as on libuv’s threads', async () => {
    const pdf = madeUpPrint(2);
    const [here, pooled] = [await prepareTagged(pdf, { here: true }), await prepareTagged(pdf)];
    const bytes = (p: typeof here) => [...(p.pages ?? []).map((page) => Buffer.from(page!.marked!).toString('base64')), ...p.packs.map((pack) => Buffer.from(pack.data).toString('base64'))];
    expect(bytes(here)).toEqual(bytes(pooled));
  });
});

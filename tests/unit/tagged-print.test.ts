/**
 * A tagged print made ready from its bytes (page-artifacts.ts prepareTagged): each page's
 * marked content is what marking pdf-lib's objects gives, and the structure elements are packed.
 */
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
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

/**
 * A tagged print made ready for finishing, from its bytes alone, the moment it comes back: each
 * page's content with the drawing outside the structure tree marked as artifacts (artifacts.ts),
 * and the structure elements packed into object streams (raw-pdf.ts). The marking (inflate and
 * scan, ~25 ms for so-20) runs in this thread; the compression (~30 ms) on libuv's threads,
 * while this one reads the print's page numbers and finishes the rest. A worker thread was
 * tried: starting one costs ~60 ms of CPU, more than it saved on two cores.
 */
import { promisify } from 'node:util';
import { deflate, deflateSync, inflateSync, type ZlibOptions } from 'node:zlib';
import { markArtifacts } from './artifacts.js';
import { packStructure, pageContents, RawPdf, streamData, type ObjectPack } from './raw-pdf.js';

const compress = promisify<Uint8Array, ZlibOptions, Buffer>(deflate);

/** What prepareTagged makes of a print. */
export interface TaggedPrint {
  /**
   * Per page, in order: the object numbers of its content streams and their marked content
   * (undefined: nothing to mark); null for a page whose streams are not read here (finishing
   * marks it from pdf-lib's objects). Undefined when the page tree is not read here.
   */
  pages: Array<{ refs: number[]; marked: Uint8Array | undefined } | null> | undefined;
  /** The structure elements in object streams. */
  packs: ObjectPack[];
}

export async function prepareTagged(pdf: Uint8Array): Promise<TaggedPrint> {
  const raw = RawPdf.open(pdf);
  if (!raw) return { pages: undefined, packs: [] };
  const pages = pageContents(raw)?.map((refs) => {
    const streams = refs.map((n) => streamData(raw, n));
    if (!streams.every((s) => s !== undefined)) return null;
    const marked = markedContent({ parts: streams.map((s) => s.data), flate: streams.map((s) => s.flate) });
    return { refs, marked: marked && compress(marked, { level: DEFLATE_LEVEL }) };
  });
  const packs = packStructure(raw).map(async ({ contents, ...pack }) => ({ ...pack, data: new Uint8Array(await compress(contents, {})) }));
  return {
    pages: pages && (await Promise.all(pages.map(async (page) => page && { refs: page.refs, marked: await page.marked }))),
    packs: await Promise.all(packs),
  };
}

/** A page's content streams as stored: Flate-compressed (`flate`) or already decoded. */
export interface PageContents {
  parts: Uint8Array[];
  flate: boolean[];
}

/** The page's marked content, Flate-compressed; undefined when nothing needed marking. */
export function markPageContents(page: PageContents): Uint8Array | undefined {
  const marked = markedContent(page);
  return marked && deflateSync(marked, { level: DEFLATE_LEVEL });
}

/** The page's content decoded, joined and marked; undefined when nothing needed marking. */
function markedContent(page: PageContents): Uint8Array | undefined {
  const parts = page.parts.map((bytes, i) => (page.flate[i] ? inflateSync(bytes) : bytes));
  const joined = parts.length === 1 ? parts[0]! : Buffer.concat(parts.flatMap((p) => [p, NEWLINE]));
  return markArtifacts(joined);
}

const NEWLINE = new Uint8Array([0x0a]);

/**
 * Level 5, not zlib's default 6: so-20's 2 MB of content compress in ~23 ms instead of ~42,
 * to 311 KB instead of 304 KB (Chromium's own were 309 KB).
 */
const DEFLATE_LEVEL = 5;

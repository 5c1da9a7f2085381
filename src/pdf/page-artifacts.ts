/**
 * A tagged print made ready for finishing, from its bytes alone, the moment it comes back: each
 * page's content with the drawing outside the structure tree marked as artifacts (artifacts.ts),
 * and the structure elements packed into object streams (raw-pdf.ts). A build does this on the
 * tagging worker (tagger.ts), started with the build, while its main thread opens the same bytes
 * and finishes the rest; without the worker, here, with zlib on libuv's threads.
 */
import { promisify } from 'node:util';
import { deflate, deflateSync, inflate, inflateSync, type ZlibOptions } from 'node:zlib';
import { markArtifacts } from './artifacts.js';
import { packStructure, pageContents, RawPdf, streamData, type ObjectPack } from './raw-pdf.js';

const compress = promisify<Uint8Array, ZlibOptions, Buffer>(deflate);
const decompress = promisify<Uint8Array, ZlibOptions, Buffer>(inflate);

/**
 * Output buffers for zlib on libuv's threads: large enough for the whole result at once. With
 * zlib's default 16 KB, each piece of a page's 100–200 KB of content is one more trip between
 * this thread and the pool (~10 ms of this thread for so-20).
 */
const inflated = (input: Uint8Array): ZlibOptions => ({ chunkSize: Math.max(64 * 1024, input.length * 8) });
const deflated = (input: Uint8Array): ZlibOptions => ({ chunkSize: Math.max(16 * 1024, input.length + 1024) });

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

/**
 * The print made ready. This thread reads where things are, packs the structure and scans each
 * page; zlib inflates and deflates on libuv's threads meanwhile, or with `here`, in this thread
 * (the tagging worker's: all its work then runs at its lower priority).
 */
export async function prepareTagged(pdf: Uint8Array, { here = false }: { here?: boolean } = {}): Promise<TaggedPrint> {
  const raw = RawPdf.open(pdf);
  if (!raw) return { pages: undefined, packs: [] };
  const [inflating, deflating] = here ? [async (b: Uint8Array) => inflateSync(b), async (b: Uint8Array, o: ZlibOptions) => deflateSync(b, o)] : [(b: Uint8Array) => decompress(b, inflated(b)), (b: Uint8Array, o: ZlibOptions) => compress(b, { ...o, ...deflated(b) })];
  const pages = pageContents(raw)?.map(async (refs) => {
    const streams = refs.map((n) => streamData(raw, n));
    if (!streams.every((s) => s !== undefined)) return null;
    const parts = await Promise.all(streams.map((s) => (s.flate ? inflating(s.data) : s.data)));
    const marked = markArtifacts(joined(parts));
    return { refs, marked: marked && (await deflating(marked, { level: DEFLATE_LEVEL })) };
  });
  const packs = packStructure(raw).map(async ({ contents, ...pack }) => ({ ...pack, data: new Uint8Array(await deflating(contents, {})) }));
  return { pages: pages && (await Promise.all(pages)), packs: await Promise.all(packs) };
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
  return markArtifacts(joined(page.parts.map((bytes, i) => (page.flate[i] ? inflateSync(bytes) : bytes))));
}

/** A page's streams as one (a newline between: a split never joins two tokens). */
const joined = (parts: Uint8Array[]): Uint8Array => (parts.length === 1 ? parts[0]! : Buffer.concat(parts.flatMap((p) => [p, NEWLINE])));

const NEWLINE = new Uint8Array([0x0a]);

/**
 * Level 4, not zlib's default 6: so-20's 2.1 MB of content compress in ~21 ms instead of ~34 (5:
 * ~26), to 336 KB instead of 304 (5: 311; Chromium's own were 309). The tagging worker, at its
 * lower priority, then has the pages ready by the time finishing needs them (measured: at level
 * 5 the main thread waited ~35 ms for it).
 */
const DEFLATE_LEVEL = 4;

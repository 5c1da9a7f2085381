/**
 * A PDF read as bytes, without pdf-lib: its one classic cross-reference table, each object's
 * bytes, the page tree's content streams, and structure elements packed into object streams.
 * What making a tagged print ready needs (page-artifacts.ts), so that it starts the moment the
 * print comes back, before pdf-lib opens the same bytes (lazy-load.ts). Anything of another
 * shape reads as undefined: the caller then does it the slower way.
 */
export const latin1 = (bytes: Uint8Array, from = 0, to = bytes.length) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');

/** One 20-byte entry of a cross-reference table: offset, generation, in use (n) or free (f). */
const ENTRY = /(\d{10}) (\d{5}) ([nf])/y;

/** A file's object spans, as objectSpans found them (null: not of that shape). */
const spansOf = new WeakMap<Uint8Array, { spans: ReadonlyMap<number, [number, number]>; trailer: string } | null>();

/**
 * Object number → [start, end) of its bytes, from a file's one classic cross-reference table; in
 * file order. Read once per file: the tagged print's preparation and pdf-lib's lazy load both ask.
 */
export function objectSpans(pdf: Uint8Array): { spans: ReadonlyMap<number, [number, number]>; trailer: string } | undefined {
  let found = spansOf.get(pdf);
  if (found === undefined) spansOf.set(pdf, (found = readSpans(pdf) ?? null));
  return found ?? undefined;
}

function readSpans(pdf: Uint8Array): { spans: Map<number, [number, number]>; trailer: string } | undefined {
  const end = latin1(pdf, Math.max(0, pdf.length - 64));
  const at = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(end);
  if (!at) return undefined;
  const xref = Number(at[1]);
  const table = latin1(pdf, xref);
  if (!table.startsWith('xref')) return undefined;
  const offsets: Array<[number, number]> = [];
  let pos = 4;
  const section = /\s*(\d+) (\d+)\s*?\r?\n/y;
  for (;;) {
    section.lastIndex = pos;
    const head = section.exec(table);
    if (!head) break;
    pos = section.lastIndex;
    const [first, count] = [Number(head[1]), Number(head[2])];
    for (let i = 0; i < count; i++, pos += 20) {
      ENTRY.lastIndex = pos;
      const entry = ENTRY.exec(table);
      if (!entry) return undefined;
      if (entry[3] === 'n' && entry[2] === '00000') offsets.push([first + i, Number(entry[1])]);
    }
  }
  const trailer = /^\s*trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(table.slice(pos))?.[1];
  // An incremental update or encryption: not Chromium's single-table file.
  if (!trailer || /\/(Prev|Encrypt|XRefStm)\b/.test(trailer)) return undefined;
  offsets.sort((a, b) => a[1] - b[1]);
  const spans = new Map<number, [number, number]>();
  offsets.forEach(([n, start], i) => spans.set(n, [start, i + 1 < offsets.length ? offsets[i + 1]![1] : xref]));
  return { spans, trailer };
}

/** The object's body: after "N 0 obj", before "endobj". Read by character codes (~1,300 objects in a tagged print). */
export function body(pdf: Buffer, [start, end]: [number, number], n: number): Uint8Array | undefined {
  let i = start;
  while (i < end && isWhite(pdf[i]!)) i++;
  let number = 0;
  const digits = i;
  while (i < end && pdf[i]! >= 0x30 && pdf[i]! <= 0x39) number = number * 10 + (pdf[i++]! - 0x30);
  if (i === digits || number !== n) return undefined;
  const head = i;
  while (i < end && isWhite(pdf[i]!)) i++;
  if (i === head || pdf[i] !== 0x30) return undefined;
  const zero = ++i;
  while (i < end && isWhite(pdf[i]!)) i++;
  if (i === zero || pdf[i] !== 0x6f || pdf[i + 1] !== 0x62 || pdf[i + 2] !== 0x6a) return undefined; // "obj"
  const close = pdf.lastIndexOf(ENDOBJ, end - 1);
  if (close < i + 3) return undefined;
  return pdf.subarray(i + 3, close);
}

export const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

const ENDSTREAM = Buffer.from('endstream', 'latin1');
const ENDOBJ = Buffer.from('endobj', 'latin1');

/** Whether the body ends its stream ("endstream" last, then only whitespace). */
export function isStream(bytes: Uint8Array): boolean {
  let i = bytes.length;
  while (i > 0 && isWhite(bytes[i - 1]!)) i--;
  if (i < ENDSTREAM.length) return false;
  for (let k = 0; k < ENDSTREAM.length; k++) if (bytes[i - ENDSTREAM.length + k] !== ENDSTREAM[k]) return false;
  return true;
}


/** An object's body as text (latin1), for reading a small dictionary's entries. */
function text(raw: RawPdf, n: number): string | undefined {
  const bytes = raw.body(n);
  return bytes && latin1(bytes);
}

/** A file of Chromium's shape (one cross-reference table, no update, no encryption), read lazily. */
export class RawPdf {
  private constructor(
    readonly pdf: Buffer,
    readonly spans: ReadonlyMap<number, [number, number]>,
    readonly trailer: string,
  ) {}

  static open(pdf: Uint8Array): RawPdf | undefined {
    const found = objectSpans(pdf);
    return found && new RawPdf(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length), found.spans, found.trailer);
  }

  /** Object n's bytes between "n 0 obj" and "endobj"; undefined when it is not there as such. */
  body(n: number): Uint8Array | undefined {
    const span = this.spans.get(n);
    return span && body(this.pdf, span, n);
  }
}

const REF = /(\d+)\s+0\s+R\b/g;
const refsIn = (list: string) => [...list.matchAll(REF)].map((m) => Number(m[1]));

/**
 * Each page's content streams (object numbers), in page order; undefined when the page tree is
 * not of the plain shape this reads (inherited or odd entries are left to pdf-lib).
 */
export function pageContents(raw: RawPdf): number[][] | undefined {
  const root = /\/Root\s+(\d+)\s+0\s+R\b/.exec(raw.trailer)?.[1];
  const pagesRef = root && /\/Pages\s+(\d+)\s+0\s+R\b/.exec(text(raw, Number(root)) ?? '')?.[1];
  if (!pagesRef) return undefined;
  const pages: number[][] = [];
  const seen = new Set<number>();
  const walk = (n: number, depth: number): boolean => {
    const dict = text(raw, n);
    if (!dict || depth > 32 || seen.has(n) || !dict.trimStart().startsWith('<<')) return false;
    seen.add(n);
    if (/\/Type\s*\/Pages\b/.test(dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1];
      return kids !== undefined && refsIn(kids).every((kid) => walk(kid, depth + 1));
    }
    if (!/\/Type\s*\/Page(?![A-Za-z])/.test(dict)) return false;
    const direct = /\/Contents\s*(?:\[([^\]]*)\]|(\d+)\s+0\s+R\b)/.exec(dict);
    if (!direct) return false;
    let refs = direct[1] !== undefined ? refsIn(direct[1]) : [Number(direct[2])];
    // A reference to an array of streams.
    if (direct[2] !== undefined) {
      const target = text(raw, refs[0]!)?.trimStart();
      if (target?.startsWith('[')) refs = refsIn(target);
    }
    pages.push(refs);
    return refs.length > 0;
  };
  return walk(Number(pagesRef), 0) ? pages : undefined;
}

/**
 * A stream's data as stored, and whether it is Flate-compressed (else not encoded at all);
 * undefined for any other filter or decoding parameters, or a length that does not fit.
 */
export function streamData(raw: RawPdf, n: number): { data: Uint8Array; flate: boolean } | undefined {
  const bytes = raw.body(n);
  if (!bytes || !isStream(bytes)) return undefined;
  const head = /^\s*<<([\s\S]*?)>>\s*stream(\r\n|\n)/.exec(latin1(bytes, 0, Math.min(bytes.length, 512)));
  if (!head) return undefined;
  const dict = head[1]!;
  if (/\/DecodeParms|\/DP\b|\/F\b|<</.test(dict)) return undefined;
  const filter = /\/Filter\s*(\/[A-Za-z]+|\[)/.exec(dict)?.[1];
  if (filter !== undefined && filter !== '/FlateDecode') return undefined;
  const length = /\/Length\s+(\d+)(\s+0\s+R\b)?/.exec(dict);
  if (!length) return undefined;
  const size = length[2] ? Number(/^\s*(\d+)\s*$/.exec(text(raw, Number(length[1])) ?? '')?.[1] ?? NaN) : Number(length[1]);
  const start = head[0].length;
  if (!Number.isSafeInteger(size) || start + size > bytes.length) return undefined;
  // Only whitespace, then "endstream", after the data.
  if (!/^\s*endstream\s*$/.test(latin1(bytes, start + size))) return undefined;
  return { data: bytes.subarray(start, start + size), flate: filter !== undefined };
}

/** Structure elements put together in an object stream: what pdf-lib would write for them, made ahead of time. */
export interface ObjectPack {
  /** The object numbers, in the order they are in the stream. */
  objects: number[];
  /** Where the first object starts (after the table of numbers and offsets). */
  first: number;
  /** The stream's data, Flate-compressed. */
  data: Uint8Array;
}

/** A structure element's object as Chromium writes it: "N 0 obj", its dictionary's first key the type. */
const STRUCT_ELEM = /(\d+) 0 obj\s*(<<\s*\/Type\s*\/StructElem\b)/g;
/** Structure elements per object stream (pdf-lib puts 50 objects in each of its own). */
const PER_PACK = 200;

/**
 * Every structure element of the file (the bulk of a tagged print's objects; finishing never
 * edits them) in object streams. Found by one regular expression over the file, each checked
 * against the cross-reference table, so that ~1,000 objects cost no JavaScript loop of their
 * own. Whoever writes the file uses a pack only if all of its objects are still exactly these
 * bytes (object-streams.ts).
 */
export function packStructure(raw: RawPdf): Array<Omit<ObjectPack, 'data'> & { contents: Buffer }> {
  const text = latin1(raw.pdf);
  const packs: Array<Omit<ObjectPack, 'data'> & { contents: Buffer }> = [];
  let objects: number[] = [];
  let bodies: Uint8Array[] = [];
  const flush = () => {
    if (objects.length === 0) return;
    let offset = 0;
    const table = objects.map((n, i) => {
      const entry = `${n} ${offset}`;
      offset += bodies[i]!.length + 1;
      return entry;
    });
    const head = Buffer.from(`${table.join(' ')}\n`, 'latin1');
    packs.push({ objects, first: head.length, contents: Buffer.concat([head, ...bodies.flatMap((b) => [b, NEWLINE])]) });
    objects = [];
    bodies = [];
  };
  for (const m of text.matchAll(STRUCT_ELEM)) {
    const n = Number(m[1]);
    const span = raw.spans.get(n);
    // Only an object where the table says it starts (not text inside another object).
    if (!span || span[0] !== m.index) continue;
    const start = m.index + m[0].length - m[2]!.length;
    const end = raw.pdf.lastIndexOf(ENDOBJ, span[1] - 1);
    if (end <= start) continue;
    objects.push(n);
    bodies.push(raw.pdf.subarray(start, end));
    if (objects.length === PER_PACK) flush();
  }
  flush();
  return packs;
}

const NEWLINE = new Uint8Array([0x0a]);

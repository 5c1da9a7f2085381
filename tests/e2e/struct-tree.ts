/**
 * Reads a PDF's logical structure with pdf-lib: the structure tree (element types, alternative
 * text, marked-content ids per page, annotations), and the text of each marked-content
 * sequence decoded through the fonts' ToUnicode maps, so a test can read a page in tag order.
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

export interface StructElement {
  kind: 'element';
  type: string;
  alt?: string;
  lang?: string;
  /** 0-based page index of the element's own /Pg, when it has one. */
  page?: number;
  children: StructNode[];
}
export interface MarkedContent {
  kind: 'mcid';
  mcid: number;
  page: number;
}
export interface AnnotationRef {
  kind: 'annot';
  page?: number;
  subtype: string;
  structParent?: number;
  contents?: string;
  uri?: string;
}
export type StructNode = StructElement | MarkedContent | AnnotationRef;

export interface StructTree {
  doc: PDFDocument;
  root: StructElement;
  pageRefs: PDFRef[];
}

const text = (o: PDFObject | undefined): string | undefined => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);

export async function readStructTree(bytes: Uint8Array): Promise<StructTree> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageRefs = doc.getPages().map((p) => p.ref);
  const pageIndex = (o: PDFObject | undefined) => (o instanceof PDFRef ? pageRefs.findIndex((r) => r === o || r.toString() === o.toString()) : undefined);
  const treeRoot = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const visit = (o: PDFObject | undefined, inheritedPage?: number): StructNode[] => {
    const value = o instanceof PDFRef ? doc.context.lookup(o) : o;
    if (value instanceof PDFNumber) return [{ kind: 'mcid', mcid: value.asNumber(), page: inheritedPage ?? -1 }];
    if (value instanceof PDFArray) return value.asArray().flatMap((item) => visit(item, inheritedPage));
    if (!(value instanceof PDFDict)) return [];
    const type = value.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText();
    const page = pageIndex(value.get(PDFName.of('Pg'))) ?? inheritedPage;
    if (type === 'MCR') return [{ kind: 'mcid', mcid: value.lookup(PDFName.of('MCID'), PDFNumber).asNumber(), page: page ?? -1 }];
    if (type === 'OBJR') {
      const annot = value.lookup(PDFName.of('Obj'), PDFDict);
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      return [
        {
          kind: 'annot',
          page,
          subtype: annot.lookup(PDFName.of('Subtype'), PDFName).decodeText(),
          structParent: annot.lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber(),
          contents: text(annot.lookup(PDFName.of('Contents'))),
          uri: text(action?.lookup(PDFName.of('URI'))),
        },
      ];
    }
    const s = value.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText() ?? 'StructTreeRoot';
    return [
      {
        kind: 'element',
        type: s,
        alt: text(value.lookup(PDFName.of('Alt'))),
        lang: text(value.lookup(PDFName.of('Lang'))),
        page: pageIndex(value.get(PDFName.of('Pg'))),
        children: visit(value.get(PDFName.of('K')), page),
      },
    ];
  };
  const root: StructElement = treeRoot ? (visit(treeRoot)[0] as StructElement) : { kind: 'element', type: 'none', children: [] };
  return { doc, root, pageRefs };
}

export function* elements(node: StructNode): Generator<StructElement> {
  if (node.kind !== 'element') return;
  yield node;
  for (const child of node.children) yield* elements(child);
}

export function* leaves(node: StructNode): Generator<MarkedContent | AnnotationRef> {
  if (node.kind !== 'element') {
    yield node;
    return;
  }
  for (const child of node.children) yield* leaves(child);
}

/** The first page an element's content is on. */
export function firstPage(node: StructElement): number | undefined {
  for (const leaf of leaves(node)) if (leaf.kind === 'mcid') return leaf.page;
  return undefined;
}

/** Text of an element, marked-content sequence by sequence, in tag order. */
export function elementText(node: StructNode, contents: PageContents): string {
  let out = '';
  for (const leaf of leaves(node)) if (leaf.kind === 'mcid') out += contents(leaf.page).get(leaf.mcid) ?? '';
  return out;
}

export type PageContents = (page: number) => Map<number, string>;

/** MCID → text of each page, decoded lazily and cached. */
export function pageContents(doc: PDFDocument): PageContents {
  const cache = new Map<number, Map<number, string>>();
  return (index) => {
    let found = cache.get(index);
    if (!found) cache.set(index, (found = markedText(doc, index)));
    return found;
  };
}

function streamBytes(doc: PDFDocument, o: PDFObject | undefined): Uint8Array[] {
  const value = o instanceof PDFRef ? doc.context.lookup(o) : o;
  if (value instanceof PDFArray) return value.asArray().flatMap((item) => streamBytes(doc, item));
  if (value instanceof PDFRawStream) return [decodePDFRawStream(value).decode()];
  return [];
}

/** A font's ToUnicode map: code (hex string of the bytes) → text. Two-byte codes (Identity-H). */
function toUnicode(doc: PDFDocument, font: PDFDict): Map<string, string> {
  const map = new Map<string, string>();
  const cmap = Buffer.concat(streamBytes(doc, font.get(PDFName.of('ToUnicode')))).toString('latin1');
  const hexText = (hex: string) => {
    let s = '';
    for (let i = 0; i < hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return s;
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(m[1]!.toLowerCase(), hexText(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const width = m[1]!.length;
      const targets = m[3]!.startsWith('[') ? [...m[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((t) => t[1]!) : undefined;
      for (let c = lo; c <= hi; c++) {
        const key = c.toString(16).padStart(width, '0');
        if (targets) map.set(key, hexText(targets[c - lo] ?? ''));
        else {
          const base = m[3]!.slice(1, -1);
          const last = parseInt(base.slice(-4), 16) + (c - lo);
          map.set(key, hexText(base.slice(0, -4) + last.toString(16).padStart(4, '0')));
        }
      }
    }
  }
  return map;
}

/** Tokens of a content stream: enough of the syntax for text and marked content. */
function* tokens(src: string): Generator<{ op?: string; str?: string; hex?: string; name?: string; num?: number; open?: string; close?: string }> {
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '%') while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
    else if (c === '(') {
      let depth = 1;
      let s = '';
      i++;
      while (i < src.length && depth > 0) {
        const d = src[i]!;
        if (d === '\\') {
          const e = src[i + 1]!;
          const oct = /^[0-7]{1,3}/.exec(src.slice(i + 1, i + 4));
          if (oct) {
            s += String.fromCharCode(parseInt(oct[0], 8));
            i += 1 + oct[0].length;
            continue;
          }
          s += ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
          i += 2;
          continue;
        }
        if (d === '(') depth++;
        if (d === ')') depth--;
        if (depth > 0) s += d;
        i++;
      }
      yield { str: s };
    } else if (c === '<' && src[i + 1] === '<') {
      yield { open: '<<' };
      i += 2;
    } else if (c === '>' && src[i + 1] === '>') {
      yield { close: '>>' };
      i += 2;
    } else if (c === '<') {
      const end = src.indexOf('>', i);
      yield { hex: src.slice(i + 1, end).replace(/\s/g, '').toLowerCase() };
      i = end + 1;
    } else if (c === '[' || c === ']') {
      yield c === '[' ? { open: '[' } : { close: ']' };
      i++;
    } else if (c === '/') {
      const m = /^\/[^\s/<>[\]()%{}]*/.exec(src.slice(i, i + 200))!;
      yield { name: m[0].slice(1) };
      i += m[0].length;
    } else {
      const m = /^[^\s/<>[\]()%{}]+/.exec(src.slice(i, i + 200));
      if (!m) {
        i++;
        continue;
      }
      const n = Number(m[0]);
      yield Number.isNaN(n) ? { op: m[0] } : { num: n };
      i += m[0].length;
    }
  }
}

/** The text inside each MCID-marked sequence of one page (nested Form XObjects are not followed). */
export function markedText(doc: PDFDocument, index: number): Map<number, string> {
  const page = doc.getPages()[index]!;
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
  const maps = new Map<string, Map<string, string>>();
  const fontMap = (name: string) => {
    let m = maps.get(name);
    if (!m) {
      const font = fonts?.lookupMaybe(PDFName.of(name), PDFDict);
      maps.set(name, (m = font ? toUnicode(doc, font) : new Map()));
    }
    return m;
  };
  const src = Buffer.concat(streamBytes(doc, page.node.get(PDFName.of('Contents')))).toString('latin1');
  const out = new Map<number, string>();
  const stack: Array<number | undefined> = [];
  let operands: Array<ReturnType<typeof tokens> extends Generator<infer T> ? T : never> = [];
  let font = new Map<string, string>();
  const decode = (hex: string) => {
    let s = '';
    for (let i = 0; i < hex.length; i += 4) s += font.get(hex.slice(i, i + 4)) ?? '';
    return s;
  };
  const emit = (s: string) => {
    const mcid = [...stack].reverse().find((x) => x !== undefined);
    if (mcid !== undefined) out.set(mcid, (out.get(mcid) ?? '') + s);
  };
  for (const t of tokens(src)) {
    if (t.op === undefined) {
      operands.push(t);
      continue;
    }
    switch (t.op) {
      case 'BDC': {
        const i = operands.findIndex((o) => o.name === 'MCID');
        stack.push(i >= 0 ? operands[i + 1]?.num : undefined);
        break;
      }
      case 'BMC':
        stack.push(undefined);
        break;
      case 'EMC':
        stack.pop();
        break;
      case 'Tf':
        font = fontMap(operands.find((o) => o.name !== undefined)?.name ?? '');
        break;
      case 'Tj':
      case 'TJ':
      case "'":
      case '"':
        for (const o of operands) {
          if (o.hex !== undefined) emit(decode(o.hex));
          else if (o.str !== undefined) emit(decode(Buffer.from(o.str, 'latin1').toString('hex')));
          else if (o.num !== undefined && o.num < -200) emit(' ');
        }
        break;
    }
    operands = [];
  }
  return out;
}

const PAINT = new Set(['Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'Do', 'sh', 'BI']);

/** Painting operators of a page that sit in no marked-content sequence (neither tagged nor an artifact). */
export function untaggedDrawing(doc: PDFDocument, index: number): number {
  const page = doc.getPages()[index]!;
  const src = Buffer.concat(streamBytes(doc, page.node.get(PDFName.of('Contents')))).toString('latin1');
  let depth = 0;
  let count = 0;
  for (const t of tokens(src)) {
    if (t.op === 'BDC' || t.op === 'BMC') depth++;
    else if (t.op === 'EMC') depth--;
    else if (t.op && depth === 0 && PAINT.has(t.op)) count++;
  }
  return count;
}

/** A page's text in structure-tree order: what a screen reader reads, in the order it reads it. */
export function pageTextInTagOrder(tree: StructTree, contents: PageContents, page: number): string {
  let out = '';
  for (const leaf of leaves(tree.root)) if (leaf.kind === 'mcid' && leaf.page === page) out += contents(page).get(leaf.mcid) ?? '';
  return out;
}

/**
 * An SVG parsed as XML (saxes), with DOCTYPEs, and so entities, refused: its root must be an <svg>
 * in the SVG namespace, or browsers show nothing. The size comes from the same parse, not from
 * image-size, whose SVG reader is a regular expression: it takes an <svg …> inside a comment for
 * the root, misses a root after 1,000 bytes of prolog and reads width="0" as no width.
 *
 * The same parse bounds the work the picture asks of the browser, which draws every element a
 * `<use>` repeats as an element of its own: 1.6 KB of nested `<use>` make ten million shapes and
 * gigabytes of memory. So the file's elements, their nesting and the elements drawn once every
 * reference is followed (SVG_LIMITS) are counted here, at check time, and references to
 * anything outside the file are refused (image-svg-refs.ts).
 */
import { SaxesParser } from 'saxes';
import { language, t } from '../core/i18n.js';
import { attributeReferences, cssReferences, processingInstructionProblem, vertexCount, type Reference } from './image-svg-refs.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * What an SVG may ask of the browser. A detailed map or chart exported from a drawing program
 * has a few thousand elements, nested some ten deep; these leave room for far more and refuse
 * what takes Chromium hundreds of megabytes or more (it held ten million <use> copies in 6 GB).
 */
export const SVG_LIMITS = {
  /** Elements in the file. */
  elements: 100_000,
  /** Elements inside one another. */
  depth: 128,
  /** Elements drawn once each <use>, marker, pattern, mask, clip path and filter reference is followed. */
  drawn: 250_000,
} as const;

export interface SvgVerdict {
  width: number;
  height: number;
  damaged?: string;
  refused?: string;
  /** The root of XML that is not SVG. */
  root?: string;
  /** data: URIs the picture carries, with their line: image-check.ts checks the pictures among them. */
  embedded?: Array<{ uri: string; line: number }>;
}

interface Element {
  children: number[];
  refs: Array<{ id: string; marker: boolean }>;
  /** Vertices of its shape, where a marker is drawn. */
  vertices: number;
}

const count = (n: number) => n.toLocaleString(language() === 'vi' ? 'vi-VN' : 'en-US');

/** The size, or why the file cannot be used. */
export function checkSvg(text: string): SvgVerdict {
  if (/<!DOCTYPE/i.test(text)) return { width: 0, height: 0, refused: t('issue.image.svg.doctype') };
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: { name: string; uri: string; attributes: Record<string, string> } | undefined;
  let error: string | undefined;
  let refused: string | undefined;
  const elements: Element[] = [];
  const ids = new Map<string, number>();
  const open: number[] = [];
  const embedded: NonNullable<SvgVerdict['embedded']> = [];
  const sheetRefs: Array<{ id: string; marker: boolean }> = [];
  let totalVertices = 0;
  let tagLine = 1;
  let sheet: string | undefined;
  const refuse = (why: string) => (refused ??= why);
  const take = (found: { refs: Reference[]; refused?: string }, line: number, into: Array<{ id: string; marker: boolean }>, where: string) => {
    if (found.refused) refuse(t('issue.image.svg.refers', { what: found.refused, line, where }));
    for (const ref of found.refs) {
      if ('id' in ref) into.push(ref);
      else embedded.push({ uri: ref.data, line });
    }
  };
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });
  parser.on('processinginstruction', ({ target, body }) => {
    const problem = processingInstructionProblem(target, body);
    if (problem) take({ refs: [], refused: problem }, parser.line, [], '');
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) attributes[attr.local] = attr.value;
    root ??= { name: tag.local, uri: tag.uri, attributes };
    if (open.length >= SVG_LIMITS.depth) refuse(t('issue.image.svg.too-deep', { max: SVG_LIMITS.depth, line: tagLine }));
    if (elements.length >= SVG_LIMITS.elements) refuse(t('issue.image.svg.too-many', { max: count(SVG_LIMITS.elements) }));
    if (refused) return;
    const index = elements.length;
    const element: Element = { children: [], refs: [], vertices: 0 };
    for (const attr of Object.values(tag.attributes)) take(attributeReferences(tag.local, attr.local, attr.value), tagLine, element.refs, `, <${tag.local} ${attr.name}=…>`);
    if (element.refs.some((r) => r.marker)) element.vertices = vertexCount(attributes);
    totalVertices += vertexCount(attributes);
    if (attributes.id !== undefined && !ids.has(attributes.id)) ids.set(attributes.id, index);
    elements.push(element);
    elements[open.at(-1) ?? -1]?.children.push(index);
    open.push(index);
    if (tag.local === 'style') sheet = '';
  });
  const addText = (t: string) => {
    if (sheet !== undefined) sheet += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    if (tag.local === 'style' && sheet !== undefined) {
      take(cssReferences(sheet), parser.line, sheetRefs, ', <style>');
      sheet = undefined;
    }
    if (!refused) open.pop();
  });
  // In pieces, so that a file refused early is not read to its end.
  const PIECE = 64 * 1024;
  for (let at = 0; at < text.length && !refused && !error; at += PIECE) parser.write(text.slice(at, at + PIECE));
  if (!refused && !error) parser.close();
  if (error) return { width: 0, height: 0, damaged: t('issue.image.svg.not-xml', { detail: error.replace(/^undefined:(\d+)/, (_all, line: string) => t('issue.image.svg.xml-line', { line })) }) };
  if (!root || root.name !== 'svg') return { width: 0, height: 0, root: root?.name ?? '' };
  if (root.uri !== SVG_NS) return { width: 0, height: 0, refused: t('issue.image.svg.no-xmlns', { ns: SVG_NS }) };
  if (refused) return { width: 0, height: 0, refused };
  const drawn = drawnElements(elements, ids, sheetRefs, totalVertices);
  if (drawn > SVG_LIMITS.drawn) {
    return {
      width: 0,
      height: 0,
      refused: t('issue.image.svg.too-drawn', { drawn: drawn >= 1e9 ? t('issue.image.svg.billions') : count(drawn), max: count(SVG_LIMITS.drawn) }),
    };
  }
  return { ...size(root.attributes), embedded };
}

function size(attributes: Record<string, string>): { width: number; height: number } {
  const box = (attributes.viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  const length = (value: string | undefined, fallback: number | undefined) => {
    if (value === undefined || /%$/.test(value.trim())) return fallback;
    const n = Number.parseFloat(value);
    return Number.isFinite(n) ? n : fallback;
  };
  const viewBox = box.length === 4 && box.every(Number.isFinite) ? { width: box[2]!, height: box[3]! } : undefined;
  const width = length(attributes.width, viewBox?.width) ?? 300;
  const height = length(attributes.height, viewBox?.height) ?? 150;
  return { width: Math.round(width), height: Math.round(height) };
}

/**
 * Elements drawn from the root: each element, its children, and for every reference the
 * referenced element's own count again (a marker once per vertex). References from a <style>
 * sheet count once (a marker's once per vertex of the file), since which elements a selector
 * matches is not worked out here. A reference to an element that contains it draws nothing
 * (browsers refuse the cycle). Counted without recursion: the chain of references may be long.
 */
export function drawnElements(elements: readonly Element[], ids: ReadonlyMap<string, number>, sheetRefs: ReadonlyArray<{ id: string; marker: boolean }>, totalVertices: number): number {
  if (elements.length === 0) return 0;
  const CAP = 1e15;
  const edges = elements.map((element, i) => {
    const list: Array<[number, number]> = element.children.map((c) => [c, 1]);
    const refs = i === 0 ? [...element.refs, ...sheetRefs.map((r) => ({ ...r, sheet: true }))] : element.refs;
    for (const ref of refs) {
      const to = ids.get(ref.id);
      const times = ref.marker ? ('sheet' in ref ? totalVertices : element.vertices) : 1;
      if (to !== undefined) list.push([to, Math.max(1, times)]);
    }
    return list;
  });
  const size = new Float64Array(elements.length);
  // 0: not seen, 1: on the path being followed, 2: counted.
  const state = new Uint8Array(elements.length);
  const next = new Uint32Array(elements.length);
  const stack = [0];
  state[0] = 1;
  while (stack.length > 0) {
    const at = stack[stack.length - 1]!;
    const out = edges[at]!;
    const step = next[at]!;
    if (step < out.length) {
      next[at] = step + 1;
      const [to] = out[step]!;
      if (state[to] === 0) {
        state[to] = 1;
        stack.push(to);
      }
      continue;
    }
    let total = 1;
    for (const [to, times] of out) if (state[to] === 2) total = Math.min(CAP, total + times * size[to]!);
    size[at] = total;
    state[at] = 2;
    stack.pop();
  }
  return size[0]!;
}

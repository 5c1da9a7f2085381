/**
 * Attribute lines: what an editor writes right under a heading, the way the bulletins print
 * it, with no quoting rules — `Chi tiết: [Bộ KH-CN](https://…)`, `Chi tiết: Bộ KH-CN https://…`,
 * `Nguồn: SGGP`, `Tác giả: Linh` or `bởi Linh`, `Id: …`, `Ảnh: ![alt](x.jpg "caption")`,
 * `Nguồn ảnh: …`, `Podcast: https://…`, `Nháp: có` (an item `bantin add` drafted); under a part: `Loại: tổng kết`, `Id: …`, `Tít: …`.
 * Labels are read without regard to case or diacritics ("Chi tiet:" too), in Vietnamese or English.
 */
import type { Node } from 'yaml';
import { foldText } from '../lint/words.js';
import type { Line } from './lines.js';
import { mapAt, scalarAt, setField } from './nodes.js';

export type AttributeName = 'id' | 'source' | 'author' | 'image' | 'credit' | 'podcast' | 'draft' | 'kind' | 'heading';

const LABELS: Record<string, AttributeName> = {
  id: 'id',
  'chi tiet': 'source',
  nguon: 'source',
  source: 'source',
  'tac gia': 'author',
  author: 'author',
  anh: 'image',
  image: 'image',
  'nguon anh': 'credit',
  credit: 'credit',
  podcast: 'podcast',
  nhap: 'draft',
  draft: 'draft',
  loai: 'kind',
  kind: 'kind',
  tit: 'heading',
  heading: 'heading',
};

export const ITEM_ATTRIBUTES: ReadonlySet<AttributeName> = new Set(['id', 'source', 'author', 'image', 'credit', 'podcast', 'draft']);
export const PART_ATTRIBUTES: ReadonlySet<AttributeName> = new Set(['id', 'kind', 'heading']);

/** The words a part's kind is written with, folded (see fold). */
const KINDS: Record<string, string> = {
  'tong ket': 'summary',
  summary: 'summary',
  tin: 'news',
  'tin tuc': 'news',
  news: 'news',
  'tieu diem': 'spotlight',
  spotlight: 'spotlight',
  'tin ngan': 'digest',
  digest: 'digest',
};

/** The words of `Nháp:`, folded. */
const DRAFT_WORDS: Record<string, boolean> = { co: true, yes: true, true: true, khong: false, no: false, false: false };

/** How a kind is written in the file. */
export const KIND_WORDS: Record<string, string> = { summary: 'tổng kết', news: 'tin', spotlight: 'tiêu điểm', digest: 'tin ngắn' };

/** Lower case, without diacritics, single spaces: "Chi Tiết" and "chi tiet" are one label. */
export const fold = (text: string) => foldText(text).replace(/\s+/g, ' ').trim();

export interface Attribute {
  name: AttributeName;
  /** Where the label is written (the field's key points there). */
  label: [number, number];
  /** The label as written, for messages. */
  written: string;
  value: Node;
  /** A part kind not among the known words (reported by the reader of parts). */
  unknownKind?: string;
}

interface Piece {
  text: string;
  start: number;
  end: number;
}

/** `text` from `start` in the file, trimmed, with its range. */
function piece(text: string, start: number): Piece {
  const lead = text.length - text.trimStart().length;
  const value = text.trim();
  return { text: value, start: start + lead, end: start + lead + value.length };
}

const scalar = (p: Piece) => scalarAt(p.text, p.start, p.end);

/** The attribute a line writes, if it is one of `allowed`. */
export function readAttribute(line: Line, allowed: ReadonlySet<AttributeName>): Attribute | undefined {
  // The seeds' own form: "[Chi tiết: Bộ KH-CN](https://…)".
  const linked = /^([ \t]*\[)([^\]:]{1,24}):([^\]]*)\]\((.*)\)[ \t]*$/.exec(line.text);
  if (linked && LABELS[fold(linked[2]!)] === 'source' && allowed.has('source')) {
    const labelAt = line.start + linked[1]!.length;
    const name = piece(linked[3]!, labelAt + linked[2]!.length + 1);
    const url = piece(linked[4]!.replace(/^<(.*)>$/, ' $1 '), labelAt + linked[2]!.length + 1 + linked[3]!.length + 2);
    return { name: 'source', label: [labelAt, labelAt + linked[2]!.trimEnd().length], written: linked[2]!.trim(), value: sourceMap(name, url) };
  }
  const by = /^([ \t]*)(bởi|by)[ \t]+(.+)$/i.exec(line.text);
  // "bởi Linh" is a name; "Bởi vậy, …" starts a sentence: a name is short and has no punctuation.
  if (by && allowed.has('author') && by[3]!.trim().split(/\s+/).length <= 6 && !/[,.;:!?"“”()]/.test(by[3]!)) {
    const at = line.start + by[1]!.length;
    return { name: 'author', label: [at, at + by[2]!.length], written: by[2]!, value: scalar(piece(by[3]!, at + by[2]!.length)) };
  }
  const match = /^([ \t]*)([^:[\]<>`*#!]{1,24}?)[ \t]*:(.*)$/.exec(line.text);
  const name = match ? LABELS[fold(match[2]!)] : undefined;
  if (!match || !name || !allowed.has(name)) return undefined;
  const labelAt = line.start + match[1]!.length;
  const label: [number, number] = [labelAt, labelAt + match[2]!.length];
  const value = piece(match[3]!, line.start + line.text.length - match[3]!.length);
  const attribute = { name, label, written: match[2]!.trim() };
  switch (name) {
    case 'source':
      return { ...attribute, value: readSource(value) };
    case 'image':
      return { ...attribute, value: readImage(value) };
    case 'podcast':
      return { ...attribute, value: readPodcast(value) };
    case 'draft': {
      // "có" / "không" (yes / no); anything else stays text, for the schema to say what it expects.
      const flag = DRAFT_WORDS[fold(value.text)];
      return { ...attribute, value: scalarAt(flag ?? value.text, value.start, value.end) };
    }
    case 'kind': {
      const kind = KINDS[fold(value.text)];
      return { ...attribute, value: scalarAt(kind ?? value.text, value.start, value.end), unknownKind: kind ? undefined : value.text };
    }
    default:
      return { ...attribute, value: scalar(value) };
  }
}

function sourceMap(name: Piece, url?: Piece): Node {
  const map = mapAt(name.start, url?.end ?? name.end);
  if (name.text) setField(map, 'name', scalar(name));
  if (url) setField(map, 'url', scalar(url));
  return map;
}

/** "[name](url)" → its two pieces. */
function link(value: Piece): { text: Piece; url: Piece } | undefined {
  const split = value.text.lastIndexOf('](');
  if (!value.text.startsWith('[') || !value.text.endsWith(')') || split < 1) return undefined;
  const inner = value.text.slice(split + 2, -1);
  const angled = /^(\s*)<(.*)>\s*$/.exec(inner);
  const urlAt = value.start + split + 2;
  return {
    text: piece(value.text.slice(1, split), value.start + 1),
    url: angled ? piece(angled[2]!, urlAt + angled[1]!.length + 1) : piece(inner, urlAt),
  };
}

/** The last word is the address when it looks like one (a wrong one too: the schema then says what is wrong). */
const LOOKS_LIKE_URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|https?:|https?\/\/)/i;

function readSource(value: Piece): Node {
  const linked = link(value);
  if (linked) return sourceMap(linked.text, linked.url);
  const last = /(\S+)$/.exec(value.text);
  if (last && LOOKS_LIKE_URL.test(last[1]!)) {
    const name = value.text.slice(0, last.index).replace(/[\s\-–—|,:]+$/, '');
    return sourceMap(piece(name, value.start), piece(last[1]!, value.start + last.index));
  }
  return sourceMap(value);
}

function readPodcast(value: Piece): Node {
  const linked = link(value);
  const map = mapAt(value.start, value.end);
  setField(map, 'url', scalar(linked?.url ?? value));
  if (linked?.text.text) setField(map, 'label', scalar(linked.text));
  return map;
}

/** `![alt](src "caption")`, or a bare path. */
function readImage(value: Piece): Node {
  const map = mapAt(value.start, value.end);
  const markdown = /^!\[(.*)\]\((.*)\)$/.exec(value.text);
  if (!markdown) {
    setField(map, 'src', scalar(value));
    return map;
  }
  const altAt = value.start + 2;
  const insideAt = altAt + markdown[1]!.length + 2;
  const inside = /^(\s*)(<[^<>]*>|\S+)(?:(\s+)("([^"]*)"|'([^']*)'|\(([^()]*)\)))?\s*$/.exec(markdown[2]!);
  if (!inside) {
    setField(map, 'src', scalar(piece(markdown[2]!, insideAt)));
    return map;
  }
  const srcAt = insideAt + inside[1]!.length;
  const src = inside[2]!.startsWith('<') ? piece(inside[2]!.slice(1, -1), srcAt + 1) : piece(inside[2]!, srcAt);
  setField(map, 'src', scalar(src));
  const caption = inside[5] ?? inside[6] ?? inside[7];
  if (caption !== undefined && caption.trim()) setField(map, 'caption', scalar(piece(caption, srcAt + inside[2]!.length + inside[3]!.length + 1)));
  if (markdown[1]!.trim()) setField(map, 'alt', scalar(piece(markdown[1]!, altAt)));
  return map;
}

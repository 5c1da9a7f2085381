/**
 * Is an image file what it claims to be, and can it be printed? Its bytes decide its type (not
 * its name); image-size reads a raster image's size, saxes an SVG's (image-svg.ts). What no
 * package tells is whether a PNG or JPEG is whole: image-png.ts and image-jpeg.ts walk their
 * structure to the end, so a cut-short, empty or enormous image is an error at check time with
 * the field's line. A file that is whole but cannot be decoded fails the build at the same line,
 * when Chromium cannot show it.
 */
import path from 'node:path';
import { imageSize } from 'image-size';
import { t } from '../core/i18n.js';
import { checkJpeg } from './image-jpeg.js';
import { checkPng } from './image-png.js';
import { checkSvg } from './image-svg.js';

/**
 * Larger images are refused: Chromium holds every pixel in memory (4 bytes each; a 20000 × 20000
 * PNG took 3.2 GB), and a full A4 page at 300 dpi needs 2480 × 3508, under 9 megapixels.
 */
export const MAX_IMAGE_MEGAPIXELS = 40;

export type ImageType = 'png' | 'jpg' | 'webp' | 'gif' | 'svg';

export interface ImageInfo {
  type: ImageType;
  width: number;
  height: number;
}

const EXTENSIONS: Record<string, ImageType> = { '.png': 'png', '.jpg': 'jpg', '.jpeg': 'jpg', '.jpe': 'jpg', '.webp': 'webp', '.gif': 'gif', '.svg': 'svg' };
/** "a PNG image", "an SVG image". */
const kind = (type: ImageType) => t(`issue.image.kind.${type}`);

/** Pictures inside pictures (a data: image in an SVG, itself in an SVG): at most this deep. */
const MAX_NESTING = 2;

/**
 * The image's type and size, or the problem that keeps it from printing (a message naming `src`).
 * `nesting` > 0: a picture an SVG carries as a data: URI, whose type its bytes alone decide.
 */
export function inspectImage(src: string, bytes: Buffer, nesting = 0): { info: ImageInfo } | { problem: string } {
  const named = nesting > 0 ? undefined : EXTENSIONS[path.extname(src).toLowerCase()];
  const found = sniff(bytes);
  const notImage = (what: string) => ({ problem: t('issue.image.is-not', { src, kind: named ? kind(named) : t('issue.image.an-image'), what }) });
  if (typeof found !== 'string') return notImage(found.other);
  const type = found;
  // Browsers take an SVG only when told it is one: bantin tells them by its name.
  if (!named && type === 'svg' && nesting === 0) return { problem: t('issue.image.svg-unnamed', { src }) };
  if (named && named !== type) {
    return { problem: t('issue.image.misnamed', { src, kind: kind(named), what: type === 'svg' ? t('issue.image.svg-text') : kind(type), ext: type }) };
  }
  let verdict: { width?: number; height?: number; damaged?: string; cut?: string; refused?: string; root?: string };
  try {
    verdict = type === 'png' ? checkPng(bytes) : type === 'jpg' ? checkJpeg(bytes, sizeOk) : type === 'svg' ? checkSvgWithin(src, bytes, nesting) : {};
    if (type !== 'svg' && !verdict.damaged && !verdict.refused) {
      const { width, height } = imageSize(bytes);
      verdict = { ...verdict, width, height };
    }
  } catch (error) {
    // A field shorter than its format says throws a RangeError; image-size throws a TypeError.
    verdict = { damaged: t(error instanceof RangeError ? 'issue.image.short-field' : 'issue.image.no-size') };
  }
  if (verdict.root !== undefined) return notImage(verdict.root ? t('issue.image.xml-root', { root: verdict.root }) : t('issue.image.no-element'));
  if (verdict.refused) return { problem: t('issue.image.refused', { src, reason: verdict.refused }) };
  if (verdict.damaged) return { problem: t('issue.image.undecodable', { src, reason: verdict.damaged }) };
  const { width = 0, height = 0 } = verdict;
  if (width === 0 || height === 0) return { problem: t('issue.image.zero-size', { src, width, height }) };
  if (!sizeOk(width, height)) {
    const mp = Math.round((width * height) / 1e6);
    return { problem: t('issue.image.too-large', { src, width, height, mp, max: MAX_IMAGE_MEGAPIXELS }) };
  }
  if (verdict.cut) return { problem: t('issue.image.cut-short', { src, reason: verdict.cut }) };
  return { info: { type, width, height } };
}

/** An SVG and the pictures it carries (data: URIs), each checked as a file of its own would be. */
function checkSvgWithin(src: string, bytes: Buffer, nesting: number): ReturnType<typeof checkSvg> {
  const verdict = checkSvg(bytes.toString('utf8'));
  for (const { uri, line } of verdict.embedded ?? []) {
    const data = decodeDataUri(uri);
    // Fonts and other data are the browser's to read; only pictures are decoded into pixels.
    if (!data || !/^image\//i.test(data.type)) continue;
    if (nesting >= MAX_NESTING) return { ...verdict, refused: t('issue.image.nested-deep', { max: MAX_NESTING, line }) };
    const inner = inspectImage(t('issue.image.data-picture', { src, line }), data.bytes, nesting + 1);
    if ('problem' in inner) return { ...verdict, refused: t('issue.image.carries-unusable', { problem: inner.problem }) };
  }
  return verdict;
}

/** A data: URI's media type and bytes (base64 or percent-encoded). */
export function decodeDataUri(uri: string): { type: string; bytes: Buffer } | undefined {
  const match = /^data:([^,]*),(.*)$/is.exec(uri.trim());
  if (!match) return undefined;
  const meta = match[1]!.split(';').map((p) => p.trim());
  const body = match[2]!;
  if (meta.some((p) => p.toLowerCase() === 'base64')) return { type: meta[0] || 'text/plain', bytes: Buffer.from(body.replace(/\s+/g, ''), 'base64') };
  return { type: meta[0] || 'text/plain', bytes: percentDecoded(Buffer.from(body, 'utf8')) };
}

function percentDecoded(raw: Buffer): Buffer {
  const out = Buffer.alloc(raw.length);
  let length = 0;
  for (let i = 0; i < raw.length; i++) {
    const hex = raw[i] === 0x25 ? raw.toString('latin1', i + 1, i + 3) : '';
    if (/^[0-9a-f]{2}$/i.test(hex)) {
      out[length++] = Number.parseInt(hex, 16);
      i += 2;
    } else out[length++] = raw[i]!;
  }
  return out.subarray(0, length);
}

function sizeOk(width: number, height: number): boolean {
  return width * height <= MAX_IMAGE_MEGAPIXELS * 1e6;
}

/** The type the bytes say, or what they are instead ("SVG text" counts as an image). */
function sniff(bytes: Buffer): ImageType | { other: string } {
  const ascii = (from: number, to: number) => bytes.toString('latin1', from, to);
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.readUInt32BE(4) === 0x0d0a1a0a) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (/^GIF8[79]a$/.test(ascii(0, 6))) return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP' && bytes.length >= 16) return 'webp';
  if (bytes.length === 0) return { other: t('issue.image.other.empty') };
  if (ascii(0, 5) === '%PDF-') return { other: t('issue.image.other.pdf') };
  if (ascii(0, 4) === 'PK\u0003\u0004') return { other: t('issue.image.other.zip') };
  if (ascii(4, 8) === 'ftyp') return { other: /^(heic|heix|mif1|msf1|hevc)/.test(ascii(8, 12)) ? t('issue.image.other.heic') : /^avi[fs]/.test(ascii(8, 12)) ? t('issue.image.other.avif') : t('issue.image.other.video') };
  if (ascii(0, 2) === 'BM') return { other: t('issue.image.other.bmp') };
  if (ascii(0, 4) === 'II*\u0000' || ascii(0, 4) === 'MM\u0000*') return { other: t('issue.image.other.tiff') };
  // The sample may end inside a character: a � there is the cut, not a binary byte.
  const head = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').replace(/\uFFFD{1,3}$/, '');
  if (head.includes('\uFFFD') || /[\u0000-\u0008\u000E-\u001F]/.test(head)) return { other: t('issue.image.other.binary') };
  const start = head.replace(/^(?:\s+|<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->)*/, '');
  if (/^<!DOCTYPE\s+html|^<(html|head|body)[\s>]/i.test(start)) return { other: t('issue.image.other.html') };
  if (/^<!DOCTYPE\s+svg|^<(\w+:)?svg[\s>/]/i.test(start)) return 'svg';
  if (start.startsWith('<')) return { other: t('issue.image.other.markup') };
  return { other: t('issue.image.other.text') };
}

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

const NAMES: Record<ImageType, string> = { png: 'PNG', jpg: 'JPEG', webp: 'WebP', gif: 'GIF', svg: 'SVG' };
const EXTENSIONS: Record<string, ImageType> = { '.png': 'png', '.jpg': 'jpg', '.jpeg': 'jpg', '.jpe': 'jpg', '.webp': 'webp', '.gif': 'gif', '.svg': 'svg' };
const USE = 'use a PNG, JPEG, WebP, GIF or SVG file';
/** "a PNG image", "an SVG image". */
const kind = (type: ImageType) => `${type === 'svg' ? 'an' : 'a'} ${NAMES[type]} image`;

/** The image's type and size, or the problem that keeps it from printing (a message naming `src`). */
export function inspectImage(src: string, bytes: Buffer): { info: ImageInfo } | { problem: string } {
  const named = EXTENSIONS[path.extname(src).toLowerCase()];
  const found = sniff(bytes);
  const notImage = (what: string) => ({ problem: `"${src}" is not ${named ? kind(named) : 'an image'} (it is ${what}): ${USE}` });
  if (typeof found !== 'string') return notImage(found.other);
  const type = found;
  // Browsers take an SVG only when told it is one: bantin tells them by its name.
  if (!named && type === 'svg') return { problem: `"${src}" is SVG text without the .svg extension: rename it to .svg` };
  if (named && named !== type) {
    return { problem: `"${src}" is not ${kind(named)} (it is ${type === 'svg' ? 'SVG text' : kind(type)}): rename it to .${type}` };
  }
  let verdict: { width?: number; height?: number; damaged?: string; cut?: string; refused?: string; root?: string };
  try {
    verdict = type === 'png' ? checkPng(bytes) : type === 'jpg' ? checkJpeg(bytes, sizeOk) : type === 'svg' ? checkSvg(bytes.toString('utf8')) : {};
    if (type !== 'svg' && !verdict.damaged && !verdict.refused) {
      const { width, height } = imageSize(bytes);
      verdict = { ...verdict, width, height };
    }
  } catch (error) {
    // A field shorter than its format says throws a RangeError; image-size throws a TypeError.
    verdict = { damaged: error instanceof RangeError ? 'a part of it is shorter than its format requires' : 'its header does not say its size' };
  }
  if (verdict.root !== undefined) return notImage(verdict.root ? `XML text whose root is <${verdict.root}>, not <svg>` : 'text with no XML element');
  if (verdict.refused) return { problem: `"${src}" ${verdict.refused}` };
  if (verdict.damaged) return { problem: `"${src}" cannot be decoded: ${verdict.damaged}. Export or save it again from the original` };
  const { width = 0, height = 0 } = verdict;
  if (width === 0 || height === 0) return { problem: `"${src}" is ${width} × ${height} pixels: there is no picture to print; export it again` };
  if (!sizeOk(width, height)) {
    const mp = Math.round((width * height) / 1e6);
    return {
      problem: `"${src}" is ${width} × ${height} pixels (${mp} megapixels), more than the ${MAX_IMAGE_MEGAPIXELS} megapixels bantin accepts: scale it down (a full A4 page at 300 dpi needs 2480 × 3508)`,
    };
  }
  if (verdict.cut) return { problem: `"${src}" is cut short: ${verdict.cut}. Copy the file again from its source` };
  return { info: { type, width, height } };
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
  if (bytes.length === 0) return { other: 'an empty file' };
  if (ascii(0, 5) === '%PDF-') return { other: 'a PDF document' };
  if (ascii(0, 4) === 'PK\u0003\u0004') return { other: 'a ZIP archive, such as a Word or PowerPoint file' };
  if (ascii(4, 8) === 'ftyp') return { other: /^(heic|heix|mif1|msf1|hevc)/.test(ascii(8, 12)) ? 'a HEIC photo, as phones take them; export it as JPEG' : /^avi[fs]/.test(ascii(8, 12)) ? 'an AVIF image' : 'a video or MP4-family file' };
  if (ascii(0, 2) === 'BM') return { other: 'a BMP image' };
  if (ascii(0, 4) === 'II*\u0000' || ascii(0, 4) === 'MM\u0000*') return { other: 'a TIFF image' };
  // The sample may end inside a character: a � there is the cut, not a binary byte.
  const head = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').replace(/\uFFFD{1,3}$/, '');
  if (head.includes('\uFFFD') || /[\u0000-\u0008\u000E-\u001F]/.test(head)) return { other: 'data of an unknown kind' };
  const start = head.replace(/^(?:\s+|<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->)*/, '');
  if (/^<!DOCTYPE\s+html|^<(html|head|body)[\s>]/i.test(start)) return { other: 'HTML text, a web page' };
  if (/^<!DOCTYPE\s+svg|^<(\w+:)?svg[\s>/]/i.test(start)) return 'svg';
  if (start.startsWith('<')) return { other: 'markup text (XML or HTML), not an SVG picture' };
  return { other: 'text' };
}

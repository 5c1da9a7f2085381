/**
 * An SVG parsed as XML (saxes), with DOCTYPEs, and so entities, refused: its root must be an <svg>
 * in the SVG namespace, or browsers show nothing. The size comes from the same parse, not from
 * image-size, whose SVG reader is a regular expression: it takes an <svg …> inside a comment for
 * the root, misses a root after 1,000 bytes of prolog and reads width="0" as no width.
 */
import { SaxesParser } from 'saxes';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The size, or why the file cannot be used: `root` names the root of XML that is not SVG. */
export function checkSvg(text: string): { width: number; height: number; damaged?: string; refused?: string; root?: string } {
  if (/<!DOCTYPE/i.test(text)) return { width: 0, height: 0, refused: 'has a <!DOCTYPE …>, which can declare entities that grow into gigabytes: delete the DOCTYPE (an SVG needs none)' };
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: { name: string; uri: string; attributes: Record<string, string> } | undefined;
  let error: string | undefined;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.on('opentag', (tag) => {
    if (root) return;
    const attributes: Record<string, string> = {};
    for (const [name, attr] of Object.entries(tag.attributes)) attributes[name] = attr.value;
    root = { name: tag.local, uri: tag.uri, attributes };
  });
  parser.write(text).close();
  if (error) return { width: 0, height: 0, damaged: `it is not well-formed XML (${error.replace(/^undefined:/, 'line ')})` };
  if (!root || root.name !== 'svg') return { width: 0, height: 0, root: root?.name ?? '' };
  if (root.uri !== SVG_NS) return { width: 0, height: 0, refused: `has an <svg> element without xmlns="${SVG_NS}", which browsers show as nothing: add it` };
  const box = (root.attributes.viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  const length = (value: string | undefined, fallback: number | undefined) => {
    if (value === undefined || /%$/.test(value.trim())) return fallback;
    const n = Number.parseFloat(value);
    return Number.isFinite(n) ? n : fallback;
  };
  const viewBox = box.length === 4 && box.every(Number.isFinite) ? { width: box[2]!, height: box[3]! } : undefined;
  const width = length(root.attributes.width, viewBox?.width) ?? 300;
  const height = length(root.attributes.height, viewBox?.height) ?? 150;
  return { width: Math.round(width), height: Math.round(height) };
}

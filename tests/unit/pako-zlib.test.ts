/**
 * The bundle's stand-in for pako (scripts/pako-zlib.js) must read and write what pako does:
 * zlib-wrapped streams for deflate/inflate, bare ones for the Raw pair.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the build scripts
import zlibPako from '../../scripts/pako-zlib.js';

const pako = createRequire(import.meta.url)('pako') as typeof zlibPako;
const text = new TextEncoder().encode('BT /F1 10 Tf <0012> Tj ET\n'.repeat(500));

describe("pako's API on Node's zlib", () => {
  it('inflates what pako deflates, and pako inflates what it deflates', () => {
    expect(zlibPako.inflate(pako.deflate(text))).toEqual(text);
    expect(pako.inflate(zlibPako.deflate(text))).toEqual(text);
    expect(pako.inflateRaw(zlibPako.deflateRaw(text))).toEqual(text);
  });

  it('honours the level (0 stores) and returns plain Uint8Arrays', () => {
    const stored = zlibPako.deflate(text, { level: 0 });
    expect(stored.length).toBeGreaterThan(text.length);
    expect(zlibPako.deflate(text).length).toBeLessThan(text.length / 10);
    expect(stored).toBeInstanceOf(Uint8Array);
  });
});

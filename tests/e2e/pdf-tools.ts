/**
 * Reading PDFs back as a reader would, with poppler (installed by .ci/run) and ZXing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const bin = path.join(repoRoot, 'bin/bantin.js');

export function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

export function pdfInfo(pdf: string): Record<string, string> {
  const info = execFileSync('pdfinfo', ['-isodates', pdf], { encoding: 'utf8' });
  return Object.fromEntries(info.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** The text of each page, whitespace collapsed, index 0 = page 1. */
export function pageTexts(pdf: string): string[] {
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return raw.split('\f').slice(0, pageCount(pdf)).map(collapse);
}

/** Text in the footer band of a page (the bottom 50 pt of an A4 page). */
export function footerText(pdf: string, page: number): string {
  return collapse(execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), '-x', '0', '-y', '792', '-W', '596', '-H', '50', pdf, '-'], { encoding: 'utf8' }));
}

export function collapse(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export interface FontRow {
  name: string;
  embedded: boolean;
}

export function fonts(pdf: string): FontRow[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name, type…, encoding, emb, sub, uni, object id
    const emb = cols[cols.length - 5];
    return { name: cols[0]!, embedded: emb === 'yes' };
  });
}

/**
 * Every QR code on every page, decoded with ZXing (zxing-cpp as WebAssembly, the decoder of many
 * phone apps) from a 150 dpi grey rendering: every code of every shared print decodes the same
 * as at 200 dpi; at 120 dpi the press prints lose some. ZXing reads the PGM files pdftoppm
 * writes as they are, in this process (no program to install, and a fifth of the time zbarimg took).
 */
export async function decodeQrCodes(pdf: string): Promise<Map<number, string[]>> {
  // Several tests read the codes of one shared print (prints-plan.ts): decoded once, kept in its folder.
  const cache = qrCache(pdf);
  if (cache && existsSync(cache)) return new Map(JSON.parse(readFileSync(cache, 'utf8')) as Array<[number, string[]]>);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-qr-'));
  try {
    execFileSync('pdftoppm', ['-r', '150', '-gray', pdf, path.join(dir, 'p')]);
    const found = new Map<number, string[]>();
    for (const file of readdirSync(dir).sort()) {
      const page = Number(/(\d+)\.pgm$/.exec(file)?.[1]);
      if (!Number.isInteger(page)) throw new Error(`pdftoppm wrote ${file}`);
      const codes = await readQrCodes(readFileSync(path.join(dir, file)));
      if (codes.length) found.set(page, codes);
    }
    if (cache) writeFileSync(cache, JSON.stringify([...found]));
    return found;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let zxing: Promise<typeof import('zxing-wasm/reader')> | undefined;

/** The texts of the QR codes in an image file (PGM, PNG, JPEG). */
export async function readQrCodes(image: Uint8Array): Promise<string[]> {
  zxing ??= import('zxing-wasm/reader').then((reader) => {
    // Its WebAssembly from the package's own folder: by default it would fetch it from a CDN.
    const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    reader.prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer }, fireImmediately: true });
    return reader;
  });
  // Printed codes are upright and dark on light, at a resolution where no downscaling is needed:
  // looking for rotated, inverted or shrunk ones would only double the time.
  const results = await (await zxing).readBarcodes(new Uint8Array(image), { formats: ['QRCode'], tryHarder: true, tryRotate: false, tryInvert: false, tryDownscale: false, maxNumberOfSymbols: 255 });
  return results.filter((r) => r.isValid).map((r) => r.text);
}

/** Where the codes of a shared print are kept (none for another PDF). */
function qrCache(pdf: string): string | undefined {
  const root = inject('prints')?.root;
  if (!root || !pdf.startsWith(`${root}${path.sep}`)) return undefined;
  const { size, mtimeMs } = statSync(pdf);
  const dir = path.join(root, 'qr-codes');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${path.relative(root, pdf).replaceAll(path.sep, '_')}-${size}-${Math.round(mtimeMs)}.json`);
}


export interface OutlineNode {
  title: string;
  children: OutlineNode[];
}

export async function readOutline(pdf: string): Promise<OutlineNode[]> {
  const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walk = (first: PDFDict | undefined): OutlineNode[] => {
    const out: OutlineNode[] = [];
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'));
      out.push({
        title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
        children: walk(item.lookupMaybe(PDFName.of('First'), PDFDict)),
      });
    }
    return out;
  };
  return walk(root?.lookupMaybe(PDFName.of('First'), PDFDict));
}

export async function catalogLang(pdf: string): Promise<string | undefined> {
  const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
  const lang = doc.catalog.lookup(PDFName.of('Lang'));
  return lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined;
}

/** CI=true (or 1), as GitHub Actions and most CI services set it. */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}

/**
 * Whether a test that needs these programs runs: when they are installed, and always under CI,
 * where a missing tool must fail the test (requireTools) instead of skipping it.
 */
export function runsWith(tools: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return isCI(env) || tools.every((tool) => spawnSync(tool, ['--version'], { env }).status === 0);
}

/** Fails the test, naming the tool, when one is missing (under CI, where runsWith runs it anyway). */
export function requireTools(tools: readonly string[]): void {
  const missing = tools.filter((tool) => spawnSync(tool, ['--version']).status !== 0);
  if (missing.length) throw new Error(`not installed: ${missing.join(', ')} (CI must install it: see .ci/run and .github/workflows)`);
}

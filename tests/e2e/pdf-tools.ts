/**
 * Reading PDFs back as a reader would, with poppler and zbar (installed by .ci/run).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { readFileSync } from 'node:fs';

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

/** Every QR code on every page, decoded with zbarimg from a 200 dpi rendering. */
export function decodeQrCodes(pdf: string): Map<number, string[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-qr-'));
  try {
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', pdf, path.join(dir, 'p')]);
    const found = new Map<number, string[]>();
    for (const file of readdirSync(dir).sort()) {
      const page = Number(/(\d+)\.png$/.exec(file)?.[1]);
      const run = spawnSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', path.join(dir, file)], { encoding: 'utf8' });
      const codes = run.stdout.split('\n').filter(Boolean);
      if (codes.length) found.set(page, codes);
    }
    return found;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

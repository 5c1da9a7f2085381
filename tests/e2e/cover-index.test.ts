/**
 * The Hải Phòng cover index at the size of the real issue 10/2026: 34 items in 8 groups
 * (tests/fixtures/cover-index-34.yaml), built with the shipped command line and read back from the
 * final PDF. Each cover entry is a link: the words inside its rectangle are its title and its page
 * number, which must be the page its link goes to and the page the item's title starts on. On A5
 * the cover keeps the first ones with a warning; 40 items on A4 are an error naming how many fit.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/issue/load.js';
import type { Issue } from '../../src/issue/model.js';
import { readDestinations } from '../../src/pdf/destinations.js';
import { pageTexts, repoRoot } from './pdf-tools.js';
import { runCli, type CliRun } from './run-cli.js';
import { firstPartPage, pageOf } from './toc-check.js';

const FIXTURE = path.join(repoRoot, 'tests/fixtures/cover-index-34.yaml');
const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-cover-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, BANTIN_LANG: 'en' };

interface CoverEntry {
  /** The link's target: the highlight's id. */
  id: string;
  /** The words inside the link but its page number, joined by spaces. */
  title: string;
  printed: number;
}

/** The cover's links to items, each with the words pdftotext finds inside its rectangle. */
async function coverEntries(pdf: string): Promise<CoverEntry[]> {
  const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
  const page = doc.getPages()[0]!;
  const height = page.getHeight();
  const xml = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', pdf, '-'], { encoding: 'utf8' });
  const words = [...xml.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
    x: (Number(m[1]) + Number(m[3])) / 2,
    y: (Number(m[2]) + Number(m[4])) / 2,
    top: Number(m[2]),
    left: Number(m[1]),
    text: m[5]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'),
  }));
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [];
  const entries: CoverEntry[] = [];
  for (const ref of annots) {
    const annot = doc.context.lookup(ref as PDFRef, PDFDict);
    const dest = annot.get(PDFName.of('Dest'));
    if (!(dest instanceof PDFName)) continue; // the QR codes' web links
    const [x0, y0, x1, y1] = annot.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => Number(n.toString()));
    const inside = words
      .filter((w) => w.x >= x0! - 1 && w.x <= x1! + 1 && w.y >= height - y1! - 1 && w.y <= height - y0! + 1)
      .sort((a, b) => Math.round(a.top) - Math.round(b.top) || a.left - b.left);
    const label = inside.findIndex((w, i) => w.text === 'tr.' && /^\d+$/.test(inside[i + 1]?.text ?? ''));
    if (label < 0) continue;
    const printed = Number(inside[label + 1]!.text);
    const title = inside.filter((_, i) => i !== label && i !== label + 1).map((w) => w.text).join(' ');
    entries.push({ id: dest.decodeText(), title, printed });
  }
  return entries;
}

/** Titles as pdftotext gives them back: no spaces nor hyphens (a line break may drop one), one quote shape. */
const loose = (text: string) => text.normalize('NFC').replace(/[\s\-‐]/g, '').replace(/[“”]/g, '"');

let issue: Issue;
beforeAll(async () => {
  const loaded = await loadIssue(FIXTURE);
  expect(loaded.diagnostics).toEqual([]);
  issue = loaded.issue!;
});

async function build(input: string, size: 'A4' | 'A5'): Promise<{ run: CliRun; pdf: string }> {
  const pdf = path.join(dir, `${path.basename(input, '.yaml')}-${size}.pdf`);
  const run = await runCli(['build', input, '--size', size, '-o', pdf], { env, timeoutMs: 180_000 });
  return { run, pdf };
}

/** Every entry's number is the page its link goes to and the page the item's title starts on. */
async function expectTruePageNumbers(pdf: string, entries: CoverEntry[]) {
  const { destinations } = await readDestinations(readFileSync(pdf));
  const texts = pageTexts(pdf);
  const from = firstPartPage(texts);
  expect(from).toBeGreaterThan(0);
  for (const entry of entries) {
    const article = issue.articles.find((a) => a.id === entry.id)!;
    expect(loose(entry.title), entry.id).toBe(loose(article.title));
    expect(entry.printed, article.title).toBe(destinations.get(entry.id)?.page);
    expect(entry.printed, article.title).toBe(pageOf(texts, article.title, from));
  }
}

describe('the Hải Phòng cover index of 34 items in 8 groups', () => {
  it('prints all 34 on the A4 cover, each with the page it starts on', async () => {
    const { run, pdf } = await build(FIXTURE, 'A4');
    expect(run.stderr).not.toMatch(/warning|error/);
    expect(run.code).toBe(0);
    const entries = await coverEntries(pdf);
    expect(entries.map((e) => e.id)).toEqual(issue.cover.highlights.map((h) => h.id));
    expect(entries).toHaveLength(34);
    await expectTruePageNumbers(pdf, entries);
    // The eight group labels, in capitals, and the footer's QR links below the index.
    const cover = pageTexts(pdf)[0]!;
    for (const group of issue.cover.groups) expect(cover).toContain(group.label!.toLocaleUpperCase('vi'));
    expect(cover).toContain('THEO DÕI TRÊN FACEBOOK');
  });

  it('prints on A5 the first 21 that fit, with a warning saying so, and their true pages', async () => {
    const { run, pdf } = await build(FIXTURE, 'A5');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning cover.highlights[4].items[2]: the A5 cover has room for 21 of the 34 highlights');
    // Nothing is clipped: the measurement of the printed page finds no cover item cut off.
    expect(run.stderr).not.toContain('has no room for');
    const entries = await coverEntries(pdf);
    expect(entries.map((e) => e.id)).toEqual(issue.cover.highlights.slice(0, 21).map((h) => h.id));
    await expectTruePageNumbers(pdf, entries);
  });

  it('refuses 40 items on A4: an error at the first that does not fit, naming how many do, and no PDF', async () => {
    const more = ['nang-cao-nang-luc-ung-pho-thien-tai', 'nong-san-viet-truoc-luat-choi-carbon-khong-chuyen-doi-se-mat-thi-truong', 'co-hoi-cua-viet-nam-trong-chuoi-gia-tri-san-xuat-robot', 'dat-nen-tang-van-hanh-cho-ca-nhiem-ky', 'giu-mach-van-hoa-doc-trong-thoi-dai-so', 'thu-vien-so-dinh-hinh-cach-hoc-moi'];
    const last = '        - giai-thuong-khcn-100-lan-luong-co-so\n';
    const input = path.join(dir, 'cover-index-40.yaml');
    const text = readFileSync(FIXTURE, 'utf8').replace(last, last + more.map((id) => `        - ${id}\n`).join(''));
    writeFileSync(input, text);
    const { run, pdf } = await build(input, 'A4');
    expect(run.code).toBe(1);
    const line = text.slice(0, text.indexOf(`- ${more[2]}`)).split('\n').length;
    expect(run.stderr).toContain(`${input}:${line}:11 error cover.highlights[7].items[6]: the A4 cover has room for 36 of the 40 highlights`);
    expect(run.stderr).toContain('feature 4 fewer, or drop a group label');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(pdf)).toBe(false);
  });
});

/**
 * The cover's footer with as many links as `bantin check` lets through (COVER_LINKS_MAX): read
 * back from the PDF, every label keeps one line on A4 and breaks only between words on A5, and
 * every address breaks only after a "/" or a "."; one link more and check warns.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COVER_LINKS_MAX } from '../../src/issue/lint/index.js';
import type { Profile } from '../../src/pdf/profile.js';
import { issueWithLinks, SOCIAL } from './inputs.js';
import { printed } from './prints.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-cover-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The cover's text lines, as pdftotext lays them out (words joined by one space). */
function coverLines(pdf: string): Set<string> {
  const xml = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox-layout', pdf, '-'], { encoding: 'utf8' });
  const lines = new Set<string>();
  for (const line of xml.split('</line>')) {
    const words = [...line.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    if (words.length > 0) lines.add(words.join(' '));
  }
  return lines;
}

/** Whether `text` is set as whole lines of `lines`, each ending only at one of the allowed breaks. */
function setInLines(text: string, breaks: RegExp, lines: Set<string>): boolean {
  const pieces = text.split(breaks).filter((p) => p !== '');
  const from = (i: number): boolean => {
    if (i === pieces.length) return true;
    for (let j = i + 1; j <= pieces.length; j++) {
      if (lines.has(pieces.slice(i, j).join('').trim()) && from(j)) return true;
    }
    return false;
  };
  return from(0);
}

const short = (url: string) => url.replace(/^https:\/\/(www\.)?/, '');
const cases: Array<{ size: 'A4' | 'A5'; profile: Profile }> = [
  { size: 'A4', profile: 'print' },
  { size: 'A4', profile: 'press' },
  { size: 'A5', profile: 'print' },
  { size: 'A5', profile: 'screen' },
];

describe.each(cases)('the cover with the most links check allows, $size $profile', ({ size, profile }) => {
  it('keeps every label readable and breaks addresses only after / or .', () => {
    const max = COVER_LINKS_MAX[size];
    // so-20 with `max` links (inputs.ts issueWithLinks), printed in this profile and size (prints-plan.ts).
    const result = printed(`${profile}-${size}`, `links-${max}-${size}`);
    const output = result.pdf;
    expect(result.diagnostics).toEqual([]);
    const lines = coverLines(output);
    const labels = ['Trang thông tin', ...SOCIAL.slice(0, max - 1).map((s) => `Theo dõi trên ${s.label}`)].map((l) => l.toLocaleUpperCase('vi'));
    const urls = ['sokhcn.haiphong.gov.vn', ...SOCIAL.slice(0, max - 1).map((s) => short(s.url))];
    // A4 has the width for one line per label; A5's two columns break a label between words.
    const labelBreaks = size === 'A4' ? /(?!)/ : /(?<= )/;
    expect(labels.filter((label) => !setInLines(label, labelBreaks, lines))).toEqual([]);
    expect(urls.filter((url) => !setInLines(url, /(?<=[./])/, lines))).toEqual([]);
    // The band is at its smallest then: the masthead still keeps clear of the publisher above it.
    const words = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', output, '-'], { encoding: 'utf8' });
    const top = (text: string) => [...words.matchAll(new RegExp(`yMin="([\\d.]+)" xMax="[\\d.]+" yMax="([\\d.]+)">${text}<`, 'g'))].map((m) => [Number(m[1]), Number(m[2])] as const);
    const publisherBottom = Math.max(...top('PHÒNG').map(([, y1]) => y1));
    const mastheadTop = Math.min(...top('ĐIỂM').map(([y0]) => y0));
    expect(mastheadTop - publisherBottom).toBeGreaterThan(8);
  });
});

describe('bantin check and the cover links', () => {
  it.each(['A4', 'A5'] as const)('warns about one link more than %s has room for, not about the most it has', async (size) => {
    const codes = async (links: number) => {
      const run = await runCli(['check', '--json', issueWithLinks(dir, links, size)]);
      const [report] = JSON.parse(run.stdout) as Array<{ warnings: Array<{ code: string }> }>;
      return report!.warnings.map((w) => w.code);
    };
    expect(await codes(COVER_LINKS_MAX[size])).toEqual([]);
    expect(await codes(COVER_LINKS_MAX[size] + 1)).toEqual(['too-many-links']);
  });
});

/**
 * `bantin add` as an editor runs it, through bin/bantin.js, against article pages a server of
 * this test serves on 127.0.0.1 (never the internet): four good links and a dead one into
 * "Tin trong nước" of the example issue. Four drafts appended in that part, every comment kept,
 * the dead link named, exit 1; the issue still passes `bantin check` (draft warnings) and
 * builds, without a request to the pages' server.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareMetaPage, jsonLdPage, noDescriptionPage, openGraphPage, SEED, startNewsServer, windows1258, type NewsServer } from '../unit/news-pages.js';
import { collapse, pageTexts, repoRoot } from './pdf-tools.js';
import { runCli } from './run-cli.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-add-e2e-'));
const example = path.join(repoRoot, 'examples/so-20-2026.yaml');
const [a, b, c, d] = SEED as [(typeof SEED)[number], (typeof SEED)[number], (typeof SEED)[number], (typeof SEED)[number]];
let server: NewsServer;

beforeAll(async () => {
  const old = Buffer.concat([
    Buffer.from('<html><head><meta charset="windows-1258"><title>'),
    windows1258(`${d.headline} - Đài Phát thanh và Truyền hình Hải Phòng`),
    Buffer.from('</title><meta property="og:site_name" content="'),
    windows1258('Đài Phát thanh và Truyền hình Hải Phòng'),
    Buffer.from('"><meta property="article:published_time" content="2026-05-29T10:15:00+07:00"></head><body><p>'),
    windows1258(d.body.split('\n\n')[0]!),
    Buffer.from('</p></body></html>'),
  ]);
  server = await startNewsServer({
    '/ttxvn/bai-1.html': { body: jsonLdPage(a, '2026-05-26', 'Thông tấn xã Việt Nam') },
    '/baochinhphu/bai-2.htm': { body: openGraphPage(b, '2026-05-27', 'Báo điện tử Chính phủ') },
    '/baohaiphong/bai-3.html': { body: bareMetaPage(c, '2026-05-28') },
    '/thp/bai-4.aspx': { body: old, headers: { 'content-type': 'text/html' } },
    '/s/4': { status: 301, headers: { location: '/thp/bai-4.aspx?utm_source=zalo&zarsrc=30' } },
    '/portal/bai-5': { body: noDescriptionPage(SEED[4]!, '2026-05-29') },
  });
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

/** The comment lines of a YAML text, in order. */
const comments = (text: string) => text.split('\n').filter((line) => /(^|\s)#\s/.test(line));

describe('bantin add', () => {
  it('appends four drafts and names the dead link; the issue still checks and builds, fetching nothing', async () => {
    const dir = mkdtempSync(path.join(work, 'four-'));
    const file = path.join(dir, 'so-20-2026.yaml');
    copyFileSync(example, file);
    const before = readFileSync(file, 'utf8');
    const dead = `${server.base}/bao-cu/da-xoa-123.html`;
    const links = [`${server.base}/ttxvn/bai-1.html?utm_source=facebook&fbclid=IwAR1`, `${server.base}/baochinhphu/bai-2.htm`, dead, `${server.base}/baohaiphong/bai-3.html`, `${server.base}/s/4`];
    const run = await runCli(['add', 'so-20-2026.yaml', ...links, '--part', '2'], { cwd: dir, env: { ...process.env, LANG: 'C', NO_COLOR: '1' } });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe(`${file}\n`);
    expect(run.stderr).toContain(`✗ ${dead}: the page does not exist (HTTP 404)\n`);
    expect(run.stderr).toContain(`+ ${a.headline} (TTXVN, 2026-05-26)\n`);
    expect(run.stderr).toContain('added 4 of 5 links to part 2 (Tin trong nước) of so-20-2026.yaml, as drafts');
    expect(run.stderr).toContain('bantin: 1 of 5 links could not be added (see above); the others are in the issue\n');
    expect(run.stderr).not.toMatch(/\n\s+at /);

    const after = readFileSync(file, 'utf8');
    expect(comments(after).filter((line) => !line.includes('drafted by bantin add'))).toEqual(comments(before));
    const added = (parse(after) as { parts: Array<{ articles: Array<Record<string, unknown>> }> }).parts[1]!.articles.filter((x) => x.draft);
    expect(added).toEqual([
      { date: '2026-05-26', title: a.headline, source: { name: 'TTXVN', url: `${server.base}/ttxvn/bai-1.html` }, body: expect.any(String), draft: true },
      { date: '2026-05-27', title: b.headline, source: { name: 'Báo Chính phủ', url: `${server.base}/baochinhphu/bai-2.htm` }, body: expect.any(String), draft: true },
      { date: '2026-05-28', title: c.headline, source: { name: 'Báo Hải Phòng', url: `${server.base}/baohaiphong/bai-3.html` }, body: expect.any(String), draft: true },
      { date: '2026-05-29', title: d.headline, source: { name: 'Đài PTTH Hải Phòng', url: `${server.base}/thp/bai-4.aspx` }, body: expect.any(String), draft: true },
    ]);
    // The summary, never the article.
    for (const [i, item] of [a, b, c, d].entries()) {
      const body = String(added[i]!.body);
      expect(body.length).toBeLessThan(item.body.length);
      expect(collapse(item.body)).toContain(collapse(body).replace(/…$/, ''));
    }

    const check = await runCli(['check', 'so-20-2026.yaml'], { cwd: dir, env: { ...process.env, LANG: 'C', NO_COLOR: '1' } });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr.match(/ warning parts\[1\]\.articles\[\d+\]\.draft: this item was drafted by "bantin add"/g)).toHaveLength(4);
    // Each draft went to its date's place: no date-order warning, no other warning at all.
    expect(check.stderr).toContain('so-20-2026.yaml: ok (4 warnings)');

    const hits = server.hits.length;
    const build = await runCli(['build', 'so-20-2026.yaml', '-o', 'so-20-2026.pdf'], { cwd: dir, timeoutMs: 180_000 });
    expect(build.code, build.stderr).toBe(0);
    expect(server.hits.length, 'building fetched a page').toBe(hits);
    // Quotes print in the style (typographic by default), whatever the page had.
    const straight = (t: string) => t.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
    const text = straight(collapse(pageTexts(path.join(dir, 'so-20-2026.pdf')).join('\n')));
    for (const item of [a, b, c, d]) expect(text).toContain(straight(collapse(item.headline)));
  });

  it('says in Vietnamese why a link failed, and leaves the file as it was', async () => {
    const dir = mkdtempSync(path.join(work, 'vi-'));
    const file = path.join(dir, 'so-20-2026.yaml');
    copyFileSync(example, file);
    const before = readFileSync(file);
    const run = await runCli(['--lang', 'vi', 'add', 'so-20-2026.yaml', `${server.base}/khong-co.html`, 'ftp://127.0.0.1/tai-lieu', '--part', 'Tin Hải Phòng'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`✗ ${server.base}/khong-co.html: trang không tồn tại (HTTP 404)`);
    expect(run.stderr).toContain('✗ ftp://127.0.0.1/tai-lieu: chỉ thêm được trang http và https, không phải ftp:');
    expect(run.stderr).toContain('không thêm được tin nào: so-20-2026.yaml giữ nguyên');
    expect(run.stdout).toBe('');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(path.join(dir, 'so-20-2026.pdf'))).toBe(false);
  });
});
